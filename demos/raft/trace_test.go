package raft

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"distlab/demos/locale"
)

// traceOf runs a Sim of cfg for steps events, the student's actions mixed
// in, and returns it.
func traceOf(t *testing.T, cfg Config, steps int, actions map[int]Action) *Sim {
	t.Helper()
	s, err := NewSim(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for i := range steps {
		if a, ok := actions[i]; ok {
			s.Do(a)
			continue
		}
		s.Step()
	}
	return s
}

// A trace written and read back is the same trace, and replaying it
// makes the same events and verdict: with random faults, with the
// student's own actions (a partition, a crash, a forced timeout), and for
// a scenario with a bug whose verdict is a violation.
func TestTraceRoundTripAndReplay(t *testing.T) {
	cases := map[string]*Sim{
		"faults": traceOf(t, Config{Nodes: 5, Seed: 7, Faults: RandomFaults}, 1500, nil),
		"student": traceOf(t, Config{Nodes: 3, Seed: 3}, 300, map[int]Action{
			40:  {Op: OpPartition, Side: []uint64{1}},
			90:  {Op: OpWrite, Node: 2},
			120: {Op: OpHeal},
			150: {Op: OpCrash, Node: 3},
			160: {Op: OpTimeout, Node: 1},
			200: {Op: OpRestart, Node: 3},
			210: {Op: OpDrop},
			220: {Op: OpStep, Single: true},
		}),
		"figure-8": traceOf(t, Config{Scenario: Figure8, Seed: 1, Bug: BugCountOldTerm}, 300, nil),
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			tr := s.Trace()
			if len(tr.Events) != s.Events() || len(tr.Events) == 0 {
				t.Fatalf("%d events in the trace, %d in the run", len(tr.Events), s.Events())
			}
			var buf bytes.Buffer
			if _, err := tr.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			back, err := ReadTrace(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			var again bytes.Buffer
			back.WriteTo(&again)
			if again.String() != buf.String() {
				t.Fatal("the trace read back writes differently")
			}
			r, err := Replay(back)
			if err != nil {
				t.Fatal(err)
			}
			if r.Events() != s.Events() || r.Trace().Verdict != tr.Verdict {
				t.Fatalf("replay: %d events, verdict %+v; run: %d, %+v", r.Events(), r.Trace().Verdict, s.Events(), tr.Verdict)
			}
		})
	}
	if v := cases["figure-8"].Trace().Verdict; v.Safety != "violated" || v.Property != "Leader Completeness" {
		t.Errorf("figure-8 with the bug: verdict %+v", v)
	}
	if v := cases["faults"].Trace().Verdict; v.Safety != "ok" {
		t.Errorf("random faults: verdict %+v", v)
	}
}

// A trace edited anywhere is caught: an event's time, text or term, an
// action, the verdict; a broken line is refused with its number.
func TestTamperedTraceDetected(t *testing.T) {
	var buf bytes.Buffer
	traceOf(t, Config{Nodes: 5, Seed: 11, Faults: RandomFaults}, 400, nil).Trace().WriteTo(&buf)
	good := buf.String()
	lines := strings.Split(strings.TrimSpace(good), "\n")
	edit := func(line int, old, new string) string {
		t.Helper()
		if !strings.Contains(lines[line], old) {
			t.Fatalf("line %d has no %q: %s", line, old, lines[line])
		}
		ls := append([]string(nil), lines...)
		ls[line] = strings.Replace(ls[line], old, new, 1)
		return strings.Join(ls, "\n") + "\n"
	}
	// The first event with a term above 0.
	termed := 0
	for i, l := range lines[1 : len(lines)-1] {
		if !strings.Contains(l, `"term":0,`) {
			termed = i + 1
			break
		}
	}
	replayed := map[string]struct {
		trace string
		field string
	}{
		"seed":     {edit(0, `"seed":11`, `"seed":12`), ""},
		"time":     {edit(5, `"at_ms":`, `"at_ms":1`), "at_ms"},
		"text":     {edit(3, `"text":"`, `"text":"x`), "text"},
		"term":     {edit(termed, `"term":`, `"term":9`), "term"},
		"action":   {edit(2, `"action":{"op":"step"}`, `"action":{"op":"heal"}`), ""},
		"verdict":  {edit(len(lines)-1, `"ok"`, `"violated"`), "safety"},
		"no event": {edit(1, `"action":{"op":"step"}`, `"action":{"op":"crash","node":9}`), "n"},
	}
	for name, c := range replayed {
		tr, err := ReadTrace(strings.NewReader(c.trace))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		_, err = Replay(tr)
		var re *ReplayError
		if !errors.As(err, &re) || (c.field != "" && re.Field != c.field) {
			t.Errorf("%s: replay said %v, want a difference in %q", name, err, c.field)
		}
	}
	refused := map[string]string{
		"empty":       "",
		"header":      strings.Replace(good, `"trace":"distlab raft"`, `"trace":"other"`, 1),
		"version":     strings.Replace(good, `"version":1`, `"version":2`, 1),
		"faults":      strings.Replace(good, `"faults":"drop=`, `"faults":"drip=`, 1),
		"unknown key": edit(4, `"n":`, `"extra":1,"n":`),
		"numbering":   edit(4, `"n":4`, `"n":40`),
		"cut short":   strings.Join(lines[:len(lines)-1], "\n"),
		"broken json": edit(6, `}`, ``),
	}
	for name, s := range refused {
		if _, err := ReadTrace(strings.NewReader(s)); err == nil {
			t.Errorf("%s: read without an error", name)
		}
	}
	if _, err := ReadTrace(strings.NewReader(good)); err != nil {
		t.Fatal(err)
	}
}

// A replay error reads in both languages.
func TestReplayErrorText(t *testing.T) {
	err := &ReplayError{Event: 3, Field: "text", Trace: "a", Replay: "b"}
	if got := err.Error(); got != `event 3 differs from the trace's: text is "a" in the trace, "b" in the replay` {
		t.Errorf("en: %s", got)
	}
	if got := locale.For(locale.Portuguese).Err(err); !strings.HasPrefix(got, "o evento 3 difere do rastro") {
		t.Errorf("pt-BR: %s", got)
	}
}
