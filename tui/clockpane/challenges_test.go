package clockpane

import (
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/demos/clocks"
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

// pressMet presses keys and returns the challenges reported met.
func pressMet(m *Model, keys ...string) []string {
	var out []string
	for _, k := range keys {
		out = append(out, met(m.Update(panetest.Key(k)))...)
	}
	return out
}

// playMet plays the run to its end on frames, as the app's frame clock
// does, and returns the challenges reported met by the frames.
func playMet(t *testing.T, m *Model) []string {
	t.Helper()
	var out []string
	now := time.Unix(1000, 0)
	for i := 0; !m.done(); i++ {
		if i > 10000 {
			t.Fatal("the run does not end")
		}
		now = now.Add(time.Second / 15)
		_, cmd := m.Frame(now)
		out = append(out, met(cmd)...)
	}
	return out
}

// A student meets clocks/backwards by playing a random run with skew:
// the frame that makes the receive reports it and the strip shows the ✓
// and what happened, with no key pressed; the same run without skew meets
// nothing.
func TestChallengeBackwardsInThePane(t *testing.T) {
	m := newPane(t, "en", 80, 24)
	pressMet(m, "C")
	if s := screen(m); !strings.Contains(s, "◇ 1/3 Predict: can a receive be stamped") || !strings.Contains(s, "H: hint (3 left)") {
		t.Fatalf("C does not open the first challenge:\n%s", s)
	}
	pressMet(m, "H")
	if s := screen(m); !strings.Contains(s, "hint 1: The scenarios set their clocks by hand") {
		t.Fatalf("H shows no hint:\n%s", s)
	}
	if m.cfg.Scenario != "receive-before-send" {
		t.Fatalf("C or H changed the scenario to %q", m.cfg.Scenario)
	}
	// The scenario shows a receive before its send, but by hand: no ✓.
	if got := playMet(t, m); got != nil {
		t.Fatalf("the scenario met %v", got)
	}
	for m.cfg.Scenario != "" {
		pressMet(m, "c")
	}
	if got := playMet(t, m); got != nil {
		t.Fatalf("a random run without skew met %v", got)
	}
	pressMet(m, "k") // skew ≤20ms; the run starts again, playing
	if m.cfg.Skew != 20*time.Millisecond || m.Paused() {
		t.Fatalf("skew %v, paused %v", m.cfg.Skew, m.Paused())
	}
	if got := playMet(t, m); !slices.Equal(got, []string{clocks.ChallengeBackwards}) {
		t.Fatalf("frames reported %v", got)
	}
	s := screen(m)
	if !strings.Contains(s, "✓ 1/3 Predict:") || !strings.Contains(s, "Seed 1: receive a5 was stamped ") {
		t.Fatalf("no ✓ and how in the strip:\n%s", s)
	}
	if !strings.Contains(s, "messages run backwards on this axis") {
		t.Fatalf("the diagram shows no backward message:\n%s", s)
	}
	if done, total := m.ChallengeCount(); done != 1 || total != 3 {
		t.Fatalf("count %d of %d", done, total)
	}
	// Reported once: the next run that does it again says nothing.
	pressMet(m, "k")
	if got := playMet(t, m); got != nil {
		t.Fatalf("met again: %v", got)
	}
}

// Pinning one event and selecting another hands the pair to the engine:
// a concurrent pair Lamport orders, and x → y through a third process,
// meet their challenges; the causal and two-process pairs before them do
// not.
func TestChallengePairsInThePane(t *testing.T) {
	m := newPane(t, "en", 120, 30)
	toEnd(m)
	// a2, pinned; b2, which a2's message reaches: causal, not met.
	if got := pressMet(m, "down", "down", "down", "enter", "down"); got != nil {
		t.Fatalf("a2, b2 met %v", got)
	}
	if got := pressMet(m, "up", "up"); !slices.Equal(got, []string{clocks.ChallengeLamport}) { // b1
		t.Fatalf("a2, b1 met %v", got)
	}

	choose(t, m, "concurrent")
	toEnd(m)
	// a1 pinned, then b3 (two processes) and c2 (through b).
	if got := pressMet(m, "down", "enter", "down", "down", "down", "down", "down"); got != nil {
		t.Fatalf("a1 and b-events met %v", got)
	}
	if m.selected != 5 || m.pinned != 0 {
		t.Fatalf("selected %d, pinned %d", m.selected, m.pinned)
	}
	if got := pressMet(m, "down"); !slices.Equal(got, []string{clocks.ChallengeChain}) {
		t.Fatalf("a1, c2 met %v", got)
	}
	pressMet(m, "C") // the challenge just met: the strip opens on it
	if s := screen(m); !strings.Contains(s, "✓ 3/3") || !strings.Contains(s, "a1 → c2 by way of b: a1 → b1 → b3 → c2") {
		t.Fatalf("the chain's ✓ is not shown:\n%s", s)
	}
}

// The strip at 80×24, open: a hint asked for in Portuguese, and a met
// challenge with what the student did and why.
func TestChallengeStripGolden(t *testing.T) {
	t.Run("hint_pt", func(t *testing.T) {
		m := newPane(t, "pt-BR", 80, 24)
		toEnd(m)
		pressMet(m, "C", "C", "H", "H")
		golden.RequireEqual(t, screen(m))
	})
	t.Run("met_en", func(t *testing.T) {
		m := newPane(t, "en", 80, 24)
		choose(t, m, "concurrent")
		toEnd(m)
		pressMet(m, "down", "enter", "down", "down", "down", "down", "down", "down", "C") // the strip opens on the challenge just met
		golden.RequireEqual(t, screen(m))
	})
}

// The strip's keys are in the help; a pane too short for the strip shows
// none and keeps its size; C and H are no keys of the demo's own.
func TestChallengeKeysAndSmallPane(t *testing.T) {
	m := newPane(t, "en", 80, 24)
	var keys []string
	for _, col := range m.KeyMap().FullHelp() {
		for _, b := range col {
			keys = append(keys, b.Keys()...)
		}
	}
	if !slices.Contains(keys, "C") || !slices.Contains(keys, "H") {
		t.Fatalf("no C and H in the help: %v", keys)
	}
	if n := len(slices.Compact(slices.Sorted(slices.Values(keys)))); n != len(keys) {
		t.Errorf("a key is bound twice: %v", keys)
	}
	short := m.KeyMap().ShortHelp()
	if !slices.ContainsFunc(short, func(b key.Binding) bool { return slices.Contains(b.Keys(), "C") }) {
		t.Error("no C in the short help")
	}
	pressMet(m, "C")
	m.SetSize(80, 5)
	s := screen(m)
	if strings.Contains(s, "Predict") || strings.Contains(s, "challenges") || len(strings.Split(s, "\n")) != 5 {
		t.Fatalf("a 5-line pane:\n%s", s)
	}
}
