package clocks

import (
	"cmp"
	"slices"
	"sort"
	"sync"
)

// Run is a run of the simulation, or the part of it done so far (Sim.Run).
// Its fields are not changed after it is made; its methods are safe for
// concurrent use.
type Run struct {
	Cfg      Config    // the config as run: defaults applied; a scenario's own values
	Events   []Event   // in true-time order; Events[i].ID == i
	Procs    []Proc    // each process's physical clock
	Messages []Message // by message id
	// Focus holds the events a scenario is built to show (e.g. the send
	// and the receive stamped before it), those done so far; nil for a
	// random run.
	Focus []int

	// The graph, from the events' processes and messages only.
	pos    []int   // pos[e]: e is its process's pos[e]-th event, from 0
	byProc [][]int // byProc[p]: p's events in order
	sendOf []int   // sendOf[e]: the send whose message receive e delivers; -1

	once  sync.Once
	reach []int32 // reach[e*procs+q]: how many of q's events are in e's causal past, e included
}

func newRun(cfg Config, procs []Proc, events []Event, msgs []Message, focus []string) *Run {
	r := &Run{Cfg: cfg, Events: events, Procs: procs, Messages: msgs}
	r.pos = make([]int, len(events))
	r.sendOf = make([]int, len(events))
	r.byProc = make([][]int, cfg.Procs)
	sendOfMsg := make([]int, len(msgs)) // message ids are 0..len(msgs)-1
	for i, e := range events {
		r.pos[i] = len(r.byProc[e.Proc])
		r.byProc[e.Proc] = append(r.byProc[e.Proc], i)
		r.sendOf[i] = -1
		switch e.Kind {
		case Send:
			sendOfMsg[e.Msg] = i
		case Receive:
			r.sendOf[i] = sendOfMsg[e.Msg] // its send came first
		}
	}
	for _, l := range focus {
		for _, e := range events {
			if e.Label == l {
				r.Focus = append(r.Focus, e.ID)
			}
		}
	}
	return r
}

// causal computes, once, how much of each process every event has in its
// causal past: the latest of q's events that e could know of. It walks the
// graph — the previous event on the same process and, for a receive, its
// send — in ID order, which is a topological order because every edge goes
// forward in true time. It is a vector clock by another derivation, kept
// apart from the clock code on purpose: the tests check the clocks against it.
func (r *Run) causal() []int32 {
	r.once.Do(func() {
		n, np := len(r.Events), r.Cfg.Procs
		reach := make([]int32, n*np)
		for i, e := range r.Events {
			row := reach[i*np : (i+1)*np]
			if k := r.pos[i]; k > 0 {
				copy(row, reach[r.byProc[e.Proc][k-1]*np:])
			}
			if s := r.sendOf[i]; s >= 0 {
				for q, x := range reach[s*np : (s+1)*np] {
					row[q] = max(row[q], x)
				}
			}
			row[e.Proc] = int32(r.pos[i] + 1)
		}
		r.reach = reach
	})
	return r.reach
}

func (r *Run) valid(e int) bool { return e >= 0 && e < len(r.Events) }

// HappenedBefore reports whether a → b: a chain of process order and
// messages leads from event a to event b. An event does not happen before
// itself.
func (r *Run) HappenedBefore(a, b int) bool {
	if !r.valid(a) || !r.valid(b) || a == b {
		return false
	}
	return int(r.causal()[b*r.Cfg.Procs+r.Events[a].Proc]) > r.pos[a]
}

// Concurrent reports whether a ∥ b: two different events, neither of which
// happened before the other.
func (r *Run) Concurrent(a, b int) bool {
	return r.valid(a) && r.valid(b) && a != b && !r.HappenedBefore(a, b) && !r.HappenedBefore(b, a)
}

// Past is a's causal past: every event that happened before a, by ID.
func (r *Run) Past(a int) []int {
	if !r.valid(a) {
		return nil
	}
	var out []int
	for e := range a {
		if r.HappenedBefore(e, a) {
			out = append(out, e)
		}
	}
	return out
}

// Future is a's causal future: every event a happened before, by ID.
func (r *Run) Future(a int) []int {
	if !r.valid(a) {
		return nil
	}
	var out []int
	for e := a + 1; e < len(r.Events); e++ {
		if r.HappenedBefore(a, e) {
			out = append(out, e)
		}
	}
	return out
}

// ConcurrentWith lists the events concurrent with a, by ID.
func (r *Run) ConcurrentWith(a int) []int {
	if !r.valid(a) {
		return nil
	}
	var out []int
	for e := range r.Events {
		if r.Concurrent(a, e) {
			out = append(out, e)
		}
	}
	return out
}

// concurrentRange is the part of q's events (indices into byProc[q])
// concurrent with event b: those before lo are in b's past, those from hi
// on in its future.
func (r *Run) concurrentRange(b, q int) (lo, hi int) {
	evs := r.byProc[q]
	if q == r.Events[b].Proc {
		return r.pos[b], r.pos[b] // none: a process's events are ordered
	}
	reach, np, pb, kb := r.causal(), r.Cfg.Procs, r.Events[b].Proc, int32(r.pos[b])
	lo = int(reach[b*np+q])
	hi = lo + sort.Search(len(evs)-lo, func(i int) bool { return reach[evs[lo+i]*np+pb] > kb })
	return lo, hi
}

func (r *Run) order(less func(x, y *Event) int) []int {
	ids := make([]int, len(r.Events))
	for i := range ids {
		ids[i] = i
	}
	slices.SortFunc(ids, func(i, j int) int {
		if c := less(&r.Events[i], &r.Events[j]); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(r.Events[i].Proc, r.Events[j].Proc), cmp.Compare(i, j))
	})
	return ids
}

// OrderPhysical is the event IDs sorted by physical timestamp (ties by
// process). Under skew and drift it can put an effect before its cause.
func (r *Run) OrderPhysical() []int {
	return r.order(func(x, y *Event) int { return cmp.Compare(x.Physical, y.Physical) })
}

// OrderLamport is the event IDs sorted by (Lamport time, process): a total
// order that extends happened-before.
func (r *Run) OrderLamport() []int {
	return r.order(func(x, y *Event) int { return cmp.Compare(x.Lamport, y.Lamport) })
}

// OrderVector is a linear extension of the vector clocks' partial order:
// the event IDs sorted by the sum of their vector (how many events are in
// their causal past, themselves included), ties by process. If V(a) < V(b)
// then a's sum is smaller, so a comes first.
func (r *Run) OrderVector() []int {
	sum := func(v []int) (s int) {
		for _, x := range v {
			s += x
		}
		return s
	}
	return r.order(func(x, y *Event) int { return cmp.Compare(sum(x.Vector), sum(y.Vector)) })
}

// VectorLess reports whether vector u < v: no entry larger, and the two differ.
func VectorLess(u, v []int) bool {
	if len(u) != len(v) {
		return false
	}
	strict := false
	for i := range u {
		if u[i] > v[i] {
			return false
		}
		strict = strict || u[i] < v[i]
	}
	return strict
}
