package raft

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"time"

	"distlab/demos/locale"
)

// TraceName and TraceVersion mark a trace's first line.
const (
	TraceName    = "distlab raft"
	TraceVersion = 1
)

// A Trace is a run written down so it can be replayed: its Config, every
// event with the action that made it, and the safety verdict. As JSON
// lines (WriteTo, ReadTrace) it is a header line, one line per event and
// the verdict's line:
//
//	{"trace":"distlab raft","version":1,"nodes":5,"seed":7,"faults":"none","bug":"none"}
//	{"n":1,"at_ms":183,"kind":"timeout","node":2,"term":1,"scripted":false,"text":"n2's election timer fires: …","action":{"op":"step"}}
//	{"safety":"ok"}
//
// Replaying the actions on a new Sim of the Config makes the same events,
// the engine being deterministic; Replay checks it, field by field.
type Trace struct {
	Config  Config
	Events  []TraceEvent
	Verdict TraceVerdict
}

// TraceHeader is a trace's first line: the run's Config.
type TraceHeader struct {
	Trace    string `json:"trace"` // TraceName
	Version  int    `json:"version"`
	Nodes    int    `json:"nodes"`
	Seed     uint64 `json:"seed"`
	Scenario string `json:"scenario,omitempty"`
	Faults   string `json:"faults"` // a SPEC (FormatFaults)
	Bug      string `json:"bug"`    // "none", "count-old-term", "forget-vote"
}

// TraceEvent is one event and the action that made it.
type TraceEvent struct {
	N        int         `json:"n"`
	AtMS     float64     `json:"at_ms"` // simulated time, milliseconds
	Kind     string      `json:"kind"`  // "deliver", "lose", "timeout", …
	Node     uint64      `json:"node,omitempty"`
	From     uint64      `json:"from,omitempty"` // a message's sender
	Msg      string      `json:"msg,omitempty"`  // a message's type: "MsgApp"
	Term     uint64      `json:"term"`           // the node's term after it
	Scripted bool        `json:"scripted"`       // a scenario's step or a random fault
	Text     string      `json:"text"`           // the event's sentence, in English
	Action   TraceAction `json:"action"`
}

// TraceAction is an Action as a trace holds it.
type TraceAction struct {
	Op       string   `json:"op"` // "step", "crash", "partition", …
	Node     uint64   `json:"node,omitempty"`
	Side     []uint64 `json:"side,omitempty"`
	Scripted bool     `json:"scripted,omitempty"`
	Single   bool     `json:"single,omitempty"`
}

// TraceVerdict is a trace's last line: the run's safety verdict.
type TraceVerdict struct {
	Safety   string `json:"safety"`             // "ok" or "violated"
	Property string `json:"property,omitempty"` // its English name
	Event    int    `json:"event,omitempty"`
	Text     string `json:"text,omitempty"` // the violation, in English
}

var kindNames = []string{
	Deliver: "deliver", Lose: "lose", Timeout: "timeout", Heartbeat: "heartbeat", Crash: "crash",
	Restart: "restart", Partition: "partition", Heal: "heal", DropNext: "drop-next", Write: "write", Read: "read",
}

var opNames = []string{
	OpStep: "step", OpCrash: "crash", OpRestart: "restart", OpPartition: "partition", OpHeal: "heal",
	OpDrop: "drop", OpWrite: "write", OpRead: "read", OpTimeout: "timeout",
}

func nameOf(names []string, i int) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return "?"
}

// english prints a trace's texts.
var english = locale.For(locale.English)

// Trace is the run so far, written down.
func (s *Sim) Trace() *Trace {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := &Trace{Config: s.cfg, Verdict: verdictOf(s.eng.check.broken)}
	for i, ev := range s.eng.events {
		t.Events = append(t.Events, traceEvent(ev, s.actions[i]))
	}
	return t
}

func traceEvent(ev Event, a Action) TraceEvent {
	te := TraceEvent{
		N: ev.N, AtMS: float64(ev.At) / float64(time.Millisecond), Kind: nameOf(kindNames, int(ev.Kind)),
		Node: ev.Node, Term: ev.Term, Scripted: ev.Scripted, Text: ev.Said(english),
		Action: TraceAction{Op: nameOf(opNames, int(a.Op)), Node: a.Node, Side: slices.Clone(a.Side), Scripted: a.Scripted, Single: a.Single},
	}
	if ev.Kind == Deliver || ev.Kind == Lose {
		te.From, te.Msg = ev.From, ev.Msg.String()
	}
	return te
}

