package kvpane

import (
	"testing"
	"time"

	"distlab/demos/kv"
	"distlab/tui/demo"
)

// busy is a 5-replica free run with sloppy quorums, version vectors, 6
// clients and a partition, a few thousand events in: the heaviest screen
// the pane draws.
func busy(b *testing.B) *Model {
	m := newPane(b, "en", 200, 60, "")
	sim, err := m.lab.NewSim(kv.Config{N: 5, R: 3, W: 3, Sloppy: true, Conflicts: kv.VV, Clients: 6, Ops: kv.Unlimited, Mode: kv.AP, Seed: 3})
	if err != nil {
		b.Fatal(err)
	}
	m.sim, m.scenario = sim, len(m.scenarios)
	for range 3000 {
		sim.Step()
	}
	sim.Do(kv.Action{Op: kv.OpPartition, Side: []int{1, 2}})
	for range 20 {
		sim.Step()
	}
	m.refresh()
	return m
}

// A frame at 200×60 while the clock moves between two events: the view
// drawn again. The floor is a hello-world Bubble Tea program's frame
// (tui/perf).
func BenchmarkKVPaneView(b *testing.B) {
	m := busy(b)
	b.Logf("%d servers, %d operations, %d messages in flight", len(m.snap.Servers), len(m.snap.Ops), len(m.snap.Flights))
	m.SetPaused(true)
	base := m.play.Clock
	i := 0
	for b.Loop() {
		m.play.Clock = base + time.Duration(i%10)*time.Millisecond/10
		_ = m.View()
		i++
	}
}

// A frame that also makes the events due: playing at 1×, a tenth of a
// second of the run per frame.
func BenchmarkKVPaneFrame(b *testing.B) {
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

// Stepping back replays the run from its seed.
func BenchmarkKVPaneStepBack(b *testing.B) {
	m := busy(b)
	for b.Loop() {
		press(m, "left")
		press(m, "right")
	}
}
