package scale

import "time"

// evKind is what an event does when its time comes.
type evKind uint8

const (
	evArrival   evKind = iota // a request arrives at the side
	evDeparture               // a core finishes a request
	evRepair                  // a crashed machine or node comes back (after MTTR)
	evHealth                  // the load balancer checks its nodes
)

// event is one entry of a side's event queue. Events are cheap values;
// ones made stale by a crash, a repair or a change of load are told apart
// by epoch and dropped when they come up.
type event struct {
	at     time.Duration // simulated time since the start
	seq    uint64        // order of scheduling: breaks ties so runs are deterministic
	kind   evKind
	unit   int32 // station (the machine, or a node)
	server int32 // core within the station
	epoch  uint32
}

func (a *event) before(b *event) bool {
	if a.at != b.at {
		return a.at < b.at
	}
	return a.seq < b.seq
}

// eventQueue is a binary min-heap of events by (at, seq), typed so the
// simulation's hot path does no interface calls or allocations.
type eventQueue struct {
	ev  []event
	seq uint64
}

func (q *eventQueue) len() int { return len(q.ev) }

func (q *eventQueue) peek() *event { return &q.ev[0] }

func (q *eventQueue) push(e event) {
	q.seq++
	e.seq = q.seq
	q.ev = append(q.ev, e)
	i := len(q.ev) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !q.ev[i].before(&q.ev[p]) {
			break
		}
		q.ev[i], q.ev[p] = q.ev[p], q.ev[i]
		i = p
	}
}

func (q *eventQueue) pop() event {
	top := q.ev[0]
	last := len(q.ev) - 1
	q.ev[0] = q.ev[last]
	q.ev = q.ev[:last]
	i, n := 0, last
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		c := l
		if r := l + 1; r < n && q.ev[r].before(&q.ev[l]) {
			c = r
		}
		if !q.ev[c].before(&q.ev[i]) {
			break
		}
		q.ev[i], q.ev[c] = q.ev[c], q.ev[i]
		i = c
	}
	return top
}
