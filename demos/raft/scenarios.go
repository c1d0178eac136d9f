package raft

import (
	"time"

	"distlab/demos/locale"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// A Scenario is a run built to show one thing: a script of actions, each
// taken when the run reaches a state (a leader elected, an entry
// committed), so it plays the same whatever the seed. The student takes
// over at any moment: their first action ends the script.
type Scenario struct {
	Name  string // for --scenario: "figure-8"
	Nodes int
	Title func(p *locale.Printer) string
	About func(p *locale.Printer) string // what it shows, for the pane and the CLI
	// Headless, if set, is About for the command line, where About names
	// a key of the app: distlab raft run has no keys.
	Headless func(p *locale.Printer) string
	// manual: no election timer fires on its own while the script runs;
	// the script fires them.
	manual bool
	// delay, if set, chooses some messages' delays.
	delay  func(m *pb.Message) (time.Duration, bool)
	stages []stage
}

// stage is one step of a script: when the run reaches a state, take the
// actions.
type stage struct {
	when func(e *engine) bool
	do   func(e *engine) []Action
	// until, if set, makes the stage repeat: its actions are taken each
	// time its state is reached, until this holds.
	until func(e *engine) bool
}

// script is a scenario being played in one run.
type script struct {
	sc *Scenario
	i  int
}

// AboutHeadless is what the scenario shows, in words for the command line:
// Headless, or About when it names no key.
func (sc *Scenario) AboutHeadless(p *locale.Printer) string {
	if sc.Headless != nil {
		return sc.Headless(p)
	}
	return sc.About(p)
}

func (sc *Scenario) start(e *engine) *script {
	return &script{sc: sc}
}

// scriptDelay is the scenario's delay for a message, if it chooses one.
func (e *engine) scriptDelay(m *pb.Message) (time.Duration, bool) {
	if e.script == nil || e.script.sc.delay == nil {
		return 0, false
	}
	return e.script.sc.delay(m)
}

// poll takes the next stage's actions once its state is reached, and ends
// the script after the last.
func (s *script) poll(e *engine) {
	for s.i < len(s.sc.stages) && len(e.pending) == 0 {
		st := s.sc.stages[s.i]
		if st.until != nil && st.until(e) {
			s.i++
			continue
		}
		if st.when != nil && !st.when(e) {
			return
		}
		if st.until == nil {
			s.i++
		}
		for _, a := range st.do(e) {
			a.Scripted = true
			e.pending = append(e.pending, a)
		}
		if st.until != nil {
			return
		}
	}
	if s.i >= len(s.sc.stages) {
		e.endScript()
	}
}

// endScript lets the run go on by itself: timers that waited for the
// script start again.
func (e *engine) endScript() {
	if e.script != nil && e.script.sc.manual {
		for _, n := range e.nodes {
			if n.up() && n.role() != raft.StateLeader {
				n.electionAt = e.timeout()
			}
		}
	}
	e.script = nil
}

// takeOver ends the script: the student acts.
func (e *engine) takeOver() {
	e.endScript()
	e.pending = nil
}

// timersManual reports whether election timers wait for the script.
func (e *engine) timersManual() bool { return e.script != nil && e.script.sc.manual }

// leader is the up node that leads the highest term, 0 for none.
func (e *engine) leader() uint64 {
	var best, term uint64
	for _, n := range e.nodes {
		if n.up() && n.role() == raft.StateLeader {
			if t, _, _ := n.hard(); t >= term {
				best, term = n.id, t
			}
		}
	}
	return best
}

func (e *engine) isLeader(id uint64) bool {
	n := e.node(id)
	return n.up() && n.role() == raft.StateLeader
}

// committedOn reports whether node id's commit index has reached idx.
func (e *engine) committedOn(id, idx uint64) bool {
	_, _, c := e.node(id).hard()
	return c >= idx
}

func (e *engine) lastIndex(id uint64) uint64 {
	i, _ := e.node(id).lastEntry()
	return i
}

func act(as ...Action) func(e *engine) []Action { return func(*engine) []Action { return as } }

func do(op Op, id uint64) Action { return Action{Op: op, Node: id} }

// Scenarios are the runs built to show one thing each, in the order the
// pane offers them.
func Scenarios() []*Scenario { return scenarios }

// FindScenario is the scenario with the name.
func FindScenario(name string) (*Scenario, bool) {
	for _, sc := range scenarios {
		if sc.Name == name {
			return sc, true
		}
	}
	return nil, false
}
