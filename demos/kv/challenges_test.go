package kv

import (
	"strings"
	"testing"

	"distlab/demos/locale"
)

// Each challenge is met by doing what its hints say, and only then: a
// scenario's script producing the same effect does not count.
func TestChallengesAreMetByTheirHints(t *testing.T) {
	t.Run("stale-quorum", func(t *testing.T) {
		lab := NewLab()
		s, _ := lab.NewSim(Config{Scenario: "quorum", Seed: 1})
		s.Run(0)
		if lab.Met(ChallengeStaleQuorum) {
			t.Fatal("met by the scenario alone")
		}
		met := false
		for seed := uint64(1); seed <= 5 && !met; seed++ {
			s, _ := lab.NewSim(Config{Scenario: "quorum", Seed: seed})
			s.Do(Action{Op: OpSetReadRepair, Value: 0})
			s.Do(Action{Op: OpSetLoss, Value: 30})
			s.Run(5000)
			met = lab.Met(ChallengeStaleQuorum)
		}
		if !met {
			t.Fatal("read repair off and 30% loss: no stale read with R + W > N in 5 seeds")
		}
		if got := lab.Done()[0].How(nil); !strings.Contains(got, "stale with R = 2, W = 2, N = 3") {
			t.Errorf("result: %q", got)
		}
		// "c2 leu x desatualizado" read as if x were out of date: it is the
		// value read that is.
		if got := lab.Done()[0].How(locale.For(locale.Portuguese)); !strings.Contains(got, " leu um valor desatualizado de x com R = 2, W = 2, N = 3.") {
			t.Errorf("result (pt-BR): %q", got)
		}
	})
	t.Run("unavailable", func(t *testing.T) {
		lab := NewLab()
		s, _ := lab.NewSim(Config{Scenario: "cp-partition", Seed: 1})
		s.Run(0)
		if lab.Met(ChallengeUnavailable) {
			t.Fatal("met by the scenario's own partition")
		}
		// A crashed coordinator refuses in either mode: that is no
		// answer to what CP does without a quorum.
		for _, mode := range []Mode{CP, AP} {
			s, _ = lab.NewSim(Config{Seed: 1, Mode: mode})
			s.Do(Action{Op: OpCrash, Server: 1})
			s.Do(Action{Op: OpGet, Server: 1})
			s.Do(Action{Op: OpPut, Server: 1})
			s.Run(0)
			if c := s.Counters(); c.Refused != 2 {
				t.Fatalf("%v: reads and writes through a crashed n1: %+v", mode, c)
			}
			if lab.Met(ChallengeUnavailable) {
				t.Fatalf("%v: met by a crashed coordinator's refusal (%s)", mode, lab.Done()[0].How(nil))
			}
		}
		s, _ = lab.NewSim(Config{Seed: 1})
		s.Do(Action{Op: OpPartition, Side: []int{3}})
		s.Do(Action{Op: OpGet, Server: 3})
		if !lab.Met(ChallengeUnavailable) {
			t.Fatalf("a read through n3 cut off under CP: %+v", s.Counters())
		}
		if got := lab.Done()[0].How(nil); !strings.Contains(got, "n3 reaches 1 of 3 replicas, R = 2") {
			t.Errorf("result: %q", got)
		}
		// A read under way when the student's partition cuts its
		// quorum off times out for want of it, and counts too.
		lab = NewLab()
		s, _ = lab.NewSim(Config{Seed: 1})
		s.Do(Action{Op: OpGet, Server: 3})
		s.Do(Action{Op: OpPartition, Side: []int{3}})
		s.Run(0)
		if !lab.Met(ChallengeUnavailable) {
			t.Fatalf("a read through n3 cut off while under way: %+v", s.Counters())
		}
	})
	t.Run("lost-update", func(t *testing.T) {
		lab := NewLab()
		s, _ := lab.NewSim(Config{Seed: 1})
		s.Do(Action{Op: OpSetSkew, Server: 1, Value: 500})
		s.Do(Action{Op: OpPut, Server: 1})
		s.Run(0)
		s.Do(Action{Op: OpPut, Server: 2})
		s.Run(0)
		if !lab.Met(ChallengeLostUpdate) {
			t.Fatalf("n1 500 ms fast, writes through n1 then n2: %+v", s.Counters())
		}
		if got := lab.Done()[0].How(locale.For(locale.Portuguese)); !strings.HasSuffix(got, ", recebeu a confirmação e mesmo assim a escrita se perdeu.") {
			t.Errorf("result (pt-BR): %q", got)
		}
	})
}

// Bad configurations are refused with the reason, before any run starts.
func TestValidateRefusesBadConfigs(t *testing.T) {
	bad := map[string]Config{
		"a key has 3 to 5 replicas, not 7":        {N: 7},
		"R is between 1 and N (3), not 4":         {R: 4},
		"W is between 1 and N (3), not -1":        {W: -1},
		"there are 1 to 6 clients, not 9":         {Clients: 9},
		"the loss is a probability":               {Loss: 1.5},
		"a partition's side names servers 1 to 3": {Partitions: []Cut{{Side: []int{4}, FromOp: 1, ToOp: 2}}},
		"no scenario \"nope\"":                    {Scenario: "nope"},
		"key \"x\" given twice":                   {Keys: []string{"x", "x"}},
	}
	for want, cfg := range bad {
		_, err := NewSim(cfg)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%+v: error %v, want %q", cfg, err, want)
		}
	}
}

// A met challenge's card reads what the student did, then the
// explanation: the first is a sentence of its own, ended by a full stop,
// in both languages.
func TestChallengeResultsEndTheirSentence(t *testing.T) {
	lab := NewLab()
	for seed := uint64(1); seed <= 5 && !lab.Met(ChallengeStaleQuorum); seed++ {
		s, _ := lab.NewSim(Config{Scenario: "quorum", Seed: seed})
		s.Do(Action{Op: OpSetReadRepair, Value: 0})
		s.Do(Action{Op: OpSetLoss, Value: 30})
		s.Run(5000)
	}
	s, _ := lab.NewSim(Config{Seed: 1})
	s.Do(Action{Op: OpPartition, Side: []int{3}})
	s.Do(Action{Op: OpGet, Server: 3})
	s, _ = lab.NewSim(Config{Seed: 1})
	s.Do(Action{Op: OpSetSkew, Server: 1, Value: 500})
	s.Do(Action{Op: OpPut, Server: 1})
	s.Run(0)
	s.Do(Action{Op: OpPut, Server: 2})
	s.Run(0)
	done := lab.Done()
	if len(done) != len(Challenges()) {
		t.Fatalf("%d of %d challenges met", len(done), len(Challenges()))
	}
	for _, p := range []*locale.Printer{locale.For(locale.English), locale.For(locale.Portuguese)} {
		for _, r := range done {
			how := r.How(p)
			if !strings.HasSuffix(how, ".") {
				t.Errorf("%s (%s): %q does not end its sentence", r.ID, p.Lang(), how)
			}
			if strings.HasSuffix(how, "..") {
				t.Errorf("%s (%s): %q", r.ID, p.Lang(), how)
			}
		}
		for _, c := range Challenges() {
			if e := c.Explain(p); !strings.HasSuffix(e, ".") {
				t.Errorf("%s (%s): explanation %q", c.ID, p.Lang(), e)
			}
		}
	}
}
