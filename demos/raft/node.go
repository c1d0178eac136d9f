package raft

import (
	"io"
	"log"
	"time"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// disk is a node's persisted state: what Raft requires to survive a crash
// (its term, its vote, its log) and, as etcd keeps it in the same
// HardState, its commit index; kept in etcd's MemoryStorage and written
// before any message that depends on it is sent. The cluster's members
// are fixed, so the ConfState comes from here rather than a snapshot.
type disk struct {
	*raft.MemoryStorage
	voters []uint64
}

func (d disk) InitialState() (*pb.HardState, *pb.ConfState, error) {
	hs, _, err := d.MemoryStorage.InitialState()
	return hs, &pb.ConfState{Voters: d.voters}, err
}

// quiet drops etcd's own log lines: the engine tells what happened.
var quiet = &raft.DefaultLogger{Logger: log.New(io.Discard, "", 0)}

// node is one member of the simulated cluster.
type node struct {
	id   uint64
	disk disk
	rn   *raft.RawNode // nil while crashed: volatile state is gone
	// store is the state machine, volatile: a restarted node rebuilds it
	// from the committed entries of its log.
	store Store
	// electionAt is when a node that is not the leader stands for
	// election, if it hears nothing from a leader first; heartbeatAt is
	// when a leader next ticks. A crashed node has neither.
	electionAt, heartbeatAt time.Duration
	// seen is the role the engine last saw, to tell when it changes.
	seen raft.StateType
}

func newNode(id uint64, voters []uint64) *node {
	return &node{id: id, disk: disk{MemoryStorage: raft.NewMemoryStorage(), voters: voters}}
}

func (n *node) up() bool { return n.rn != nil }

// start makes the node's RawNode from its disk: at the first start an
// empty log, after a crash the term, vote, commit index and log it
// persisted. The state machine starts empty; the first Ready applies the
// entries up to the persisted commit index again.
func (n *node) start(forgetVote bool) {
	if forgetVote {
		hs, _, _ := n.disk.MemoryStorage.InitialState()
		if hs.GetVote() != 0 {
			_ = n.disk.SetHardState(&pb.HardState{Term: new(hs.GetTerm()), Commit: new(hs.GetCommit())})
		}
	}
	rn, err := raft.NewRawNode(&raft.Config{
		ID:              n.id,
		ElectionTick:    electionTicks,
		HeartbeatTick:   heartbeatTicks,
		Storage:         n.disk,
		MaxSizePerMsg:   maxEntriesPerMsg,
		MaxInflightMsgs: maxInflight,
		Logger:          quiet,
	})
	if err != nil {
		panic(err) // a valid Config and a storage of our own: cannot fail
	}
	n.rn = rn
	n.seen = raft.StateFollower
	n.store = Store{}
}

func (n *node) crash() {
	n.rn = nil
	n.store = Store{}
	n.electionAt, n.heartbeatAt = -1, -1
}

// status is the node's Raft state, zero while crashed.
func (n *node) status() raft.BasicStatus {
	if n.rn == nil {
		return raft.BasicStatus{ID: n.id}
	}
	return n.rn.BasicStatus()
}

func (n *node) role() raft.StateType { return n.status().RaftState }

// term and vote are the persisted ones, known even while crashed.
func (n *node) hard() (term, vote, commit uint64) {
	if n.rn != nil {
		st := n.rn.BasicStatus()
		return st.HardState.GetTerm(), st.HardState.GetVote(), st.HardState.GetCommit()
	}
	hs, _, _ := n.disk.MemoryStorage.InitialState()
	return hs.GetTerm(), hs.GetVote(), hs.GetCommit()
}

// log is the node's persisted log.
func (n *node) log() []*pb.Entry {
	last, _ := n.disk.LastIndex()
	if last == 0 {
		return nil
	}
	ents, err := n.disk.Entries(1, last+1, 1<<62)
	if err != nil {
		return nil
	}
	return ents
}

// lastEntry is the index and term of the node's last persisted entry.
func (n *node) lastEntry() (index, term uint64) {
	last, _ := n.disk.LastIndex()
	t, _ := n.disk.Term(last)
	return last, t
}
