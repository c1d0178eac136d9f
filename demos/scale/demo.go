package scale

import (
	"sync"
	"time"

	"distlab/demos/challenge"
	"distlab/demos/locale"
)

// Demo is the scale-up vs scale-out demo as a pane runs it: two simulated
// services fed the same offered load, advanced in small steps of
// simulated time (Tick, on the pane's frame tick) and sampled with
// Snapshot. The key methods change a setting at once and return; none
// blocks or simulates. A Demo is safe for concurrent use.
type Demo struct {
	mu    sync.Mutex // guards everything below
	cfg   Config     // the current settings (Load, Cores, Nodes, models, Policy follow the keys)
	start Config     // the settings it was made with, for Restart
	up    *side
	out   *side
	watch watch // what the challenges' checks have measured so far

	log challenge.Log // the challenges met (challenges.go); its own lock
}

// NewDemo starts both sides at simulated time zero.
func NewDemo(cfg Config) (*Demo, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	d := &Demo{cfg: cfg, start: cfg}
	d.reset()
	return d, nil
}

func (d *Demo) reset() {
	d.up = newSide(d.cfg.params(ScaleUp), d.cfg.Seed, d.cfg.Load)
	d.out = newSide(d.cfg.params(ScaleOut), d.cfg.Seed, d.cfg.Load)
	d.watch = watch{} // the challenges met stay met
}

// Reset starts the simulation again from time zero with the current
// settings and the same seed.
func (d *Demo) Reset() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reset()
}

// Restart puts the demo back as NewDemo made it: the settings it was made
// with (load, sizes, models, policy, speed), every machine up and empty,
// and nothing measured, at time zero with the same seed — so a class can
// run a step again and see what it saw the first time.
func (d *Demo) Restart() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.cfg = d.start
	d.reset()
}

// Config is the demo's current settings.
func (d *Demo) Config() Config {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cfg
}

// Now is the simulated time since the start.
func (d *Demo) Now() time.Duration {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.up.now
}

// Advance simulates dt more of both sides, a bucket at a time: the
// challenges are checked on every measurement window it closes.
func (d *Demo) Advance(dt time.Duration) {
	if dt <= 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	to := d.up.now + dt
	for d.up.now < to {
		next := min(d.up.bucketStart+d.up.bucket, to)
		d.up.advance(next)
		d.out.advance(next)
		if d.up.bucketStart == next {
			d.check()
		}
	}
}

// Tick simulates the real time elapsed since the last frame, times
// Config.Speed, and at most Config.MaxStep, so a frame after a long pause
// costs no more than any other. It returns the simulated time it ran.
func (d *Demo) Tick(elapsed time.Duration) time.Duration {
	d.mu.Lock()
	dt := min(time.Duration(float64(elapsed)*d.cfg.Speed), d.cfg.MaxStep)
	d.mu.Unlock()
	d.Advance(dt)
	return max(dt, 0)
}

// SetSpeed sets how much simulated time a second of Tick runs (0.1..100).
func (d *Demo) SetSpeed(x float64) float64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.cfg.Speed = max(0.1, min(x, 100))
	return d.cfg.Speed
}

// SetLoad sets the offered load on both sides, in requests a second
// (0..MaxLoad), and returns it.
func (d *Demo) SetLoad(rps float64) float64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	rps = max(0, min(rps, MaxLoad))
	d.cfg.Load = rps
	d.up.setLoad(rps)
	d.out.setLoad(rps)
	return rps
}

// StepLoad moves the offered load one step up (dir > 0) or down through
// 100, 200, 300, 500, 700, 1000, … 100,000 req/s, and returns it.
func (d *Demo) StepLoad(dir int) float64 {
	d.mu.Lock()
	cur := d.cfg.Load
	d.mu.Unlock()
	next := stepIn(loadSteps, cur, dir)
	if dir < 0 && next == cur && cur > 0 {
		next = 0
	}
	return d.SetLoad(next)
}

// SetCores resizes the scale-up machine to k cores, within 1..MaxCores,
// and returns the size it took. A bigger machine of the same model
// serves X(k) requests a second.
func (d *Demo) SetCores(k int) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	k = max(1, min(k, d.cfg.MaxCores))
	d.cfg.Cores = k
	d.up.resize(k)
	return k
}

// StepCores moves the machine one size up or down through 1, 2, 4, 6,
// 8, 12, 16, 24, 32, 48, 64…, stopping at MaxCores: the biggest machine
// there is.
func (d *Demo) StepCores(dir int) int {
	d.mu.Lock()
	cur, maxc := d.cfg.Cores, d.cfg.MaxCores
	d.mu.Unlock()
	next := int(stepIn(coreSteps, float64(cur), dir))
	if dir > 0 && next > maxc || next == cur && dir > 0 {
		next = maxc
	}
	return d.SetCores(next)
}

