package raft

import (
	"math/rand/v2"
	"slices"
	"time"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
	"google.golang.org/protobuf/proto"
)

// flight is a message in the network: sent at one time, due at another.
type flight struct {
	id           int
	msg          *pb.Message
	sent, arrive time.Duration
	lost         bool // the network will drop it (a random fault)
	dup          bool // a copy the network made
}

// engine is one run, single-threaded: Sim guards it. Everything it does
// is decided by its Config, its seeded random source and the actions it
// is given, in order.
type engine struct {
	cfg     Config
	rng     *rand.Rand
	now     time.Duration
	nodes   []*node // nodes[i] has id i+1
	net     []*flight
	flights int   // flights made, for their ids
	side    []int // per node, 0 or 1; nil for no partition
	dropOne bool  // drop the next message delivered
	events  []Event
	reqs    []*Request
	value   int // the last value a client wrote
	check   checker
	script  *script // the scenario's, nil for a free run
	chaos   *rand.Rand
	// pending are actions a scenario or a fault has decided on, taken by
	// the next OpSteps before anything else.
	pending []Action
	// votes are the votes each candidate has gathered in its current
	// election, itself included.
	votes map[uint64]map[uint64]bool
	watch watch // what the challenges need to know of the run
}

func newEngine(cfg Config) *engine {
	cfg = cfg.withDefaults()
	e := &engine{
		cfg:   cfg,
		rng:   rand.New(rand.NewPCG(cfg.Seed, 0x5eed)),
		chaos: rand.New(rand.NewPCG(cfg.Seed, 0xc4a05)),
		votes: map[uint64]map[uint64]bool{},
	}
	voters := make([]uint64, cfg.Nodes)
	for i := range voters {
		voters[i] = uint64(i + 1)
	}
	for _, id := range voters {
		n := newNode(id, voters)
		e.nodes = append(e.nodes, n)
		n.start(false)
		n.heartbeatAt = -1
		n.electionAt = e.timeout()
	}
	e.check.init(cfg.Nodes)
	if sc, ok := FindScenario(cfg.Scenario); ok {
		e.script = sc.start(e)
		e.script.poll(e)
	}
	return e
}

func (e *engine) node(id uint64) *node { return e.nodes[id-1] }

// timeout is when an election timer started now fires: a random
// ElectionMin..ElectionMax, in whole milliseconds so the times read well.
func (e *engine) timeout() time.Duration {
	span := int64((ElectionMax - ElectionMin) / time.Millisecond)
	return e.now + ElectionMin + time.Duration(e.rng.Int64N(span))*time.Millisecond
}

func (e *engine) delay() time.Duration {
	span := int64((DelayMax-DelayMin)/time.Millisecond) + 1
	d := DelayMin + time.Duration(e.rng.Int64N(span))*time.Millisecond
	if x := e.cfg.Faults.ReorderExtra; x > 0 {
		d += time.Duration(e.rng.Int64N(int64(x/time.Millisecond)+1)) * time.Millisecond
	}
	return d
}

// next is what happens next on its own: the earliest message to arrive,
// or timer to fire; messages first at equal times, then lower ids.
type due struct {
	at     time.Duration
	flight *flight
	node   *node
	beat   bool // the node's heartbeat tick, not its election timer
}

func (e *engine) next() (due, bool) {
	var best due
	found := false
	better := func(d due) bool {
		if !found || d.at != best.at {
			return !found || d.at < best.at
		}
		if (d.flight != nil) != (best.flight != nil) {
			return d.flight != nil
		}
		if d.flight != nil {
			return d.flight.id < best.flight.id
		}
		return d.node.id < best.node.id
	}
	for _, f := range e.net {
		if d := (due{at: f.arrive, flight: f}); better(d) {
			best, found = d, true
		}
	}
	for _, n := range e.nodes {
		if !n.up() {
			continue
		}
		if n.heartbeatAt >= 0 {
			if d := (due{at: n.heartbeatAt, node: n, beat: true}); better(d) {
				best, found = d, true
			}
		} else if n.electionAt >= 0 && !e.timersManual() {
			if d := (due{at: n.electionAt, node: n}); better(d) {
				best, found = d, true
			}
		}
	}
	return best, found
}

// send puts a node's outgoing messages in the network, each with its own
// delay; the faults decide which the network will lose or copy.
func (e *engine) send(msgs []*pb.Message) {
	for _, m := range msgs {
		e.flights++
		d := e.delay()
		if sd, ok := e.scriptDelay(m); ok {
			d = sd
		}
		f := &flight{id: e.flights, msg: m, sent: e.now, arrive: e.now + d}
		if p := e.cfg.Faults.Drop; p > 0 && e.rng.Float64() < p {
			f.lost = true
		}
		e.net = append(e.net, f)
		if p := e.cfg.Faults.Duplicate; p > 0 && e.rng.Float64() < p {
			e.flights++
			e.net = append(e.net, &flight{id: e.flights, msg: proto.CloneOf(m), sent: e.now, arrive: e.now + e.delay(), dup: true})
		}
	}
}

