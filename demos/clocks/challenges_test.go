package clocks

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"pgregory.net/rapid"

	"distlab/demos/challenge"
	"distlab/demos/locale"
)

// paneRun is a random run as the pane makes it, at skew.
func paneRun(seed uint64, skew time.Duration) Config {
	return Config{Procs: 4, Events: 40, Seed: seed, Skew: skew, DriftPPM: 20_000,
		DelayMin: 5 * time.Millisecond, DelayMax: 30 * time.Millisecond}
}

func labSim(t *testing.T, l *Lab, cfg Config) *Sim {
	t.Helper()
	s, err := l.NewSim(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// how is the sentence a met challenge was met with, in lang.
func how(t *testing.T, l *Lab, id string, lang locale.Lang) string {
	t.Helper()
	for _, r := range l.Done() {
		if r.ID == id {
			return r.How(locale.For(lang))
		}
	}
	t.Fatalf("%s not met; met: %+v", id, l.Done())
	return ""
}

func TestChallengeTexts(t *testing.T) {
	list := Challenges()
	if len(list) < 3 {
		t.Fatalf("%d challenges, want at least 3", len(list))
	}
	seen := map[string]bool{}
	for _, c := range list {
		if c.Demo() != "clocks" || seen[c.ID] {
			t.Errorf("id %q: not clocks/ or twice", c.ID)
		}
		seen[c.ID] = true
		en, pt := locale.For(locale.English), locale.For(locale.Portuguese)
		if !strings.HasPrefix(c.Goal(en), "Predict: ") || !strings.HasPrefix(c.Goal(pt), "Preveja: ") {
			t.Errorf("%s: goal is not a prediction: %q / %q", c.ID, c.Goal(en), c.Goal(pt))
		}
		if n := len(c.Hints(en)); n < 2 || n > 3 || len(c.Hints(pt)) != n {
			t.Errorf("%s: %d hints", c.ID, n)
		}
		for _, p := range []*locale.Printer{en, pt} {
			// The strip gives a met goal two lines, and the sentence on
			// what the student did with the explanation three: these fit
			// the pane beside a lesson (58 columns in a 120-column
			// terminal).
			if n := utf8.RuneCountInString(c.Goal(p)); n > 105 {
				t.Errorf("%s: goal of %d characters: %q", c.ID, n, c.Goal(p))
			}
			if n := utf8.RuneCountInString(c.Explain(p)); n > 105 {
				t.Errorf("%s: explanation of %d characters: %q", c.ID, n, c.Explain(p))
			}
		}
		if c.Explain(pt) == c.Explain(en) || c.Hints(pt)[0] == c.Hints(en)[0] {
			t.Errorf("%s: not translated", c.ID)
		}
	}
	if got := NewLab().Challenges(); len(got) != len(list) || got[0].ID != list[0].ID {
		t.Fatal("Lab.Challenges is not Challenges")
	}
	for _, p := range locale.Problems() {
		t.Error(p)
	}
}

// A receive stamped before its send meets clocks/backwards the moment the
// Sim makes it, not before; with no skew, or in the scenario that places
// its clocks by hand to show it, nothing is met.
func TestChallengeBackwards(t *testing.T) {
	l := NewLab()
	cfg := paneRun(1, 20*time.Millisecond)
	full := mustRun(t, cfg)
	first := -1
	for i, e := range full.Events {
		if s := full.sendOf[i]; s >= 0 && e.Physical < full.Events[s].Physical {
			first = i
			break
		}
	}
	if first < 0 {
		t.Fatal("seed 1 at 20ms skew has no receive stamped before its send")
	}
	s := labSim(t, l, cfg)
	s.Seek(first) // every event up to the inverted receive, not it
	if l.Done() != nil {
		t.Fatalf("met before the receive: %+v", l.Done())
	}
	s.Step()
	if !l.log.Met(ChallengeBackwards) || len(l.Done()) != 1 {
		t.Fatalf("the receive %s did not meet it: %+v", full.Events[first].Label, l.Done())
	}
	rcv, snd := full.Events[first], full.Events[full.sendOf[first]]
	want := "Seed 1: receive " + rcv.Label + " was stamped " + FormatTime(snd.Physical-rcv.Physical) +
		" before its send " + snd.Label + "."
	if got := how(t, l, ChallengeBackwards, locale.English); got != want {
		t.Errorf("how:\n got %q\nwant %q", got, want)
	}
	if got := how(t, l, ChallengeBackwards, locale.Portuguese); !strings.Contains(got, "recebimento "+rcv.Label+" carimbado ") || !strings.Contains(got, ",") {
		t.Errorf("how in pt-BR: %q", got)
	}

	// Near misses: the same seed without skew; the scenario built for it.
	for _, cfg := range []Config{paneRun(1, 0), paneRun(2, 0), {Scenario: "receive-before-send"}} {
		l := NewLab()
		s := labSim(t, l, cfg)
		s.Seek(s.Total())
		if cfg.Scenario != "" && len(s.Run().Anomalies()) == 0 {
			t.Fatal("receive-before-send has no inversion to ignore")
		}
		if l.Done() != nil {
			t.Errorf("%+v met %+v", cfg, l.Done())
		}
	}
	// A Sim of its own, without a lab, meets nothing anywhere.
	plain, _ := NewSim(cfg)
	plain.Seek(plain.Total())
	plain.Compare(0, 1)
}

// A pair of concurrent events with different Lamport times meets
// clocks/lamport-concurrent, in either order; a causal pair, a concurrent
// pair with the same Lamport time, or no pair at all does not.
func TestChallengeLamport(t *testing.T) {
	near := []struct {
		scenario, a, b string
	}{
		{"receive-before-send", "a2", "b2"}, // L 2 < 3, but a2 → b2
		{"concurrent", "a1", "c1"},          // a1 ∥ c1, both L = 1
		{"concurrent", "a1", "a1"},          // one event
	}
	for _, c := range near {
		l := NewLab()
		s := labSim(t, l, Config{Scenario: c.scenario})
		s.Seek(s.Total())
		r := s.Run()
		s.Compare(byLabel(t, r, c.a), byLabel(t, r, c.b))
		s.Compare(-1, 0)
		s.Compare(0, len(r.Events))
		if l.Done() != nil {
			t.Errorf("%s %s,%s met %+v", c.scenario, c.a, c.b, l.Done())
		}
	}

	l := NewLab()
	s := labSim(t, l, Config{Scenario: "receive-before-send"})
	s.Seek(s.Total())
	r := s.Run()
	s.Compare(byLabel(t, r, "a2"), byLabel(t, r, "b1")) // the hint's pair, higher L first
	if got, want := how(t, l, ChallengeLamport, locale.English), "L(b1) = 1 < L(a2) = 2, yet b1 ∥ a2: vectors [0,1] and [2,0]."; got != want {
		t.Errorf("how:\n got %q\nwant %q", got, want)
	}
	if l.log.Met(ChallengeChain) || l.log.Met(ChallengeBackwards) {
		t.Errorf("a concurrent pair met more: %+v", l.Done())
	}
	// An event not yet made cannot be compared.
	l2 := NewLab()
	s2 := labSim(t, l2, Config{Scenario: "receive-before-send"})
	s2.Seek(2) // a1, b1
	s2.Compare(0, 4)
	if l2.Done() != nil {
		t.Errorf("compared an event not made: %+v", l2.Done())
	}
}

// x → y whose chain runs through a third process meets clocks/chain;
// causality within two processes, or no causality, does not.
func TestChallengeChain(t *testing.T) {
	near := []struct {
		scenario, a, b string
	}{
		{"receive-before-send", "a2", "b2"}, // one message
		{"receive-before-send", "a1", "a4"}, // one process, through b
		{"concurrent", "a1", "b3"},          // two processes
		{"concurrent", "a2", "c2"},          // concurrent: a2 ∥ c2 ... no chain
		{"concurrent", "c1", "c3"},          // c's own order
	}
	for _, c := range near {
		l := NewLab()
		s := labSim(t, l, Config{Scenario: c.scenario})
		s.Seek(s.Total())
		r := s.Run()
		s.Compare(byLabel(t, r, c.a), byLabel(t, r, c.b))
		if l.log.Met(ChallengeChain) {
			t.Errorf("%s %s,%s met %+v", c.scenario, c.a, c.b, how(t, l, ChallengeChain, locale.English))
		}
	}

	for _, c := range []struct {
		scenario, a, b, want string
	}{
		// The hint's pair, pinned in either order.
		{"concurrent", "c2", "a1", "a1 → c2 by way of b: a1 → b1 → b3 → c2 (messages 0, 1)."},
		// The run's own chain a1 → a3 → c3 is direct; the one through b
		// is found all the same.
		{"concurrent", "a1", "c3", "a1 → c3 by way of b: a1 → b1 → b3 → c2 → c3 (messages 0, 1)."},
		{"partition", "a1", "d2", "a1 → d2 by way of c: a1 → c1 → c3 → d2 (messages 0, 4)."},
	} {
		l := NewLab()
		s := labSim(t, l, Config{Scenario: c.scenario})
		s.Seek(s.Total())
		r := s.Run()
		s.Compare(byLabel(t, r, c.a), byLabel(t, r, c.b))
		if got := how(t, l, ChallengeChain, locale.English); got != c.want {
			t.Errorf("%s %s,%s:\n got %q\nwant %q", c.scenario, c.a, c.b, got, c.want)
		}
		if got := how(t, l, ChallengeChain, locale.Portuguese); !strings.Contains(got, " por meio de ") {
			t.Errorf("pt-BR: %q", got)
		}
	}
}

// thirdChain, on random runs, against brute-force reachability: it finds
// a chain exactly when some event of a third process lies causally between
// x and y, and what it finds is a chain — each step the same process
// forward or a message to its receive — from x to y through such an event.
func TestThirdChainProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cfg := Config{Procs: rapid.IntRange(3, 5).Draw(t, "procs"), Events: rapid.IntRange(5, 40).Draw(t, "events"),
			Seed: rapid.Uint64().Draw(t, "seed"), DelayMin: time.Millisecond, DelayMax: 30 * time.Millisecond,
			Loss: 0.1, Dup: 0.1}
		r := mustRun(t, cfg)
		hb := reachability(r.Events)
		x := rapid.IntRange(0, len(r.Events)-1).Draw(t, "x")
		y := rapid.IntRange(0, len(r.Events)-1).Draw(t, "y")
		px, py := r.Events[x].Proc, r.Events[y].Proc
		exists := false
		for e := range r.Events {
			if q := r.Events[e].Proc; q != px && q != py && hb[x][e] && hb[e][y] {
				exists = true
			}
		}
		want := exists && px != py
		chain := r.thirdChain(x, y)
		if (chain != nil) != want {
			t.Fatalf("%s,%s: chain %v, want one: %v", labelOf(r, x), labelOf(r, y), chain, want)
		}
		if chain == nil {
			return
		}
		if chain[0] != x || chain[len(chain)-1] != y {
			t.Fatalf("chain %v does not run from %d to %d", chain, x, y)
		}
		through := false
		for i, e := range chain {
			if q := r.Events[e].Proc; q != px && q != py {
				through = true
			}
			if i == 0 {
				continue
			}
			d := chain[i-1]
			sameProc := r.Events[d].Proc == r.Events[e].Proc && d < e
			if !sameProc && r.sendOf[e] != d {
				t.Fatalf("chain %v: step %s → %s is neither process order nor a message", chain, labelOf(r, d), labelOf(r, e))
			}
		}
		if !through {
			t.Fatalf("chain %v stays on %s and %s", chain, ProcName(px), ProcName(py))
		}
	})
}

