package clocks

import (
	"slices"
	"time"

	"distlab/demos/locale"
)

// ScenarioInfo names and describes a scenario.
type ScenarioInfo struct {
	Name string // as in Config.Scenario and --scenario

	// title and summary print the scenario's title and one line on what
	// it shows, in a printer's language (text.go has the translations).
	title, summary func(p *locale.Printer) string
}

// TitleIn is the title in p's language (English for a nil p).
func (s ScenarioInfo) TitleIn(p *locale.Printer) string { return s.title(p) }

// SummaryIn is the one-line summary in p's language (English for a nil p).
func (s ScenarioInfo) SummaryIn(p *locale.Printer) string { return s.summary(p) }

// Scenarios lists the named scenarios in teaching order.
func Scenarios() []ScenarioInfo {
	out := make([]ScenarioInfo, len(scenarios))
	for i, s := range scenarios {
		out[i] = s.ScenarioInfo
	}
	return out
}

// ScenarioByName finds a scenario's description, e.g. for Run.Cfg.Scenario.
func ScenarioByName(name string) (ScenarioInfo, bool) {
	if s := findScenario(name); s != nil {
		return s.ScenarioInfo, true
	}
	return ScenarioInfo{}, false
}

// ScenarioNames lists the scenarios' names.
func ScenarioNames() []string {
	out := make([]string, len(scenarios))
	for i, s := range scenarios {
		out[i] = s.Name
	}
	return out
}

// scenario is a hand-placed run: fixed clocks, fixed events, fixed delays.
// Nothing in it is left to chance.
type scenario struct {
	ScenarioInfo
	offsets   []time.Duration // one per process
	partition *Partition
	steps     []step
	focus     []string // labels of the events it is built to show
}

// step is one of a scenario's local or send events; receives follow from
// the sends.
type step struct {
	at         time.Duration
	proc       int
	send       bool
	to         int
	delay, dup time.Duration // dup > 0: a second copy arrives after dup
	lost       bool
}

const milli = time.Millisecond

func local(at time.Duration, p int) step { return step{at: at, proc: p} }
func send(at time.Duration, from, to int, delay time.Duration) step {
	return step{at: at, proc: from, send: true, to: to, delay: delay}
}

// The processes, as scenarios name them.
const (
	pa = iota
	pb
	pc
	pd
)

