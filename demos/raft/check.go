package raft

import (
	"bytes"

	"distlab/demos/locale"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// Property is one of Raft's safety properties (Ongaro & Ousterhout 2014,
// Figure 3).
type Property int

// The properties the checker holds a run to after every event.
const (
	ElectionSafety     Property = iota + 1 // at most one leader per term
	LogMatching                            // same index and term: same entry and same log before it
	LeaderCompleteness                     // a committed entry is in every later leader's log
	StateMachineSafety                     // no two nodes apply different entries at one index
)

// Name is the property as the paper names it.
func (pr Property) Name(p *locale.Printer) string {
	switch pr {
	case ElectionSafety:
		return p.T("Election Safety")
	case LogMatching:
		return p.T("Log Matching")
	case LeaderCompleteness:
		return p.T("Leader Completeness")
	}
	return p.T("State Machine Safety")
}

// A Violation is the first event after which a property did not hold.
type Violation struct {
	Property Property
	Event    int
	Said     func(p *locale.Printer) string
}

// Text is the violation as the verdict line prints it.
func (v *Violation) Text(p *locale.Printer) string {
	return p.T("%s violated at event %d: %s", v.Property.Name(p), locale.ID(v.Event), v.Said(p))
}

// record is an entry the checker has seen committed or applied, and where.
type record struct {
	set    bool
	term   uint64
	data   []byte
	by     uint64 // the node
	inTerm uint64 // committed: the term in which it was first known committed
}

// records are entries by index: records[i] is index i+1.
type records []record

func (rs records) at(idx uint64) record {
	if int(idx) > len(rs) {
		return record{}
	}
	return rs[idx-1]
}

func (rs *records) put(idx uint64, r record) {
	for uint64(len(*rs)) < idx {
		*rs = append(*rs, record{})
	}
	r.set = true
	(*rs)[idx-1] = r
}

func (r record) same(ent *pb.Entry) bool {
	return r.term == ent.GetTerm() && bytes.Equal(r.data, ent.GetData())
}

// checker holds Raft's safety properties over a run. It reads the
// engine's nodes after every event; it trusts nothing etcd reports about
// other nodes, only each node's own state and log.
type checker struct {
	leaders   map[uint64]uint64 // term → the node that led it
	committed records           // the entry known committed at each index
	applied   records           // the entry first applied at each index
	dirty     []bool            // nodes whose log changed since the last check
	wasLeader []bool            // per node, at the last check
	seen      []uint64          // per node, the commit index checked so far
	broken    *Violation
	checks    int
}

func (c *checker) init(nodes int) {
	c.leaders = map[uint64]uint64{}
	c.seen = make([]uint64, nodes)
	c.dirty = make([]bool, nodes)
	c.wasLeader = make([]bool, nodes)
}

func (c *checker) logChanged(id uint64) { c.dirty[id-1] = true }

func (c *checker) fail(pr Property, event int, said func(p *locale.Printer) string) {
	if c.broken == nil {
		c.broken = &Violation{Property: pr, Event: event, Said: said}
	}
}

// applied checks State Machine Safety as a node applies an entry.
func (c *checker) sawApplied(id uint64, ent *pb.Entry, event int) {
	idx := ent.GetIndex()
	r := c.applied.at(idx)
	if !r.set {
		c.applied.put(idx, record{term: ent.GetTerm(), data: ent.GetData(), by: id})
		return
	}
	if !r.same(ent) {
		mine, theirs := EntryText(ent), EntryText(&pb.Entry{Index: new(idx), Term: new(r.term), Data: r.data})
		c.fail(StateMachineSafety, event, func(p *locale.Printer) string {
			return p.T("%s applies %s at index %d, but %s applied %s there.", name(id), mine, idx, name(r.by), theirs)
		})
	}
}

// committedBy records an entry a node holds committed, in a term.
func (c *checker) committedBy(id uint64, ent *pb.Entry, term uint64, event int) {
	idx := ent.GetIndex()
	r := c.committed.at(idx)
	if !r.set {
		c.committed.put(idx, record{term: ent.GetTerm(), data: ent.GetData(), by: id, inTerm: term})
		return
	}
	if !r.same(ent) {
		mine, theirs := EntryText(ent), EntryText(&pb.Entry{Index: new(idx), Term: new(r.term), Data: r.data})
		c.fail(StateMachineSafety, event, func(p *locale.Printer) string {
			return p.T("%s holds %s committed at index %d, but %s committed %s there.", name(id), mine, idx, name(r.by), theirs)
		})
	}
}

// after checks every property once an event is done.
func (c *checker) after(e *engine) {
	c.checks++
	event := len(e.events)
	logs := make([][]*pb.Entry, len(e.nodes))
	for i, n := range e.nodes {
		logs[i] = n.log()
	}
	for i, n := range e.nodes {
		term, _, commit := n.hard()
		from := c.seen[i] + 1
		if c.dirty[i] {
			from = 1 // the log changed: a committed entry must not have
		}
		for idx := from; idx <= commit && int(idx) <= len(logs[i]); idx++ {
			c.committedBy(n.id, logs[i][idx-1], term, event)
		}
		c.seen[i] = max(c.seen[i], commit)
		leader := n.up() && n.role() == raft.StateLeader
		if leader {
			if other, ok := c.leaders[term]; ok && other != n.id {
				c.fail(ElectionSafety, event, func(p *locale.Printer) string {
					return p.T("%s and %s both lead term %d.", name(other), name(n.id), term)
				})
			}
			c.leaders[term] = n.id
			if !c.wasLeader[i] {
				c.complete(n.id, term, logs[i], event)
			}
		}
		c.wasLeader[i] = leader
	}
	for i := range e.nodes {
		if !c.dirty[i] {
			continue
		}
		for j := range e.nodes {
			if j != i {
				c.matching(uint64(i+1), uint64(j+1), logs[i], logs[j], event)
			}
		}
		c.dirty[i] = false
	}
}

// complete checks Leader Completeness for a node that has just become the
// leader of term: every entry committed in an earlier term is in its log.
func (c *checker) complete(id, term uint64, log []*pb.Entry, event int) {
	for i, r := range c.committed {
		idx := uint64(i + 1)
		if !r.set || r.inTerm >= term {
			continue
		}
		if int(idx) > len(log) || !r.same(log[idx-1]) {
			want := EntryText(&pb.Entry{Index: new(idx), Term: new(r.term), Data: r.data})
			c.fail(LeaderCompleteness, event, func(p *locale.Printer) string {
				return p.T("%s leads term %d without %s, committed in term %d.", name(id), term, want, r.inTerm)
			})
			return
		}
	}
}

// matching checks Log Matching between two logs: where they hold entries
// of the same index and term, they are the same up to there.
func (c *checker) matching(a, b uint64, la, lb []*pb.Entry, event int) {
	k := min(len(la), len(lb))
	for k > 0 && la[k-1].GetTerm() != lb[k-1].GetTerm() {
		k--
	}
	for i := k - 1; i >= 0; i-- {
		if la[i].GetTerm() != lb[i].GetTerm() || !bytes.Equal(la[i].GetData(), lb[i].GetData()) {
			at, ea, eb := entryID(uint64(k), la[k-1].GetTerm()), EntryText(la[i]), EntryText(lb[i])
			c.fail(LogMatching, event, func(p *locale.Printer) string {
				return p.T("%s and %s both hold %s, yet differ before it: %s against %s.", name(a), name(b), at, ea, eb)
			})
			return
		}
	}
}
