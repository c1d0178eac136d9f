package kv

import (
	"time"

	"distlab/demos/locale"
)

// A Scenario is a run built to show one thing: its settings, and a script
// of operations and faults, each taken when the run reaches a state (an
// operation answered), so it plays the same whatever the seed. The
// student's first action of their own ends the script.
type Scenario struct {
	Name   string // for --scenario: "lww-skew"
	Title  func(p *locale.Printer) string
	About  func(p *locale.Printer) string // what it shows, for the pane and the CLI
	setup  func() Config
	stages []stage
	// lag delays messages to some servers while the script plays, so a
	// scripted read finds a replica behind whatever the seed.
	lag map[int]time.Duration
}

// stage is one step of a script: once the run reaches a state, take the
// actions.
type stage struct {
	when func(e *engine) bool
	do   []Action
}

// script is a scenario being played in one run.
type script struct {
	sc *Scenario
	i  int
}

// pollScript queues the next stage's actions once its state is reached,
// and ends the script after the last.
func (e *engine) pollScript() {
	s := e.script
	if s == nil {
		return
	}
	if s.i >= len(s.sc.stages) {
		e.script = nil
		e.startClients()
		return
	}
	st := s.sc.stages[s.i]
	if st.when != nil && !st.when(e) {
		return
	}
	s.i++
	for _, a := range st.do {
		a.Scripted = true
		e.pending = append(e.pending, a)
	}
}

// scriptReady reports whether the script's next stage would act now.
func (e *engine) scriptReady() bool {
	s := e.script
	if s == nil || s.i >= len(s.sc.stages) {
		return false
	}
	st := s.sc.stages[s.i]
	return st.when == nil || st.when(e)
}

// takeOver ends the script: the run is the student's, and its clients
// keep issuing operations until the student stops. It reports whether
// there was a script to end.
func (e *engine) takeOver() bool {
	lifted := false
	if e.cfg.Scenario != "" && e.cfg.Ops > 0 {
		// The student's run goes on for as long as they play it: a
		// scenario's 40 operations are not a limit on what they try.
		e.cfg.Ops, lifted = Unlimited, true
	}
	if e.script == nil && len(e.pending) == 0 {
		if lifted {
			e.startClients()
		}
		return lifted
	}
	e.script = nil
	e.pending = nil
	e.startClients()
	return true
}

// idle reports whether no operation is in progress.
func idle(e *engine) bool {
	for _, c := range e.clients[1:] {
		if c.busy != nil {
			return false
		}
	}
	return true
}

// quiet holds when no message is in flight.
func quiet(e *engine) bool {
	for _, it := range e.queue {
		if it.kind == itemMsg {
			return false
		}
	}
	return true
}

// then holds once no operation is in progress, with the clock past the
// last one's end, so what the stage starts follows it in real time. When
// nothing else is due within the next millisecond, it moves the clock on
// by that millisecond itself (a client's pause before its next step).
func then(e *engine) bool {
	if !idle(e) {
		return false
	}
	if e.now > e.lastEnd {
		return true
	}
	if it := e.next(); it != nil && it.at <= e.now+time.Millisecond {
		return false
	}
	e.now += time.Millisecond
	return true
}

func put(client, server int) Action { return Action{Op: OpPut, Client: client, Server: server} }
func get(client, server int) Action { return Action{Op: OpGet, Client: client, Server: server} }

// Scenarios are the demo's scenarios, in the order the pane offers them.
func Scenarios() []*Scenario { return scenarios }

// FindScenario is the scenario of that name.
func FindScenario(name string) (*Scenario, bool) {
	for _, sc := range scenarios {
		if sc.Name == name {
			return sc, true
		}
	}
	return nil, false
}

