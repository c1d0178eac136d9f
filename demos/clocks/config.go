package clocks

import (
	"fmt"
	"math"
	"strings"
	"time"

	"distlab/demos/locale"
)

// Config is everything that decides a run. The same Config always gives
// the same run.
//
// Zero Procs means DefaultProcs, zero Events DefaultEvents and zero
// Interval DefaultInterval; every other field is taken as given (no skew,
// no drift, instant and reliable messages). DefaultConfig has the teaching
// defaults.
//
// A named Scenario fixes its own processes, clocks, network and events:
// only Scenario (and Seed, kept for the record) is read from the Config,
// and the Run's Cfg shows the values the scenario used.
type Config struct {
	Procs    int    // processes, 2..MaxProcs
	Events   int    // events in the run (sends, receives and local events), 1..MaxEvents
	Seed     uint64 // seeds the PCG generator
	Scenario string // "" = random workload; else a name from Scenarios

	Skew     time.Duration // max |offset| of a process's physical clock; offsets drawn per process
	DriftPPM float64       // max |drift| in parts per million, drawn per process; at most MaxDriftPPM

	DelayMin, DelayMax time.Duration // a message's delay is drawn uniformly from [DelayMin, DelayMax]
	Loss, Dup          float64       // probability that a message is lost; that it is delivered twice

	Partition *Partition // optional: messages crossing it during its window are lost

	// Interval is the mean gap between a process's own local or send
	// events in the random workload (drawn uniformly from [Interval/2,
	// 3*Interval/2]); half of those events are sends.
	Interval time.Duration
}

// Partition cuts the network between groups A and B from true time From
// until To: a message between the groups that would be in flight at any
// moment of [From, To) is lost. Processes in neither group are unaffected.
type Partition struct {
	A, B     []int
	From, To time.Duration
}

// Limits and defaults.
const (
	MaxProcs        = 8
	DefaultProcs    = 4
	DefaultEvents   = 40
	MaxEvents       = 1_000_000
	MaxDriftPPM     = 500_000 // 50%: any more and a clock could stop or run backwards
	DefaultInterval = 10 * time.Millisecond
)

// ErrConfig is wrapped by every error about a bad Config.
var ErrConfig = locale.Errorf("clocks: bad config")

// ErrUnknownScenario is wrapped by the error for a Scenario name that does
// not exist.
var ErrUnknownScenario = locale.Errorf("clocks: unknown scenario")

// DefaultConfig is a random run that shows a bit of everything: four
// processes whose clocks disagree by up to 10 ms, messages taking 5–40 ms.
func DefaultConfig() Config {
	return Config{
		Procs: DefaultProcs, Events: DefaultEvents, Seed: 1,
		Skew: 10 * time.Millisecond, DriftPPM: 20_000,
		DelayMin: 5 * time.Millisecond, DelayMax: 40 * time.Millisecond,
		Interval: DefaultInterval,
	}
}

// withDefaults fills the zero fields that have a default.
func (c Config) withDefaults() Config {
	if c.Procs == 0 {
		c.Procs = DefaultProcs
	}
	if c.Events == 0 {
		c.Events = DefaultEvents
	}
	if c.Interval == 0 {
		c.Interval = DefaultInterval
	}
	return c
}

