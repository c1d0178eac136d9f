package raft

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The same Config and actions make the same run, event for event, even
// with every random fault on; another seed makes another run.
func TestSameSeedSameRun(t *testing.T) {
	run := func(seed uint64) []string {
		s, err := NewSim(Config{Nodes: 5, Seed: seed, Faults: RandomFaults})
		if err != nil {
			t.Fatal(err)
		}
		for range 2000 {
			s.Step()
		}
		var out []string
		for _, ev := range s.History() {
			out = append(out, en.Duration(ev.At)+" "+ev.Said(en))
		}
		return out
	}
	a, b := run(7), run(7)
	if len(a) != 2000 || !slices.Equal(a, b) {
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("event %d differs:\n%s\n%s", i+1, a[i], b[i])
			}
		}
		t.Fatalf("runs of %d and %d events", len(a), len(b))
	}
	if slices.Equal(a, run(8)) {
		t.Fatal("seeds 7 and 8 made the same run")
	}
}

// Stepping back is the run replayed: after k events and a step back, the
// run is the one of k-1 events, actions of the student's included.
func TestStepBackReplays(t *testing.T) {
	s, _ := NewSim(Config{Nodes: 5, Seed: 3})
	ref, _ := NewSim(Config{Nodes: 5, Seed: 3})
	acts := []Action{{Op: OpStep}}
	for i := range 300 {
		var a Action
		switch i {
		case 80:
			a = Action{Op: OpCrash, Node: 2}
		case 120:
			a = Action{Op: OpPartition, Side: []uint64{4, 5}}
		case 150:
			a = Action{Op: OpWrite, Node: 1}
		case 200:
			a = Action{Op: OpHeal}
		default:
			a = Action{Op: OpStep}
		}
		acts = append(acts, a)
	}
	for _, a := range acts {
		s.Do(a)
	}
	for range 50 {
		if !s.StepBack() {
			t.Fatal("no step back")
		}
	}
	for _, a := range acts[:len(acts)-50] {
		ref.Do(a)
	}
	got, want := s.Snapshot(), ref.Snapshot()
	if got.Events != want.Events || got.Now != want.Now || !slices.EqualFunc(got.Nodes, want.Nodes, sameNode) {
		t.Fatalf("after stepping back: %d events at %v, want %d at %v", got.Events, got.Now, want.Events, want.Now)
	}
}

func sameNode(a, b NodeView) bool {
	return a.ID == b.ID && a.Role == b.Role && a.Term == b.Term && a.Vote == b.Vote &&
		a.Commit == b.Commit && a.Store == b.Store && slices.Equal(a.Log, b.Log)
}

// A crash keeps what etcd persists (the HardState's term, vote and commit
// index, and the log) and loses the rest; a restarted node applies its
// committed log again from its own disk at once, and ends with the same
// state machine as the others. The sentences say so, and agree with the
// row: the commit index a crashed node shows is the one it keeps.
func TestCrashKeepsTheDisk(t *testing.T) {
	s, _ := NewSim(Config{Nodes: 3, Seed: 5})
	snap := stepUntil(t, s, 500, "a leader", func(sn Snapshot) bool { _, ok := leaderOf(sn); return ok })
	l, _ := leaderOf(snap)
	s.Do(Action{Op: OpWrite, Node: l.ID})
	s.Do(Action{Op: OpWrite, Node: l.ID})
	stepUntil(t, s, 500, "two writes answered", func(sn Snapshot) bool { return answered(sn, "put") == 2 })
	f := l.ID%3 + 1
	stepUntil(t, s, 500, "the follower applies both", func(sn Snapshot) bool { return sn.Nodes[f-1].Store == "x=2" })
	before := s.Snapshot().Nodes[f-1]
	s.Do(Action{Op: OpCrash, Node: f})
	down := s.Snapshot().Nodes[f-1]
	if down.Role != Down || down.Term != before.Term || down.Vote != before.Vote || down.Commit != before.Commit ||
		!slices.Equal(down.Log, before.Log) || down.Store != "" {
		t.Fatalf("crashed: %+v\nbefore: %+v", down, before)
	}
	said := s.Snapshot().Last.Said(en)
	if want := fmt.Sprintf("commit index %d (etcd saves it", before.Commit); !strings.Contains(said, want) || strings.Contains(said, "commit index and") {
		t.Errorf("the crash says %q, want the commit index %d among what the disk keeps", said, before.Commit)
	}
	s.Do(Action{Op: OpRestart, Node: f})
	up := s.Snapshot().Nodes[f-1]
	if up.Role != Follower || up.Term != before.Term || !slices.Equal(up.Log, before.Log) {
		t.Fatalf("restarted: %+v", up)
	}
	if up.Commit != before.Commit || up.Applied != before.Commit || up.Store != before.Store {
		t.Errorf("just restarted, before any message: commit %d, applied %d, store %q; want %d, %d, %q from its own disk",
			up.Commit, up.Applied, up.Store, before.Commit, before.Commit, before.Store)
	}
	said = s.Snapshot().Last.Said(en)
	if want := fmt.Sprintf("commit index %d, 3 entries. It is a follower; it applies its committed entries again, up to %d,", before.Commit, before.Commit); !strings.Contains(said, want) {
		t.Errorf("the restart says %q, want %q", said, want)
	}
	stepUntil(t, s, 500, "the restarted node applies the log again", func(sn Snapshot) bool {
		return sn.Nodes[f-1].Store == "x=2" && sn.Nodes[f-1].Applied == before.Applied
	})
}

// A client's write at a follower is forwarded to the leader and answered
// once committed; a read after it answers the value written (forwarded
// proposals may overtake each other in the network, so not one sent
// alongside); a node that knows no leader refuses.
func TestClients(t *testing.T) {
	s, _ := NewSim(Config{Nodes: 5, Seed: 11})
	s.Do(Action{Op: OpWrite, Node: 1})
	if r := s.Snapshot().Requests[0]; !r.Failed {
		t.Fatalf("a write before any leader: %+v", r)
	}
	snap := stepUntil(t, s, 500, "a leader", func(sn Snapshot) bool { _, ok := leaderOf(sn); return ok })
	l, _ := leaderOf(snap)
	stepUntil(t, s, 500, "followers know the leader", func(sn Snapshot) bool {
		for _, n := range sn.Nodes {
			if n.Lead != l.ID {
				return false
			}
		}
		return true
	})
	f := l.ID%5 + 1
	s.Do(Action{Op: OpWrite, Node: f})
	stepUntil(t, s, 500, "the write answered", func(sn Snapshot) bool { return answered(sn, "put") == 1 })
	s.Do(Action{Op: OpRead, Node: f})
	snap = stepUntil(t, s, 500, "the write and the read answered", func(sn Snapshot) bool {
		return answered(sn, "put") == 1 && answered(sn, "get") == 1
	})
	for _, r := range snap.Requests {
		if r.Done && r.Cmd.Op == "get" && r.Result != "2" {
			t.Fatalf("read answered %q, want the value written, 2", r.Result)
		}
	}
}
