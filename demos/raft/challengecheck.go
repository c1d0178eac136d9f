package raft

import (
	"maps"
	"slices"

	"distlab/demos/locale"

	"go.etcd.io/raft/v3"
)

// reelected: a leader the student crashed is down, and another node leads
// a newer term.
func (l *Lab) reelected(e *engine) {
	w := &e.watch
	if w.crashed == 0 || e.node(w.crashed).up() {
		return
	}
	for _, n := range e.nodes {
		if n.id == w.crashed || !n.up() || n.role() != raft.StateLeader {
			continue
		}
		term, _, _ := n.hard()
		if term <= w.crashedTerm {
			continue
		}
		old, oldTerm, now := w.crashed, w.crashedTerm, n.id
		l.log.Mark(ChallengeReelect, func(p *locale.Printer) string {
			return p.T("You crashed %s, leader of term %d; %s won term %d.", name(old), oldTerm, name(now), term)
		})
		return
	}
}

// splitVote: a term in which two or more nodes stood while the student
// drove the run, that ended with no leader.
func (l *Lab) splitVote(e *engine) {
	w := &e.watch
	for _, term := range slices.Sorted(maps.Keys(w.candidates)) {
		cands := w.candidates[term]
		if len(cands) < 2 {
			continue
		}
		if _, led := e.check.leaders[term]; led {
			continue
		}
		over := false
		for _, n := range e.nodes {
			if t, _, _ := n.hard(); t > term {
				over = true
			}
		}
		if !over {
			continue
		}
		cs := slices.Clone(cands)
		slices.Sort(cs)
		cs = slices.Compact(cs)
		if len(cs) < 2 {
			continue
		}
		who := nameSet(cs)
		l.log.Mark(ChallengeSplitVote, func(p *locale.Printer) string {
			return p.T("%s stood in term %d; no one won it, and the cluster moved on to a later term.", who, term)
		})
		return
	}
}

// minority: a leader on the minority side of a partition holds a write of
// the student's, of its own term, uncommitted, while another node leads a
// newer term.
func (l *Lab) minority(e *engine) {
	w := &e.watch
	if e.side == nil || len(w.writes) == 0 {
		return
	}
	for _, n := range e.nodes {
		if !n.up() || n.role() != raft.StateLeader || e.sideSize(n.id) > len(e.nodes)/2 {
			continue
		}
		term, _, commit := n.hard()
		ents := n.log()
		for i := int(commit); i < len(ents); i++ {
			c, err := ParseCommand(ents[i].GetData())
			if err != nil || !w.writes[c.ID] || ents[i].GetTerm() != term {
				continue
			}
			newer := e.leader()
			if t, _, _ := e.node(newer).hard(); newer == n.id || t <= term {
				continue
			}
			old, ent := n.id, EntryText(ents[i])
			l.log.Mark(ChallengeMinority, func(p *locale.Printer) string {
				return p.T("%s, leader of term %d in a minority, held %s uncommitted while %s led a newer term.", name(old), term, ent, name(newer))
			})
			return
		}
	}
}

// sideSize is how many nodes share node id's side of the partition.
func (e *engine) sideSize(id uint64) int {
	k := 0
	for _, s := range e.side {
		if s == e.side[id-1] {
			k++
		}
	}
	return k
}

// commitMoment: a step the student took by hand made the leader commit a
// write of theirs.
func (l *Lab) commitMoment(e *engine, b before, ev Event) {
	w := &e.watch
	if b.leader == 0 || ev.Node != b.leader || !e.isLeader(b.leader) {
		return
	}
	n := e.node(b.leader)
	_, _, commit := n.hard()
	ents := n.log()
	for i := b.commit; i < commit && int(i) < len(ents); i++ {
		c, err := ParseCommand(ents[i].GetData())
		if err != nil || !w.writes[c.ID] {
			continue
		}
		ent, at := EntryText(ents[i]), ev.At
		l.log.Mark(ChallengeCommitMoment, func(p *locale.Printer) string {
			return p.T("You stopped on event %d at %s: %s heard from a majority and committed %s.", locale.ID(ev.N), p.Duration(at), name(n.id), ent)
		})
		return
	}
}
