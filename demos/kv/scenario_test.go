package kv

import (
	"strings"
	"testing"
	"time"

	"distlab/demos/locale"
)

// run plays a scenario (or a free run) to its end.
func run(t *testing.T, cfg Config) *Sim {
	t.Helper()
	s, err := NewSim(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if n := s.Run(20000); n == 20000 {
		t.Fatalf("%+v: still running after %d events", cfg, n)
	}
	return s
}

// Every scenario shows what its title promises, for every seed: the
// counters it is about move, and the checker says what the lesson says.
func TestScenariosShowWhatTheyPromise(t *testing.T) {
	type want struct {
		linearizable bool
		check        func(c Counters) bool
		about        string
	}
	wants := map[string]want{
		"quorum":          {true, func(c Counters) bool { return c.StaleReads == 0 && c.Refused == 0 && c.OK == c.Ops }, "no stale read, no refusal"},
		"one-one":         {false, func(c Counters) bool { return c.StaleReads > 0 }, "stale reads"},
		"cp-partition":    {true, func(c Counters) bool { return c.Refused > 0 && c.StaleReads == 0 }, "refusals, no stale read"},
		"ap-partition":    {false, func(c Counters) bool { return c.Refused == 0 && c.StaleReads > 0 && c.Siblings > 0 }, "no refusal; stale reads and siblings"},
		"lww-skew":        {false, func(c Counters) bool { return c.LostUpdates > 0 && c.Siblings == 0 }, "a lost update"},
		"version-vectors": {false, func(c Counters) bool { return c.Siblings > 0 && c.LostUpdates == 0 }, "siblings, nothing lost"},
		"sloppy-quorum":   {false, func(c Counters) bool { return c.StaleReads > 0 && c.Refused == 0 }, "a stale read although R + W > N"},
	}
	if len(wants) != len(Scenarios()) {
		t.Fatalf("%d scenarios, %d expectations", len(Scenarios()), len(wants))
	}
	for _, sc := range Scenarios() {
		w, ok := wants[sc.Name]
		if !ok {
			t.Fatalf("no expectation for scenario %q", sc.Name)
		}
		for seed := uint64(1); seed <= 8; seed++ {
			s := run(t, Config{Scenario: sc.Name, Seed: seed})
			c := s.Counters()
			if !w.check(c) {
				t.Errorf("%s seed %d: want %s, counters %+v", sc.Name, seed, w.about, c)
			}
			v := s.Verdict(10 * time.Second)
			if got := v.Result == Linearizable; got != w.linearizable {
				t.Errorf("%s seed %d: %s", sc.Name, seed, v.Line(nil))
			}
		}
	}
}

// The verdict names the operations that admit no order, in both
// languages, with the times the timeline shows.
func TestVerdictNamesTheOperations(t *testing.T) {
	s := run(t, Config{Scenario: "one-one", Seed: 1})
	v := s.Verdict(10 * time.Second)
	en := v.Line(nil)
	pt := v.Line(locale.For(locale.Portuguese))
	if !strings.HasPrefix(en, "linearizable: no: read x → 0 at ") || !strings.Contains(en, " after write x = 1 completed at ") {
		t.Errorf("en: %q", en)
	}
	if !strings.HasPrefix(pt, "linearizável: não: leitura x → 0 iniciada em ") || !strings.Contains(pt, ", depois da escrita x = 1, concluída em ") {
		t.Errorf("pt-BR: %q", pt)
	}
	if len(v.Involved) != 2 || !v.Involved[0].Put || v.Involved[1].Put {
		t.Errorf("involved: %+v", v.Involved)
	}
	vv := run(t, Config{Scenario: "version-vectors", Seed: 1}).Verdict(10 * time.Second)
	if !strings.Contains(vv.Line(nil), "a register holds one value, not siblings") {
		t.Errorf("siblings: %q", vv.Line(nil))
	}
}

// A run is its Config and its actions: the same twice gives the same
// events, and another seed another run.
func TestRunsAreDeterministic(t *testing.T) {
	text := func(s *Sim) string {
		var b strings.Builder
		for _, ev := range s.History() {
			b.WriteString(ev.Said(nil))
			b.WriteByte('\n')
		}
		return b.String()
	}
	for _, sc := range Scenarios() {
		a := text(run(t, Config{Scenario: sc.Name, Seed: 3}))
		b := text(run(t, Config{Scenario: sc.Name, Seed: 3}))
		if a != b {
			t.Errorf("%s: two runs of seed 3 differ", sc.Name)
		}
	}
	if text(run(t, Config{Ops: 30, Seed: 1})) == text(run(t, Config{Ops: 30, Seed: 2})) {
		t.Error("seeds 1 and 2 make the same run")
	}
}

// Stepping back is replay: after a step and a step back the run is what
// it was, sentence for sentence, counter for counter, bar for bar.
func TestStepBackRestoresTheRun(t *testing.T) {
	view := func(s *Sim) string {
		snap := s.Snapshot()
		var b strings.Builder
		for _, o := range snap.Ops {
			b.WriteString(o.Text(nil) + " " + o.Invoke.String() + " " + o.Return.String() + "\n")
		}
		for _, sv := range snap.Servers {
			for _, k := range sv.Keys {
				b.WriteString(Name(sv.ID) + k.Key + ValuesText(values(k.Versions)) + "\n")
			}
		}
		for _, f := range snap.Flights {
			b.WriteString(f.Label(nil) + "\n")
		}
		if snap.Last != nil {
			b.WriteString(snap.Last.Said(nil))
		}
		return b.String()
	}
	s, err := NewSim(Config{Scenario: "ap-partition", Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 60; i++ {
		before, count := view(s), s.Counters()
		if !s.Step() {
			t.Fatalf("run ended after %d steps", i)
		}
		acted := i%7 == 3 && s.Do(Action{Op: OpPut, Server: 1}) // a student's write in the middle
		s.StepBack()
		if acted {
			s.StepBack()
		}
		if got := view(s); got != before || s.Counters() != count {
			t.Fatalf("step %d: after a step and a step back\n%s\nwant\n%s", i, got, before)
		}
		s.Step()
	}
}

// A scenario left alone stops after its operations; once the student acts
// (here: read repair off), its clients go on for as long as it is played.
func TestStudentRunsGoOn(t *testing.T) {
	alone := run(t, Config{Scenario: "quorum", Seed: 1})
	s, _ := NewSim(Config{Scenario: "quorum", Seed: 1})
	s.Do(Action{Op: OpSetReadRepair, Value: 0})
	s.Run(3000)
	if a, b := alone.Counters().Ops, s.Counters().Ops; a != 40 || b <= 100 {
		t.Errorf("operations: %d alone (want 40), %d after the student's action (want more than 100)", a, b)
	}
}