var scenarios = []*scenario{
	{
		ScenarioInfo: ScenarioInfo{
			Name:  "receive-before-send",
			title: func(p *locale.Printer) string { return p.T("Receive before send") },
			summary: func(p *locale.Printer) string {
				return p.T("b's clock is 35 ms behind a's, more than a message takes: b stamps the receive of a2's message earlier than a stamped its send.")
			},
		},
		offsets: []time.Duration{40 * milli, 5 * milli},
		steps: []step{
			local(2*milli, pa), local(4*milli, pb),
			send(10*milli, pa, pb, 6*milli), // b2 at 16 ms reads 21 ms; a2 read 50 ms
			send(22*milli, pb, pa, 6*milli),
			local(32*milli, pa),
		},
		focus: []string{"a2", "b2"},
	},
	{
		ScenarioInfo: ScenarioInfo{
			Name:  "concurrent",
			title: func(p *locale.Printer) string { return p.T("Concurrent events") },
			summary: func(p *locale.Printer) string {
				return p.T("a2 and b2 are concurrent: no chain of messages links them, so neither could have influenced the other, although a2 comes first by every clock.")
			},
		},
		offsets: []time.Duration{0, 2 * milli, -1 * milli},
		steps: []step{
			send(2*milli, pa, pb, 5*milli), local(5*milli, pc),
			local(12*milli, pa), local(14*milli, pb),
			send(18*milli, pb, pc, 5*milli), send(26*milli, pa, pc, 5*milli),
		},
		focus: []string{"a2", "b2"},
	},
	{
		ScenarioInfo: ScenarioInfo{
			Name:  "lamport-not-causal",
			title: func(p *locale.Printer) string { return p.T("Lamport order is not causality") },
			summary: func(p *locale.Printer) string {
				return p.T("L(a1) = 1 < L(c2) = 4, yet no message links them (a1 even happens later): a smaller Lamport time does not mean \"happened before\".")
			},
		},
		offsets: []time.Duration{0, 1 * milli, -1 * milli},
		steps: []step{
			local(2*milli, pb), send(4*milli, pb, pc, 4*milli), // c1 at 8 ms
			local(10*milli, pc),              // c2: L = 4
			send(14*milli, pc, pa, 10*milli), // arrives at a at 24 ms
			local(20*milli, pa),              // a1: L = 1
		},
		focus: []string{"a1", "c2"},
	},
	{
		ScenarioInfo: ScenarioInfo{
			Name:  "lost-message",
			title: func(p *locale.Printer) string { return p.T("Lost message") },
			summary: func(p *locale.Printer) string {
				return p.T("a2's message never arrives: a send with no receive, and b learns nothing of it until a3 sends again.")
			},
		},
		offsets: []time.Duration{0, 1 * milli},
		steps: []step{
			local(2*milli, pa),
			{at: 5 * milli, proc: pa, send: true, to: pb, delay: 5 * milli, lost: true},
			local(9*milli, pb),
			send(15*milli, pa, pb, 5*milli), send(24*milli, pb, pa, 5*milli),
		},
		focus: []string{"a2"},
	},
	{
		ScenarioInfo: ScenarioInfo{
			Name:  "duplicate-delivery",
			title: func(p *locale.Printer) string { return p.T("Duplicate delivery") },
			summary: func(p *locale.Printer) string {
				return p.T("The network delivers a1's message twice: b1 and b3 receive the same message with the same timestamps, and b must notice the copy itself.")
			},
		},
		offsets: []time.Duration{0, 1 * milli},
		steps: []step{
			{at: 2 * milli, proc: pa, send: true, to: pb, delay: 4 * milli, dup: 15 * milli},
			local(10*milli, pb), local(12*milli, pa),
			send(20*milli, pb, pa, 4*milli),
		},
		focus: []string{"b1", "b3"},
	},
	{
		ScenarioInfo: ScenarioInfo{
			Name:  "partition",
			title: func(p *locale.Printer) string { return p.T("Partition") },
			summary: func(p *locale.Printer) string {
				return p.T("From 10 to 30 ms {a,b} and {c,d} cannot talk: c2's and d1's messages are lost, while messages within each side still arrive.")
			},
		},
		offsets:   []time.Duration{0, 1 * milli, -1 * milli, 2 * milli},
		partition: &Partition{A: []int{pa, pb}, B: []int{pc, pd}, From: 10 * milli, To: 30 * milli},
		steps: []step{
			send(2*milli, pa, pc, 5*milli),  // before the window: arrives
			send(12*milli, pc, pa, 5*milli), // crosses during it: lost
			send(14*milli, pa, pb, 4*milli), // same side: arrives
			send(16*milli, pd, pb, 5*milli), // crosses: lost
			send(20*milli, pc, pd, 4*milli), // same side: arrives
			send(34*milli, pb, pd, 5*milli), // after the window: arrives
			local(36*milli, pa),
		},
		focus: []string{"c2", "d1"},
	},
}

func findScenario(name string) *scenario {
	for _, s := range scenarios {
		if s.Name == name {
			return s
		}
	}
	return nil
}

func (s *scenario) procs() []Proc {
	out := make([]Proc, len(s.offsets))
	for p, off := range s.offsets {
		out[p] = Proc{Name: ProcName(p), Offset: off}
	}
	return out
}

// config is the Config the scenario amounts to, for the record.
func (s *scenario) config(seed uint64) Config {
	cfg := Config{Procs: len(s.offsets), Seed: seed, Scenario: s.Name, DelayMin: -1}
	for _, off := range s.offsets {
		cfg.Skew = max(cfg.Skew, off, -off)
	}
	if p := s.partition; p != nil {
		cfg.Partition = &Partition{A: slices.Clone(p.A), B: slices.Clone(p.B), From: p.From, To: p.To}
	}
	for _, st := range s.steps {
		cfg.Events++
		if !st.send {
			continue
		}
		delays := []time.Duration{st.delay}
		if st.dup > 0 {
			delays = append(delays, st.dup)
		}
		for _, d := range delays {
			if cfg.DelayMin < 0 || d < cfg.DelayMin {
				cfg.DelayMin = d
			}
			cfg.DelayMax = max(cfg.DelayMax, d)
			if !st.lost && !cfg.Partition.cuts(st.proc, st.to, st.at, st.at+d) {
				cfg.Events++
			}
		}
	}
	cfg.DelayMin = max(cfg.DelayMin, 0)
	return cfg
}
