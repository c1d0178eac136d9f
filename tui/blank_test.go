package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// While presenting, b and . blank the screen black and w white, every cell
// of it; the next key, whatever it is, only brings the slide back. Reading,
// b is the reader's page up, as before.
func TestBlankScreen(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	press(t, m, "P", "right")
	for _, tc := range []struct {
		key, sgr string
		white    bool
	}{{"b", "48;2;0;0;0m", false}, {".", "48;2;0;0;0m", false}, {"w", "48;2;255;255;255m", true}} {
		press(t, m, tc.key)
		if blank, white := m.Blanked(); !blank || white != tc.white {
			t.Fatalf("%s: blanked %v white %v", tc.key, blank, white)
		}
		s := m.Render()
		if strings.TrimSpace(ansi.Strip(s)) != "" || strings.Count(s, tc.sgr) != 30 {
			t.Fatalf("%s: the screen is not blank:\n%s", tc.key, ansi.Strip(s))
		}
		press(t, m, "right") // brings the slide back, and turns nothing
		if blank, _ := m.Blanked(); blank {
			t.Fatalf("%s: a key left the screen blank", tc.key)
		}
		if i, _ := m.reader.Slide(); i != 1 || !strings.Contains(screen(m), "2/3") {
			t.Fatalf("%s: after the blank, slide %d", tc.key, i+1)
		}
	}
	press(t, m, "P", "b")
	if blank, _ := m.Blanked(); blank {
		t.Fatal("b blanked the screen while reading")
	}
}
