package clocks

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"time"
)

// engine is one simulation in progress: a queue of things due to happen
// (a process's next local or send event, the delivery of a message copy)
// popped in true-time order, one event each.
type engine struct {
	cfg    Config // with defaults; for a scenario, the scenario's own values
	procs  []Proc
	script []step // a scenario's hand-placed events; nil for the random workload
	focus  []string
	rng    *rand.Rand
	q      queue
	seq    int

	lamport []int
	vector  [][]int // each process's vector clock now
	count   []int   // events per process so far
	last    []time.Duration
	msgs    []msgState
	events  []Event
	slab    []int // backing for the events' vectors, allocated in chunks
	label   []byte
}

// msgState is a message and the timestamps it carries.
type msgState struct {
	Message
	lamport   int
	vector    []int
	delivered int
}

// item is something due to happen at a process.
type item struct {
	at      time.Duration
	seq     int // insertion order: ties in time go first come, first served
	proc    int
	deliver bool // a message copy arrives; else the process's next action
	msg     int  // the message, for a delivery
	step    int  // the script step, for a scenario's action
}

func newEngine(cfg Config) *engine {
	e := &engine{}
	if sc := findScenario(cfg.Scenario); sc != nil {
		e.cfg, e.procs, e.script, e.focus = sc.config(cfg.Seed), sc.procs(), sc.steps, sc.focus
	} else {
		e.cfg = cfg.withDefaults()
		if p := cfg.Partition; p != nil { // the caller's may change; ours may not
			e.cfg.Partition = &Partition{A: slices.Clone(p.A), B: slices.Clone(p.B), From: p.From, To: p.To}
		}
		e.rng = rand.New(rand.NewPCG(e.cfg.Seed, 0x636c6f636b73)) // "clocks"
		e.procs = make([]Proc, e.cfg.Procs)
		for p := range e.procs {
			e.procs[p].Name = ProcName(p)
			e.procs[p].Offset = e.draw(-e.cfg.Skew, e.cfg.Skew)
			e.procs[p].DriftPPM = e.cfg.DriftPPM * float64(e.rng.Int64N(2001)-1000) / 1000
		}
	}
	n := e.cfg.Procs
	// Room for the whole run up front (within reason): growing a slice of
	// events by appending costs more than the simulation itself.
	e.events = make([]Event, 0, min(e.cfg.Events, 1<<16))
	e.msgs = make([]msgState, 0, min(e.cfg.Events/2+1, 1<<15))
	e.lamport, e.count = make([]int, n), make([]int, n)
	e.last = make([]time.Duration, n)
	e.vector = make([][]int, n)
	for p := range e.vector {
		e.vector[p] = make([]int, n)
	}
	if e.script != nil {
		for i, s := range e.script {
			e.push(item{at: s.at, proc: s.proc, step: i})
		}
	} else {
		for p := range n {
			e.push(item{at: e.draw(0, e.cfg.Interval), proc: p})
		}
	}
	return e
}

// draw is uniform in [lo, hi] in whole microseconds.
func (e *engine) draw(lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(e.rng.Int64N(int64((hi-lo)/time.Microsecond)+1))*time.Microsecond
}

func (e *engine) push(it item) {
	it.seq = e.seq
	e.seq++
	e.q.push(it)
}

func (e *engine) done() bool { return len(e.events) >= e.cfg.Events || len(e.q) == 0 }

// step makes the next event happen; false when the run is complete.
func (e *engine) step() bool {
	for !e.done() {
		it := e.q.pop()
		if p := it.proc; e.count[p] > 0 && it.at <= e.last[p] {
			// A process does one thing at a time: what arrives while it is
			// busy waits a microsecond. This keeps each process's physical
			// clock strictly increasing from event to event.
			it.at = e.last[p] + time.Microsecond
			e.push(it)
			continue
		}
		if it.deliver {
			e.receive(it)
		} else {
			e.act(it)
		}
		return true
	}
	return false
}

// act is a process's own local or send event.
func (e *engine) act(it item) {
	p, t := it.proc, it.at
	if e.script != nil {
		s := e.script[it.step]
		if !s.send {
			e.event(p, Local, t, nil)
			return
		}
		delays := [2]time.Duration{s.delay, -1}
		if s.dup > 0 {
			delays[1] = s.dup
		}
		e.send(p, s.to, t, delays, s.lost)
		return
	}
	if e.rng.IntN(2) == 0 {
		e.event(p, Local, t, nil)
	} else {
		to := e.rng.IntN(e.cfg.Procs - 1)
		if to >= p {
			to++
		}
		delays := [2]time.Duration{e.draw(e.cfg.DelayMin, e.cfg.DelayMax), -1}
		lost := e.rng.Float64() < e.cfg.Loss
		if e.rng.Float64() < e.cfg.Dup {
			delays[1] = e.draw(e.cfg.DelayMin, e.cfg.DelayMax)
		}
		e.send(p, to, t, delays, lost)
	}
	e.push(item{at: t + e.draw(e.cfg.Interval/2, e.cfg.Interval*3/2), proc: p})
}

