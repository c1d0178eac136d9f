package raft

import (
	"testing"

	"pgregory.net/rapid"
)

// propertySteps is how many events each generated run has: with rapid's
// 100 runs, tens of thousands of events per test.
var propertySteps = 1000

// Raft stays safe under anything a student or the network can do: random
// crashes and restarts (a minority or more down), partitions, lost and
// copied messages, client writes and reads, timers fired by hand, on 3 to
// 7 nodes. After every event the checker holds the four properties; and
// the run, replayed from its actions, is the same run.
func TestRaftSafeUnderFaults(t *testing.T) {
	var events, leaders, committed int // so the test is not vacuous
	rapid.Check(t, func(rt *rapid.T) {
		cfg := Config{
			Nodes: rapid.IntRange(MinNodes, MaxNodes).Draw(rt, "nodes"),
			Seed:  rapid.Uint64().Draw(rt, "seed"),
			Faults: Faults{
				Drop:      rapid.Float64Range(0, 0.15).Draw(rt, "drop"),
				Duplicate: rapid.Float64Range(0, 0.1).Draw(rt, "dup"),
			},
		}
		s, err := NewSim(cfg)
		if err != nil {
			rt.Fatal(err)
		}
		for range propertySteps {
			s.Do(drawAction(rt, cfg.Nodes))
			if v := s.Violation(); v != nil {
				rt.Fatalf("%s\n%s", v.Text(en), tail(s, 15))
			}
		}
		snap := s.Snapshot()
		events += snap.Events
		leaders += len(s.eng.check.leaders)
		committed += len(s.eng.check.committed)
		again, _ := NewSim(cfg)
		for _, a := range s.Actions() {
			again.Do(a)
		}
		if a, b := s.Snapshot(), again.Snapshot(); a.Events != b.Events || a.Now != b.Now || len(a.Nodes) != len(b.Nodes) {
			rt.Fatalf("replayed: %d events at %v, first run %d at %v", b.Events, b.Now, a.Events, a.Now)
		}
	})
	t.Logf("%d events, %d terms led, %d entries committed", events, leaders, committed)
	if !testing.Short() && (events < 10000 || leaders < 100 || committed < 100) { // -short makes fewer runs
		t.Fatalf("the runs did too little to test anything: %d events, %d terms led, %d entries committed", events, leaders, committed)
	}
}

// drawAction is mostly steps, with every kind of fault and request.
func drawAction(rt *rapid.T, nodes int) Action {
	node := func() uint64 { return uint64(rapid.IntRange(1, nodes).Draw(rt, "node")) }
	// rapid leans to small values: the small ones are steps.
	switch 199 - rapid.IntRange(0, 199).Draw(rt, "op") {
	case 0, 1:
		return Action{Op: OpCrash, Node: node()}
	case 2, 3, 4, 5:
		return Action{Op: OpRestart, Node: node()}
	case 6:
		k := rapid.IntRange(1, nodes-1).Draw(rt, "cut")
		perm := rapid.Permutation(ids(nodes)).Draw(rt, "side")
		return Action{Op: OpPartition, Side: perm[:k]}
	case 7, 8, 9:
		return Action{Op: OpHeal}
	case 10:
		return Action{Op: OpDrop}
	case 11, 12, 13, 14, 15, 16:
		return Action{Op: OpWrite, Node: node()}
	case 17, 18:
		return Action{Op: OpRead, Node: node()}
	case 19:
		return Action{Op: OpTimeout, Node: node()}
	}
	return Action{Op: OpStep}
}

func ids(n int) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		out[i] = uint64(i + 1)
	}
	return out
}