func verdictOf(v *Violation) TraceVerdict {
	if v == nil {
		return TraceVerdict{Safety: "ok"}
	}
	return TraceVerdict{Safety: "violated", Property: v.Property.Name(english), Event: v.Event, Text: v.Text(english)}
}

// Header is the trace's first line.
func (t *Trace) Header() TraceHeader {
	return TraceHeader{
		Trace: TraceName, Version: TraceVersion, Nodes: t.Config.Nodes, Seed: t.Config.Seed,
		Scenario: t.Config.Scenario, Faults: FormatFaults(t.Config.Faults), Bug: t.Config.Bug.String(),
	}
}

// WriteTo writes the trace as JSON lines.
func (t *Trace) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	cw := &countWriter{w: bw}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(t.Header()); err != nil {
		return cw.n, err
	}
	for _, ev := range t.Events {
		if err := enc.Encode(ev); err != nil {
			return cw.n, err
		}
	}
	if err := enc.Encode(t.Verdict); err != nil {
		return cw.n, err
	}
	return cw.n, bw.Flush()
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// maxTraceLine is the longest line ReadTrace takes: an event's sentence
// is a few hundred bytes.
const maxTraceLine = 64 << 10

// ReadTrace reads a trace that WriteTo wrote. It checks the trace's form
// (a header of this version, events numbered from 1, a verdict last), not
// that its events are what the run makes: Replay does.
func ReadTrace(r io.Reader) (*Trace, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxTraceLine)
	var lines [][]byte
	for sc.Scan() {
		if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
			lines = append(lines, slices.Clone(line))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, locale.Errorf("trace line %d: %v", locale.ID(len(lines)+1), locale.FileError(err))
	}
	if len(lines) < 2 {
		return nil, locale.Errorf("not a trace: want a header line, the events and a verdict line")
	}
	var h TraceHeader
	if err := strict(lines[0], &h); err != nil || h.Trace != TraceName {
		return nil, locale.Errorf("trace line 1: not a trace's header (want {\"trace\":%q,…})", TraceName)
	}
	if h.Version != TraceVersion {
		return nil, locale.Errorf("trace line 1: version %d, but this distlab reads version %d", h.Version, TraceVersion)
	}
	t := &Trace{Config: Config{Nodes: h.Nodes, Seed: h.Seed, Scenario: h.Scenario}}
	var err error
	if t.Config.Faults, err = ParseFaults(h.Faults); err != nil {
		return nil, locale.Errorf("trace line 1: %w", err)
	}
	if t.Config.Bug, err = ParseBug(h.Bug); err != nil {
		return nil, locale.Errorf("trace line 1: %w", err)
	}
	if err := t.Config.Validate(); err != nil {
		return nil, locale.Errorf("trace line 1: %w", err)
	}
	last := len(lines) - 1
	for i, line := range lines[1:last] {
		var ev TraceEvent
		if err := strict(line, &ev); err != nil {
			return nil, locale.Errorf("trace line %d: %v", locale.ID(i+2), err)
		}
		if ev.N != i+1 {
			return nil, locale.Errorf("trace line %d: event %d where event %d belongs", locale.ID(i+2), locale.ID(ev.N), locale.ID(i+1))
		}
		t.Events = append(t.Events, ev)
	}
	if err := strict(lines[last], &t.Verdict); err != nil || (t.Verdict.Safety != "ok" && t.Verdict.Safety != "violated") {
		return nil, locale.Errorf("trace line %d: not a verdict (want {\"safety\":\"ok\"} or {\"safety\":\"violated\",…}): the trace is cut short?", last+1)
	}
	return t, nil
}

// strict decodes one JSON value, refusing fields the type does not have.
func strict(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return locale.Errorf("more than one value on the line")
	}
	return nil
}

// action is the trace's action as the engine takes it.
func (a TraceAction) action() (Action, bool) {
	i := slices.Index(opNames, a.Op)
	if i < 0 {
		return Action{}, false
	}
	return Action{Op: Op(i), Node: a.Node, Side: slices.Clone(a.Side), Scripted: a.Scripted, Single: a.Single}, true
}
