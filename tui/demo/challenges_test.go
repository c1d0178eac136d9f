package demo

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/challenge"
	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

type fakeChecker struct{ log challenge.Log }

func (f *fakeChecker) Challenges() []challenge.Challenge {
	mk := func(id, goal string) challenge.Challenge {
		return challenge.Challenge{ID: id,
			Goal:    func(*locale.Printer) string { return goal },
			Hints:   func(*locale.Printer) []string { return []string{goal + " hint one", goal + " hint two"} },
			Explain: func(*locale.Printer) string { return goal + " explained" }}
	}
	return []challenge.Challenge{mk("t/a", "Goal A"), mk("t/b", "Goal B"), mk("t/c", "Goal C")}
}

func (f *fakeChecker) Done() []challenge.Result { return f.log.Done() }

func strip(b *Base, w, h int) string {
	lines := b.ChallengeStrip(w, h)
	for _, l := range lines {
		if ansi.StringWidth(l) != w {
			panic("a strip line is not the pane's width: " + l)
		}
	}
	return ansi.Strip(strings.Join(lines, "\n"))
}

// The strip counts, opens on the first challenge not met, gives hints one
// at a time up to the last, shows a met one with its ✓, what was done and
// why, goes round every challenge with C, met or not, and closes where it
// opened; the root hears of each challenge met once.
func TestChallengeStrip(t *testing.T) {
	f := &fakeChecker{}
	b := NewBase(Env{Com: common.New(theme.New(theme.Dark), locale.English)}, true)
	b.UseChallenges(f)
	if s := strip(&b, 60, 20); strings.TrimRight(s, " ") != " ◇ challenges: 0 of 3 done · C: try one" {
		t.Fatalf("folded: %q", s)
	}
	if s := strip(&b, 30, 20); strings.TrimRight(s, " ") != " ◇ challenges 0/3 · C" {
		t.Fatalf("folded in a narrow pane: %q", s)
	}
	f.log.Mark("t/a", func(*locale.Printer) string { return "You did A." })
	// The engine goes on between frames: the strip shows what the last
	// sync saw, so a screen kept is the screen a redraw would give.
	if s := strip(&b, 60, 20); !strings.Contains(s, "0 of 3 done") {
		t.Fatalf("met before the pane synced, drawn already: %q", s)
	}
	cmd := b.SyncChallenges()
	if cmd == nil {
		t.Fatal("a challenge met, nothing sent")
	}
	if msg, ok := cmd().(ChallengeMetMsg); !ok || msg.ID != "t/a" || msg.Goal != "Goal A" {
		t.Fatalf("sent %#v", msg)
	}
	if b.SyncChallenges() != nil {
		t.Fatal("sent twice")
	}
	key := func(k string) bool { return b.ChallengeKey(panetest.Key(k)) }
	// The status line said "C shows what you did": C opens on it, once.
	if !key("C") || !strings.Contains(strip(&b, 60, 20), "✓ 1/3 Goal A") {
		t.Fatalf("C after a challenge met opens on it:\n%s", strip(&b, 60, 20))
	}
	key("C")
	key("C")
	key("C") // round to A: closed
	if !key("C") || !strings.Contains(strip(&b, 60, 20), "◇ 2/3 Goal B") {
		t.Fatalf("C opens on the first not met:\n%s", strip(&b, 60, 20))
	}
	hintOn := func() bool { return b.ChallengeKeys()[1].Enabled() }
	if !hintOn() {
		t.Fatal("H is off with two hints to give")
	}
	key("H")
	key("H")
	if hintOn() {
		t.Fatal("H is still offered with every hint shown")
	}
	if !key("H") { // no third hint: still the strip's key, doing nothing
		t.Fatal("H with no hint left went past the strip")
	}
	s := strip(&b, 60, 20)
	if !strings.Contains(s, "hint 1: Goal B hint one") || !strings.Contains(s, "hint 2: Goal B hint two") || !strings.Contains(s, "no hints left · C: next challenge") || strings.Contains(s, "H: hint") {
		t.Fatalf("two hints:\n%s", s)
	}
	// A short pane: the strip stays within its share, the goal on top
	// and the newest hint and the keys below.
	short := strings.Split(strip(&b, 30, 10), "\n")
	if len(short) > 4 || !strings.Contains(short[0], "◇ 2/3 Goal B") || !strings.Contains(strings.Join(short, " "), "hint 2") || !strings.Contains(short[len(short)-1], "no hints left") {
		t.Fatalf("a 30×10 pane's strip:\n%s", strings.Join(short, "\n"))
	}
	key("C")
	key("C")
	if s := strip(&b, 60, 20); !strings.Contains(s, "✓ 1/3 Goal A") || !strings.Contains(s, "You did A. Goal A explained") {
		t.Fatalf("round to the met one:\n%s", s)
	}
	key("C")
	if s := strip(&b, 60, 20); !strings.HasPrefix(s, " ◇ challenges: 1 of 3") {
		t.Fatalf("back where it opened, closed:\n%s", s)
	}
	if key("x") || len(b.ChallengeStrip(60, 5)) != 0 || len(b.ChallengeKeys()) != 2 {
		t.Fatal("x is not the strip's; a 5-line pane has no strip; C and H are in the help")
	}
	if d, n := b.ChallengeCount(); d != 1 || n != 3 {
		t.Fatalf("count %d/%d", d, n)
	}
	// No challenges: no strip, no keys.
	none := NewBase(Env{Com: b.Com}, true)
	if none.ChallengeStrip(60, 20) != nil || none.ChallengeKey(panetest.Key("C")) || none.ChallengeKeys() != nil {
		t.Fatal("a demo without challenges has a strip")
	}
}

