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
	m.SetDemos([]DemoLabel{{"chat", "chat cluster"}, {"clocks", "clock ordering"}, {"scale", "scale up vs scale out"}})
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