var scenarios = []*Scenario{
	{
		Name:  "quorum",
		Title: func(p *locale.Printer) string { return p.T("Quorums that overlap") },
		About: func(p *locale.Printer) string {
			return p.T("N = 3, R = 2, W = 2 with read repair, no faults: every read meets the last write, and the history is linearizable.")
		},
		setup: func() Config { return Config{N: 3, R: 2, W: 2, ReadRepair: true, Clients: 3, Ops: 40} },
	},
	{
		Name:  "one-one",
		Title: func(p *locale.Printer) string { return p.T("R = W = 1") },
		About: func(p *locale.Printer) string {
			return p.T("N = 3, R = 1, W = 1: a write answered by one replica, a read by another that has not heard of it yet: a stale read.")
		},
		setup: func() Config {
			return Config{N: 3, R: 1, W: 1, Clients: 3, Ops: 40, DelayMin: 5 * time.Millisecond, DelayMax: 60 * time.Millisecond}
		},
		stages: []stage{
			{do: []Action{put(1, 1)}},
			{when: then, do: []Action{get(2, 3)}},
		},
		lag: map[int]time.Duration{3: 80 * time.Millisecond},
	},
	{
		Name:  "cp-partition",
		Title: func(p *locale.Printer) string { return p.T("A partition under CP") },
		About: func(p *locale.Printer) string {
			return p.T("n3 is cut off for the middle of the run; it refuses what it cannot do with a quorum, and the history stays linearizable.")
		},
		setup: func() Config {
			return Config{N: 3, R: 2, W: 2, ReadRepair: true, Mode: CP, Clients: 3, Ops: 40, Partitions: []Cut{{Side: []int{3}, FromOp: 8, ToOp: 30}}}
		},
	},
	{
		Name:  "ap-partition",
		Title: func(p *locale.Printer) string { return p.T("A partition under AP") },
		About: func(p *locale.Printer) string {
			return p.T("n3 cut off again, but every side answers with the replicas it reaches: a stale read on n3's side, a write there that the others miss, and siblings once it heals.")
		},
		setup: func() Config {
			return Config{N: 3, R: 2, W: 2, ReadRepair: true, Mode: AP, Conflicts: VV, Clients: 3, Ops: 30}
		},
		stages: []stage{
			{do: []Action{{Op: OpPartition, Side: []int{3}}, put(1, 1)}},
			{when: then, do: []Action{get(3, 3)}},
			{when: then, do: []Action{put(2, 3)}},
			{when: then, do: []Action{get(1, 1), get(3, 3)}},
			{when: then, do: []Action{put(1, 2)}},
			{when: then, do: []Action{get(2, 1)}},
			{when: then, do: []Action{{Op: OpHeal}, get(3, 3)}},
		},
	},
	{
		Name:  "lww-skew",
		Title: func(p *locale.Printer) string { return p.T("Last writer wins, skewed clocks") },
		About: func(p *locale.Printer) string {
			return p.T("n1's clock runs 100\u00a0ms fast. c1 writes through n1, then c2 writes through n2: c2's write is acknowledged and then loses to the older one.")
		},
		setup: func() Config {
			return Config{N: 3, R: 2, W: 2, ReadRepair: true, Conflicts: LWW, Clients: 3, Ops: 20, Skew: []time.Duration{100 * time.Millisecond}}
		},
		stages: []stage{
			{do: []Action{put(1, 1)}},
			{when: then, do: []Action{put(2, 2)}},
			{when: then, do: []Action{get(3, 3)}},
		},
	},
	{
		Name:  "version-vectors",
		Title: func(p *locale.Printer) string { return p.T("Version vectors and siblings") },
		About: func(p *locale.Printer) string {
			return p.T("c1 and c2 write x at once through n1 and n2: neither vector descends from the other, so both are kept; c3 reads both and writes a merged value.")
		},
		setup: func() Config { return Config{N: 3, R: 2, W: 2, ReadRepair: true, Conflicts: VV, Clients: 3, Ops: 20} },
		stages: []stage{
			{do: []Action{put(1, 1), put(2, 2)}},
			{when: then, do: []Action{get(3, 3)}},
			{when: then, do: []Action{put(3, 3)}},
			{when: then, do: []Action{get(1, 1)}},
		},
	},
	{
		Name:  "sloppy-quorum",
		Title: func(p *locale.Printer) string { return p.T("A sloppy quorum") },
		About: func(p *locale.Printer) string {
			return p.T("n1 and n2 are cut off; n3 writes with spares n4 and n5 standing in, so a read on n1's side misses it although R + W > N; at the heal the spares hand it back.")
		},
		setup: func() Config { return Config{N: 3, R: 2, W: 2, Sloppy: true, Mode: AP, Clients: 3, Ops: 0} },
		stages: []stage{
			{do: []Action{{Op: OpPartition, Side: []int{1, 2}}, put(1, 3)}},
			{when: then, do: []Action{get(2, 1)}},
			{when: then, do: []Action{{Op: OpHeal}}},
			{when: func(e *engine) bool { return quiet(e) && then(e) }, do: []Action{get(3, 1)}},
		},
	},
}
