package reader

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/theme"
)

// The demo bar names every demo of the lesson: full titles where they fit,
// one word each where they do not, never a cut name.
func TestDemoBarNamesEveryDemo(t *testing.T) {
	m := New(common.New(theme.New(theme.Dark), locale.Match("en")))
	m.SetDemos([]DemoLabel{{Short: "chat", Title: "chat cluster"}, {Short: "clocks", Title: "clock ordering"}, {Short: "scale", Title: "scale up vs scale out"}})
	for _, c := range []struct {
		width int
		want  string
	}{
		{100, "▶ 1 chat cluster · 2 clock ordering · 3 scale up vs scale out"},
		{54, "▶ 1 chat · 2 clocks · 3 scale"},
	} {
		m.width = c.width
		got := ansi.Strip(m.demoBar())
		if ansi.StringWidth(got) != c.width || strings.TrimSpace(got) != c.want {
			t.Errorf("width %d: %q, want %q", c.width, got, c.want)
		}
	}
}

// A demo with challenges shows how many are done beside its name, ✓ when
// all are.
func TestDemoBarCountsChallenges(t *testing.T) {
	m := New(common.New(theme.New(theme.Dark), locale.Match("en")))
	m.SetDemos([]DemoLabel{{Short: "chat", Title: "chat cluster", Done: 1, Total: 3}, {Short: "clocks", Title: "clock ordering", Done: 3, Total: 3}, {Short: "scale", Title: "scale"}})
	m.width = 80
	want := "▶ 1 chat cluster ◇1/3 · 2 clock ordering ✓3/3 · 3 scale"
	if got := strings.TrimSpace(ansi.Strip(m.demoBar())); got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// Five demos with challenges (lesson 10) at every width: the bar is whole
// items, each its number, name and maybe its count, then "…" if some
// demos are left out; never a name or a count cut, never a dangling " ·".
func TestDemoBarNeverCutsAnItem(t *testing.T) {
	m := New(common.New(theme.New(theme.Dark), locale.Match("en")))
	labels := []DemoLabel{{Short: "chat", Title: "chat cluster", Total: 3}, {Short: "clocks", Title: "clock ordering", Total: 3},
		{Short: "scale", Title: "scale up vs scale out", Total: 3}, {Short: "raft", Title: "Raft consensus", Total: 4}, {Short: "kv", Title: "replicated store", Done: 1, Total: 3}}
	m.SetDemos(labels)
	var whole []string // every form an item may take
	for i, d := range labels {
		n := string(rune('1' + i))
		for _, name := range []string{d.Title, d.Short} {
			whole = append(whole, n+" "+name, fmt.Sprintf("%s %s ◇%d/%d", n, name, d.Done, d.Total))
		}
	}
	for w := 6; w <= 130; w++ {
		m.width = w
		got := strings.TrimRight(ansi.Strip(m.demoBar()), " ")
		if ansi.StringWidth(m.demoBar()) != w {
			t.Fatalf("w=%d: %d cells", w, ansi.StringWidth(m.demoBar()))
		}
		body, cut := strings.CutSuffix(strings.TrimPrefix(got, " ▶ "), " …")
		if body == "" || body == "▶" {
			continue
		}
		items := strings.Split(body, " · ")
		for _, it := range items {
			if !slices.Contains(whole, it) {
				t.Fatalf("w=%d: %q: item %q is cut", w, got, it)
			}
		}
		if cut == (len(items) == len(labels)) {
			t.Fatalf("w=%d: %q: %d of %d demos, … %v", w, got, len(items), len(labels), cut)
		}
	}
}
