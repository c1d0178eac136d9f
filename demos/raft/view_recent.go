package raft

// Recent is the run's last n events at most, oldest first: what a pane
// shows of the history under its diagram, without copying all of it on
// every frame.
func (s *Sim) Recent(n int) []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	ev := s.eng.events
	return append([]Event(nil), ev[max(len(ev)-n, 0):]...)
}
