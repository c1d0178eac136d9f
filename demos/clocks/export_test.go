package clocks

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// shivizEvent is one event as ShiViz's default parser reads it.
type shivizEvent struct {
	text, host string
	clock      map[string]int
}

// parseShiViz reads a log the way ShiViz does: its default parser regexp,
// matched again and again over the whole text.
func parseShiViz(t tb, log string) []shivizEvent {
	t.Helper()
	re := regexp.MustCompile(ShiVizParser)
	var out []shivizEvent
	covered := 0
	for _, m := range re.FindAllStringSubmatchIndex(log, -1) {
		if strings.TrimSpace(log[covered:m[0]]) != "" {
			t.Fatalf("text the parser skips: %q", log[covered:m[0]])
		}
		covered = m[1]
		ev := shivizEvent{text: log[m[2]:m[3]], host: log[m[4]:m[5]]}
		if err := json.Unmarshal([]byte(log[m[6]:m[7]]), &ev.clock); err != nil {
			t.Fatalf("clock %q: %v", log[m[6]:m[7]], err)
		}
		out = append(out, ev)
	}
	if strings.TrimSpace(log[covered:]) != "" {
		t.Fatalf("text the parser skips at the end: %q", log[covered:])
	}
	return out
}

// checkShiViz checks the rules ShiViz enforces, and that the log says what
// the run says.
func checkShiViz(t tb, r *Run, log string) {
	t.Helper()
	evs := parseShiViz(t, log)
	if len(evs) != len(r.Events) {
		t.Fatalf("%d events in the log, %d in the run", len(evs), len(r.Events))
	}
	hosts := map[string]int{} // events per host
	for _, ev := range evs {
		hosts[ev.host]++
	}
	own := map[string]int{}
	for i, ev := range evs {
		e := r.Events[i]
		if ev.host != ProcName(e.Proc) || ev.text != ShiVizDescription(e) || strings.ContainsAny(ev.text, "{}\n") {
			t.Fatalf("event %d: host %q text %q", i, ev.host, ev.text)
		}
		// The host's own entry goes 1, 2, 3… one per event.
		own[ev.host]++
		if ev.clock[ev.host] != own[ev.host] {
			t.Fatalf("%s: own entry %d, want %d", e.Label, ev.clock[ev.host], own[ev.host])
		}
		for h, x := range ev.clock {
			// Every host named in a clock logs events of its own, at least
			// as many as the clock counts; no entry is zero.
			if hosts[h] == 0 || x < 1 || x > hosts[h] {
				t.Fatalf("%s: clock entry %q: %d (host has %d events)", e.Label, h, x, hosts[h])
			}
		}
		for q, x := range e.Vector {
			if ev.clock[ProcName(q)] != x {
				t.Fatalf("%s: clock %v, vector %v", e.Label, ev.clock, e.Vector)
			}
		}
	}
	// What ShiViz infers from the clocks is the run's happened-before.
	before := func(x, y map[string]int) bool {
		strict := false
		for h, v := range x {
			if v > y[h] {
				return false
			}
			strict = strict || v < y[h]
		}
		for h, v := range y {
			strict = strict || x[h] < v
		}
		return strict
	}
	for a := range evs {
		for b := range evs {
			if before(evs[a].clock, evs[b].clock) != r.HappenedBefore(a, b) {
				t.Fatalf("ShiViz would order %s, %s otherwise", r.Events[a].Label, r.Events[b].Label)
			}
		}
	}
}

func TestShiVizExport(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := mustRun(t, genConfig(t))
		var buf bytes.Buffer
		if err := r.WriteShiViz(&buf); err != nil {
			t.Fatal(err)
		}
		checkShiViz(t, r, buf.String())
	})
}

func TestShiVizSample(t *testing.T) {
	r := mustRun(t, Config{Scenario: "receive-before-send"})
	var buf bytes.Buffer
	if err := r.WriteShiViz(&buf); err != nil {
		t.Fatal(err)
	}
	want := `a1 local physical=42.000ms lamport=1
a {"a":1}
b1 local physical=9.000ms lamport=1
b {"b":1}
a2 send to b msg=0 physical=50.000ms lamport=2
a {"a":2}
b2 receive from a msg=0 physical=21.000ms lamport=3
b {"a":2,"b":2}
`
	if got := buf.String(); !strings.HasPrefix(got, want) {
		t.Fatalf("log starts\n%s\nwant\n%s", got, want)
	}
	// A snapshot part way through is a valid log too.
	s, _ := NewSim(Config{Scenario: "partition"})
	s.Seek(5)
	buf.Reset()
	if err := s.Run().WriteShiViz(&buf); err != nil {
		t.Fatal(err)
	}
	checkShiViz(t, s.Run(), buf.String())
}

func TestJSONLExport(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := mustRun(t, genConfig(t))
		var buf bytes.Buffer
		if err := r.WriteJSONL(&buf); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != len(r.Events) {
			t.Fatalf("%d lines for %d events", len(lines), len(r.Events))
		}
		for i, l := range lines {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatalf("line %d: %v", i+1, err)
			}
			if m["host"] != ProcName(r.Events[i].Proc) || m["kind"] != r.Events[i].Kind.String() {
				t.Fatalf("line %d: %v", i+1, m)
			}
		}
		back, err := ReadJSONL(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, r.Events) {
			t.Fatal("JSON Lines do not read back to the same events")
		}
	})
}

func TestReadJSONLErrors(t *testing.T) {
	for _, in := range []string{
		"{\"id\":0}\nnot json\n",
		`{"id":0,"kind":"teleport"}`,
		`{"id":0,"surprise":1}`,
	} {
		if _, err := ReadJSONL(strings.NewReader(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}
