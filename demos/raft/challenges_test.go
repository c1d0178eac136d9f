package raft

import (
	"strings"
	"testing"
)

func labSim(t *testing.T, cfg Config) (*Lab, *Sim) {
	t.Helper()
	lab := NewLab()
	s, err := lab.NewSim(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return lab, s
}

func met(lab *Lab, id string) (string, bool) {
	for _, r := range lab.Done() {
		if r.ID == id {
			return r.How(en), true
		}
	}
	return "", false
}

func untilLeader(t *testing.T, s *Sim) NodeView {
	t.Helper()
	snap := stepUntil(t, s, 800, "a leader that committed", func(sn Snapshot) bool {
		l, ok := leaderOf(sn)
		return ok && l.Commit == uint64(len(l.Log)) && l.Commit > 0
	})
	l, _ := leaderOf(snap)
	return l
}

// Crashing the leader and playing on elects another: met, with who and
// which terms. The scenario that crashes the leader itself does not count.
func TestChallengeReelect(t *testing.T) {
	lab, s := labSim(t, Config{Nodes: 5, Seed: 2})
	l := untilLeader(t, s)
	s.Do(Action{Op: OpCrash, Node: l.ID})
	if _, ok := met(lab, ChallengeReelect); ok {
		t.Fatal("met at the crash")
	}
	stepUntil(t, s, 800, "a new leader", func(sn Snapshot) bool { n, ok := leaderOf(sn); return ok && n.ID != l.ID })
	how, ok := met(lab, ChallengeReelect)
	if !ok || !strings.HasPrefix(how, "You crashed "+name(l.ID)+", leader of term 1; ") {
		t.Fatalf("%v %q", ok, how)
	}

	lab, s = labSim(t, Config{Scenario: LeaderCrash, Seed: 2})
	for range 500 {
		s.Step()
	}
	if _, ok := met(lab, ChallengeReelect); ok {
		t.Fatal("met by the scenario's own crash")
	}
}

// In 3 nodes, with the leader crashed, two timers fired together split
// the votes: met once the term is over. The split-vote scenario alone is
// not the student's doing.
func TestChallengeSplitVote(t *testing.T) {
	lab, s := labSim(t, Config{Nodes: 3, Seed: 4})
	l := untilLeader(t, s)
	s.Do(Action{Op: OpCrash, Node: l.ID})
	a, b := l.ID%3+1, (l.ID+1)%3+1
	s.Do(Action{Op: OpTimeout, Node: a})
	s.Do(Action{Op: OpTimeout, Node: b})
	stepUntil(t, s, 800, "a leader again", func(sn Snapshot) bool { _, ok := leaderOf(sn); return ok })
	how, ok := met(lab, ChallengeSplitVote)
	if !ok || !strings.Contains(how, "stood in term 2; no one won it") {
		t.Fatalf("%v %q\n%s", ok, how, tail(s, 20))
	}

	lab, s = labSim(t, Config{Scenario: SplitVote, Seed: 4})
	for range 400 {
		s.Step()
	}
	if _, ok := met(lab, ChallengeSplitVote); ok {
		t.Fatal("met by the scenario")
	}
}

// A write at a leader cut off with a minority, uncommitted while the
// majority elects a newer leader: met. The same write with the leader on
// the majority side is committed, and is no minority leader.
func TestChallengeMinorityLeader(t *testing.T) {
	lab, s := labSim(t, Config{Nodes: 5, Seed: 6})
	l := untilLeader(t, s)
	s.Do(Action{Op: OpPartition, Side: []uint64{l.ID}})
	s.Do(Action{Op: OpWrite, Node: l.ID})
	stepUntil(t, s, 800, "a newer leader", func(sn Snapshot) bool { n, ok := leaderOf(sn); return ok && n.Term > l.Term })
	stepUntil(t, s, 50, "met", func(Snapshot) bool { _, ok := met(lab, ChallengeMinority); return ok })
	how, _ := met(lab, ChallengeMinority)
	if !strings.HasPrefix(how, name(l.ID)+", leader of term 1 in a minority, held ") {
		t.Fatalf("%q", how)
	}

	lab, s = labSim(t, Config{Nodes: 5, Seed: 6})
	l = untilLeader(t, s)
	other := l.ID%5 + 1
	s.Do(Action{Op: OpPartition, Side: []uint64{other}})
	s.Do(Action{Op: OpWrite, Node: l.ID})
	for range 300 {
		s.Step()
	}
	if _, ok := met(lab, ChallengeMinority); ok {
		t.Fatal("met with the leader on the majority side")
	}
}

// Stepping by hand onto the event where the leader commits the student's
// write meets it; playing past it does not.
func TestChallengeCommitMoment(t *testing.T) {
	for _, hand := range []bool{true, false} {
		lab, s := labSim(t, Config{Nodes: 5, Seed: 8})
		l := untilLeader(t, s)
		s.Do(Action{Op: OpWrite, Node: l.ID})
		for range 100 {
			s.Do(Action{Op: OpStep, Single: hand})
		}
		how, ok := met(lab, ChallengeCommitMoment)
		if ok != hand {
			t.Fatalf("by hand %v: met %v", hand, ok)
		}
		if hand && !strings.Contains(how, "heard from a majority and committed ") {
			t.Fatalf("%q", how)
		}
	}
}
