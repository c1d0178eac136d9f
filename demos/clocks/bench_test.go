package clocks

import "testing"

func config10k() Config {
	cfg := DefaultConfig()
	cfg.Events, cfg.Loss, cfg.Dup = 10_000, 0.05, 0.05
	return cfg
}

// BenchmarkSimulate10k simulates a run of 10,000 events.
func BenchmarkSimulate10k(b *testing.B) {
	cfg := config10k()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Simulate(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyse10k is what a 10,000-event run costs to query once
// simulated: happened-before for every event, the anomaly counts and list.
func BenchmarkAnalyse10k(b *testing.B) {
	cfg := config10k()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		r, _ := Simulate(cfg)
		b.StartTimer()
		r.CountAnomalies()
		r.Anomalies()
		r.Past(len(r.Events) - 1)
	}
}

// BenchmarkStepBack10k steps back once at the end of a 10,000-event run,
// which replays 9,999 events.
func BenchmarkStepBack10k(b *testing.B) {
	s, _ := NewSim(config10k())
	s.Seek(10_000)
	b.ReportAllocs()
	for b.Loop() {
		s.StepBack()
		b.StopTimer()
		s.Step()
		b.StartTimer()
	}
}

// BenchmarkSnapshot10k is Sim.Run after a step at 10,000 events: what the
// pane pays per frame while playing.
func BenchmarkSnapshot10k(b *testing.B) {
	s, _ := NewSim(config10k())
	s.Seek(9_000)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		if !s.Step() {
			s.Seek(9_000)
		}
		b.StartTimer()
		s.Run()
	}
}
