package clocks

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"distlab/demos/locale"
)

func scenarioRun(t *testing.T, name string) *Run {
	t.Helper()
	return mustRun(t, Config{Scenario: name})
}

func TestScenarioList(t *testing.T) {
	want := []string{"receive-before-send", "concurrent", "lamport-not-causal", "lost-message", "duplicate-delivery", "partition"}
	if got := ScenarioNames(); !slices.Equal(got, want) {
		t.Fatalf("scenarios %v, want %v", got, want)
	}
	for _, s := range Scenarios() {
		pt := locale.For(locale.Portuguese)
		for _, text := range []string{s.TitleIn(nil), s.TitleIn(pt), s.SummaryIn(nil), s.SummaryIn(pt)} {
			if text == "" || strings.Contains(text, "\n") {
				t.Errorf("%s: text %q", s.Name, text)
			}
		}
		if s.TitleIn(pt) == s.TitleIn(nil) || s.SummaryIn(pt) == s.SummaryIn(nil) || s.TitleIn(locale.For(locale.English)) != s.TitleIn(nil) {
			t.Errorf("%s: TitleIn/SummaryIn: no translation", s.Name)
		}
		r := scenarioRun(t, s.Name)
		if len(r.Focus) == 0 || len(r.Events) != r.Cfg.Events || r.Cfg.Scenario != s.Name {
			t.Errorf("%s: focus %v, %d events, cfg %+v", s.Name, r.Focus, len(r.Events), r.Cfg)
		}
	}
	if info, ok := ScenarioByName("partition"); !ok || info.TitleIn(locale.For(locale.Portuguese)) != "Partição" {
		t.Fatal("ScenarioByName")
	}
	if _, ok := ScenarioByName("nope"); ok {
		t.Fatal("ScenarioByName(nope)")
	}
	if _, err := Simulate(Config{Scenario: "nope"}); !errors.Is(err, ErrUnknownScenario) {
		t.Fatalf("unknown scenario: %v", err)
	}
}

// A scenario ignores the rest of the config: it is the same run whatever
// the seed, skew or network say.
func TestScenarioIgnoresConfig(t *testing.T) {
	r1 := scenarioRun(t, "partition")
	r2 := mustRun(t, Config{Scenario: "partition", Seed: 99, Procs: 7, Skew: -1, Loss: 1})
	if !slices.EqualFunc(r1.Events, r2.Events, func(x, y Event) bool { return x.Label == y.Label && x.Physical == y.Physical }) {
		t.Fatal("the config changed a scenario")
	}
}

func TestReceiveBeforeSend(t *testing.T) {
	r := scenarioRun(t, "receive-before-send")
	s, rc := byLabel(t, r, "a2"), byLabel(t, r, "b2")
	if !slices.Equal(r.Focus, []int{s, rc}) {
		t.Fatalf("focus %v", r.Focus)
	}
	es, er := r.Events[s], r.Events[rc]
	if es.Kind != Send || er.Kind != Receive || es.Msg != er.Msg || !r.HappenedBefore(s, rc) {
		t.Fatalf("a2 %+v, b2 %+v", es, er)
	}
	if er.Physical >= es.Physical {
		t.Fatalf("receive stamped %v, send %v: not before", er.Physical, es.Physical)
	}
	if er.Lamport <= es.Lamport || !VectorLess(es.Vector, er.Vector) {
		t.Fatal("the logical clocks should still order them")
	}
	an := r.Anomalies()
	if !slices.ContainsFunc(an, func(x Anomaly) bool { return x.Kind == PhysicalInversion && x.A == s && x.B == rc }) {
		t.Fatalf("the inversion is not reported: %+v", an)
	}
	// The physical order puts the receive first; Lamport's does not.
	if at(r.OrderPhysical(), rc) > at(r.OrderPhysical(), s) || at(r.OrderLamport(), rc) < at(r.OrderLamport(), s) {
		t.Fatal("orders")
	}
}

func at(order []int, e int) int { return slices.Index(order, e) }

func TestConcurrentScenario(t *testing.T) {
	r := scenarioRun(t, "concurrent")
	a2, b2 := byLabel(t, r, "a2"), byLabel(t, r, "b2")
	if !r.Concurrent(a2, b2) {
		t.Fatal("a2 and b2 are not concurrent")
	}
	ea, eb := r.Events[a2], r.Events[b2]
	if !(ea.True < eb.True && ea.Physical < eb.Physical && ea.Lamport < eb.Lamport) {
		t.Fatal("a2 should come first by every clock")
	}
	if VectorLess(ea.Vector, eb.Vector) || VectorLess(eb.Vector, ea.Vector) {
		t.Fatal("their vectors should be incomparable")
	}
	if got := r.Relation(a2, b2, locale.For(locale.English)); got != "a2 ∥ b2: Lamport orders them (2 < 3), but neither could have influenced the other; their vectors [2,0,0] and [1,2,0] are incomparable" {
		t.Fatalf("relation: %q", got)
	}
}

