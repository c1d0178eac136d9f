package scale

import "time"

// State is whether a side can serve.
type State int

const (
	Running  State = iota // every machine up
	Degraded              // some nodes down, the others serving
	Down                  // nothing up: a total outage
)

func (s State) String() string {
	switch s {
	case Running:
		return "running"
	case Degraded:
		return "degraded"
	case Down:
		return "down"
	}
	return "unknown state"
}

// Snapshot is everything a pane draws, at one simulated instant. Rates,
// percentiles and utilisations are measured over the last Window
// (Config.Window, whole buckets); they are zero until a bucket has closed.
type Snapshot struct {
	Now     time.Duration // simulated time since the start
	Load    float64       // offered load, requests a second, on each side
	Speed   float64       // simulated seconds per real second (Tick)
	Window  time.Duration // what the rates and percentiles cover
	Bucket  time.Duration // one point of History
	Policy  Policy        // the scale-out balancer's
	Service ServiceDist
	Cost    CostModel // the price assumption behind CostPerHour; show it as one
	Up      SideSnapshot
	Out     SideSnapshot
}

// Side returns the snapshot of side s.
func (s *Snapshot) Side(side Side) *SideSnapshot {
	if side == ScaleOut {
		return &s.Out
	}
	return &s.Up
}

// SideSnapshot is one column: the scale-up machine or the scale-out
// cluster.
type SideSnapshot struct {
	Side    Side
	Model   Model
	Size    int // cores (scale up) or nodes (scale out)
	MaxSize int // the largest machine, or the most nodes
	// AtCeiling says the machine is as big as machines get: to grow
	// further, scale out.
	AtCeiling bool

	// Capacity is what the model says the side can serve now, requests a
	// second: X(size), less the share of crashed nodes (each node serves
	// X(n)/n), zero while the machine is down.
	Capacity float64
	// ServiceTime is the mean time one request keeps one core busy:
	// size / X(size).
	ServiceTime time.Duration

	Units []Unit // per core (scale up) or per node (scale out)

	Throughput  float64   // completed requests a second
	Offered     float64   // arrived requests a second (≈ Load)
	RejectRate  float64   // turned away a second: queue full
	FailRate    float64   // failed a second: lost in a crash or sent to a down machine
	History     []float64 // throughput per Bucket, oldest first, for a sparkline
	Utilization float64   // mean of the units' Util

	P50, P99, Mean time.Duration // latency (time in the system) of completed requests

	Queue    int // requests waiting, all queues together
	InSystem int // requests waiting or being served
	QueueCap int // how many can wait, all queues together

	Totals Totals // since the start: counts, and the sums behind L = λW

	State    State
	UpUnits  int           // machines up: 0 or 1 (scale up), nodes up (scale out)
	RepairIn time.Duration // until the first automatic repair; 0 if nothing is down

	CostPerHour float64 // by Cost, for the current size; an assumption
	// Availability is the model's: a for the machine; lb·(1−(1−a)^n) for
	// n nodes behind a balancer. It assumes independent failures.
	Availability float64
	Downtime     time.Duration // a year, at Availability
}

// Unit is one core of the machine or one node of the cluster.
type Unit struct {
	Util     float64 // busy fraction over the window, 0..1
	Busy     bool    // serving a request now
	Queue    int     // waiting at this node (scale out; the machine's queue is shared)
	Up       bool    // not crashed (a core is up when its machine is)
	Routed   bool    // the balancer sends it requests (scale out; false for a node it has not yet seen crash)
	RepairIn time.Duration
}

// Snapshot samples both sides.
func (d *Demo) Snapshot() Snapshot {
	d.mu.Lock()
	defer d.mu.Unlock()
	c := d.cfg
	snap := Snapshot{
		Now: d.up.now, Load: c.Load, Speed: c.Speed, Bucket: c.Bucket,
		Window: c.Bucket * time.Duration(len(d.up.win)),
		Policy: c.Policy, Service: c.Service, Cost: c.Cost,
		Up:  d.up.snapshot(c.MaxCores),
		Out: d.out.snapshot(c.MaxNodes),
	}
	snap.Up.CostPerHour = c.Cost.ScaleUp(d.up.size)
	snap.Up.Availability = c.MachineAvail
	snap.Out.CostPerHour = c.Cost.ScaleOut(d.out.size)
	snap.Out.Availability = ScaleOutAvailability(c.MachineAvail, d.out.size, c.BalancerAvail)
	snap.Up.Downtime = Downtime(snap.Up.Availability)
	snap.Out.Downtime = Downtime(snap.Out.Availability)
	return snap
}

