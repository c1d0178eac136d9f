package clocks

import (
	"time"

	"pgregory.net/rapid"
)

// genConfig draws a random valid config: any size, clocks, delays (instant
// ones included), loss, duplication and partition; now and then a scenario.
func genConfig(t *rapid.T) Config {
	if rapid.IntRange(0, 9).Draw(t, "scenario?") == 0 {
		return Config{Scenario: rapid.SampledFrom(ScenarioNames()).Draw(t, "scenario")}
	}
	us := func(lo, hi int64, label string) time.Duration {
		return time.Duration(rapid.Int64Range(lo, hi).Draw(t, label)) * time.Microsecond
	}
	prob := func(label string) float64 {
		return rapid.OneOf(rapid.Just(0.0), rapid.Just(0.0), rapid.Float64Range(0, 0.3), rapid.Float64Range(0, 1)).Draw(t, label)
	}
	cfg := Config{
		Procs:    rapid.IntRange(2, MaxProcs).Draw(t, "procs"),
		Events:   rapid.IntRange(1, 120).Draw(t, "events"),
		Seed:     rapid.Uint64().Draw(t, "seed"),
		Skew:     us(0, 50_000, "skew"),
		DriftPPM: rapid.Float64Range(0, MaxDriftPPM).Draw(t, "drift"),
		DelayMin: us(0, 20_000, "delayMin"),
		Loss:     prob("loss"),
		Dup:      prob("dup"),
		Interval: us(1, 20_000, "interval"),
	}
	cfg.DelayMax = cfg.DelayMin + us(0, 40_000, "delaySpan")
	if rapid.Bool().Draw(t, "partition?") {
		perm := rapid.Permutation(seq(cfg.Procs)).Draw(t, "perm")
		cut := rapid.IntRange(1, cfg.Procs-1).Draw(t, "cut")
		nb := rapid.IntRange(1, cfg.Procs-cut).Draw(t, "nb")
		from := us(0, 100_000, "from")
		cfg.Partition = &Partition{A: perm[:cut], B: perm[cut : cut+nb], From: from, To: from + us(1, 100_000, "window")}
	}
	return cfg
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// tb is what testing.T and rapid.T have in common.
type tb interface {
	Helper()
	Fatalf(format string, args ...any)
}

func mustRun(t tb, cfg Config) *Run {
	t.Helper()
	r, err := Simulate(cfg)
	if err != nil {
		t.Fatalf("Simulate(%+v): %v", cfg, err)
	}
	return r
}

// reachability is happened-before by brute force: a depth-first search
// from every event over the graph's edges (next event on the process; send
// to each receive of its message). It shares no code with Run.
func reachability(events []Event) [][]bool {
	n := len(events)
	next := make([][]int, n)
	lastOf := map[int]int{}
	sendOf := map[int]int{}
	for i, e := range events {
		if j, ok := lastOf[e.Proc]; ok {
			next[j] = append(next[j], i)
		}
		lastOf[e.Proc] = i
		switch e.Kind {
		case Send:
			sendOf[e.Msg] = i
		case Receive:
			s := sendOf[e.Msg]
			next[s] = append(next[s], i)
		}
	}
	hb := make([][]bool, n)
	for a := range events {
		seen := make([]bool, n)
		stack := append([]int(nil), next[a]...)
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[x] {
				continue
			}
			seen[x] = true
			stack = append(stack, next[x]...)
		}
		hb[a] = seen
	}
	return hb
}

func labelOf(r *Run, e int) string { return r.Events[e].Label }

// byLabel finds an event by label.
func byLabel(t tb, r *Run, label string) int {
	t.Helper()
	for _, e := range r.Events {
		if e.Label == label {
			return e.ID
		}
	}
	t.Fatalf("no event %s", label)
	return -1
}
