package clocks

import (
	"errors"
	"reflect"
	"sync"
	"testing"

	"pgregory.net/rapid"
)

// TestStepBack: stepping back by replay gives exactly the run's prefix,
// whatever the path taken to get there.
func TestStepBack(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cfg := genConfig(t)
		full := mustRun(t, cfg)
		s, err := NewSim(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if s.Total() != len(full.Events) {
			t.Fatalf("Total %d, run has %d", s.Total(), len(full.Events))
		}
		for _, k := range rapid.SliceOfN(rapid.IntRange(-2, len(full.Events)+2), 1, 6).Draw(t, "seeks") {
			s.Seek(k)
			want := max(0, min(k, len(full.Events)))
			if s.Len() != want {
				t.Fatalf("Seek(%d): %d events", k, s.Len())
			}
			if back := rapid.Bool().Draw(t, "back"); back && want > 0 {
				if !s.StepBack() {
					t.Fatal("StepBack failed")
				}
				want--
			} else if !back && want < len(full.Events) {
				if !s.Step() {
					t.Fatal("Step failed")
				}
				want++
			}
			got := s.Run()
			if len(got.Events) != want || !reflect.DeepEqual(got.Events, full.Events[:want]) || !reflect.DeepEqual(s.Events(), got.Events) {
				t.Fatalf("at %d events the run is not the full run's prefix", want)
			}
			for _, m := range got.Messages {
				for _, rc := range m.Receives {
					if rc >= want {
						t.Fatalf("message %d received in the future", m.ID)
					}
				}
			}
			for _, f := range got.Focus {
				if f >= want {
					t.Fatalf("focus %d not done yet", f)
				}
			}
		}
	})
}

func TestSimEnds(t *testing.T) {
	s, err := NewSim(Config{Scenario: "lost-message"})
	if err != nil {
		t.Fatal(err)
	}
	if s.StepBack() || s.Len() != 0 || s.Done() {
		t.Fatal("a new Sim")
	}
	n := 0
	for s.Step() {
		n++
	}
	if n != s.Total() || !s.Done() || s.Step() {
		t.Fatalf("%d steps of %d", n, s.Total())
	}
	if r1, r2 := s.Run(), s.Run(); r1 != r2 {
		t.Fatal("Run is not cached while nothing changes")
	}
	s.Reset()
	if s.Len() != 0 || len(s.Run().Events) != 0 {
		t.Fatal("Reset")
	}
	if _, err := NewSim(Config{Procs: 1}); !errors.Is(err, ErrConfig) {
		t.Fatalf("NewSim with 1 process: %v", err)
	}
}

// A pane samples the Sim from its frame tick while keys step it.
func TestSimConcurrentUse(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Events = 300
	s, err := NewSim(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 100 {
				switch (i + j) % 4 {
				case 0:
					s.Step()
				case 1:
					r := s.Run()
					if n := len(r.Events); n > 0 {
						r.Past(n - 1)
						r.Anomalies()
					}
				case 2:
					s.Events()
				case 3:
					if j%20 == 3 {
						s.StepBack()
					}
				}
			}
		}()
	}
	wg.Wait()
	full := mustRun(t, cfg)
	n := s.Len()
	if !reflect.DeepEqual(s.Events(), full.Events[:n]) {
		t.Fatal("concurrent use changed the run")
	}
}
