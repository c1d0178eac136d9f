package clocks

import "sync"

// Sim is a run made step by step, as the pane plays it. It steps back by
// replay: the run is simulated again from the start up to the event
// before, which gives the same events because a run depends on its Config
// alone. A Sim is safe for concurrent use.
type Sim struct {
	cfg Config // as given

	mu   sync.Mutex // guards eng and snap
	eng  *engine
	snap *Run // the last Run() while nothing has changed since; nil otherwise

	lab *Lab // checks each event made, for the challenges; nil for none
}

// NewSim starts a run with no events done yet.
func NewSim(cfg Config) (*Sim, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Sim{cfg: cfg, eng: newEngine(cfg)}, nil
}

// Step makes the next event happen; false if the run was already complete.
func (s *Sim) Step() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.forward()
}

func (s *Sim) forward() bool {
	if !s.eng.step() {
		return false
	}
	s.snap = nil
	if s.lab != nil {
		s.lab.happened(s.eng)
	}
	return true
}

// StepBack undoes the last event by replaying the run up to the one
// before; false if no event was done.
func (s *Sim) StepBack() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(s.eng.events)
	if n == 0 {
		return false
	}
	s.seek(n - 1)
	return true
}

// Seek goes to the point where k events are done: forward by stepping,
// back by replay. k is clamped to the run's length.
func (s *Sim) Seek(k int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seek(k)
}

func (s *Sim) seek(k int) {
	k = max(0, min(k, s.eng.cfg.Events))
	if k < len(s.eng.events) {
		s.eng = newEngine(s.cfg)
		s.snap = nil
	}
	for len(s.eng.events) < k && s.forward() {
	}
}

// Reset goes back to no events done.
func (s *Sim) Reset() { s.Seek(0) }

// Len is how many events are done.
func (s *Sim) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.eng.events)
}

// Total is how many events the whole run has (Config.Events, or a
// scenario's count).
func (s *Sim) Total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.eng.cfg.Events
}

// Done reports whether the run is complete.
func (s *Sim) Done() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.eng.done()
}

// Config is the config as run: defaults applied; a scenario's own values.
func (s *Sim) Config() Config {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.eng.cfg
}

// Events returns the events done so far, in true-time order.
func (s *Sim) Events() []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append(make([]Event, 0, len(s.eng.events)), s.eng.events...)
}

// Run is the run so far. It is cached until the next step, so calling it
// on every frame costs nothing while the Sim is paused.
func (s *Sim) Run() *Run {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.snap == nil {
		s.snap = s.eng.run()
	}
	return s.snap
}
