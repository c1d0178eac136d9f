package kv

import (
	"testing"
	"time"

	"pgregory.net/rapid"
)

// Quorums that overlap in both ways (R + W > N and W > N/2), with read
// repair writing back before a read answers, on a network that delays
// but does not lose or cut off, with clocks in step: every history is
// linearizable (ABD's register), whatever the seed, the sizes and the
// workload. Without read repair, or with R + W ≤ N, the same runs are
// not always linearizable — the next test finds one.
func TestOverlappingQuorumsWithReadRepairAreLinearizable(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(MinN, MaxN).Draw(t, "n")
		w := rapid.IntRange(n/2+1, n).Draw(t, "w")
		r := rapid.IntRange(n-w+1, n).Draw(t, "r")
		cfg := Config{
			N: n, R: r, W: w, ReadRepair: true,
			Seed:    rapid.Uint64().Draw(t, "seed"),
			Clients: rapid.IntRange(1, MaxClients).Draw(t, "clients"),
			Ops:     rapid.IntRange(1, 60).Draw(t, "ops"),
			Mode:    Mode(rapid.IntRange(0, 1).Draw(t, "mode")),
		}
		if rapid.Bool().Draw(t, "two keys") {
			cfg.Keys = []string{"x", "y"}
		}
		s, err := NewSim(cfg)
		if err != nil {
			t.Fatal(err)
		}
		s.Run(50000)
		if c := s.Counters(); c.StaleReads > 0 || c.LostUpdates > 0 || c.Siblings > 0 {
			t.Fatalf("%+v: %+v", cfg, c)
		}
		if v := s.Verdict(20 * time.Second); v.Result != Linearizable {
			t.Fatalf("%+v: %s", cfg, v.Line(nil))
		}
	})
}

// The checker is not a rubber stamp: the same kind of runs with one
// overlap or the write-back taken away produce histories it rejects.
func TestTheCheckerRejectsWeakQuorums(t *testing.T) {
	weak := []Config{
		{N: 3, R: 1, W: 1, Ops: 60},             // no overlap
		{N: 3, R: 2, W: 2, Ops: 100, Loss: 0.3}, // overlap, no read repair, writes given up on
	}
	for _, cfg := range weak {
		found := false
		for seed := uint64(1); seed <= 10 && !found; seed++ {
			cfg.Seed = seed
			s := run(t, cfg)
			found = s.Verdict(20*time.Second).Result == NotLinearizable && s.Counters().StaleReads > 0
		}
		if !found {
			t.Errorf("%+v: 10 seeds, all linearizable", cfg)
		}
	}
}
