package kv

import (
	"container/heap"
	"math/rand/v2"
	"slices"
	"time"
)

// engine is one run: servers, clients, the network's messages in flight
// and the timers, the operations and the events so far. It is
// single-threaded; Sim guards it.
type engine struct {
	cfg     Config // the knobs as they are now
	rng     *rand.Rand
	now     time.Duration
	queue   queue
	seq     int
	servers []*server // index 0 unused
	clients []*client // index 0 unused
	ops     []*opRecord
	values  int // the last value written
	invoked int // operations the clients invoked on their own
	cut     []int
	events  []Event
	pending []Action // actions a script or a configured partition takes next
	script  *script
	cuts    []Cut // the Config's partitions still to start or heal
	count   Counters
	known   map[string][]Version // per key: what completed operations have seen
	written map[string][]Version // per key: what completed writes wrote
	fresh   []completion         // operations completed at the current time, not yet in known
	lastEnd time.Duration        // when the last operation ended
	lab     labWatch
}

// server is one server: what it stores, the hints it keeps for others,
// and the operations it coordinates.
type server struct {
	id      int
	up      bool
	store   map[string][]Version
	hints   []hint
	counter uint32 // writes it coordinated: its entry in version vectors
	coords  map[int]*coord
}

// hint is a write a spare keeps for a replica it could not reach.
type hint struct {
	For int
	Key string
	V   Version
}

// client is one client: its operation in progress, and what its session
// has seen.
type client struct {
	id        int
	home      int
	busy      *opRecord
	thinking  bool                 // its next operation of its own is scheduled
	lastWrite map[string][]Version // for read-your-writes
	lastRead  map[string][]Version // for monotonic reads, and a write's context
}

func newEngine(cfg Config) *engine {
	e := &engine{
		cfg:     cfg,
		rng:     rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		known:   map[string][]Version{},
		written: map[string][]Version{},
		cuts:    slices.Clone(cfg.Partitions),
	}
	e.servers = make([]*server, cfg.Servers()+1)
	for id := 1; id < len(e.servers); id++ {
		e.servers[id] = &server{id: id, up: true, store: map[string][]Version{}, coords: map[int]*coord{}}
	}
	e.clients = make([]*client, cfg.Clients+1)
	for id := 1; id < len(e.clients); id++ {
		e.clients[id] = &client{id: id, home: (id-1)%cfg.N + 1, lastWrite: map[string][]Version{}, lastRead: map[string][]Version{}}
	}
	if sc, ok := FindScenario(cfg.Scenario); ok && len(sc.stages) > 0 {
		e.script = &script{sc: sc}
	} else {
		e.startClients()
	}
	return e
}

// completion is what an operation that ended makes known. Operations
// that end at the instant another begins are concurrent with it (a
// history's intervals are closed), so they join known only once the
// clock moves on.
type completion struct {
	at    time.Duration
	key   string
	vs    []Version
	write bool
}

// settle moves the completions of earlier instants into known.
func (e *engine) settle() {
	kept := e.fresh[:0]
	for _, c := range e.fresh {
		if c.at >= e.now {
			kept = append(kept, c)
			continue
		}
		e.known[c.key] = merge(e.cfg.Conflicts, e.known[c.key], c.vs...)
		if c.write {
			e.written[c.key] = merge(e.cfg.Conflicts, e.written[c.key], c.vs...)
		}
	}
	e.fresh = kept
}

// item is one thing due in the queue: a message arriving, a coordinator's
// timeout, a client's next operation, a spare's handoff.
type item struct {
	at   time.Duration
	seq  int
	kind itemKind
	msg  *message
	id   int // the server (timeout, handoff) or client (think)
	op   int // the timeout's operation
	lost bool
}

type itemKind int

const (
	itemMsg itemKind = iota
	itemTimeout
	itemThink
	itemHandoff
)

type queue []*item

func (q queue) Len() int { return len(q) }
func (q queue) Less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}
func (q queue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)   { *q = append(*q, x.(*item)) }
func (q *queue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

func (e *engine) schedule(it *item) {
	e.seq++
	it.seq = e.seq
	heap.Push(&e.queue, it)
}

// msgKind is what a message carries.
type msgKind int

const (
	mWrite msgKind = iota
	mWriteAck
	mRead
	mReadReply
	mRepair
	mRepairAck
	mHandoff
)

// message is one message between servers.
type message struct {
	kind     msgKind
	from, to int
	op       int
	key      string
	vs       []Version
	hintFor  int // a write a spare keeps for this replica
	sentAt   time.Duration
}

// send puts a message on the network: at once to the sender itself,
// otherwise after a random delay, lost with the configured probability.
func (e *engine) send(m *message) {
	m.sentAt = e.now
	it := &item{kind: itemMsg, msg: m, at: e.now}
	if m.to != m.from {
		it.at += e.draw(e.cfg.DelayMin, e.cfg.DelayMax)
		if e.script != nil {
			it.at += e.script.sc.lag[m.to]
		}
		it.lost = e.cfg.Loss > 0 && e.rng.Float64() < e.cfg.Loss
	}
	e.schedule(it)
}

// startClients has every idle client think about its next operation of
// its own, if the run has a workload.
func (e *engine) startClients() {
	if e.cfg.Ops == 0 {
		return
	}
	for _, c := range e.clients[1:] {
		if c.busy == nil {
			e.think(c.id)
		}
	}
}

// think schedules a client's next operation of its own.
func (e *engine) think(id int) {
	if e.clients[id].thinking {
		return
	}
	e.clients[id].thinking = true
	e.schedule(&item{kind: itemThink, id: id, at: e.now + e.draw(e.cfg.ThinkMin, e.cfg.ThinkMax)})
}

// draw is a random duration in lo..hi in whole milliseconds, so every
// time in a run reads as a whole number of milliseconds.
func (e *engine) draw(lo, hi time.Duration) time.Duration {
	lo, hi = lo.Round(time.Millisecond), hi.Round(time.Millisecond)
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(e.rng.Int64N(int64((hi-lo)/time.Millisecond)+1))*time.Millisecond
}

// reach reports whether server a can send to server b now.
func (e *engine) reach(a, b int) bool {
	if !e.servers[a].up || !e.servers[b].up {
		return false
	}
	return a == b || slices.Contains(e.cut, a) == slices.Contains(e.cut, b)
}

// next is the queue's next item, nil if it is empty.
func (e *engine) next() *item {
	if len(e.queue) == 0 {
		return nil
	}
	return e.queue[0]
}

// event records what happened.
func (e *engine) event(ev Event) {
	ev.N = len(e.events) + 1
	ev.At = e.now
	e.events = append(e.events, ev)
}
