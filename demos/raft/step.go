package raft

import (
	"strconv"
	"time"

	"distlab/demos/locale"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// Op is what an Action does.
type Op int

// The operations. OpStep lets the next thing happen on its own (a message
// arrives, a timer fires, a fault or a scenario's step strikes); the rest
// are what a student does, at the current time.
const (
	OpStep      Op = iota
	OpCrash        // crash Node
	OpRestart      // restart Node from its disk
	OpPartition    // split the network: Side against the rest
	OpHeal         // end the partition
	OpDrop         // drop the next message to arrive
	OpWrite        // a client writes x at Node
	OpRead         // a client reads x at Node
	OpTimeout      // Node's election timer fires now
)

// An Action is one input to a run; each makes exactly one Event (OpStep
// none, when nothing is left to happen).
type Action struct {
	Op   Op
	Node uint64
	Side []uint64 // OpPartition: the nodes cut off from the rest
	// Scripted marks an action a scenario or a random fault took, not
	// the student.
	Scripted bool
	// Single marks an OpStep the student took by hand, one event at a
	// time, rather than by playing the run.
	Single bool
}

// Kind is what an Event was.
type Kind int

// The kinds of events.
const (
	Deliver   Kind = iota // a message arrives and its node handles it
	Lose                  // a message is lost: partition, crashed node, dropped
	Timeout               // an election timer fires: the node stands
	Heartbeat             // a leader's heartbeat tick
	Crash
	Restart
	Partition
	Heal
	DropNext
	Write
	Read
)

// An Event is one thing that happened in a run.
type Event struct {
	N        int           // 1 for the first
	At       time.Duration // simulated time
	Kind     Kind
	Node     uint64         // where it happened
	From     uint64         // a message's sender
	Msg      pb.MessageType // a message's type
	Term     uint64         // the node's term after it
	Scripted bool           // a scenario's step or a random fault
	// Said is the sentence under the diagram: what happened and why.
	Said func(p *locale.Printer) string
}

// do runs one action and records the event it makes; false if an OpStep
// found nothing left to happen.
func (e *engine) do(a Action) bool {
	if a.Op == OpStep && len(e.pending) > 0 {
		a = e.pending[0]
		e.pending = e.pending[1:]
	}
	var ev Event
	switch a.Op {
	case OpStep:
		d, ok := e.next()
		if !ok {
			return false
		}
		e.now = d.at
		switch {
		case d.flight != nil:
			ev = e.deliver(d.flight)
		case d.beat:
			ev = e.heartbeat(d.node)
		default:
			ev = e.timeoutNode(d.node, false)
		}
	case OpTimeout:
		ev = e.timeoutNode(e.node(a.Node), !a.Scripted)
	case OpCrash:
		ev = e.crash(e.node(a.Node))
	case OpRestart:
		ev = e.restart(e.node(a.Node))
	case OpPartition:
		ev = e.partition(a.Side)
	case OpHeal:
		ev = e.heal()
	case OpDrop:
		e.dropOne = true
		ev = Event{Kind: DropNext, Said: func(p *locale.Printer) string {
			return p.T("The next message to arrive will be lost.")
		}}
	case OpWrite, OpRead:
		ev = e.client(e.node(a.Node), a.Op == OpWrite)
	}
	ev.N, ev.At, ev.Scripted = len(e.events)+1, e.now, a.Scripted
	if ev.Node != 0 {
		ev.Term, _, _ = e.node(ev.Node).hard()
	}
	e.events = append(e.events, ev)
	e.expire()
	e.check.after(e)
	if e.script != nil {
		e.script.poll(e)
	}
	e.faults()
	return true
}

func name(id uint64) string { return "n" + strconv.FormatUint(id, 10) }

func (e *engine) deliver(f *flight) Event {
	e.remove(f)
	m := f.msg
	to, from := e.node(m.GetTo()), m.GetFrom()
	ev := Event{Kind: Deliver, Node: to.id, From: from, Msg: m.GetType()}
	var why string
	switch {
	case !to.up():
		why = "down"
	case e.cut(from, to.id):
		why = "cut"
	case e.dropOne:
		e.dropOne, why = false, "dropped"
	case f.lost:
		why = "network"
	}
	if why != "" {
		ev.Kind = Lose
		ev.Said = lost(m, why)
		return ev
	}
	before := lookAt(to)
	e.countVote(to, m, before)
	_ = to.rn.Step(m) // a stale or unknown message is ignored: that is Raft
	out := e.ready(to)
	after := lookAt(to)
	if after.role != raft.StateLeader && (heardLeader(m, after) || grantedVote(out)) {
		to.electionAt = e.timeout()
	}
	ev.Said = e.explain(m, f.dup, before, after, out)
	return ev
}

// heardLeader reports whether m came from the leader the node now follows.
func heardLeader(m *pb.Message, after look) bool {
	switch m.GetType() {
	case pb.MsgApp, pb.MsgHeartbeat, pb.MsgSnap:
		return after.lead == m.GetFrom() && m.GetTerm() == after.term
	}
	return false
}

func grantedVote(out outcome) bool {
	for _, m := range out.sent {
		if m.GetType() == pb.MsgVoteResp && !m.GetReject() {
			return true
		}
	}
	return false
}

func (e *engine) heartbeat(n *node) Event {
	n.rn.Tick()
	out := e.ready(n)
	n.heartbeatAt = e.now + HeartbeatEvery
	to := recipients(out.sent, pb.MsgHeartbeat)
	return Event{Kind: Heartbeat, Node: n.id, Said: func(p *locale.Printer) string {
		return p.T("%s, the leader, sends heartbeats to %s: followers that hear them do not stand for election.", name(n.id), to)
	}}
}

func (e *engine) timeoutNode(n *node, forced bool) Event {
	ev := Event{Kind: Timeout, Node: n.id}
	if !n.up() {
		ev.Said = func(p *locale.Printer) string { return p.T("%s is down: it has no timer to fire.", name(n.id)) }
		return ev
	}
	if n.role() == raft.StateLeader {
		ev.Said = func(p *locale.Printer) string {
			return p.T("%s is the leader: it waits for no election timer.", name(n.id))
		}
		return ev
	}
	_ = n.rn.Campaign()
	e.votes[n.id] = map[uint64]bool{n.id: true}
	e.ready(n)
	n.electionAt = e.timeout()
	term, _, _ := n.hard()
	last, lastTerm := n.lastEntry()
	ev.Said = func(p *locale.Printer) string {
		s := p.T("%s's election timer fires: it heard no leader, so it becomes a candidate in term %d, votes for itself and asks the others (its last entry: %s).", name(n.id), term, entryID(last, lastTerm))
		if forced {
			s = p.T("You fire %s's election timer: it becomes a candidate in term %d, votes for itself and asks the others (its last entry: %s).", name(n.id), term, entryID(last, lastTerm))
		}
		return s
	}
	return ev
}

func (e *engine) crash(n *node) Event {
	ev := Event{Kind: Crash, Node: n.id}
	if !n.up() {
		ev.Said = func(p *locale.Printer) string { return p.T("%s is already down.", name(n.id)) }
		return ev
	}
	n.crash()
	for _, r := range e.reqs {
		if r.Node == n.id && !r.Done && !r.Failed {
			r.Failed = true
		}
	}
	// etcd's HardState holds the commit index beside term and vote, and
	// ready saved it before anything was sent: the commit index survives,
	// as the row's c= shows (the Raft paper keeps it volatile).
	term, vote, commit := n.hard()
	entries := len(n.log())
	ev.Said = func(p *locale.Printer) string {
		return p.T("%s crashes. Its disk keeps term %d, vote %s, commit index %d (etcd saves it with term and vote) and %s; its role, the leader it knew and its state machine are lost.", name(n.id), term, voteName(vote), commit, p.T("%d entries", entries))
	}
	return ev
}

func (e *engine) restart(n *node) Event {
	ev := Event{Kind: Restart, Node: n.id}
	if n.up() {
		ev.Said = func(p *locale.Printer) string { return p.T("%s is already up.", name(n.id)) }
		return ev
	}
	_, voteBefore, _ := n.hard()
	n.start(e.cfg.Bug == BugForgetVote)
	n.heartbeatAt, n.electionAt = -1, e.timeout()
	e.ready(n)
	// The first Ready of a restarted RawNode hands out the entries up to
	// the persisted commit index: the state machine is rebuilt from the
	// node's own log at once, before the leader says anything.
	term, vote, commit := n.hard()
	entries, applied := len(n.log()), n.store.Applied
	forgot := voteBefore != vote
	ev.Said = func(p *locale.Printer) string {
		s := p.T("%s restarts from its disk: term %d, vote %s, %s. It is a follower; none of its entries was known committed, so it learns from the leader what is committed and applies it.", name(n.id), term, voteName(vote), p.T("%d entries", entries))
		if applied > 0 {
			s = p.T("%s restarts from its disk: term %d, vote %s, commit index %d, %s. It is a follower; it applies its committed entries again, up to %d, and learns from the leader what was committed since.", name(n.id), term, voteName(vote), commit, p.T("%d entries", entries), applied)
		}
		if forgot {
			s += " " + p.T("(The bug: it forgot its vote for %s.)", name(voteBefore))
		}
		return s
	}
	return ev
}

func (e *engine) partition(cutOff []uint64) Event {
	e.side = make([]int, len(e.nodes))
	for _, id := range cutOff {
		e.side[id-1] = 1
	}
	a, b := e.sides()
	return Event{Kind: Partition, Said: func(p *locale.Printer) string {
		return p.T("The network splits: %s | %s. Messages between the sides are lost.", a, b)
	}}
}

func (e *engine) heal() Event {
	e.side = nil
	return Event{Kind: Heal, Said: func(p *locale.Printer) string {
		return p.T("The partition heals: every node reaches every other again.")
	}}
}

// sides are the partition's two sides as "{n1,n2}".
func (e *engine) sides() (a, b string) {
	var sa, sb []uint64
	for i, s := range e.side {
		if s == 0 {
			sa = append(sa, uint64(i+1))
		} else {
			sb = append(sb, uint64(i+1))
		}
	}
	return nameSet(sa), nameSet(sb)
}