// Challenges met in an earlier run count, and say so, without the engine
// having seen them this time.
func TestChallengeStripMetBefore(t *testing.T) {
	f := &fakeChecker{}
	b := NewBase(Env{Com: common.New(theme.New(theme.Dark), locale.English), MetBefore: func(id string) bool { return id == "t/a" }}, true)
	b.UseChallenges(f)
	if d, n := b.ChallengeCount(); d != 1 || n != 3 {
		t.Fatalf("count %d/%d", d, n)
	}
	b.ChallengeKey(panetest.Key("C")) // opens on B, the first not met
	b.ChallengeKey(panetest.Key("C"))
	b.ChallengeKey(panetest.Key("C"))
	if s := strip(&b, 60, 20); !strings.Contains(s, "✓ 1/3 Goal A") || !strings.Contains(s, "You met it in an earlier session. Goal A explained") {
		t.Fatalf("met before:\n%s", s)
	}
	if b.SyncChallenges() != nil {
		t.Fatal("a challenge met before is reported again")
	}
}

// Where the open strip has fewer lines than its texts, the newest text
// keeps its beginning and ends with "…" where it is cut: it never starts
// in the middle of a sentence, and the goal's line and the keys stay.
func TestChallengeStripCutsTextsFromTheirStart(t *testing.T) {
	f := &fakeChecker{}
	b := NewBase(Env{Com: common.New(theme.New(theme.Dark), locale.English)}, true)
	b.UseChallenges(f)
	f.log.Mark("t/a", func(*locale.Printer) string {
		return "You did A, then you did it again with another seed, and the demo saw it both times."
	})
	b.SyncChallenges()
	b.ChallengeKey(panetest.Key("C")) // opens on A, just met
	for _, h := range []int{6, 10, 11, 12} {
		lines := strings.Split(strip(&b, 30, h), "\n")
		limit := max(int(float64(h)*MaxStripShare), 2)
		if len(lines) > limit || !strings.HasPrefix(lines[0], " ✓ 1/3 Goal A") || strings.TrimSpace(lines[len(lines)-1]) != "C: next challenge" {
			t.Fatalf("30×%d:\n%s", h, strings.Join(lines, "\n"))
		}
		text := lines[1 : len(lines)-1]
		if len(text) == 0 {
			continue
		}
		if !strings.HasPrefix(text[0], " You did A,") || !strings.HasSuffix(strings.TrimRight(text[len(text)-1], " "), "…") {
			t.Errorf("30×%d: the text is cut elsewhere than at its end:\n%s", h, strings.Join(lines, "\n"))
		}
	}
	// A hint too: from its start.
	b.ChallengeKey(panetest.Key("C"))
	b.ChallengeKey(panetest.Key("H"))
	b.ChallengeKey(panetest.Key("H"))
	lines := strings.Split(strip(&b, 12, 10), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[1], " hint 2:") || !strings.HasSuffix(strings.TrimRight(lines[2], " "), "…") {
		t.Errorf("a hint in a 12×10 pane:\n%s", strings.Join(lines, "\n"))
	}
}
