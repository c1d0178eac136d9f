package raft

import (
	"strings"
	"testing"

	pb "go.etcd.io/raft/v3/raftpb"
)

// The checker can fail. A leader that commits an older term's entry by
// counting replicas (the rule §5.4.2 forbids) loses a committed entry in
// the paper's Figure 8: the checker names the property and the entry, for
// every seed; Raft itself, in the same scenario, stays safe.
func TestCheckerCatchesCountingOldEntries(t *testing.T) {
	for seed := uint64(1); seed <= 10; seed++ {
		s := play(t, Figure8, seed, BugCountOldTerm, 400)
		v := s.Violation()
		if v == nil {
			t.Fatalf("seed %d: no violation\n%s", seed, tail(s, 20))
		}
		if v.Property != LeaderCompleteness || !strings.Contains(v.Text(en), "without 2:1 x=1, committed in term 3") {
			t.Fatalf("seed %d: %s", seed, v.Text(en))
		}
		if got := s.Verdict(en); !strings.HasPrefix(got, "safety: violated: Leader Completeness violated at event") {
			t.Fatalf("verdict %q", got)
		}
		if ok := play(t, Figure8, seed, BugNone, 400); ok.Violation() != nil || ok.Verdict(en) != "safety: ok" {
			t.Fatalf("seed %d: Raft broke: %s", seed, ok.Verdict(en))
		}
	}
}

// A node that forgets its vote when it restarts votes twice in one term:
// two leaders of term 1. The same steps with the vote persisted give one.
func TestCheckerCatchesAForgottenVote(t *testing.T) {
	steps := func() []stage {
		return []stage{
			{do: act(Action{Op: OpPartition, Side: []uint64{2}}, do(OpTimeout, 1))},
			{when: func(e *engine) bool { return e.isLeader(1) },
				do: act(do(OpCrash, 3), do(OpRestart, 3), Action{Op: OpPartition, Side: []uint64{1}}, do(OpTimeout, 2))},
			{when: votesSettled, do: act()},
		}
	}
	bad := scripted(t, Config{Nodes: 3, Seed: 1, Bug: BugForgetVote}, steps()...)
	stepUntil(t, bad, 200, "a violation", func(sn Snapshot) bool { return sn.Violation != nil })
	if v := bad.Violation(); v.Property != ElectionSafety || !strings.Contains(v.Text(en), "n1 and n2 both lead term 1") {
		t.Fatalf("%s", v.Text(en))
	}
	good := scripted(t, Config{Nodes: 3, Seed: 1}, steps()...)
	for range 200 {
		good.Step()
	}
	if v := good.Violation(); v != nil {
		t.Fatalf("Raft broke: %s", v.Text(en))
	}
	if leadersOf(good)[1] != 1 {
		t.Fatalf("term 1 led by %v", leadersOf(good))
	}
}

func entry(index, term uint64, data string) *pb.Entry {
	return &pb.Entry{Index: new(index), Term: new(term), Data: []byte(data)}
}

// Each property, fed a state that breaks it, is reported with the nodes
// and entries involved.
func TestCheckerOnBrokenStates(t *testing.T) {
	var c checker
	c.init(3)
	c.matching(1, 2,
		[]*pb.Entry{entry(1, 1, ""), entry(2, 1, "put x 1"), entry(3, 2, "")},
		[]*pb.Entry{entry(1, 1, ""), entry(2, 1, "put x 9"), entry(3, 2, "")}, 7)
	if c.broken == nil || c.broken.Property != LogMatching || c.broken.Text(en) != "Log Matching violated at event 7: n1 and n2 both hold 3:2, yet differ before it: 2:1 x=1 against 2:1 x=9." {
		t.Fatalf("log matching: %+v", c.broken)
	}

	c = checker{}
	c.init(3)
	c.matching(1, 2, []*pb.Entry{entry(1, 1, ""), entry(2, 2, "")}, []*pb.Entry{entry(1, 1, ""), entry(2, 3, "")}, 1)
	if c.broken != nil {
		t.Fatalf("logs that differ only past their last match: %s", c.broken.Text(en))
	}

	c = checker{}
	c.init(3)
	c.sawApplied(1, entry(4, 2, "put x 1"), 3)
	c.sawApplied(2, entry(4, 2, "put x 1"), 4)
	if c.broken != nil {
		t.Fatal("the same entry applied twice is no violation")
	}
	c.sawApplied(3, entry(4, 3, "put x 2"), 5)
	if c.broken == nil || c.broken.Text(en) != "State Machine Safety violated at event 5: n3 applies 4:3 x=2 at index 4, but n1 applied 4:2 x=1 there." {
		t.Fatalf("state machine safety: %+v", c.broken)
	}

	c = checker{}
	c.init(3)
	c.committedBy(1, entry(1, 1, ""), 1, 1)
	c.committedBy(1, entry(2, 1, "put x 1"), 1, 1)
	c.complete(2, 2, []*pb.Entry{entry(1, 1, "")}, 9)
	if c.broken == nil || c.broken.Text(en) != "Leader Completeness violated at event 9: n2 leads term 2 without 2:1 x=1, committed in term 1." {
		t.Fatalf("leader completeness: %+v", c.broken)
	}
}
