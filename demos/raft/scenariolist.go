package raft

import (
	"time"

	"distlab/demos/locale"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// The scenarios' names.
const (
	FirstElection  = "first-election"
	LeaderCrash    = "leader-crash"
	SplitVote      = "split-vote"
	MinorityLeader = "minority-leader"
	LogRepair      = "log-repair"
	Figure8        = "figure-8"
)

var scenarios = []*Scenario{
	{
		Name: FirstElection, Nodes: 5,
		Title: func(p *locale.Printer) string { return p.T("First election") },
		About: func(p *locale.Printer) string {
			return p.T("Five followers in term 0, each with a random election timeout. The first to fire stands in term 1, wins a majority of votes, appends an empty entry and replicates a client's write until a majority holds it.")
		},
		stages: []stage{whenAnyLeader(func(id uint64) []Action { return []Action{do(OpWrite, id)} })},
	},
	{
		Name: LeaderCrash, Nodes: 5,
		Title: func(p *locale.Printer) string { return p.T("Leader crash and re-election") },
		About: func(p *locale.Printer) string {
			return p.T("A leader commits a write and crashes. The followers stop hearing heartbeats; the first whose timer fires wins term 2 with the votes of the three others, and the cluster commits again with four nodes.")
		},
		stages: []stage{
			whenAnyLeader(func(id uint64) []Action { return []Action{do(OpWrite, id)} }),
			{when: func(e *engine) bool { l := e.leader(); return l != 0 && e.committedOn(l, e.lastIndex(l)) },
				do: func(e *engine) []Action { return []Action{do(OpCrash, e.leader())} }},
			whenAnyLeader(func(id uint64) []Action { return []Action{do(OpWrite, id)} }),
		},
	},
	{
		Name: SplitVote, Nodes: 4, manual: true,
		Title: func(p *locale.Printer) string { return p.T("Split vote") },
		About: func(p *locale.Printer) string {
			return p.T("Four nodes; n1 and n2 time out together. n3 hears n1 first and n4 hears n2 first: two votes each, no majority of three, no leader in term 1. Random timeouts break the tie in a later term.")
		},
		delay: func(m *pb.Message) (time.Duration, bool) {
			if m.GetType() != pb.MsgVote || m.GetTo() < 3 {
				return 0, false
			}
			if (m.GetFrom() == 1) == (m.GetTo() == 3) {
				return DelayMin, true
			}
			return DelayMax, true
		},
		stages: []stage{
			{do: act(do(OpTimeout, 1), do(OpTimeout, 2))},
			{when: votesSettled, do: act()},
		},
	},
	{
		Name: MinorityLeader, Nodes: 5,
		Title: func(p *locale.Printer) string { return p.T("A leader in the minority") },
		About: func(p *locale.Printer) string {
			return p.T("The leader and one follower are cut off from the other three. The old leader still takes a write but can never commit it: two of five is no majority. The three elect a leader of a newer term and commit. Press h to heal and watch the old leader step down.")
		},
		Headless: func(p *locale.Printer) string {
			return p.T("The leader and one follower are cut off from the other three. The old leader still takes a write but can never commit it: two of five is no majority. The three elect a leader of a newer term and commit, while the old leader, cut off, still believes it leads: two leaders at once, of different terms. In the app, h heals the partition and the old leader steps down.")
		},
		stages: []stage{
			whenAnyLeader(func(id uint64) []Action {
				return []Action{{Op: OpPartition, Side: []uint64{id, id%5 + 1}}, do(OpWrite, id)}
			}),
			{when: func(e *engine) bool { return e.newerLeader() != 0 },
				do: func(e *engine) []Action { return []Action{do(OpWrite, e.newerLeader())} }},
		},
	},
	{
		Name: LogRepair, Nodes: 5,
		Title: func(p *locale.Printer) string { return p.T("Healing and log repair") },
		About: func(p *locale.Printer) string {
			return p.T("A leader cut off alone appends two writes nobody else gets; the other four elect a new leader and commit two of their own. When the partition heals, the old leader steps down, and the new one backs up entry by entry until their logs match, then overwrites the uncommitted ones.")
		},
		stages: []stage{
			whenAnyLeader(func(id uint64) []Action {
				return []Action{{Op: OpPartition, Side: []uint64{id}}, do(OpWrite, id), do(OpWrite, id)}
			}),
			{when: func(e *engine) bool { return e.newerLeader() != 0 },
				do: func(e *engine) []Action {
					l := e.newerLeader()
					return []Action{do(OpWrite, l), do(OpWrite, l)}
				}},
			{when: func(e *engine) bool { l := e.newerLeader(); return l != 0 && e.committedOn(l, e.lastIndex(l)) },
				do: act(Action{Op: OpHeal})},
		},
	},
	{
		Name: Figure8, Nodes: 5, manual: true,
		Title: func(p *locale.Printer) string { return p.T("Figure 8: why old entries are not committed by counting") },
		About: func(p *locale.Printer) string {
			return p.T("The Raft paper's Figure 8. Entry 2:1 reaches a majority in term 3, yet is not committed: it is not of the leader's term. The leader crashes, n5 wins term 4 without it and overwrites it. Counting replicas of an old term's entry would have committed it and lost it.")
		},
		stages: []stage{
			// (a) n1 leads term 1; its write 2:1 reaches n2 only.
			{do: act(do(OpTimeout, 1))},
			{when: func(e *engine) bool { return e.isLeader(1) && e.committedOn(1, 1) },
				do: act(Action{Op: OpPartition, Side: []uint64{3, 4, 5}}, do(OpWrite, 1))},
			// (b) n1 crashes; n5 wins term 2 with n3 and n4 and appends 2:2,
			// then is cut off and crashes before anyone gets it.
			{when: func(e *engine) bool { return e.lastIndex(2) == 2 }, do: act(do(OpCrash, 1), do(OpTimeout, 5))},
			{when: func(e *engine) bool { return e.isLeader(5) },
				do: act(Action{Op: OpPartition, Side: []uint64{5}}, do(OpCrash, 5))},
			// (c) n1 restarts and wins term 3; 2:1 reaches a majority.
			{do: act(do(OpRestart, 1))},
			elect(1),
			{when: func(e *engine) bool { return e.isLeader(1) && e.oldTermMajority(1) },
				do: act(do(OpCrash, 1), Action{Op: OpPartition, Side: []uint64{1, 2}}, do(OpRestart, 5))},
			// (d) n5 wins term 4 with n3 and n4 and overwrites 2:1.
			elect(5),
			{when: func(e *engine) bool { return e.committedOn(5, e.lastIndex(5)) },
				do: act(Action{Op: OpHeal}, do(OpRestart, 1))},
		},
	},
}

// whenAnyLeader waits for a leader that has committed its empty entry.
func whenAnyLeader(then func(id uint64) []Action) stage {
	return stage{when: func(e *engine) bool {
		l := e.leader()
		return l != 0 && e.committedOn(l, e.lastIndex(l))
	}, do: func(e *engine) []Action { return then(e.leader()) }}
}

// elect fires node id's election timer each time an election is over,
// until it leads.
func elect(id uint64) stage {
	return stage{when: votesSettled, do: act(do(OpTimeout, id)), until: func(e *engine) bool { return e.isLeader(id) }}
}

// votesSettled: no vote request or answer is in flight.
func votesSettled(e *engine) bool {
	for _, f := range e.net {
		if t := f.msg.GetType(); t == pb.MsgVote || t == pb.MsgVoteResp {
			return false
		}
	}
	return true
}

// newerLeader is a leader of a later term than another node that still
// believes it leads, once it has committed its empty entry; 0 for none.
func (e *engine) newerLeader() uint64 {
	var leaders []*node
	for _, n := range e.nodes {
		if n.up() && n.role() == raft.StateLeader {
			leaders = append(leaders, n)
		}
	}
	var best, term uint64
	for _, n := range leaders {
		t, _, _ := n.hard()
		if t > term && len(leaders) > 1 && e.committedOn(n.id, e.lastIndex(n.id)) {
			best, term = n.id, t
		}
	}
	return best
}

// oldTermMajority: the leader sees an entry of an older term on a
// majority, not yet committed.
func (e *engine) oldTermMajority(id uint64) bool {
	_, pending := e.majority(e.node(id), lookAt(e.node(id)))
	return pending != nil
}
