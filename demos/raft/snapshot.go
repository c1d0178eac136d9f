package raft

import (
	"slices"
	"strconv"
	"time"

	"distlab/demos/locale"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// Role is a node's part in the cluster, as the pane draws it.
type Role int

// The roles; Down is a crashed node.
const (
	Follower Role = iota
	Candidate
	Leader
	Down
)

// Name is the role in the user's language.
func (r Role) Name(p *locale.Printer) string {
	switch r {
	case Candidate:
		return p.T("candidate")
	case Leader:
		return p.T("leader")
	case Down:
		return p.T("crashed")
	}
	return p.T("follower")
}

// Snapshot is a run at one moment, for drawing: copies, safe to keep.
type Snapshot struct {
	Now       time.Duration
	Events    int
	Nodes     []NodeView
	Flights   []FlightView // in the order they arrive
	Partition []int        // per node, its side (0 or 1); nil for none
	DropNext  bool
	Requests  []Request
	Last      *Event     // the last event, nil before the first
	Violation *Violation // the first broken property, nil for none
	Checks    int        // how many times the properties were checked
	Scenario  string     // its name, "" for a free run
	Scripted  bool       // the scenario's script still runs
	Seed      uint64
	Bug       Bug
}

// NodeView is one node.
type NodeView struct {
	ID               uint64
	Role             Role
	Term, Vote, Lead uint64
	Commit, Applied  uint64
	Log              []EntryView
	Store            string // the state machine, "x=3"
	// ElectionIn is how long until the node's election timer fires, -1
	// when it has none (a leader, a crashed node, a scenario's hold).
	ElectionIn time.Duration
	Votes      int // a candidate's votes so far, itself included
}

// EntryView is one entry of a node's log.
type EntryView struct {
	Index, Term uint64
	Text        string // "x=3", "get x", "·" for an empty entry
	Committed   bool   // at or below the node's commit index
}

// FlightView is one message in the network.
type FlightView struct {
	ID           int
	From, To     uint64
	Kind         string // "App", "VoteResp": etcd's name without "Msg"
	Label        string // the kind with what matters: "App 7:4", "Vote t3", "VoteResp ✓"
	Term         uint64
	Sent, Arrive time.Duration
	Lost, Dup    bool // the network will drop it; a copy it made
	Cut          bool // the partition will drop it, as things stand
}

// Snapshot is the run now.
func (s *Sim) Snapshot() Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.eng
	snap := Snapshot{
		Now: e.now, Events: len(e.events), DropNext: e.dropOne,
		Violation: e.check.broken, Checks: e.check.checks,
		Scenario: s.cfg.Scenario, Scripted: e.script != nil, Seed: s.cfg.Seed, Bug: s.cfg.Bug,
	}
	if e.side != nil {
		snap.Partition = slices.Clone(e.side)
	}
	if n := len(e.events); n > 0 {
		last := e.events[n-1]
		snap.Last = &last
	}
	for _, r := range e.reqs {
		snap.Requests = append(snap.Requests, *r)
	}
	for _, n := range e.nodes {
		snap.Nodes = append(snap.Nodes, e.view(n))
	}
	flights := slices.Clone(e.net)
	slices.SortStableFunc(flights, func(a, b *flight) int {
		if a.arrive != b.arrive {
			return int(a.arrive - b.arrive)
		}
		return a.id - b.id
	})
	for _, f := range flights {
		m := f.msg
		snap.Flights = append(snap.Flights, FlightView{
			ID: f.id, From: m.GetFrom(), To: m.GetTo(), Kind: MsgName(m.GetType()), Label: label(m),
			Term: m.GetTerm(), Sent: f.sent, Arrive: f.arrive, Lost: f.lost, Dup: f.dup,
			Cut: e.cut(m.GetFrom(), m.GetTo()),
		})
	}
	return snap
}

func (e *engine) view(n *node) NodeView {
	term, vote, commit := n.hard()
	v := NodeView{ID: n.id, Term: term, Vote: vote, Commit: commit, ElectionIn: -1, Role: Down}
	if n.up() {
		st := n.status()
		v.Lead, v.Applied = st.Lead, n.store.Applied
		v.Store = n.store.String()
		switch st.RaftState {
		case raft.StateLeader:
			v.Role = Leader
		case raft.StateCandidate, raft.StatePreCandidate:
			v.Role = Candidate
			v.Votes = len(e.votes[n.id])
		default:
			v.Role = Follower
		}
		if v.Role != Leader && n.electionAt >= 0 && !e.timersManual() {
			v.ElectionIn = n.electionAt - e.now
		}
	}
	for _, ent := range n.log() {
		text := "·"
		if c, err := ParseCommand(ent.GetData()); err == nil && len(ent.GetData()) > 0 {
			text = c.String()
		}
		v.Log = append(v.Log, EntryView{Index: ent.GetIndex(), Term: ent.GetTerm(), Text: text, Committed: ent.GetIndex() <= commit})
	}
	return v
}

// label is a message as a flight is labelled.
func label(m *pb.Message) string {
	k := MsgName(m.GetType())
	switch m.GetType() {
	case pb.MsgApp:
		if ents := m.GetEntries(); len(ents) > 0 {
			last := ents[len(ents)-1]
			return k + " " + entryID(last.GetIndex(), last.GetTerm())
		}
		return k + " c" + strconv.FormatUint(m.GetCommit(), 10)
	case pb.MsgAppResp:
		if m.GetReject() {
			return k + " ✗" + strconv.FormatUint(m.GetIndex(), 10)
		}
		return k + " " + strconv.FormatUint(m.GetIndex(), 10)
	case pb.MsgVote:
		return k + " t" + strconv.FormatUint(m.GetTerm(), 10)
	case pb.MsgVoteResp:
		if m.GetReject() {
			return k + " ✗"
		}
		return k + " ✓"
	case pb.MsgProp:
		if ents := m.GetEntries(); len(ents) > 0 {
			if c, err := ParseCommand(ents[0].GetData()); err == nil {
				return k + " " + c.String()
			}
		}
	}
	return k
}

// Name is a node's name, "n3".
func Name(id uint64) string { return name(id) }
