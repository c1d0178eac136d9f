package raft

import "testing"

// Every scenario settles once its script has ended, for any seed: a
// leader whose side all holds and applies its whole log; with the bug,
// figure-8 stops at the violation instead; a free run plays the events
// asked for.
func TestPlaySettles(t *testing.T) {
	for seed := uint64(1); seed <= 8; seed++ {
		for _, sc := range Scenarios() {
			s, err := NewSim(Config{Scenario: sc.Name, Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			if stop := s.Play(1000, true); stop != StopSettled || s.Violation() != nil {
				t.Errorf("%s seed %d: stopped %d after %d events", sc.Name, seed, stop, s.Events())
			}
			snap := s.Snapshot()
			if snap.Scripted {
				t.Errorf("%s seed %d: settled with the script running", sc.Name, seed)
			}
			if l, ok := leaderOf(snap); !ok || l.Commit != uint64(len(l.Log)) || l.Commit == 0 {
				t.Errorf("%s seed %d: settled without a leader that committed its log: %+v", sc.Name, seed, l)
			}
		}
		s, _ := NewSim(Config{Scenario: Figure8, Seed: seed, Bug: BugCountOldTerm})
		if stop := s.Play(1000, true); stop != StopViolation || s.Violation().Event != s.Events() {
			t.Errorf("figure-8 with the bug, seed %d: stopped %d after %d events, %v", seed, stop, s.Events(), s.Violation())
		}
	}
	s, _ := NewSim(Config{Nodes: 3, Seed: 1, Faults: RandomFaults})
	if stop := s.Play(250, false); stop != StopSteps || s.Events() != 250 {
		t.Errorf("free run: stopped %d after %d events", stop, s.Events())
	}
	if s.Play(250, false) != StopSteps || s.Events() != 250 {
		t.Error("a second Play to the same count made more events")
	}
}

// A run with every node crashed and nothing in flight stops: nothing is
// left to happen.
func TestPlayIdle(t *testing.T) {
	s, _ := NewSim(Config{Nodes: 3, Seed: 1})
	for id := uint64(1); id <= 3; id++ {
		s.Do(Action{Op: OpCrash, Node: id})
	}
	if stop := s.Play(100, false); stop != StopIdle {
		t.Errorf("stopped %d after %d events", stop, s.Events())
	}
}