// A lab outlives its runs: what a run met stays met in the next Sim, and
// is not met twice.
func TestLabOutlivesRuns(t *testing.T) {
	l := NewLab()
	s := labSim(t, l, Config{Scenario: "receive-before-send"})
	s.Seek(s.Total())
	s.Compare(byLabel(t, s.Run(), "a2"), byLabel(t, s.Run(), "b1"))
	s = labSim(t, l, paneRun(1, 80*time.Millisecond))
	s.Seek(s.Total())
	s.StepBack() // a replay makes the events again
	s.Seek(s.Total())
	done := l.Done()
	if len(done) != 2 || done[0].ID != ChallengeLamport || done[1].ID != ChallengeBackwards {
		t.Fatalf("done %+v", done)
	}
	var _ challenge.Checker = l
}

// Stepping one Sim while another goroutine compares and reads the lab is
// safe (go test -race).
func TestLabConcurrent(t *testing.T) {
	l := NewLab()
	s := labSim(t, l, paneRun(3, 80*time.Millisecond))
	var wg sync.WaitGroup
	wg.Go(func() {
		for s.Step() {
		}
	})
	wg.Go(func() {
		for range 200 {
			s.Compare(0, 1)
			_ = l.Done()
		}
	})
	wg.Wait()
	if !l.log.Met(ChallengeBackwards) {
		t.Fatal("seed 3 at 80ms skew made no receive stamped before its send")
	}
}