// send is p's send event at true time t of a message whose copies take
// delays (the second one is a duplicate, if not negative); the message is
// lost if lost is set or the partition cuts every copy.
func (e *engine) send(p, to int, t time.Duration, delays [2]time.Duration, lost bool) {
	m := len(e.msgs)
	ev := e.event(p, Send, t, nil)
	copies := delays[:1]
	if delays[1] >= 0 {
		copies = delays[:2]
		slices.Sort(copies)
	}
	arrive := make([]time.Duration, 0, len(copies))
	for _, d := range copies {
		if !e.cfg.Partition.cuts(p, to, t, t+d) {
			arrive = append(arrive, t+d)
		}
	}
	if lost || len(arrive) == 0 {
		lost, arrive = true, append(arrive[:0], t+copies[0])
	}
	ev.Msg, ev.Peer, ev.Lost = m, to, lost
	e.msgs = append(e.msgs, msgState{
		Message: Message{ID: m, From: p, To: to, Send: ev.ID, Arrive: arrive, Lost: lost},
		lamport: ev.Lamport, vector: ev.Vector,
	})
	if !lost {
		for _, a := range arrive {
			e.push(item{at: a, proc: to, deliver: true, msg: m})
		}
	}
}

// receive is the delivery of one copy of a message.
func (e *engine) receive(it item) {
	ms := &e.msgs[it.msg]
	ms.delivered++
	ev := e.event(it.proc, Receive, it.at, ms)
	ev.Msg, ev.Peer, ev.Dup = ms.ID, ms.From, ms.delivered > 1
	ms.Receives = append(ms.Receives, ev.ID)
}

// event appends p's next event and ticks its clocks: a receive first takes
// the maximum of its own clocks and the message's, then every event counts one.
func (e *engine) event(p int, k Kind, t time.Duration, ms *msgState) *Event {
	v := e.vector[p]
	if ms != nil {
		e.lamport[p] = max(e.lamport[p], ms.lamport)
		for i, x := range ms.vector {
			v[i] = max(v[i], x)
		}
	}
	e.lamport[p]++
	v[p]++
	e.count[p]++
	e.last[p] = t
	if len(e.slab) < len(v) {
		e.slab = make([]int, 1024*len(v))
	}
	vec := e.slab[:len(v):len(v)]
	e.slab = e.slab[len(v):]
	copy(vec, v)
	e.events = append(e.events, Event{
		ID: len(e.events), Proc: p, Kind: k, True: t, Physical: e.procs[p].Clock(t),
		Lamport: e.lamport[p], Vector: vec, Msg: -1, Peer: -1,
		Label: string(strconv.AppendInt(append(e.label[:0], ProcName(p)...), int64(e.count[p]), 10)),
	})
	return &e.events[len(e.events)-1]
}

// run is the run so far, sharing nothing that the engine still changes.
func (e *engine) run() *Run {
	if e.done() {
		// Nothing will change: hand over without copying.
		msgs := make([]Message, len(e.msgs))
		for i, m := range e.msgs {
			msgs[i] = m.Message
		}
		return newRun(e.cfg, e.procs, e.events, msgs, e.focus)
	}
	msgs := make([]Message, len(e.msgs))
	nr := 0
	for _, m := range e.msgs {
		nr += len(m.Receives)
	}
	recv := make([]int, 0, nr) // one backing array for every message's receives
	for i, m := range e.msgs {
		msgs[i] = m.Message
		msgs[i].Receives = recv[len(recv) : len(recv)+len(m.Receives) : len(recv)+len(m.Receives)]
		recv = append(recv, m.Receives...)
	}
	return newRun(e.cfg, slices.Clone(e.procs), append(make([]Event, 0, len(e.events)), e.events...), msgs, e.focus)
}

// queue is a min-heap of items by (at, seq).
type queue []item

func (q queue) less(i, j int) bool {
	return q[i].at < q[j].at || q[i].at == q[j].at && q[i].seq < q[j].seq
}

func (q *queue) push(it item) {
	*q = append(*q, it)
	h := *q
	for i := len(h) - 1; i > 0; {
		up := (i - 1) / 2
		if !h.less(i, up) {
			break
		}
		h[i], h[up] = h[up], h[i]
		i = up
	}
}

func (q *queue) pop() item {
	h := *q
	top := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	for i := 0; ; {
		l, small := 2*i+1, i
		if l < n && h.less(l, small) {
			small = l
		}
		if r := l + 1; r < n && h.less(r, small) {
			small = r
		}
		if small == i {
			break
		}
		h[i], h[small] = h[small], h[i]
		i = small
	}
	*q = h
	return top
}

// Simulate simulates a whole run. (It would be called Run, but the run it
// returns has that name.)
func Simulate(cfg Config) (*Run, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	e := newEngine(cfg)
	for e.step() {
	}
	return e.run(), nil
}
