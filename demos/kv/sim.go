package kv

import (
	"sync"
	"time"
)

// Sim is a run made event by event, as the pane plays it and the CLI
// prints it. It keeps every action that made an event, so it steps back
// by replay: a new engine from the same Config, given the same actions,
// makes the same events. A Sim is safe for concurrent use.
type Sim struct {
	cfg Config

	mu      sync.Mutex
	eng     *engine
	actions []Action
	lab     *Lab
	checked *verdictCache
}

// NewSim starts a run: every replica holding the initial value 0, or the
// scenario's first step.
func NewSim(cfg Config) (*Sim, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	return &Sim{cfg: cfg, eng: newEngine(cfg), checked: &verdictCache{}}, nil
}

// Config is the run's Config as it started, defaults filled in.
func (s *Sim) Config() Config { return s.cfg }

// Knobs is the run's Config as it is now: the knobs the student turned.
func (s *Sim) Knobs() Config {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.eng.cfg
}

// Step lets the next thing happen; false if nothing is left to.
func (s *Sim) Step() bool { return s.Do(Action{Op: OpStep}) }

// Do takes an action; false if it made no event (a client busy, a knob
// already so). An action of the student's (not Scripted) ends the
// scenario's script, unless it makes no event: then the run is as it was.
func (s *Sim) Do(a Action) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.Op == OpStep || a.Scripted {
		return s.run(a)
	}
	took := s.eng.takeOver()
	if s.run(a) {
		return true
	}
	if took { // rare: a refused action while a script plays
		s.replay(s.actions)
	}
	return false
}

func (s *Sim) run(a Action) bool {
	if !s.eng.do(a) {
		return false
	}
	s.actions = append(s.actions, a)
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
	s.replay(s.actions[:len(s.actions)-1])
	return true
}

// replay rebuilds the run from its Config and these actions, each of
// which made an event when it was first taken.
func (s *Sim) replay(actions []Action) {
	s.actions = nil
	s.eng = newEngine(s.cfg)
	s.eng.lab.lab = s.lab
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

// Recent is the run's last n events, oldest first: what a pane lists
// without copying the whole history every frame.
func (s *Sim) Recent(n int) []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	evs := s.eng.events
	return append([]Event(nil), evs[max(len(evs)-n, 0):]...)
}

// Actions are the actions that made the run's events.
func (s *Sim) Actions() []Action {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Action(nil), s.actions...)
}

// Counters are the run's counters so far.
func (s *Sim) Counters() Counters {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.eng.count
}

// Now is the run's simulated time.
func (s *Sim) Now() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.eng.now
}

// NextAt is when the next event happens on its own, for a pane that plays
// the run against a clock; false if nothing is left to happen. A
// scenario's next action happens at once.
func (s *Sim) NextAt() (time.Duration, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.eng
	if len(e.pending) > 0 {
		return e.now, true
	}
	if it := e.next(); it != nil {
		return max(it.at, e.now), true
	}
	if e.scriptReady() {
		return e.now, true
	}
	return 0, false
}

// Run steps until nothing is left to happen or max events were made
// (max ≤ 0: no limit); it returns the events made.
func (s *Sim) Run(max int) int {
	n := 0
	for (max <= 0 || n < max) && s.Step() {
		n++
	}
	return n
}

// Busy reports whether every client has an operation in progress, so a
// student's read or write has no client to run on.
func (s *Sim) Busy() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.eng.idleClient(0) == nil
}