func TestLamportNotCausal(t *testing.T) {
	r := scenarioRun(t, "lamport-not-causal")
	a1, c2 := byLabel(t, r, "a1"), byLabel(t, r, "c2")
	if !slices.Equal(r.Focus, []int{a1, c2}) {
		t.Fatalf("focus %v", r.Focus)
	}
	if r.Events[a1].Lamport != 1 || r.Events[c2].Lamport != 4 || !r.Concurrent(a1, c2) {
		t.Fatalf("L(a1) = %d, L(c2) = %d, concurrent %v", r.Events[a1].Lamport, r.Events[c2].Lamport, r.Concurrent(a1, c2))
	}
	if r.Events[a1].True <= r.Events[c2].True {
		t.Fatal("a1 should happen later than c2")
	}
	if !slices.ContainsFunc(r.Anomalies(), func(x Anomaly) bool { return x.Kind == LamportNotCausal && x.A == a1 && x.B == c2 }) {
		t.Fatal("the pair is not reported")
	}
}

func TestLostMessage(t *testing.T) {
	r := scenarioRun(t, "lost-message")
	a2 := byLabel(t, r, "a2")
	e := r.Events[a2]
	if e.Kind != Send || !e.Lost || !r.Messages[e.Msg].Lost || len(r.Messages[e.Msg].Receives) != 0 {
		t.Fatalf("a2 %+v, message %+v", e, r.Messages[e.Msg])
	}
	for _, x := range r.Events {
		if x.Kind == Receive && x.Msg == e.Msg {
			t.Fatalf("%s receives the lost message", x.Label)
		}
	}
	if !r.Concurrent(a2, byLabel(t, r, "b1")) {
		t.Fatal("b1 should know nothing of a2")
	}
}

func TestDuplicateDelivery(t *testing.T) {
	r := scenarioRun(t, "duplicate-delivery")
	b1, b3 := byLabel(t, r, "b1"), byLabel(t, r, "b3")
	e1, e3 := r.Events[b1], r.Events[b3]
	if e1.Kind != Receive || e3.Kind != Receive || e1.Msg != e3.Msg || e1.Dup || !e3.Dup {
		t.Fatalf("b1 %+v, b3 %+v", e1, e3)
	}
	if m := r.Messages[e1.Msg]; !slices.Equal(m.Receives, []int{b1, b3}) {
		t.Fatalf("message %+v", m)
	}
}

func TestPartitionScenario(t *testing.T) {
	r := scenarioRun(t, "partition")
	p := r.Cfg.Partition
	if p == nil {
		t.Fatal("no partition")
	}
	var lostCrossing, kept int
	for _, m := range r.Messages {
		s := r.Events[m.Send]
		inWindow := s.True < p.To && m.Arrive[0] >= p.From
		switch {
		case p.crosses(m.From, m.To) && inWindow:
			if !m.Lost {
				t.Errorf("%s crosses the partition during it and arrives", s.Label)
			}
			lostCrossing++
		default:
			if m.Lost || len(m.Receives) != 1 {
				t.Errorf("%s should arrive: %+v", s.Label, m)
			}
			kept++
		}
	}
	if lostCrossing != 2 || kept != 4 {
		t.Fatalf("%d crossing messages lost, %d arrived; want 2 and 4", lostCrossing, kept)
	}
	for _, f := range r.Focus {
		if !r.Events[f].Lost {
			t.Errorf("focus %s is not lost", r.Events[f].Label)
		}
	}
}

// The same partition rule holds in a random run.
func TestRandomPartition(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Events = 400
	cfg.Partition = &Partition{A: []int{0, 1}, B: []int{2, 3}, From: 50 * milli, To: 150 * milli}
	r := mustRun(t, cfg)
	var crossingLost, crossingKept int
	for _, m := range r.Messages {
		if !cfg.Partition.crosses(m.From, m.To) {
			if m.Lost {
				t.Fatalf("message %d does not cross but is lost", m.ID)
			}
			continue
		}
		s := r.Events[m.Send]
		in := s.True < cfg.Partition.To && m.Arrive[0] >= cfg.Partition.From
		if in != m.Lost {
			t.Fatalf("message %d sent %v arriving %v: lost %v", m.ID, s.True, m.Arrive[0], m.Lost)
		}
		if m.Lost {
			crossingLost++
		} else {
			crossingKept++
		}
	}
	if crossingLost == 0 || crossingKept == 0 {
		t.Fatalf("%d crossing messages lost and %d kept: the run does not exercise the window", crossingLost, crossingKept)
	}
}
