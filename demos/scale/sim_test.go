package scale

import (
	"math"
	"reflect"
	"testing"
	"time"
)

// At low load a request hardly ever waits: its time in the system is its
// service time.
func TestLowLoadLatencyIsServiceTime(t *testing.T) {
	for _, dist := range []ServiceDist{Fixed, Exponential} {
		d := newDemo(t, func(c *Config) { c.Load = 100; c.Service = dist })
		d.Advance(200 * time.Second)
		s := d.Snapshot()
		for _, ss := range sides(&s) {
			w := ss.Totals.MeanLatency()
			tol := 0.02
			if dist == Exponential {
				tol = 0.05 // ρ ≈ 2%: waits add ~2%, sampling ~1%
			}
			if !within(float64(w), float64(ss.ServiceTime), tol) {
				t.Errorf("%s, %s service: mean latency %v, service time %v", ss.Side, dist, w, ss.ServiceTime)
			}
			if ss.Totals.Rejected+ss.Totals.Failed != 0 {
				t.Errorf("%s: %d rejected, %d failed at low load", ss.Side, ss.Totals.Rejected, ss.Totals.Failed)
			}
		}
	}
}

// Little's law, L = λW, holds at steady state on both sides.
func TestLittlesLaw(t *testing.T) {
	for _, policy := range []Policy{RoundRobin, LeastLoaded} {
		d := newDemo(t, func(c *Config) { c.Load = 0.7 * c.UpModel.X(8); c.Policy = policy })
		d.Advance(50 * time.Second)
		s := d.Snapshot()
		for _, ss := range sides(&s) {
			tot := ss.Totals
			l := tot.MeanInSystem()
			lw := tot.Throughput() * tot.MeanLatency().Seconds()
			if !within(lw, l, 0.05) {
				t.Errorf("%s (%s): L = %.3f, λW = %.3f", ss.Side, policy, l, lw)
			}
			if l < 1 {
				t.Errorf("%s: L = %.3f, too few in the system to test anything", ss.Side, l)
			}
		}
	}
}

// Past capacity, throughput stays at the model's X(N), the queues fill,
// and the excess is turned away.
func TestSaturation(t *testing.T) {
	d := newDemo(t, func(c *Config) { c.Load = 2 * c.UpModel.X(8) })
	d.Advance(20 * time.Second)
	s := d.Snapshot()
	for _, ss := range sides(&s) {
		if !within(ss.Throughput, ss.Capacity, 0.05) {
			t.Errorf("%s: throughput %.0f, capacity %.0f", ss.Side, ss.Throughput, ss.Capacity)
		}
		if !within(ss.RejectRate, s.Load-ss.Capacity, 0.08) {
			t.Errorf("%s: rejecting %.0f/s, want ≈ %.0f/s", ss.Side, ss.RejectRate, s.Load-ss.Capacity)
		}
		if ss.Queue < ss.QueueCap*9/10 {
			t.Errorf("%s: queue %d of %d", ss.Side, ss.Queue, ss.QueueCap)
		}
		if ss.Utilization < 0.97 {
			t.Errorf("%s: utilisation %.2f", ss.Side, ss.Utilization)
		}
		// A full queue of QueuePerCore per core takes about that many
		// service times to drain.
		if full := time.Duration(s.Up.QueueCap/ss.Size) * ss.ServiceTime; ss.P50 < full/2 {
			t.Errorf("%s: p50 %v with full queues (≈ %v)", ss.Side, ss.P50, full)
		}
	}
}

// The simulated machine serves what the model says, at every size and
// for every preset: per-core rate X(k)/k.
func TestCapacityFollowsModel(t *testing.T) {
	for _, m := range Presets() {
		for _, k := range []int{1, 8, 36, 64} {
			d := newDemo(t, func(c *Config) {
				c.UpModel, c.OutModel, c.Cores, c.Nodes = m, m, k, k
				c.Load = min(MaxLoad, 1.5*m.X(float64(k)))
				c.Service = Fixed
			})
			d.Advance(2 * time.Second)
			s := d.Snapshot()
			for _, ss := range sides(&s) {
				if want := m.X(float64(k)); !within(ss.Throughput, want, 0.03) {
					t.Errorf("%s, %s, N = %d: %.0f req/s, X(N) = %.0f", m.Name, ss.Side, k, ss.Throughput, want)
				}
			}
		}
	}
}

