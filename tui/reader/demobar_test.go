package reader

import (
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
