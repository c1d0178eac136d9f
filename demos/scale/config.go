package scale

import (
	"time"

	"distlab/demos/locale"
)

// Config sets up a Demo. Zero fields take their default (DefaultConfig),
// except Seed and Load, where zero means zero.
type Config struct {
	Seed uint64  // the same seed and the same calls give the same run
	Load float64 // offered load, requests a second, the same on both sides

	Cores    int   // the scale-up machine's cores; default 8
	MaxCores int   // the largest machine there is: the physical ceiling; default 64
	Nodes    int   // scale-out nodes, one core each; default 8
	MaxNodes int   // default 128
	UpModel  Model // the machine's USL; default the published fit
	OutModel Model // the cluster's USL; default the published fit

	Policy  Policy      // the load balancer's; default RoundRobin
	Service ServiceDist // default Exponential

	// QueuePerCore bounds the queues: the machine holds up to
	// QueuePerCore·k waiting requests, each node QueuePerCore. Default 50.
	QueuePerCore int
	// MTTR is how long a crashed machine or node stays down unless
	// repaired sooner. Default 10s, short for a class.
	MTTR time.Duration
	// HealthInterval is how often the balancer checks its nodes; it keeps
	// sending requests to a crashed node until the next check. Default 2s.
	HealthInterval time.Duration

	// MachineAvail is the assumed availability of one machine (a) and
	// BalancerAvail that of the load balancer, for the availability
	// figures. Defaults 0.99 and 0.9999. The simulation's crashes are the
	// ones a student causes; these numbers do not drive it.
	MachineAvail  float64
	BalancerAvail float64
	// Cost is the price assumption; default DefaultCost().
	Cost CostModel

	Bucket  time.Duration // one point of the throughput history; default 250ms
	Window  time.Duration // what rates and percentiles are measured over; default 1s
	History int           // points of throughput history kept; default 120
	Speed   float64       // simulated time per real time, for Tick; default 1
	MaxStep time.Duration // the most one Tick simulates; default 250ms
}

// Limits on what the keys can set.
const (
	MaxLoad = 100_000 // requests a second
)

// DefaultConfig is the demo as it opens: 4,000 req/s offered to an
// 8-core machine and to 8 nodes, both following the published fit.
func DefaultConfig() Config {
	published, _ := Preset(Published)
	return Config{
		Seed: 1, Load: 4000,
		Cores: 8, MaxCores: 64, Nodes: 8, MaxNodes: 128,
		UpModel: published, OutModel: published,
		Policy: RoundRobin, Service: Exponential,
		QueuePerCore: 50, MTTR: 10 * time.Second, HealthInterval: 2 * time.Second,
		MachineAvail: 0.99, BalancerAvail: 0.9999, Cost: DefaultCost(),
		Bucket: 250 * time.Millisecond, Window: time.Second, History: 120,
		Speed: 1, MaxStep: 250 * time.Millisecond,
	}
}

// withDefaults fills zero fields from DefaultConfig.
func (c Config) withDefaults() Config {
	d := DefaultConfig()
	fill := func(v *int, def int) {
		if *v == 0 {
			*v = def
		}
	}
	fill(&c.Cores, d.Cores)
	fill(&c.MaxCores, d.MaxCores)
	fill(&c.Nodes, d.Nodes)
	fill(&c.MaxNodes, d.MaxNodes)
	fill(&c.QueuePerCore, d.QueuePerCore)
	fill(&c.History, d.History)
	if c.UpModel == (Model{}) {
		c.UpModel = d.UpModel
	}
	if c.OutModel == (Model{}) {
		c.OutModel = d.OutModel
	}
	for _, p := range []struct{ v, def *time.Duration }{
		{&c.MTTR, &d.MTTR}, {&c.HealthInterval, &d.HealthInterval},
		{&c.Bucket, &d.Bucket}, {&c.Window, &d.Window}, {&c.MaxStep, &d.MaxStep},
	} {
		if *p.v == 0 {
			*p.v = *p.def
		}
	}
	for _, p := range []struct{ v, def *float64 }{
		{&c.MachineAvail, &d.MachineAvail}, {&c.BalancerAvail, &d.BalancerAvail}, {&c.Speed, &d.Speed},
	} {
		if *p.v == 0 {
			*p.v = *p.def
		}
	}
	if c.Cost == (CostModel{}) {
		c.Cost = d.Cost
	}
	return c
}

// ErrConfig reports a Config the demo cannot run.
var ErrConfig = locale.Errorf("scale: invalid config")

// Validate checks a config after defaults. Its errors wrap ErrConfig (or
// ErrModel) and print in the reader's language (locale.Printer.Err).
func (c Config) Validate() error {
	switch {
	case c.Load < 0 || c.Load > MaxLoad:
		return locale.Errorf("%w: load %g req/s, want 0..%d", ErrConfig, c.Load, MaxLoad)
	case c.MaxCores < 1 || c.Cores < 1 || c.Cores > c.MaxCores:
		return locale.Errorf("%w: %d cores of at most %d", ErrConfig, c.Cores, c.MaxCores)
	case c.MaxNodes < 1 || c.Nodes < 1 || c.Nodes > c.MaxNodes:
		return locale.Errorf("%w: %d nodes of at most %d", ErrConfig, c.Nodes, c.MaxNodes)
	case c.QueuePerCore < 0:
		return locale.Errorf("%w: queue of %d per core", ErrConfig, c.QueuePerCore)
	case c.MTTR < 0 || c.HealthInterval < 0 || c.Bucket < 0 || c.Window < 0 || c.MaxStep < 0:
		return locale.Errorf("%w: negative duration", ErrConfig)
	case c.Window < c.Bucket:
		return locale.Errorf("%w: window %s shorter than a bucket %s", ErrConfig, dur(c.Window), dur(c.Bucket))
	case c.History < 1:
		return locale.Errorf("%w: history of %d points", ErrConfig, c.History)
	case c.Speed < 0:
		return locale.Errorf("%w: speed %g", ErrConfig, c.Speed)
	case !(c.MachineAvail > 0 && c.MachineAvail <= 1) || !(c.BalancerAvail > 0 && c.BalancerAvail <= 1):
		return locale.Errorf("%w: availabilities %g and %g, want 0 < a ≤ 1", ErrConfig, c.MachineAvail, c.BalancerAvail)
	case c.Policy != RoundRobin && c.Policy != LeastLoaded:
		return locale.Errorf("%w: policy %d", ErrConfig, int(c.Policy))
	case c.Service != Exponential && c.Service != Fixed:
		return locale.Errorf("%w: service distribution %d", ErrConfig, int(c.Service))
	}
	if err := c.UpModel.Validate(); err != nil {
		return locale.Errorf("scale-up model: %w", err)
	}
	if err := c.OutModel.Validate(); err != nil {
		return locale.Errorf("scale-out model: %w", err)
	}
	return nil
}

func (c Config) params(kind Side) sideParams {
	p := sideParams{
		kind: kind, model: c.UpModel, size: c.Cores, policy: c.Policy, dist: c.Service,
		queuePer: c.QueuePerCore, mttr: c.MTTR, health: c.HealthInterval, bucket: c.Bucket,
		window: max(1, int(c.Window/c.Bucket)), history: c.History,
	}
	if kind == ScaleOut {
		p.model, p.size = c.OutModel, c.Nodes
	}
	return p
}

// Steps the keys move through.
var (
	loadSteps = []float64{100, 200, 300, 500, 700, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 7000,
		8000, 10000, 12000, 15000, 20000, 25000, 30000, 40000, 50000, 70000, 100000}
	coreSteps = []float64{1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256}
)
