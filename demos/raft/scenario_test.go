package raft

import (
	"fmt"
	"regexp"
	"testing"

	"distlab/demos/locale"
)

// play runs a scenario to its end and a while after, for a seed.
func play(t *testing.T, name string, seed uint64, bug Bug, events int) *Sim {
	t.Helper()
	s, err := NewSim(Config{Scenario: name, Seed: seed, Bug: bug})
	if err != nil {
		t.Fatal(err)
	}
	for range events {
		s.Step()
	}
	return s
}

// leadersOf are the terms led, from the checker's record.
func leadersOf(s *Sim) map[uint64]uint64 { return s.eng.check.leaders }

// Each scenario shows what it is built to show, whatever the seed, and
// Raft stays safe through it.
func TestScenariosShowWhatTheySay(t *testing.T) {
	for seed := uint64(1); seed <= 15; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			s := play(t, FirstElection, seed, BugNone, 150)
			snap := s.Snapshot()
			if l, ok := leaderOf(snap); !ok || l.Term != 1 || answered(snap, "put") != 1 {
				t.Errorf("first-election: leader %+v, %d writes answered", l, answered(snap, "put"))
			}

			s = play(t, LeaderCrash, seed, BugNone, 400)
			snap = s.Snapshot()
			l, ok := leaderOf(snap)
			if !ok || l.Term < 2 || answered(snap, "put") != 2 {
				t.Errorf("leader-crash: leader %+v, %d writes answered", l, answered(snap, "put"))
			}

			s = play(t, SplitVote, seed, BugNone, 300)
			if _, led := leadersOf(s)[1]; led {
				t.Errorf("split-vote: term 1 has a leader")
			}
			if l, ok := leaderOf(s.Snapshot()); !ok || l.Term < 2 {
				t.Errorf("split-vote: no leader after the split: %+v", l)
			}

			s = play(t, MinorityLeader, seed, BugNone, 400)
			snap = s.Snapshot()
			old, young := minorityLeaders(snap)
			if old == nil || young == nil || old.Commit >= uint64(len(old.Log)) || answered(snap, "put") != 1 {
				t.Errorf("minority-leader: old %+v, new %+v, %d answered", old, young, answered(snap, "put"))
			}

			s = play(t, LogRepair, seed, BugNone, 700)
			snap = s.Snapshot()
			for _, n := range snap.Nodes[1:] {
				if fmt.Sprint(n.Log) != fmt.Sprint(snap.Nodes[0].Log) {
					t.Errorf("log-repair: logs still differ after healing:\n%v\n%v", snap.Nodes[0].Log, n.Log)
					break
				}
			}

			s = play(t, Figure8, seed, BugNone, 400)
			snap = s.Snapshot()
			if e := snap.Nodes[2].Log; len(e) < 2 || e[1].Term != 2 || !e[1].Committed {
				t.Errorf("figure-8: n3's entry 2 is %+v, want 2:2 committed", e)
			}
			if !overwrote(s, 3, 2) {
				t.Errorf("figure-8: n3 never dropped its entry 2:1")
			}
			for _, sim := range []*Sim{s} {
				if v := sim.Violation(); v != nil {
					t.Errorf("a violation in Raft: %s", v.Text(en))
				}
			}
		})
	}
}

func minorityLeaders(snap Snapshot) (old, young *NodeView) {
	for i := range snap.Nodes {
		n := &snap.Nodes[i]
		if n.Role != Leader {
			continue
		}
		if old == nil || n.Term < old.Term {
			old, young = n, old
		} else {
			young = n
		}
	}
	if young != nil && young.Term <= old.Term {
		return nil, nil
	}
	return old, young
}

// overwrote reports whether node id dropped its entries from index on.
func overwrote(s *Sim, id uint64, index int) bool {
	want := en.T("%s's log matches %s's at %s: it drops its conflicting entries from %d on and appends %s.", name(id), name(5), "1:1", index, "2:2 no-op")
	for _, ev := range s.History() {
		if ev.Said(en) == want {
			return true
		}
	}
	return false
}

// What a scenario shows, told for the command line (AboutHeadless), sends
// the reader to no key: distlab raft run has none. The pane's About may.
func TestScenariosAboutHeadlessNamesNoKey(t *testing.T) {
	appKey := regexp.MustCompile(`(?i)(^|[^\pL])(press|tecle|aperte)($|[^\pL])`)
	for _, sc := range Scenarios() {
		for _, l := range locale.Langs {
			if s := sc.AboutHeadless(locale.For(l)); appKey.MatchString(s) {
				t.Errorf("%s, %s: %q", sc.Name, l, s)
			}
		}
	}
	if sc, _ := FindScenario(MinorityLeader); sc.AboutHeadless(nil) == sc.About(nil) {
		t.Error("minority-leader has no words of its own for the command line")
	}
}