func (s *side) snapshot(maxSize int) SideSnapshot {
	ss := SideSnapshot{
		Side: s.kind, Model: s.model, Size: s.size, MaxSize: maxSize,
		AtCeiling:   s.kind == ScaleUp && s.size >= maxSize,
		ServiceTime: time.Duration(s.mean * 1e9),
		InSystem:    s.inSystem, Totals: s.tot, UpUnits: s.upCount,
	}
	perUnit := s.model.X(float64(s.size)) / float64(s.size)
	ss.Capacity = perUnit * float64(s.size)
	if s.kind == ScaleOut {
		ss.Capacity = perUnit * float64(s.upCount)
	} else if s.upCount == 0 {
		ss.Capacity = 0
	}
	switch {
	case s.upCount == 0:
		ss.State = Down
	case s.kind == ScaleOut && s.upCount < s.size:
		ss.State = Degraded
	}
	for i, st := range s.stations {
		ss.Queue += st.waiting()
		if i < s.size || s.kind == ScaleUp {
			ss.QueueCap += st.queueCap
		}
		if !st.up && (i < s.size) && (ss.RepairIn == 0 || st.repairAt-s.now < ss.RepairIn) {
			ss.RepairIn = max(1, st.repairAt-s.now)
		}
	}

	// Measurements over the window.
	w := s.window(true)
	if w.secs > 0 {
		ss.Offered = float64(w.offered) / w.secs
		ss.Throughput = float64(w.completed) / w.secs
		ss.RejectRate = float64(w.rejected) / w.secs
		ss.FailRate = float64(w.failed) / w.secs
		ss.P50, ss.P99, ss.Mean = w.lat.Quantile(0.5), w.lat.Quantile(0.99), w.lat.Mean()
	}
	ss.Units = make([]Unit, s.size)
	for i := range ss.Units {
		u := &ss.Units[i]
		u.Util = w.util[i]
		ss.Utilization += u.Util / float64(s.size)
		u.Busy = s.unitServer(i).busy
		st := s.stations[0]
		if s.kind == ScaleOut {
			st = s.stations[i]
			u.Queue = st.waiting()
		}
		u.Up, u.Routed = st.up, st.routed
		if !st.up {
			u.RepairIn = max(1, st.repairAt-s.now)
		}
	}
	ss.History = make([]float64, 0, s.histFilled)
	for k := s.histFilled; k > 0; k-- {
		ss.History = append(ss.History, s.hist[(s.histPos-k+len(s.hist))%len(s.hist)])
	}
	return ss
}

// windowStats are a side's measurements over its last window of closed
// buckets.
type windowStats struct {
	secs                                 float64 // how long they cover; 0 before a bucket has closed
	offered, completed, rejected, failed uint64
	lat                                  Hist      // filled only when asked for
	util                                 []float64 // per unit, busy fraction 0..1
}

// window sums the last window's buckets; lat merges their latencies too.
func (s *side) window(lat bool) windowStats {
	w := windowStats{util: make([]float64, s.size)}
	for k := range s.winFilled {
		b := &s.win[(s.winPos-1-k+len(s.win))%len(s.win)]
		w.offered += b.offered
		w.completed += b.completed
		w.rejected += b.rejected
		w.failed += b.failed
		if lat {
			w.lat.Merge(&b.lat)
		}
		for i := range min(len(w.util), len(b.util)) {
			w.util[i] += b.util[i]
		}
	}
	if s.winFilled > 0 {
		w.secs = (s.bucket * time.Duration(s.winFilled)).Seconds()
		for i := range w.util {
			w.util[i] /= float64(s.winFilled)
		}
	}
	return w
}

// Totals are a side's measurements since the start.
type Totals struct {
	Elapsed   time.Duration // simulated time
	Offered   uint64        // requests that arrived
	Completed uint64        // requests served
	Rejected  uint64        // turned away because the queue was full
	Failed    uint64        // lost to a crash, or sent to a machine that was down
	Latency   time.Duration // sum of the completed requests' time in the system
	Area      float64       // ∫ requests in the system dt, in request-seconds
	Busy      time.Duration // core time spent serving (all cores together)
	Serving   time.Duration // time at least one machine was up
}

// Throughput is completed requests a second.
func (t Totals) Throughput() float64 {
	if t.Elapsed <= 0 {
		return 0
	}
	return float64(t.Completed) / t.Elapsed.Seconds()
}

// MeanLatency is the mean time a completed request spent in the system (W).
func (t Totals) MeanLatency() time.Duration {
	if t.Completed == 0 {
		return 0
	}
	return t.Latency / time.Duration(t.Completed)
}

// MeanInSystem is the time-average number of requests in the system (L).
func (t Totals) MeanInSystem() float64 {
	if t.Elapsed <= 0 {
		return 0
	}
	return t.Area / t.Elapsed.Seconds()
}

// Uptime is the fraction of the time the side could serve at all.
func (t Totals) Uptime() float64 {
	if t.Elapsed <= 0 {
		return 1
	}
	return float64(t.Serving) / float64(t.Elapsed)
}
