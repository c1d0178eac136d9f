package raft

import (
	"testing"

	"distlab/demos/locale"
)

var en = locale.For(locale.English)

// scripted is a Sim playing a test's own script, with timers held.
func scripted(t *testing.T, cfg Config, stages ...stage) *Sim {
	t.Helper()
	s, err := NewSim(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sc := &Scenario{Name: "test", Nodes: cfg.Nodes, manual: true, stages: stages}
	s.eng.script = sc.start(s.eng)
	s.eng.script.poll(s.eng)
	return s
}

// stepUntil steps until cond holds, failing after limit events.
func stepUntil(t *testing.T, s *Sim, limit int, what string, cond func(Snapshot) bool) Snapshot {
	t.Helper()
	for range limit {
		if snap := s.Snapshot(); cond(snap) {
			return snap
		}
		if !s.Step() {
			break
		}
	}
	snap := s.Snapshot()
	if !cond(snap) {
		t.Fatalf("%s: not after %d events (seed %d)\n%s", what, snap.Events, s.cfg.Seed, tail(s, 12))
	}
	return snap
}

// tail is the run's last events, for a failure's message.
func tail(s *Sim, n int) string {
	h := s.History()
	out := ""
	for _, ev := range h[max(0, len(h)-n):] {
		out += ev.Said(en) + "\n"
	}
	return out
}

func leaderOf(snap Snapshot) (NodeView, bool) {
	var best NodeView
	found := false
	for _, n := range snap.Nodes {
		if n.Role == Leader && (!found || n.Term > best.Term) {
			best, found = n, true
		}
	}
	return best, found
}

func answered(snap Snapshot, op string) int {
	k := 0
	for _, r := range snap.Requests {
		if r.Done && r.Cmd.Op == op {
			k++
		}
	}
	return k
}
