package chat

import (
	"sync"
	"sync/atomic"
)

// signal is a broadcast that goroutines wait on instead of polling: wait
// returns a channel that the next notify closes. Take the channel, check
// the condition, then select on it: a notify after the check is never
// missed. notify costs one atomic load when nobody waits, so it can sit on
// a hot path.
type signal struct {
	waiting atomic.Bool
	mu      sync.Mutex // guards ch; never held while blocking
	ch      chan struct{}
}

func (s *signal) wait() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ch == nil {
		s.ch = make(chan struct{})
		s.waiting.Store(true)
	}
	return s.ch
}

func (s *signal) notify() {
	if !s.waiting.Load() {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ch != nil {
		close(s.ch)
		s.ch = nil
		s.waiting.Store(false)
	}
}
