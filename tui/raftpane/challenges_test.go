package raftpane

import (
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/raft"
	"distlab/tui/demo"
	"distlab/tui/panetest"
)

// met runs cmd and what it batches, and returns the ids of the challenges
// it reports met.
func met(cmd tea.Cmd) []string {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []string
		for _, c := range msg {
			out = append(out, met(c)...)
		}
		return out
	case demo.ChallengeMetMsg:
		return []string{msg.ID}
	}
	return nil
}

// C opens the strip on the first challenge, H shows its hints; a student
// who crashes the leader and plays on until another wins meets
// raft/reelect, reported by the frame that sees it, and the strip opens on
// it with its ✓.
func TestChallengeReelect(t *testing.T) {
	m := newPane(t, "en", 100, 30)
	press(m, "C")
	if s := screen(m); !strings.Contains(s, "◇ 1/4 Predict: crash the leader") || !strings.Contains(s, "H: hint (3 left)") {
		t.Fatalf("C does not open the first challenge:\n%s", s)
	}
	press(m, "H")
	if s := screen(m); !strings.Contains(s, "hint 1: The leader is the node marked ★") {
		t.Fatalf("H shows no hint:\n%s", s)
	}
	press(m, "C", "C", "C", "C") // round the list: closed again
	if s := screen(m); !strings.Contains(s, "◇ challenges: 0 of 4 done") {
		t.Fatalf("C round the list does not close the strip:\n%s", s)
	}
	stepUntil(t, m, 300, func(s raft.Snapshot) bool { return leader(s) != 0 && !s.Scripted })
	old := leader(m.snap)
	press(m, strconv.FormatUint(old, 10))
	var got []string
	got = append(got, met(m.Update(panetest.Key("k")))...)
	m.pause(false)
	now := time.Unix(1000, 0)
	for i := 0; len(got) == 0 && i < 2000; i++ {
		now = now.Add(100 * time.Millisecond)
		_, cmd := m.Frame(now)
		got = append(got, met(cmd)...)
	}
	if len(got) != 1 || got[0] != raft.ChallengeReelect {
		t.Fatalf("met %v, want [%s]", got, raft.ChallengeReelect)
	}
	if l := leader(m.snap); l == 0 || l == old {
		t.Fatalf("met with leader n%d (crashed n%d)", l, old)
	}
	press(m, "C")
	if s := screen(m); !strings.Contains(s, "✓ 1/4") || !strings.Contains(s, "You crashed "+raft.Name(old)) {
		t.Fatalf("the strip does not show the ✓ and what happened:\n%s", s)
	}
}

// raft/commit-moment is met by stepping by hand (→) onto the event where
// the leader commits the student's write, not by playing past it.
func TestChallengeCommitMoment(t *testing.T) {
	m := newPane(t, "en", 100, 30)
	choose(t, m, "")
	stepUntil(t, m, 400, func(s raft.Snapshot) bool { return leader(s) != 0 })
	press(m, strconv.FormatUint(leader(m.snap), 10))
	var got []string
	got = append(got, met(m.Update(panetest.Key("w")))...)
	for i := 0; len(got) == 0 && i < 50; i++ {
		got = append(got, met(m.Update(panetest.Key("right")))...)
	}
	if len(got) != 1 || got[0] != raft.ChallengeCommitMoment {
		t.Fatalf("met %v, want [%s]", got, raft.ChallengeCommitMoment)
	}
	if s := screen(m); !strings.Contains(s, "committed.") || !strings.Contains(s, "✓ committed") {
		t.Fatalf("the commit does not show:\n%s", s)
	}
}
