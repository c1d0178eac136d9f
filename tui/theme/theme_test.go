package theme

import (
	"image/color"
	"math"
	"testing"

	"pgregory.net/rapid"

	"distlab/demos/locale"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]struct {
		t    Theme
		auto bool
	}{
		"": {Dark, true}, "auto": {Dark, true}, " Dark ": {Dark, false}, "light": {Light, false},
		"high-contrast": {HighContrast, false}, "hc": {HighContrast, false}, "contrast": {HighContrast, false},
	} {
		got, auto, err := Parse(in)
		if err != nil || got != want.t || auto != want.auto {
			t.Errorf("Parse(%q) = %v, %v, %v; want %v, %v", in, got, auto, err, want.t, want.auto)
		}
	}
	_, _, err := Parse("neon")
	if err == nil {
		t.Fatal("an unknown theme parsed")
	}
	if got := locale.For(locale.Portuguese).Err(err); got != `tema desconhecido "neon" (auto, dark, light, high-contrast)` {
		t.Errorf("pt-BR error: %q", got)
	}
}

func TestNextCyclesThroughEveryTheme(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		th := Theme(rapid.IntRange(0, 2).Draw(t, "theme"))
		seen := map[Theme]bool{}
		x := th
		for range themeNames {
			seen[x] = true
			x = x.Next()
		}
		if x != th || len(seen) != len(themeNames) {
			t.Fatalf("from %v: back at %v after %d steps, saw %d themes", th, x, len(themeNames), len(seen))
		}
	})
}

// luminance is WCAG 2's relative luminance.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// A projector washes colors out: in high contrast every foreground reaches
// WCAG's AAA ratio (7:1) on the background, and the text on a selected row
// does too.
func TestHighContrastIsReadable(t *testing.T) {
	p := palette(HighContrast)
	for name, fg := range map[string]color.Color{"fg": p.Fg, "subtle": p.Subtle, "primary": p.Primary, "accent": p.Accent,
		"success": p.Success, "warning": p.Warning, "error": p.Error, "border": p.Border} {
		if c := contrast(fg, p.Bg); c < 7 {
			t.Errorf("%s on black: %.1f:1, want at least 7:1", name, c)
		}
	}
	if c := contrast(p.Fg, p.Selection); c < 7 {
		t.Errorf("text on the selection: %.1f:1", c)
	}
}

// Every theme builds every style; the dark and light ones leave the
// terminal's background alone, high contrast sets black.
func TestNewBuildsEveryTheme(t *testing.T) {
	for _, th := range []Theme{Dark, Light, HighContrast} {
		s := New(th)
		if s.Theme != th || s.Palette.Fg == nil || s.Palette.Selection == nil {
			t.Fatalf("%v: %+v", th, s.Palette)
		}
		if (s.Palette.Bg != nil) != (th == HighContrast) {
			t.Errorf("%v: background %v", th, s.Palette.Bg)
		}
		if s.ItemSelected.GetBackground() == nil {
			t.Errorf("%v: the selected row has no background", th)
		}
	}
}