// SetNodes sets the number of scale-out nodes, within 1..MaxNodes, and
// returns it. Added nodes are routed to at once; removed ones leave the
// balancer and finish what they hold.
func (d *Demo) SetNodes(n int) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n = max(1, min(n, d.cfg.MaxNodes))
	d.cfg.Nodes = n
	d.out.resize(n)
	return n
}

// StepNodes adds (dir > 0) or removes one node.
func (d *Demo) StepNodes(dir int) int {
	d.mu.Lock()
	n := d.cfg.Nodes
	d.mu.Unlock()
	switch {
	case dir > 0:
		n++
	case dir < 0:
		n--
	}
	return d.SetNodes(n)
}

// SetPolicy sets the load balancer's policy.
func (d *Demo) SetPolicy(p Policy) {
	if p != RoundRobin && p != LeastLoaded {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.cfg.Policy = p
	d.out.policy = p
	d.out.changed = d.out.now
}

// NextPolicy switches between round robin and least loaded.
func (d *Demo) NextPolicy() Policy {
	d.mu.Lock()
	p := (d.cfg.Policy + 1) % 2
	d.mu.Unlock()
	d.SetPolicy(p)
	return p
}

// Crash crashes the machine (scale up: a total outage) or one node
// (scale out: the first one up; the others carry on). The crashed
// machine comes back after MTTR unless repaired sooner. It returns the
// unit crashed, or −1 if everything was already down.
func (d *Demo) Crash(s Side) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	switch s {
	case ScaleUp:
		if d.up.crash(0) {
			return 0
		}
	case ScaleOut:
		for i := range d.out.size {
			if d.crashNode(i) {
				return i
			}
		}
	}
	return -1
}

// CrashNode crashes scale-out node i; false if it is out of range or
// already down.
func (d *Demo) CrashNode(i int) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if i < 0 || i >= d.out.size {
		return false
	}
	return d.crashNode(i)
}

// crashNode crashes scale-out node i and notes it for the challenges.
func (d *Demo) crashNode(i int) bool {
	failed := d.out.tot.Failed
	if !d.out.crash(i) {
		return false
	}
	d.watch.crashed(d.out, failed)
	return true
}

// Repair brings a side's crashed machine or nodes back now, empty, and
// returns how many it repaired. Repaired nodes get requests again from
// the balancer's next health check.
func (d *Demo) Repair(s Side) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	sd := d.side(s)
	if sd == nil {
		return 0
	}
	n := 0
	for i := range sd.stations {
		if sd.repair(i) {
			n++
		}
	}
	return n
}

func (d *Demo) side(s Side) *side {
	switch s {
	case ScaleUp:
		return d.up
	case ScaleOut:
		return d.out
	}
	return nil
}

// SetModel sets a side's USL model; the side's per-core service rate
// follows from now on.
func (d *Demo) SetModel(s Side, m Model) error {
	if err := m.Validate(); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	sd := d.side(s)
	if sd == nil {
		return locale.Errorf("scale: no side %d", int(s))
	}
	sd.setModel(m)
	if s == ScaleUp {
		d.cfg.UpModel = m
	} else {
		d.cfg.OutModel = m
	}
	return nil
}

// Model is a side's current model.
func (d *Demo) Model(s Side) Model {
	d.mu.Lock()
	defer d.mu.Unlock()
	if s == ScaleOut {
		return d.cfg.OutModel
	}
	return d.cfg.UpModel
}

// SetPreset sets a side's model to the preset called name.
func (d *Demo) SetPreset(s Side, name string) error {
	m, ok := Preset(name)
	if !ok {
		return locale.Errorf("scale: no preset %q", name)
	}
	return d.SetModel(s, m)
}

// NextPreset moves a side to the next preset (ideal → contention →
// published → ideal; a custom model goes to the first) and returns it.
func (d *Demo) NextPreset(s Side) Model {
	cur := d.Model(s)
	ps := Presets()
	next := ps[0]
	for i, p := range ps {
		if p.Name == cur.Name {
			next = ps[(i+1)%len(ps)]
		}
	}
	_ = d.SetModel(s, next)
	return next
}

// StepAlpha moves a side's α one step up or down through 0, 0.001,
// 0.002, 0.005, 0.01, 0.02, 0.02672, 0.05, 0.1, 0.2, 0.5, 1.
func (d *Demo) StepAlpha(s Side, dir int) Model {
	m := d.Model(s)
	m = m.WithAlpha(stepIn(alphaSteps, m.Alpha, dir))
	_ = d.SetModel(s, m)
	return m
}

// StepBeta moves a side's β one step up or down through 0, 1e-5, 2e-5,
// 5e-5, 1e-4, 2e-4, 5e-4, 7.69e-4, 1e-3, 2e-3, 5e-3, 0.01.
func (d *Demo) StepBeta(s Side, dir int) Model {
	m := d.Model(s)
	m = m.WithBeta(stepIn(betaSteps, m.Beta, dir))
	_ = d.SetModel(s, m)
	return m
}
