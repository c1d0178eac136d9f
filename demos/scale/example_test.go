package scale_test

import (
	"fmt"
	"time"

	"distlab/demos/scale"
)

// A pane drives the demo from its frame tick: each frame simulates the
// real time since the last one and draws a snapshot. Keys call methods
// that return at once.
func ExampleDemo() {
	d, err := scale.NewDemo(scale.DefaultConfig()) // 4,000 req/s, 8 cores vs 8 nodes
	if err != nil {
		panic(err)
	}
	const frame = time.Second / 12 // a 12 fps tea.Tick
	for range 5 * 12 {             // five seconds of frames
		d.Tick(frame)
		_ = d.Snapshot() // the pane's View draws this
	}
	d.SetLoad(9000)        // key: offered load +
	d.Crash(scale.ScaleUp) // key: crash the selected side
	for range 2 * 12 {
		d.Tick(frame)
	}
	s := d.Snapshot()
	fmt.Printf("%s: %v, %.0f req/s served\n", s.Up.Side, s.Up.State, s.Up.Throughput)
	fmt.Printf("%s: %v, %d nodes %.0f%% busy, capacity %.0f req/s, %s%.2f/h\n", s.Out.Side, s.Out.State,
		s.Out.Size, 100*s.Out.Utilization, s.Out.Capacity, s.Cost.Currency, s.Out.CostPerHour)
	// Output:
	// scale up: down, 0 req/s served
	// scale out: running, 8 nodes 100% busy, capacity 6475 req/s, $0.43/h
}
