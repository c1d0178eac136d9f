package scalepane

import (
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/scale"
	"distlab/tui/demo"
	"distlab/tui/panetest"
)

// met runs cmd, as the root would, and returns the ids of the challenges
// it reports met.
func met(cmd tea.Cmd) []string {
	if cmd == nil {
		return nil
	}
	var ids []string
	switch msg := cmd().(type) {
	case demo.ChallengeMetMsg:
		ids = append(ids, msg.ID)
	case tea.BatchMsg:
		for _, c := range msg {
			ids = append(ids, met(c)...)
		}
	}
	return ids
}

// frames runs n frames as the app's frame clock would and returns the
// challenges they reported met.
func frames(m *Model, n int) []string {
	t0 := time.Unix(0, 0)
	if !m.last.IsZero() {
		t0 = m.last
	}
	var ids []string
	for i := 1; i <= n; i++ {
		_, cmd := m.Frame(t0.Add(time.Duration(i) * frame))
		ids = append(ids, met(cmd)...)
	}
	return ids
}

// bottom is the pane's last n lines, without styles.
func bottom(m *Model, n int) string {
	lines := screen(m)
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

// The strip at the bottom of the pane: folded, one line counting; C opens
// it on the first challenge, H gives a hint, and the demo keeps the rest
// of the height. Lower-case c still crashes, and C does not.
func TestChallengeStrip(t *testing.T) {
	m := newPane(t, 80, 24)
	run(m, 10)
	if got := bottom(m, 1); !strings.Contains(got, "◇ challenges: 0 of 3 done · C: try one") {
		t.Fatalf("folded strip: %q", got)
	}
	press(m, "C")
	if m.snap.Up.State != scale.Running {
		t.Fatal("C crashed the machine")
	}
	s := ansi.Strip(m.View())
	if !strings.Contains(s, "◇ 1/3 Predict: above what load does scale up stop keeping up?") ||
		!strings.Contains(s, "H: hint (3 left) · C: next challenge") {
		t.Fatalf("open strip:\n%s", s)
	}
	press(m, "H")
	if s := ansi.Strip(m.View()); !strings.Contains(s, "hint 1: Saturated: every core's bar full") || !strings.Contains(s, "(2 left)") {
		t.Fatalf("after H:\n%s", s)
	}
	if s := ansi.Strip(m.View()); !strings.Contains(s, "scale up · 8 cores") || !strings.Contains(s, "offered load 4,000 req/s") {
		t.Fatalf("the demo is not above the strip:\n%s", s)
	}
	panetest.CheckSizes(t, panetest.Sizer[tea.Cmd]{V: m}) // open, at every size
	m.SetSize(80, 24)
	press(m, "C", "C")
	if got := bottom(m, 4); !strings.Contains(got, "◇ 3/3 Predict: can scale out lose a node and turn no one away") {
		t.Fatalf("third challenge:\n%s", got)
	}
	press(m, "C")
	if got := bottom(m, 1); !strings.Contains(got, "0 of 3 done") {
		t.Fatalf("C after the last does not fold the strip: %q", got)
	}
	press(m, "c")
	if m.snap.Up.State != scale.Down {
		t.Fatal("c no longer crashes the machine")
	}
	full := m.KeyMap().FullHelp()
	for _, keys := range [][]key.Binding{m.KeyMap().ShortHelp(), full[len(full)-1]} {
		if !hasKey(keys, "C") || !hasKey(keys, "H") {
			t.Errorf("C and H are not in the help: %v", keys)
		}
	}
}

// hasKey reports whether keys has a binding shown as k.
func hasKey(keys []key.Binding, k string) bool {
	return slices.ContainsFunc(keys, func(b key.Binding) bool { return b.Help().Key == k })
}

// A pane too short for the strip shows the demo only, in every line.
func TestNoStripWhenShort(t *testing.T) {
	m := newPane(t, 80, 5)
	run(m, 10)
	press(m, "C")
	s := ansi.Strip(m.View())
	if strings.Contains(s, "challenge") || strings.Contains(s, "Predict") || len(strings.Split(s, "\n")) != 5 {
		t.Fatalf("5 lines high:\n%s", s)
	}
}

// The ✓ comes from the engine's measurements, on a frame, with no key
// pressed after the last change: each challenge met the way its hints
// say, reported to the root once, and explained in the strip in full in
// a pane zoomed on an 80×24 screen.
func TestChallengesMetOnFrames(t *testing.T) {
	for _, lang := range []locale.Lang{locale.English, locale.Portuguese} {
		m := newPaneIn(t, lang, 78, 22) // zoomed on an 80×24 screen
		var ids []string
		// scale/saturate: 5,000, 6,000, then 7,000 req/s on 8 cores.
		for range 3 {
			press(m, "up")
			ids = append(ids, frames(m, 30)...)
		}
		// scale/survive-crash: down to 5,000, scale out, crash a node.
		press(m, "down", "down", "right")
		frames(m, 20)
		press(m, "c")
		ids = append(ids, frames(m, 60)...)
		press(m, "r")
		// scale/past-peak: β = 0.01 (N* = 10), 6,000 req/s, 8 then 20 nodes.
		press(m, "}", "}", "}", "}", "up")
		ids = append(ids, frames(m, 20)...)
		for range 12 {
			press(m, "+")
		}
		ids = append(ids, frames(m, 20)...)
		want := []string{scale.ChallengeSaturate, scale.ChallengeSurvive, scale.ChallengePastPeak}
		if !slices.Equal(ids, want) {
			t.Fatalf("%s: reported %v, want %v once each", lang, ids, want)
		}
		if got := frames(m, 10); len(got) != 0 {
			t.Errorf("%s: reported again: %v", lang, got)
		}
		// Each met challenge's strip: the ✓, the goal, what was measured
		// and why, none of it cut, zoomed or beside the lesson on a
		// 120×40 screen.
		for _, size := range [][2]int{{78, 22}, {58, 38}} {
			m.SetSize(size[0], size[1])
			for i := range 3 {
				press(m, "C")
				strip := bottom(m, len(m.ChallengeStrip(m.Size())))
				if !strings.Contains(strip, "✓") || strings.Contains(strip, "…") {
					t.Errorf("%s, %dx%d: challenge %d met:\n%s", lang, size[0], size[1], i+1, strip)
				}
			}
			press(m, "C")
		}
		if got := bottom(m, 1); lang == locale.English && !strings.Contains(got, "✓ challenges: all 3 done") {
			t.Errorf("folded after all met: %q", got)
		}
	}
}

// Beside a lesson on a 120×40 screen, 58 cells wide, the strip shows each
// goal and all its hints whole, in both languages.
func TestNarrowStripCutsNothing(t *testing.T) {
	for _, lang := range []locale.Lang{locale.English, locale.Portuguese} {
		m := newPaneIn(t, lang, 58, 38)
		run(m, 10)
		for i := range 3 {
			press(m, "C", "H", "H", "H")
			strip := bottom(m, len(m.ChallengeStrip(m.Size())))
			if strings.Contains(strip, "…") || strings.Count(strip, ": ") < 4 {
				t.Errorf("%s: challenge %d with its hints:\n%s", lang, i+1, strip)
			}
		}
	}
}
