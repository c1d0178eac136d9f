package tui

import (
	"strings"
	"testing"

	"distlab/demos/locale"
)

// The help at 60×15 is taller than the screen: it scrolls (↓ says more
// follows) and every key of it comes into view, the quit key last; the
// help bar offers the scroll keys after esc.
func TestHelpScrollsOnASmallScreen(t *testing.T) {
	for _, lang := range []string{"en", "pt-BR"} {
		m := newApp(t, fixture, lang, 60, 15)
		p := locale.For(locale.Match(lang))
		press(t, m, "?")
		box := func() string { // the screen without its help bar
			s := screen(m)
			return s[:strings.LastIndex(strings.TrimRight(s, "\n"), "\n")]
		}
		first := screen(m)
		if !strings.Contains(box(), "↓") || !strings.Contains(first, "esc/? "+p.T("close")+" • ↑/k") {
			t.Fatalf("%s: the help's first screen has no ↓ or no scroll keys:\n%s", lang, first)
		}
		seen := first
		for range 40 {
			press(t, m, "down")
			seen += screen(m)
		}
		last := box()
		for _, want := range []string{"q/ctrl+c", p.T("language"), p.T("course map"), p.T("search")} {
			if !strings.Contains(seen, want) {
				t.Errorf("%s: %q never came into view", lang, want)
			}
		}
		if strings.Contains(last, "↓") || !strings.Contains(last, "q/ctrl+c") || !strings.Contains(last, "↑") {
			t.Errorf("%s: the end of the help:\n%s", lang, last)
		}
		press(t, m, "home")
		if screen(m) != first {
			t.Errorf("%s: home did not go back to the top:\n%s", lang, screen(m))
		}
	}
}