func TestUtilization(t *testing.T) {
	d := newDemo(t, func(c *Config) { c.Load = 0.5 * c.UpModel.X(8) })
	d.Advance(30 * time.Second)
	s := d.Snapshot()
	for _, ss := range sides(&s) {
		if !within(ss.Utilization, 0.5, 0.1) {
			t.Errorf("%s: utilisation %.3f, want 0.5", ss.Side, ss.Utilization)
		}
		for i, u := range ss.Units {
			if !within(u.Util, 0.5, 0.35) {
				t.Errorf("%s unit %d: utilisation %.3f", ss.Side, i, u.Util)
			}
		}
	}
}

// Both sides see the very same arrivals.
func TestSameOfferedLoad(t *testing.T) {
	d := newDemo(t, nil)
	for _, load := range []float64{1000, 9000, 300} {
		d.SetLoad(load)
		d.Advance(3 * time.Second)
		s := d.Snapshot()
		if s.Up.Totals.Offered != s.Out.Totals.Offered || s.Up.Totals.Offered == 0 {
			t.Fatalf("offered %d vs %d", s.Up.Totals.Offered, s.Out.Totals.Offered)
		}
		if tol := 5 / math.Sqrt(load*s.Window.Seconds()); !within(s.Up.Offered, load, tol) { // 5σ of a Poisson count
			t.Errorf("offered %.0f/s, want %.0f", s.Up.Offered, load)
		}
	}
}

// A shared queue (one machine) beats separate queues, and least loaded
// beats round robin: the same capacity, less waiting.
func TestQueueingOrder(t *testing.T) {
	mean := func(p Policy, seed uint64) (up, out time.Duration) {
		d := newDemo(t, func(c *Config) { c.Load = 0.85 * c.UpModel.X(8); c.Policy = p; c.Seed = seed })
		d.Advance(20 * time.Second)
		s := d.Snapshot()
		return s.Up.Totals.MeanLatency(), s.Out.Totals.MeanLatency()
	}
	for seed := range uint64(3) {
		up, rr := mean(RoundRobin, seed)
		_, ll := mean(LeastLoaded, seed)
		if !(up < ll && ll < rr) {
			t.Errorf("seed %d, mean latency: machine %v, least loaded %v, round robin %v", seed, up, ll, rr)
		}
	}
}

func TestCrashScaleUp(t *testing.T) {
	d := newDemo(t, func(c *Config) { c.Load = 3000 })
	d.Advance(5 * time.Second)
	if got := d.Crash(ScaleUp); got != 0 {
		t.Fatalf("Crash = %d", got)
	}
	if got := d.Crash(ScaleUp); got != -1 {
		t.Fatalf("second Crash = %d, want -1", got)
	}
	d.Advance(4 * time.Second) // t = 9s, down since 5s
	s := d.Snapshot()
	up := s.Up
	if up.State != Down || up.Capacity != 0 || up.UpUnits != 0 {
		t.Errorf("after the crash: %v, capacity %.0f", up.State, up.Capacity)
	}
	if up.Throughput != 0 || !within(up.FailRate, 3000, 0.1) {
		t.Errorf("total outage: throughput %.0f, failing %.0f/s", up.Throughput, up.FailRate)
	}
	if up.RepairIn != 6*time.Second || up.Units[0].Up {
		t.Errorf("repair in %v", up.RepairIn)
	}
	// The other side is untouched.
	if s.Out.State != Running || s.Out.Totals.Failed != 0 {
		t.Errorf("scale out: %v, %d failed", s.Out.State, s.Out.Totals.Failed)
	}
	d.Advance(8 * time.Second) // repaired at 15s (MTTR 10s); t = 17s
	s = d.Snapshot()
	if s.Up.State != Running || !within(s.Up.Throughput, 3000, 0.1) || s.Up.FailRate != 0 {
		t.Errorf("after MTTR: %v, %.0f req/s, failing %.0f/s", s.Up.State, s.Up.Throughput, s.Up.FailRate)
	}
	if !within(s.Up.Totals.Uptime(), 7.0/17, 0.01) {
		t.Errorf("uptime %.3f, want 7/17", s.Up.Totals.Uptime())
	}
	// Repair brings it back at once.
	d.Crash(ScaleUp)
	d.Advance(time.Second)
	if n := d.Repair(ScaleUp); n != 1 {
		t.Errorf("Repair = %d", n)
	}
	d.Advance(2 * time.Second)
	if s := d.Snapshot(); s.Up.State != Running || !within(s.Up.Throughput, 3000, 0.1) {
		t.Errorf("after Repair: %v, %.0f req/s", s.Up.State, s.Up.Throughput)
	}
}

