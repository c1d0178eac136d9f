package chatpane

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"go.uber.org/goleak"

	"distlab/demos/chat"
	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/panetest"
)

// strip is the pane's last lines below the demo: the challenge strip.
func strip(m *Model) string {
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	return strings.Join(lines[len(lines)-len(m.ChallengeStrip(m.Size())):], "\n")
}

// metIDs are the challenges a command reports met to the root.
func metIDs(cmd tea.Cmd) []string {
	if cmd == nil {
		return nil
	}
	var ids []string
	switch msg := cmd().(type) {
	case demo.ChallengeMetMsg:
		ids = append(ids, msg.ID)
	case tea.BatchMsg:
		for _, c := range msg {
			ids = append(ids, metIDs(c)...)
		}
	}
	return ids
}

// The strip under the demo with the real engine: C opens the first
// challenge, H gives a hint, both are letters of the line while you type;
// freezing ana's node meets "declared dead" on a frame, with no key
// pressed, once her client's timeout fires: the root hears of it once,
// and the strip shows ✓ and what happened.
func TestChallengeStrip(t *testing.T) {
	defer goleak.VerifyNone(t)
	m := start(t, locale.English)
	defer m.Close()
	if got := strip(m); !strings.Contains(got, "◇ challenges: 0 of 3 done · C: try one") {
		t.Fatalf("folded strip %q", got)
	}
	press(m, "C", "H")
	if got := strip(m); !strings.Contains(got, "◇ 1/3 Predict: if you crash the node you are on") ||
		!strings.Contains(got, "hint 1: Your column's header") || !strings.Contains(got, "H: hint (2 left)") {
		t.Fatalf("open strip:\n%s", got)
	}
	press(m, "i", "C", "H")
	if v := m.input.Value(); v != "CH" || !strings.Contains(strip(m), "hint (2 left)") {
		t.Fatalf("typing C H: line %q, strip:\n%s", v, strip(m))
	}
	press(m, "esc")
	m.input.Reset()

	press(m, "down") // n2, ana's node
	run(t, m, press(m, "f")[0])
	at := time.Unix(1000, 0)
	var met []string
	for deadline := time.Now().Add(15 * time.Second); len(met) == 0; {
		at = at.Add(100 * time.Millisecond)
		changed, cmd := m.Frame(at)
		if met = metIDs(cmd); len(met) > 0 && !changed {
			t.Fatal("a challenge met is no change to draw")
		}
		if time.Now().After(deadline) {
			t.Fatalf("never met:\n%s", ansi.Strip(m.View()))
		}
		time.Sleep(10 * time.Millisecond) // the cluster's pace, not the frames'
	}
	if len(met) != 1 || met[0] != chat.DeclaredDead {
		t.Fatalf("met %v", met)
	}
	if _, cmd := m.Frame(at.Add(100 * time.Millisecond)); metIDs(cmd) != nil {
		t.Fatal("reported to the root twice")
	}
	press(m, "C", "C") // to the third
	got := strings.Join(strings.Fields(strip(m)), " ")
	for _, want := range []string{"✓ 3/3 Predict: if a node freezes", "ana heard nothing from n2 for 3s and took it for dead", "C: next challenge"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in the strip: %s", want, got)
		}
	}
	if got := strip(m); strings.Contains(got, "H: hint") {
		t.Errorf("hints offered for a challenge met:\n%s", got)
	}
	press(m, "C") // past the last: folded, counting
	if got := strip(m); !strings.Contains(got, "◇ challenges: 1 of 3 done") {
		t.Errorf("folded again: %q", got)
	}
}

// The pane's help lists C and H, except while typing; a pane too short
// for the strip draws the demo alone, its size whole.
func TestChallengeKeysAndShortPane(t *testing.T) {
	m := failoverPane(locale.English, 80, 24)
	has := func(keys []key.Binding, k string) bool {
		for _, b := range keys {
			if b.Help().Key == k {
				return true
			}
		}
		return false
	}
	if short := m.KeyMap().ShortHelp(); !has(short, "C") || !has(short, "H") {
		t.Errorf("short help without C and H: %v", short)
	}
	full := m.KeyMap().FullHelp()
	if !has(full[len(full)-1], "C") {
		t.Errorf("full help without C: %v", full)
	}
	m.input.Focus()
	if has(m.KeyMap().ShortHelp(), "C") {
		t.Error("C offered while typing")
	}
	m.input.Blur()
	for h := 1; h < 6; h++ {
		m.SetSize(80, h)
		lines := strings.Split(ansi.Strip(m.View()), "\n")
		if len(lines) != h || strings.Contains(strings.Join(lines, "\n"), "challenges") {
			t.Errorf("h=%d: %d lines:\n%s", h, len(lines), strings.Join(lines, "\n"))
		}
	}
	m.SetSize(80, 6)
	if lines := strings.Split(ansi.Strip(m.View()), "\n"); len(lines) != 6 || !strings.Contains(lines[5], "challenges") {
		t.Errorf("h=6: %q", lines)
	}
}

// The strip open on the first challenge with two hints, at 80×24, in
// both languages: the demo above it keeps its node rows and its input
// line.
func TestChallengeStripGolden(t *testing.T) {
	for _, l := range locale.Langs {
		t.Run(string(l), func(t *testing.T) {
			m := failoverPane(l, 80, 24)
			for _, k := range []string{"C", "H", "H"} {
				m.ChallengeKey(panetest.Key(k))
			}
			golden.RequireEqual(t, ansi.Strip(m.View()))
		})
	}
}

// Every challenge's texts fit the strip of a pane 80 columns wide, in
// both languages: the goal in three lines, each hint in two, and what the
// student did with why it happened in three, however the engine words
// what was done (its longest sentences, with the names and counts it
// puts in).
func TestChallengeTextsFit(t *testing.T) {
	const w = 78 // inside the pane's frame
	lines := func(text string) int { return len(common.WrapLines(text, w, 99)) }
	for _, l := range locale.Langs {
		p := locale.For(l)
		both := p.T("%s and %s", "ana", "bruno")
		how := map[string]string{
			chat.LoseNothing:  p.T("%s crashed with %d of your %d recent lines unacked; each reached %s exactly once.", "n1", 3, 3, both),
			chat.TwoOrders:    p.T("%s saw “%s” before “%s”; %s saw them the other way round.", "bruno", p.T("message %d from bot%s", 12, "2"), "line 7", "ana"),
			chat.DeclaredDead: p.T("%s heard nothing from %s for %s and took it for dead, yet it was only frozen.", "bruno", "n2", "3s"),
		}
		for _, c := range chat.Challenges() {
			if n := lines(p.T("◇ %d/%d %s", 1, 3, c.Goal(p))); n > 3 {
				t.Errorf("%s %s: the goal takes %d lines", l, c.ID, n)
			}
			for i, hint := range c.Hints(p) {
				if n := lines(p.T("hint %d: %s", i+1, hint)); n > 2 {
					t.Errorf("%s %s: hint %d takes %d lines: %q", l, c.ID, i+1, n, hint)
				}
			}
			if n := lines(how[c.ID] + " " + c.Explain(p)); n > 3 {
				t.Errorf("%s %s: what was done and why take %d lines: %q", l, c.ID, n, how[c.ID]+" "+c.Explain(p))
			}
		}
	}
}