func (e *engine) remove(f *flight) {
	e.net = slices.DeleteFunc(e.net, func(g *flight) bool { return g == f })
}

// cut reports whether the partition separates two nodes.
func (e *engine) cut(a, b uint64) bool {
	return e.side != nil && e.side[a-1] != e.side[b-1]
}

// ready handles everything a node's RawNode has for it, in the order the
// library's README asks: persist the hard state and entries, send the
// messages, apply the committed entries, advance. It reports what the
// node did, for the event's sentence.
func (e *engine) ready(n *node) outcome {
	var out outcome
	before := n.seen // the role at the last ready: Step may have changed it
	for n.rn.HasReady() {
		rd := n.rn.Ready()
		if !raft.IsEmptyHardState(rd.HardState) {
			_ = n.disk.SetHardState(rd.HardState)
		}
		if len(rd.Entries) > 0 {
			_ = n.disk.Append(rd.Entries)
			out.appended = append(out.appended, rd.Entries...)
			e.check.logChanged(n.id)
		}
		out.sent = append(out.sent, rd.Messages...)
		e.send(rd.Messages)
		for _, ent := range rd.CommittedEntries {
			e.apply(n, ent, &out)
		}
		n.rn.Advance(rd)
	}
	if e.cfg.Bug == BugCountOldTerm && n.role() == raft.StateLeader {
		e.countReplicas(n, &out)
	}
	out.becameLeader = before != raft.StateLeader && n.role() == raft.StateLeader
	out.stepDown = before == raft.StateLeader && n.role() != raft.StateLeader
	n.seen = n.role()
	e.timers(n, out)
	return out
}

// timers follows a node's role: a new leader ticks heartbeats, a leader
// that steps down waits for an election again.
func (e *engine) timers(n *node, out outcome) {
	switch {
	case out.becameLeader:
		n.electionAt, n.heartbeatAt = -1, e.now+HeartbeatEvery
	case out.stepDown:
		n.heartbeatAt, n.electionAt = -1, e.timeout()
	}
}

// apply runs a committed entry on a node's state machine and answers the
// client that proposed it there.
func (e *engine) apply(n *node, ent *pb.Entry, out *outcome) {
	idx := ent.GetIndex()
	if idx <= n.store.Applied {
		return // a buggy leader applied it already (BugCountOldTerm)
	}
	e.check.sawApplied(n.id, ent, e.eventNo())
	out.applied = append(out.applied, ent)
	c, err := ParseCommand(ent.GetData())
	if ent.GetType() != pb.EntryNormal || len(ent.GetData()) == 0 || err != nil {
		n.store.Applied = idx
		return
	}
	result := n.store.Apply(idx, c)
	if c.Op == "put" {
		result = "ok"
	}
	for _, r := range e.reqs {
		if r.ID == c.ID && r.Node == n.id && !r.Done && !r.Failed {
			r.Done, r.Result, r.Answered, r.Index, r.Term = true, result, e.now, idx, ent.GetTerm()
			out.answered = append(out.answered, r)
		}
	}
}

// countReplicas is BugCountOldTerm: the leader applies every entry its
// Progress shows on a majority, of whatever term, and counts it committed.
func (e *engine) countReplicas(n *node, out *outcome) {
	st := n.rn.Status()
	last, _ := n.disk.LastIndex()
	var match []uint64
	for id, pr := range st.Progress {
		if id == n.id {
			match = append(match, last)
		} else {
			match = append(match, pr.Match)
		}
	}
	slices.Sort(match)
	m := match[len(match)-len(e.nodes)/2-1] // held by a majority
	ents := n.log()
	for i := n.store.Applied + 1; i <= m && int(i) <= len(ents); i++ {
		ent := ents[i-1]
		e.check.committedBy(n.id, ent, n.status().HardState.GetTerm(), e.eventNo())
		e.apply(n, ent, out)
		out.counted = append(out.counted, ent)
	}
}

// outcome is what a node did in one event.
type outcome struct {
	sent         []*pb.Message
	appended     []*pb.Entry
	applied      []*pb.Entry
	counted      []*pb.Entry // applied by BugCountOldTerm, ahead of the commit index
	answered     []*Request
	becameLeader bool
	stepDown     bool
}

func (e *engine) eventNo() int { return len(e.events) + 1 }