// Crashing one of n nodes under round robin: 1/n of the requests fail
// until the next health check, then the balancer routes around it and
// capacity is (n−1)/n.
func TestCrashNodeRoundRobin(t *testing.T) {
	const n = 4
	d := newDemo(t, func(c *Config) { c.Nodes = n; c.Load = 0.5 * c.OutModel.X(n) })
	load := d.Config().Load
	d.Advance(10 * time.Second) // a health check has just run
	if got := d.Crash(ScaleOut); got != 0 {
		t.Fatalf("Crash = %d", got)
	}
	d.Advance(time.Second)
	s := d.Snapshot()
	out := s.Out
	if out.State != Degraded || out.UpUnits != n-1 {
		t.Errorf("state %v, %d up", out.State, out.UpUnits)
	}
	if u := out.Units[0]; u.Up || !u.Routed {
		t.Errorf("node 0 before the health check: up %v, routed %v", u.Up, u.Routed)
	}
	if !within(out.FailRate, load/n, 0.15) {
		t.Errorf("before the health check: failing %.0f/s, want ≈ %.0f/s", out.FailRate, load/n)
	}
	if want := float64(n-1) / n * s.Out.Model.X(n); !within(out.Capacity, want, 1e-9) {
		t.Errorf("capacity %.0f, want %.0f", out.Capacity, want)
	}
	d.Advance(2 * time.Second) // the check at 12s saw it; t = 13s
	s = d.Snapshot()
	out = s.Out
	if out.Units[0].Routed || out.FailRate != 0 || !within(out.Throughput, load, 0.1) {
		t.Errorf("after the health check: routed %v, failing %.0f/s, %.0f req/s",
			out.Units[0].Routed, out.FailRate, out.Throughput)
	}
	d.Advance(8 * time.Second) // repaired at 20s, routed again at the check at 20s; t = 21s
	s = d.Snapshot()
	if u := s.Out.Units[0]; !u.Up || !u.Routed || s.Out.State != Running || u.Util == 0 {
		t.Errorf("after MTTR: %+v, %v", u, s.Out.State)
	}
}

// Overloaded, a crashed node takes 1/n of the throughput with it.
func TestCrashNodeCapacity(t *testing.T) {
	const n = 4
	d := newDemo(t, func(c *Config) { c.Nodes = n; c.Load = 2 * c.OutModel.X(n) })
	served := func(from, to time.Duration) float64 { // req/s served between from and to
		d.Advance(from - d.Now())
		before := d.Snapshot().Out.Totals.Completed
		d.Advance(to - from)
		return float64(d.Snapshot().Out.Totals.Completed-before) / (to - from).Seconds()
	}
	full := served(time.Second, 5*time.Second)
	d.CrashNode(2)                                // at 5s; the check at 6s routes around it
	less := served(7*time.Second, 14*time.Second) // repaired at 15s
	if !within(less, full*(n-1)/n, 0.04) {
		t.Errorf("throughput %.0f → %.0f, want ×%d/%d", full, less, n-1, n)
	}
	if d.CrashNode(n) || d.CrashNode(-1) || d.CrashNode(2) {
		t.Error("CrashNode accepted a node out of range or already down")
	}
}

// Least loaded sends a crashed node, which fails fast and so looks idle,
// more than its share until the health check; then routes around it.
func TestCrashNodeLeastLoaded(t *testing.T) {
	const n = 4
	d := newDemo(t, func(c *Config) { c.Nodes = n; c.Load = 0.6 * c.OutModel.X(n); c.Policy = LeastLoaded })
	load := d.Config().Load
	d.Advance(10 * time.Second)
	d.Crash(ScaleOut)
	d.Advance(time.Second)
	if fail := d.Snapshot().Out.FailRate; fail < 1.3*load/n {
		t.Errorf("before the check: failing %.0f/s, want more than 1/n of %.0f", fail, load)
	}
	d.Advance(2 * time.Second)
	if s := d.Snapshot(); s.Out.FailRate != 0 || !within(s.Out.Throughput, load, 0.1) {
		t.Errorf("after the check: failing %.0f/s, %.0f req/s", s.Out.FailRate, s.Out.Throughput)
	}
}

