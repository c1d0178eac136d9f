package raftpane

import (
	"testing"
	"time"

	"distlab/demos/raft"
	"distlab/tui/demo"
)

// busy is a 7-node free run with every random fault, a few hundred events
// in, partitioned, with dozens of messages in flight: the heaviest screen
// the pane draws.
func busy(b *testing.B) *Model {
	m := newPane(b, "en", 200, 60)
	sim, err := m.lab.NewSim(raft.Config{Nodes: 7, Seed: 3, Faults: raft.RandomFaults})
	if err != nil {
		b.Fatal(err)
	}
	m.sim, m.scenario = sim, len(m.scenarios)
	for range 3000 {
		sim.Step()
	}
	sim.Do(raft.Action{Op: raft.OpPartition, Side: []uint64{1, 2, 3}})
	for range 20 {
		sim.Step()
	}
	m.refresh()
	return m
}

// A frame of the pane at 200×60 while it plays: the clock moves (every
// message and timer with it) and the view is drawn again. The issue asks
// for at most 5 ms.
func BenchmarkRaftPaneView(b *testing.B) {
	m := busy(b)
	b.Logf("%d nodes, %d messages in flight, %d events", len(m.snap.Nodes), len(m.snap.Flights), m.snap.Events)
	m.SetPaused(true)
	base := m.play.Clock
	i := 0
	for b.Loop() {
		m.play.Clock = base + time.Duration(i%10)*time.Millisecond/10 // no event is due: a frame between two
		_ = m.View()
		i++
	}
}

// A frame that also makes the events due: playing at 1×, a tenth of a
// second of the run per frame.
func BenchmarkRaftPaneFrame(b *testing.B) {
	m := busy(b)
	m.play.Speed = len(demo.Speeds) - 1 // 1×
	now := time.Unix(1000, 0)
	m.Frame(now)
	for b.Loop() {
		now = now.Add(100 * time.Millisecond)
		m.Frame(now)
		_ = m.View()
	}
}

// Stepping back replays the run from its seed: after a long run it is
// still a key's worth of time.
func BenchmarkRaftPaneStepBack(b *testing.B) {
	m := busy(b)
	for b.Loop() {
		press(m, "left")
		press(m, "right")
	}
}
