package tui

import (
	"image/color"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"

	"distlab/tui/theme"
)

// cells parses a rendered screen into cells, as a terminal would.
func cells(s string, w, h int) uv.ScreenBuffer {
	buf := uv.NewScreenBuffer(w, h)
	uv.NewStyledString(s).Draw(buf, buf.Bounds())
	return buf
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// The selected row keeps its background in every theme: high contrast's
// background fill works on cells, so a color such as 48;2;0;0;170 is never
// taken for a reset and painted over. In high contrast, every other cell
// has the theme's black.
func TestSelectionBackgroundSurvivesEveryTheme(t *testing.T) {
	const w, h = 100, 30
	for _, th := range []theme.Theme{theme.Dark, theme.Light, theme.HighContrast} {
		t.Run(th.String(), func(t *testing.T) {
			m := newApp(t, fixture, "en", w, h)
			press(t, m, "shift+tab", "j")
			for m.com.Styles.Theme != th {
				press(t, m, "T")
			}
			buf := cells(m.Render(), w, h)
			p := m.com.Styles.Palette
			row := -1
			for y := range h {
				if strings.Contains(buf.Line(y).String(), "2 · Clocks") {
					row = y
					break
				}
			}
			if row < 0 {
				t.Fatalf("no selected row on screen:\n%s", screen(m))
			}
			x := -1 // the cell of the lesson number
			for i := range w {
				if buf.CellAt(i, row).Content == "2" {
					x = i
					break
				}
			}
			if x < 0 {
				t.Fatal("no lesson number")
			}
			if got := buf.CellAt(x+2, row).Style.Bg; !sameColor(got, p.Selection) {
				t.Errorf("selected row background %v, want %v", got, p.Selection)
			}
			if th != theme.HighContrast {
				return
			}
			for y := range h {
				for x := range w {
					c := buf.CellAt(x, y)
					if c.Style.Bg == nil {
						t.Fatalf("cell (%d, %d) %q has no background in high contrast", x, y, c.Content)
					}
				}
			}
		})
	}
}