// Validate reports what is wrong with c (after its defaults are applied),
// as an error wrapping ErrConfig or ErrUnknownScenario.
func (c Config) Validate() error {
	if c.Scenario != "" {
		if findScenario(c.Scenario) == nil {
			return locale.Errorf("%w %q (scenarios: %s)", ErrUnknownScenario, c.Scenario, strings.Join(ScenarioNames(), ", "))
		}
		return nil
	}
	c = c.withDefaults()
	switch {
	case c.Procs < 2 || c.Procs > MaxProcs:
		return locale.Errorf("%w: %d processes: want 2..%d", ErrConfig, c.Procs, MaxProcs)
	case c.Events < 0 || c.Events > MaxEvents:
		return locale.Errorf("%w: %d events: want 1..%d", ErrConfig, c.Events, MaxEvents)
	case c.Skew < 0:
		return locale.Errorf("%w: skew %v is negative (it is the largest offset either way)", ErrConfig, c.Skew)
	case math.IsNaN(c.DriftPPM) || c.DriftPPM < 0 || c.DriftPPM > MaxDriftPPM:
		return locale.Errorf("%w: drift %v ppm: want 0..%d", ErrConfig, c.DriftPPM, MaxDriftPPM)
	case c.DelayMin < 0:
		return locale.Errorf("%w: delay %v..%v: the minimum is negative", ErrConfig, c.DelayMin, c.DelayMax)
	case c.DelayMin > c.DelayMax:
		return locale.Errorf("%w: delay %v..%v: the minimum is above the maximum", ErrConfig, c.DelayMin, c.DelayMax)
	case !(c.Loss >= 0 && c.Loss <= 1):
		return locale.Errorf("%w: loss %v: want a probability in 0..1", ErrConfig, c.Loss)
	case !(c.Dup >= 0 && c.Dup <= 1):
		return locale.Errorf("%w: dup %v: want a probability in 0..1", ErrConfig, c.Dup)
	case c.Interval < 0:
		return locale.Errorf("%w: interval %v is negative", ErrConfig, c.Interval)
	}
	if p := c.Partition; p != nil {
		if err := p.validate(c.Procs); err != nil {
			return locale.Errorf("%w: %w", ErrConfig, err)
		}
	}
	return nil
}

func (p *Partition) validate(procs int) error {
	if len(p.A) == 0 || len(p.B) == 0 {
		return locale.Errorf("partition: both groups need a process")
	}
	if p.From < 0 || p.To <= p.From {
		return locale.Errorf("partition: window %v..%v is empty or negative", p.From, p.To)
	}
	side := make(map[int]string)
	for _, g := range []struct {
		name  string
		procs []int
	}{{"A", p.A}, {"B", p.B}} {
		for _, q := range g.procs {
			if q < 0 || q >= procs {
				return locale.Errorf("partition: process %d is not one of the %d", q, procs)
			}
			if s, ok := side[q]; ok {
				return locale.Errorf("partition: process %s is in group %s and %s", ProcName(q), s, g.name)
			}
			side[q] = g.name
		}
	}
	return nil
}

// crosses reports whether a message from p to q crosses the partition.
func (p *Partition) crosses(from, to int) bool {
	if p == nil {
		return false
	}
	in := func(g []int, x int) bool {
		for _, y := range g {
			if y == x {
				return true
			}
		}
		return false
	}
	return in(p.A, from) && in(p.B, to) || in(p.B, from) && in(p.A, to)
}

// cuts reports whether a message from p to q in flight over [sent, arrive]
// is lost to the partition.
func (p *Partition) cuts(from, to int, sent, arrive time.Duration) bool {
	return p.crosses(from, to) && sent < p.To && arrive >= p.From
}

// ProcName is process p's name in labels and exports: a, b, c…
func ProcName(p int) string {
	if p >= 0 && p < 26 {
		return string(rune('a' + p))
	}
	return fmt.Sprintf("p%d", p)
}

// ParseDelayRange parses a delay range as the CLI takes it: "MIN..MAX"
// (e.g. "5ms..40ms") or one duration for a fixed delay.
func ParseDelayRange(s string) (lo, hi time.Duration, err error) {
	s = strings.TrimSpace(s)
	a, b, isRange := strings.Cut(s, "..")
	if !isRange {
		b = a
	}
	lo, err = time.ParseDuration(strings.TrimSpace(a))
	if err == nil {
		hi, err = time.ParseDuration(strings.TrimSpace(b))
	}
	switch {
	case err != nil:
		return 0, 0, locale.Errorf("delay %q: want MIN..MAX with units, e.g. 5ms..40ms", s)
	case lo < 0:
		return 0, 0, locale.Errorf("delay %q: a delay cannot be negative", s)
	case lo > hi:
		return 0, 0, locale.Errorf("delay %q: MIN %v is above MAX %v", s, lo, hi)
	}
	return lo, hi, nil
}
