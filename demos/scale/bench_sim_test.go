package scale

import (
	"testing"
	"time"
)

// BenchmarkSimulate measures the simulator: simulated requests (both
// sides together) per second of real time, at 10,000 req/s offered to 8
// cores and 8 nodes — past capacity, so queues, rejections and both
// balancer paths are exercised.
func BenchmarkSimulate(b *testing.B) {
	for _, p := range []Policy{RoundRobin, LeastLoaded} {
		b.Run(p.String(), func(b *testing.B) {
			d := newDemo(b, func(c *Config) { c.Load = 10000; c.Policy = p })
			b.ReportAllocs()
			for b.Loop() {
				d.Advance(100 * time.Millisecond)
			}
			s := d.Snapshot()
			reqs := s.Up.Totals.Offered + s.Out.Totals.Offered
			b.ReportMetric(float64(reqs)/b.Elapsed().Seconds(), "simreq/s")
		})
	}
}

// BenchmarkFrame is one frame of a pane at 12 fps: a Tick and a Snapshot.
func BenchmarkFrame(b *testing.B) {
	d := newDemo(b, func(c *Config) { c.Load = 10000; c.Nodes = 64; c.Cores = 64 })
	d.Advance(5 * time.Second)
	b.ReportAllocs()
	for b.Loop() {
		d.Tick(time.Second / 12)
		_ = d.Snapshot()
	}
}
