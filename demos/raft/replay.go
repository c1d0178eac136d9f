package raft

import (
	"fmt"
	"slices"

	"distlab/demos/locale"
)

// Replay plays a trace's actions on a new Sim of its Config and checks
// that they make the trace's events, field by field, and its verdict: the
// engine is deterministic, so a trace that differs was made by another
// version of the engine or edited. It returns the Sim as far as it got,
// and a *ReplayError at the first difference.
func Replay(t *Trace) (*Sim, error) {
	s, err := NewSim(t.Config)
	if err != nil {
		return nil, err
	}
	for _, want := range t.Events {
		a, ok := want.Action.action()
		if !ok {
			return s, &ReplayError{Event: want.N, Field: "action.op", Trace: want.Action.Op, Replay: "?"}
		}
		if !s.Do(a) {
			return s, &ReplayError{Event: want.N, Field: "n", Trace: fmt.Sprint(want.N), Replay: "-"}
		}
		s.mu.Lock()
		got := traceEvent(s.eng.events[len(s.eng.events)-1], a)
		s.mu.Unlock()
		if err := differ(want, got); err != nil {
			return s, err
		}
	}
	got := s.Trace().Verdict
	if got != t.Verdict {
		field, tr, re := "safety", t.Verdict.Safety, got.Safety
		if tr == re {
			field, tr, re = "text", t.Verdict.Text, got.Text
		}
		return s, &ReplayError{Field: field, Trace: tr, Replay: re}
	}
	return s, nil
}

// ReplayError is the first place a replay differs from its trace: an
// event's field (Event from 1), or the verdict's (Event 0).
type ReplayError struct {
	Event         int
	Field         string // the JSON key: "text", "action.op"
	Trace, Replay string // the values; "-" for no event
}

func (e *ReplayError) Error() string { return e.Localize(english) }

// Localize is the difference in p's language.
func (e *ReplayError) Localize(p *locale.Printer) string {
	if e.Event == 0 {
		return p.T("the verdict differs from the trace's: %s is %q in the trace, %q in the replay", e.Field, e.Trace, e.Replay)
	}
	if e.Replay == "-" {
		return p.T("event %d differs from the trace's: the replay made no event", locale.ID(e.Event))
	}
	return p.T("event %d differs from the trace's: %s is %q in the trace, %q in the replay", locale.ID(e.Event), e.Field, e.Trace, e.Replay)
}

// differ compares an event of a trace with the replay's, field by field.
func differ(want, got TraceEvent) *ReplayError {
	fields := []struct {
		name      string
		want, got any
	}{
		{"n", want.N, got.N}, {"at_ms", want.AtMS, got.AtMS}, {"kind", want.Kind, got.Kind},
		{"node", want.Node, got.Node}, {"from", want.From, got.From}, {"msg", want.Msg, got.Msg},
		{"term", want.Term, got.Term}, {"scripted", want.Scripted, got.Scripted}, {"text", want.Text, got.Text},
		{"action.node", want.Action.Node, got.Action.Node}, {"action.scripted", want.Action.Scripted, got.Action.Scripted},
	}
	for _, f := range fields {
		if f.want != f.got {
			return &ReplayError{Event: want.N, Field: f.name, Trace: fmt.Sprint(f.want), Replay: fmt.Sprint(f.got)}
		}
	}
	if !slices.Equal(want.Action.Side, got.Action.Side) {
		return &ReplayError{Event: want.N, Field: "action.side", Trace: fmt.Sprint(want.Action.Side), Replay: fmt.Sprint(got.Action.Side)}
	}
	return nil
}
