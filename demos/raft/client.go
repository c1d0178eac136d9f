package raft

import (
	"strconv"
	"time"

	"distlab/demos/locale"

	"go.etcd.io/raft/v3"
)

// A Request is a client's write or read of the key x, sent to one node.
// It is answered when that node applies the entry it proposed; it fails
// when the node knows no leader or crashes first (the client would retry
// elsewhere).
type Request struct {
	ID                uint64
	Node              uint64
	Cmd               Command
	Invoked, Answered time.Duration
	Done, Failed      bool
	// TimedOut: no answer within ClientTimeout, as a client gives up on
	// an entry a newer leader overwrote or a leader that crashed.
	TimedOut    bool
	Result      string
	Index, Term uint64 // the entry that answered it
}

// Key is the one key the demo's clients write and read: one register
// keeps the state machine readable at a glance.
const Key = "x"

// ClientTimeout is how long a client waits for its answer before it gives
// up (and would retry): twice the longest election timeout.
const ClientTimeout = 2 * ElectionMax

// expire fails the requests that waited longer than ClientTimeout.
func (e *engine) expire() {
	for _, r := range e.reqs {
		if !r.Done && !r.Failed && e.now-r.Invoked > ClientTimeout {
			r.Failed, r.TimedOut = true, true
		}
	}
}

func (e *engine) client(n *node, write bool) Event {
	ev := Event{Kind: Read, Node: n.id}
	c := Command{Op: "get", Key: Key, ID: uint64(len(e.reqs) + 1)}
	if write {
		ev.Kind = Write
		e.value++
		c = Command{Op: "put", Key: Key, Value: strconv.Itoa(e.value), ID: c.ID}
	}
	what := c.String()
	if !n.up() {
		ev.Said = func(p *locale.Printer) string {
			return p.T("%s is down: the client's %s gets no answer.", name(n.id), what)
		}
		return ev
	}
	r := &Request{ID: c.ID, Node: n.id, Cmd: c, Invoked: e.now}
	e.reqs = append(e.reqs, r)
	role, lead := n.role(), n.status().Lead
	err := n.rn.Propose(c.Encode())
	out := e.ready(n)
	switch {
	case err != nil:
		r.Failed = true
		ev.Said = func(p *locale.Printer) string {
			return p.T("%s knows no leader: it refuses the client's %s, which must retry later or elsewhere.", name(n.id), what)
		}
	case role == raft.StateLeader:
		app := entriesText(out.appended)
		ev.Said = func(p *locale.Printer) string {
			return p.T("A client asks %s, the leader, for %s: it appends %s to its log and sends it to the followers. It is not committed yet.", name(n.id), what, app)
		}
	default:
		ev.Said = func(p *locale.Printer) string {
			return p.T("A client asks %s for %s: %s is a follower and forwards it to its leader, %s.", name(n.id), what, name(n.id), name(lead))
		}
	}
	return ev
}

// faults are the random faults of Config.Faults, decided after each
// event from their own seeded source and taken as the next actions.
func (e *engine) faults() {
	f := e.cfg.Faults
	if f == (Faults{}) || len(e.pending) > 0 {
		return
	}
	r := e.chaos
	var up, down []uint64
	for _, n := range e.nodes {
		if n.up() {
			up = append(up, n.id)
		} else {
			down = append(down, n.id)
		}
	}
	maxDown := f.MaxDown
	if maxDown == 0 {
		maxDown = (len(e.nodes) - 1) / 2
	}
	switch {
	case len(down) < maxDown && len(up) > 0 && r.Float64() < f.Crash:
		e.pending = append(e.pending, Action{Op: OpCrash, Node: up[r.IntN(len(up))], Scripted: true})
	case len(down) > 0 && r.Float64() < f.Restart:
		e.pending = append(e.pending, Action{Op: OpRestart, Node: down[r.IntN(len(down))], Scripted: true})
	case e.side == nil && r.Float64() < f.Partition:
		k := 1 + r.IntN(len(e.nodes)/2)
		cut := make([]uint64, 0, k)
		for _, i := range r.Perm(len(e.nodes))[:k] {
			cut = append(cut, uint64(i+1))
		}
		e.pending = append(e.pending, Action{Op: OpPartition, Side: cut, Scripted: true})
	case e.side != nil && r.Float64() < f.Heal:
		e.pending = append(e.pending, Action{Op: OpHeal, Scripted: true})
	case len(up) > 0 && r.Float64() < f.Write:
		e.pending = append(e.pending, Action{Op: OpWrite, Node: up[r.IntN(len(up))], Scripted: true})
	}
}
