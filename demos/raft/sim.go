package raft

import (
	"sync"
	"time"

	"distlab/demos/locale"
)

// Sim is a run made event by event, as the pane plays it and the CLI
// prints it. It keeps every action that made an event, so it steps back
// by replay: a new engine from the same Config, given the same actions,
// makes the same events. A Sim is safe for concurrent use.
type Sim struct {
	cfg Config

	mu      sync.Mutex
	eng     *engine
	actions []Action // every action that made an event, in order
	lab     *Lab     // nil for none
}

// NewSim starts a run: every node a follower of term 0 with an empty log,
// or the scenario's first step.
func NewSim(cfg Config) (*Sim, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	return &Sim{cfg: cfg, eng: newEngine(cfg)}, nil
}

// Config is the run's Config, defaults filled in.
func (s *Sim) Config() Config { return s.cfg }

// Step lets the next thing happen; false if nothing is left to (every
// node down and no message in flight).
func (s *Sim) Step() bool { return s.Do(Action{Op: OpStep}) }

// Do takes an action; false if it made no event. An action of the
// student's (not Scripted) ends the scenario's script: from then on the
// run is theirs.
func (s *Sim) Do(a Action) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.valid(a) {
		return false
	}
	if a.Op != OpStep && !a.Scripted {
		s.eng.takeOver()
	}
	return s.run(a)
}

// run takes an action and shows its event to the Lab.
func (s *Sim) run(a Action) bool {
	var b before
	if s.lab != nil {
		b = s.lab.before(s.eng, a)
	}
	if !s.eng.do(a) {
		return false
	}
	s.actions = append(s.actions, a)
	if s.lab != nil {
		s.lab.happened(s.eng, b, a)
	}
	return true
}

func (s *Sim) valid(a Action) bool {
	switch a.Op {
	case OpCrash, OpRestart, OpWrite, OpRead, OpTimeout:
		return a.Node >= 1 && int(a.Node) <= s.cfg.Nodes
	case OpPartition:
		if len(a.Side) == 0 || len(a.Side) >= s.cfg.Nodes {
			return false
		}
		for _, id := range a.Side {
			if id < 1 || int(id) > s.cfg.Nodes {
				return false
			}
		}
	}
	return true
}

// StepBack undoes the last event by replaying the run up to the one
// before; false if no event was made.
func (s *Sim) StepBack() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.actions) == 0 {
		return false
	}
	s.replay(len(s.actions) - 1)
	return true
}

// replay rebuilds the run from its Config with its first k actions.
func (s *Sim) replay(k int) {
	actions := s.actions[:k]
	s.actions = nil
	s.eng = newEngine(s.cfg)
	for _, a := range actions {
		if a.Op != OpStep && !a.Scripted {
			s.eng.takeOver()
		}
		s.run(a)
	}
}

// Events is how many events the run has made.
func (s *Sim) Events() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.eng.events)
}

// History is the run's events so far, oldest first.
func (s *Sim) History() []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Event(nil), s.eng.events...)
}

// Actions are the actions that made the run's events: given to a new Sim
// of the same Config, they make the same run.
func (s *Sim) Actions() []Action {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Action(nil), s.actions...)
}

// Violation is the first safety property the run broke, nil for none.
func (s *Sim) Violation() *Violation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.eng.check.broken
}

// Verdict is the safety verdict's line: "safety: ok" or "safety:
// violated: …".
func (s *Sim) Verdict(p *locale.Printer) string {
	if v := s.Violation(); v != nil {
		return p.T("safety: violated: %s", v.Text(p))
	}
	return p.T("safety: ok")
}

// NextAt is when the next event happens on its own, for a pane that plays
// the run against a clock; false if nothing is left to happen. A scenario's
// or a fault's next action happens at once.
func (s *Sim) NextAt() (time.Duration, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.eng.pending) > 0 {
		return s.eng.now, true
	}
	d, ok := s.eng.next()
	return d.at, ok
}
