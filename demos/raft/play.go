package raft

import "context"

// Stop is why Play stopped.
type Stop int

// The reasons.
const (
	StopSteps       Stop = iota // it made the events it was asked for
	StopViolation               // a safety property broke
	StopSettled                 // the scenario's script ended and the cluster agrees
	StopIdle                    // nothing is left to happen: every node down, no message in flight
	StopInterrupted             // PlayContext's context ended first (ctrl+c)
)

// Play steps the run until it has made max events in all, a safety
// property breaks (the verdict's event is the last), or nothing is left to
// happen; with settle, also as soon as the run is settled: a scenario's
// script has ended and the cluster agrees (see Settled), which is where a
// scenario has shown what it shows.
func (s *Sim) Play(max int, settle bool) Stop {
	return s.PlayContext(context.Background(), max, settle)
}

// PlayContext is Play that also stops, with StopInterrupted, once ctx
// has ended: a long run on the command line ends at ctrl+c.
func (s *Sim) PlayContext(ctx context.Context, max int, settle bool) Stop {
	for i := 0; ; i++ {
		switch {
		case i%64 == 0 && ctx.Err() != nil: // a few µs of events between looks
			return StopInterrupted
		case s.Violation() != nil:
			return StopViolation
		case settle && s.Settled():
			return StopSettled
		case s.Events() >= max:
			return StopSteps
		case !s.Step():
			return StopIdle
		}
	}
}

// Settled reports whether a scenario's script has ended, with nothing of
// it left to take, and the cluster agrees: the leader of the highest term
// has committed and applied its whole log, and every node up on its side
// of any partition follows it in its term with the same log, commit index
// and state machine. A free run, with no script, is settled once it
// agrees.
func (s *Sim) Settled() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.eng
	if e.script != nil || len(e.pending) > 0 {
		return false
	}
	l := e.leader()
	if l == 0 {
		return false
	}
	lead := e.node(l)
	term, _, commit := lead.hard()
	last, _ := lead.lastEntry()
	if commit != last || lead.store.Applied != commit {
		return false
	}
	for _, n := range e.nodes {
		if n == lead || !n.up() || e.cut(l, n.id) {
			continue
		}
		t, _, c := n.hard()
		i, _ := n.lastEntry()
		if t != term || n.status().Lead != l || c != commit || i != last || n.store.Applied != commit {
			return false
		}
	}
	return true
}
