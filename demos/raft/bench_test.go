package raft

import (
	"testing"
	"time"
)

// benchRun is how many events one Sim makes before the benchmark starts
// another: a long class session's run, so the figure includes the cost of
// logs that grow and of the checker that reads them, but memory (every
// event is kept for stepping back) stays bounded.
const benchRun = 5000

// benchSteps measures the engine's events per second with n nodes, every
// random fault on and clients writing (RandomFaults: a write after 5% of
// events), the safety checker running after every event as it always
// does. It also reports how much simulated time a second of the machine
// plays.
func benchSteps(b *testing.B, n int) {
	b.ReportAllocs()
	var sim time.Duration
	var s *Sim
	seed := uint64(0)
	start := func() {
		if s != nil {
			sim += s.Snapshot().Now
		}
		seed++
		var err error
		if s, err = NewSim(Config{Nodes: n, Seed: seed, Faults: RandomFaults}); err != nil {
			b.Fatal(err)
		}
	}
	start()
	made := 0
	for b.Loop() {
		if made == benchRun || !s.Step() {
			start()
			made = 0
			s.Step()
		}
		made++
	}
	sim += s.Snapshot().Now
	if s.Violation() != nil {
		b.Fatal(s.Violation().Text(en))
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/secs, "events/s")
	b.ReportMetric(sim.Seconds()/secs, "sim-s/s")
}

// BenchmarkSteps5Nodes is the figure of issue 17 §5: the engine's events
// per second with 5 nodes.
func BenchmarkSteps5Nodes(b *testing.B) { benchSteps(b, 5) }

// BenchmarkSteps3Nodes and BenchmarkSteps7Nodes are the engine's smallest
// and largest clusters beside it, so the cost per node shows.
func BenchmarkSteps3Nodes(b *testing.B) { benchSteps(b, 3) }

func BenchmarkSteps7Nodes(b *testing.B) { benchSteps(b, 7) }
