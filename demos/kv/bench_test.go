package kv

import (
	"testing"
	"time"
)

// BenchmarkSimulate is a free run of 1,000 operations by 6 clients on
// N = 3, R = W = 2 with read repair; ops/s is simulated operations per
// second of real time. The floor is the same run with one replica (N = 3
// is the least the engine keeps, so R = W = 1 stands in for it: one
// message round per operation instead of two quorums' worth).
func BenchmarkSimulate(b *testing.B) {
	for _, bc := range []struct {
		name string
		cfg  Config
	}{
		{"quorum", Config{N: 3, R: 2, W: 2, ReadRepair: true, Clients: 6, Ops: 1000}},
		{"one-one", Config{N: 3, R: 1, W: 1, Clients: 6, Ops: 1000}},
		{"n5-vv-sloppy", Config{N: 5, R: 3, W: 3, Conflicts: VV, Sloppy: true, Clients: 6, Ops: 1000}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			ops := 0
			for i := 0; b.Loop(); i++ {
				cfg := bc.cfg
				cfg.Seed = uint64(i)
				s, err := NewSim(cfg)
				if err != nil {
					b.Fatal(err)
				}
				s.Run(0)
				ops += s.Counters().Ops
			}
			b.ReportMetric(float64(ops)/b.Elapsed().Seconds(), "ops/s")
		})
	}
}

// BenchmarkCheck is Porcupine's time on histories of 1k and 10k
// operations, linearizable ones (quorums with read repair) and ones with
// a violation (R = W = 1), one key and three. Histories on one key are
// Porcupine's hard case: the search is over the orders of the operations
// that overlap, and a violation makes it look at many before it gives up.
func BenchmarkCheck(b *testing.B) {
	for _, bc := range []struct {
		name string
		cfg  Config
	}{
		{"ok-1k", Config{N: 3, R: 2, W: 2, ReadRepair: true, Clients: 6, Ops: 1000}},
		{"ok-10k", Config{N: 3, R: 2, W: 2, ReadRepair: true, Clients: 6, Ops: 10000}},
		{"stale-1k", Config{N: 3, R: 1, W: 1, Clients: 6, Ops: 1000}},
		{"stale-10k", Config{N: 3, R: 1, W: 1, Clients: 6, Ops: 10000}},
		{"ok-10k-3keys", Config{N: 3, R: 2, W: 2, ReadRepair: true, Clients: 6, Ops: 10000, Keys: []string{"x", "y", "z"}}},
		// 10% loss: writes given up on never end, so they overlap every
		// later operation; with read repair the history stays linearizable.
		{"lossy-1k", Config{N: 3, R: 2, W: 2, ReadRepair: true, Clients: 6, Ops: 1000, Loss: 0.1}},
		{"lossy-10k", Config{N: 3, R: 2, W: 2, ReadRepair: true, Clients: 6, Ops: 10000, Loss: 0.1}},
		// The same without read repair: stale reads, and Porcupine must
		// rule out every order of the operations overlapping the given-up
		// writes before it can say no.
		{"lossy-stale-1k", Config{N: 3, R: 2, W: 2, Clients: 6, Ops: 1000, Loss: 0.1}},
		{"lossy-stale-10k", Config{N: 3, R: 2, W: 2, Clients: 6, Ops: 10000, Loss: 0.1}},
	} {
		bc.cfg.Seed = 1
		s, err := NewSim(bc.cfg)
		if err != nil {
			b.Fatal(err)
		}
		s.Run(0)
		ops := s.Snapshot().Ops
		b.Run(bc.name, func(b *testing.B) {
			undecided := 0
			for b.Loop() {
				if Check(ops, 5*time.Second).Result == Undecided {
					undecided++
				}
			}
			// 1 when the checker gives up at 5 s: the time is then the
			// timeout, and the pane (500 ms) shows "undecided".
			b.ReportMetric(float64(undecided)/float64(b.N), "undecided")
		})
	}
}