func TestCrashEveryNode(t *testing.T) {
	d := newDemo(t, func(c *Config) { c.Nodes = 2; c.Load = 500 })
	d.Advance(time.Second)
	d.Crash(ScaleOut)
	d.Crash(ScaleOut)
	if d.Crash(ScaleOut) != -1 {
		t.Error("a third crash of two nodes")
	}
	d.Advance(3 * time.Second)
	s := d.Snapshot()
	if s.Out.State != Down || s.Out.Throughput != 0 || !within(s.Out.FailRate, 500, 0.25) {
		t.Errorf("all down: %v, %.0f req/s, failing %.0f/s", s.Out.State, s.Out.Throughput, s.Out.FailRate)
	}
	if n := d.Repair(ScaleOut); n != 2 {
		t.Errorf("Repair = %d", n)
	}
	d.Advance(4 * time.Second)
	if s := d.Snapshot(); s.Out.State != Running || s.Out.FailRate != 0 {
		t.Errorf("repaired: %v, failing %.0f/s", s.Out.State, s.Out.FailRate)
	}
}

func TestResize(t *testing.T) {
	d := newDemo(t, func(c *Config) { c.Load = 3000 })
	d.Advance(2 * time.Second)
	if k := d.SetCores(16); k != 16 {
		t.Errorf("SetCores(16) = %d", k)
	}
	if k := d.SetCores(1000); k != 64 {
		t.Errorf("SetCores(1000) = %d, want the ceiling 64", k)
	}
	if k := d.StepCores(+1); k != 64 {
		t.Errorf("StepCores past the ceiling = %d", k)
	}
	if k := d.StepCores(-1); k != 48 {
		t.Errorf("StepCores(-1) from 64 = %d", k)
	}
	d.SetCores(64)
	s := d.Snapshot()
	if !s.Up.AtCeiling || len(s.Up.Units) != 64 || s.Up.Capacity != s.Up.Model.X(64) {
		t.Errorf("at 64 cores: ceiling %v, %d units, capacity %.0f", s.Up.AtCeiling, len(s.Up.Units), s.Up.Capacity)
	}
	d.SetCores(2) // shrink under load: nothing is lost
	if n := d.StepNodes(+1); n != 9 {
		t.Errorf("StepNodes(+1) = %d", n)
	}
	d.SetNodes(12)
	d.Advance(2 * time.Second)
	d.SetNodes(1) // removed nodes drain: nothing is lost
	d.Advance(5 * time.Second)
	s = d.Snapshot()
	if len(s.Out.Units) != 1 || s.Out.Size != 1 {
		t.Errorf("%d units", len(s.Out.Units))
	}
	for _, ss := range sides(&s) {
		if ss.Totals.Failed != 0 {
			t.Errorf("%s: %d failed while resizing", ss.Side, ss.Totals.Failed)
		}
	}
	// 2 cores cannot take 3000 req/s (X(2) ≈ 1936), nor 1 node: both reject.
	if s.Up.RejectRate == 0 || s.Out.RejectRate == 0 {
		t.Errorf("rejecting %.0f and %.0f", s.Up.RejectRate, s.Out.RejectRate)
	}
	if d.SetNodes(0) != 1 || d.SetNodes(1e6) != 128 {
		t.Error("SetNodes does not clamp")
	}
}

// A node removed while crashed and added back is a fresh machine; a
// crashed node below the new size stays crashed.
func TestResizeCrashed(t *testing.T) {
	d := newDemo(t, func(c *Config) { c.Nodes = 4; c.Load = 1000 })
	d.CrashNode(1)
	d.CrashNode(3)
	d.SetNodes(3)
	d.SetNodes(5)
	s := d.Snapshot()
	if s.Out.Units[1].Up || !s.Out.Units[3].Up || !s.Out.Units[4].Up {
		t.Errorf("units: %+v", s.Out.Units)
	}
}

func TestKeys(t *testing.T) {
	d := newDemo(t, nil)
	if got := d.StepLoad(+1); got != 5000 {
		t.Errorf("StepLoad(+1) from 4000 = %v", got)
	}
	d.SetLoad(100)
	if got := d.StepLoad(-1); got != 0 {
		t.Errorf("StepLoad(-1) from 100 = %v", got)
	}
	if got := d.SetLoad(1e9); got != MaxLoad {
		t.Errorf("SetLoad(1e9) = %v", got)
	}
	if p := d.NextPolicy(); p != LeastLoaded || d.Snapshot().Policy != LeastLoaded {
		t.Errorf("NextPolicy = %v", p)
	}
	if m := d.NextPreset(ScaleUp); m.Name != Ideal {
		t.Errorf("NextPreset from published = %v", m)
	}
	if m := d.StepBeta(ScaleOut, +1); m.Beta != 1e-3 || m.Name != Custom {
		t.Errorf("StepBeta = %v", m)
	}
	if m := d.StepAlpha(ScaleUp, +1); m.Alpha != 0.001 || m.Name != Custom {
		t.Errorf("StepAlpha = %v", m)
	}
	if err := d.SetPreset(ScaleOut, "nope"); err == nil {
		t.Error("SetPreset accepted an unknown name")
	}
	if err := d.SetModel(ScaleUp, Model{Gamma: -1}); err == nil {
		t.Error("SetModel accepted γ < 0")
	}
	s := d.Snapshot()
	if s.Up.Model.Alpha != 0.001 || s.Out.Model.Beta != 1e-3 {
		t.Errorf("snapshot models: %v / %v", s.Up.Model, s.Out.Model)
	}
	if got := d.Tick(time.Hour); got != d.Config().MaxStep || d.Now() != got {
		t.Errorf("Tick(1h) ran %v", got)
	}
}

func script(d *Demo) []Snapshot {
	var snaps []Snapshot
	step := func() { d.Advance(700 * time.Millisecond); snaps = append(snaps, d.Snapshot()) }
	step()
	d.SetLoad(9000)
	step()
	d.Crash(ScaleOut)
	d.SetCores(12)
	step()
	d.Crash(ScaleUp)
	d.NextPolicy()
	d.SetNodes(11)
	step()
	d.StepBeta(ScaleOut, -1)
	d.Repair(ScaleUp)
	step()
	for range 30 {
		d.Tick(time.Second / 12)
	}
	step()
	return snaps
}

func TestDeterministic(t *testing.T) {
	a := script(newDemo(t, func(c *Config) { c.Seed = 42 }))
	b := script(newDemo(t, func(c *Config) { c.Seed = 42 }))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed and calls gave different snapshots")
	}
	c := script(newDemo(t, func(c *Config) { c.Seed = 43 }))
	if reflect.DeepEqual(a[len(a)-1].Up.Totals, c[len(c)-1].Up.Totals) {
		t.Fatal("different seeds gave the same run")
	}
	// Reset replays from the start with the current settings.
	d := newDemo(t, func(c *Config) { c.Seed = 42 })
	d.Advance(3 * time.Second)
	first := d.Snapshot()
	d.Reset()
	if d.Now() != 0 {
		t.Fatalf("Now after Reset = %v", d.Now())
	}
	d.Advance(3 * time.Second)
	if !reflect.DeepEqual(first, d.Snapshot()) {
		t.Fatal("Reset did not replay the run")
	}
}

func TestSnapshotBeforeFirstBucket(t *testing.T) {
	d := newDemo(t, nil)
	d.Advance(100 * time.Millisecond)
	s := d.Snapshot()
	if len(s.Up.History) != 0 || s.Up.Throughput != 0 || len(s.Up.Units) != 8 || s.Out.CostPerHour == 0 {
		t.Errorf("early snapshot: %+v", s.Up)
	}
	d.Advance(40 * time.Second)
	s = d.Snapshot()
	if len(s.Up.History) != 120 || s.Window != time.Second {
		t.Errorf("history %d points, window %v", len(s.Up.History), s.Window)
	}
}

func TestConfigValidate(t *testing.T) {
	for _, edit := range []func(*Config){
		func(c *Config) { c.Cores = 100 },
		func(c *Config) { c.Load = -1 },
		func(c *Config) { c.Window = time.Millisecond },
		func(c *Config) { c.MachineAvail = 2 },
		func(c *Config) { c.UpModel.Alpha = 3 },
		func(c *Config) { c.Policy = 7 },
	} {
		cfg := DefaultConfig()
		edit(&cfg)
		if _, err := NewDemo(cfg); err == nil {
			t.Errorf("accepted %+v", cfg)
		}
	}
	// Zero fields take defaults.
	d, err := NewDemo(Config{Load: 10})
	if err != nil {
		t.Fatal(err)
	}
	if c := d.Config(); c.Cores != 8 || c.UpModel.Name != Published || c.Cost.PerCore == 0 {
		t.Errorf("defaults: %+v", c)
	}
}
