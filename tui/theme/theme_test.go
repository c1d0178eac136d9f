package theme

import (
	"image/color"
	"math"
	"testing"

	"github.com/charmbracelet/x/ansi"
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

// Every theme's colours read on its own background, which it paints
// behind everything it draws: text at WCAG AA (AAA in high contrast, for a
// washed-out projector), borders at 3:1, the selected row's text on the
// selection, inline code on its chip, a level-one heading on its band. In
// true colour, and as a 256-colour terminal shows them (tmux's default,
// macOS Terminal): there the dark selection once came out magenta.
func TestEveryPaletteIsReadable(t *testing.T) {
	for _, th := range []Theme{Dark, Light, HighContrast} {
		p := palette(th)
		if p.Bg == nil || p.Selection == nil || p.CodeBg == nil {
			t.Fatalf("%v: a background is missing: %+v", th, p)
		}
		pairs := map[string][2]color.Color{"border": {p.Border, p.Bg},
			"text on the selection": {p.Fg, p.Selection}, "code on its chip": {p.Code, p.CodeBg},
			"a heading on its band": {p.Bg, p.Primary}}
		for name, fg := range map[string]color.Color{"fg": p.Fg, "subtle": p.Subtle, "primary": p.Primary,
			"accent": p.Accent, "success": p.Success, "warning": p.Warning, "error": p.Error} {
			pairs[name+" on the background"] = [2]color.Color{fg, p.Bg}
		}
		for name, pair := range pairs {
			want := th.MinContrast(name == "border")
			if c := Contrast(pair[0], pair[1]); c < want {
				t.Errorf("%v: %s: %.2f:1, want %.1f:1", th, name, c, want)
			}
			if c := Contrast(ansi.Convert256(pair[0]), ansi.Convert256(pair[1])); c < want {
				t.Errorf("%v in 256 colours: %s: %.2f:1, want %.1f:1", th, name, c, want)
			}
		}
		// A background stays a shade of the theme's, not another colour.
		for name, bg := range map[string]color.Color{"selection": p.Selection, "code chip": p.CodeBg} {
			if c := Contrast(bg, p.Bg); c > 2 {
				t.Errorf("%v: the %s stands out from the background at %.2f:1", th, name, c)
			}
			if r, g, b, _ := ansi.Convert256(bg).RGBA(); th != HighContrast && max(r, g, b)-min(r, g, b) > 0x4000 {
				t.Errorf("%v: the %s is a colour in 256 colours: %v", th, name, ansi.Convert256(bg))
			}
		}
	}
}

// The contrast ratio is WCAG's: black on white is 21:1, a colour on
// itself 1:1, and the order does not matter.
func TestContrast(t *testing.T) {
	black, white := color.Black, color.White
	if c := Contrast(black, white); math.Abs(c-21) > 1e-9 {
		t.Errorf("black on white: %v", c)
	}
	grey := color.RGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff} // #767676, the lightest grey at 4.5:1 on white
	if c := Contrast(white, grey); c < 4.5 || c > 4.6 || Contrast(grey, white) != c {
		t.Errorf("#767676 on white: %v", c)
	}
	if Contrast(grey, grey) != 1 {
		t.Error("a colour on itself")
	}
}

// Every theme builds every style, each painting the theme's background.
func TestNewBuildsEveryTheme(t *testing.T) {
	for _, th := range []Theme{Dark, Light, HighContrast} {
		s := New(th)
		if s.Theme != th || s.Palette.Fg == nil || s.Palette.Selection == nil {
			t.Fatalf("%v: %+v", th, s.Palette)
		}
		if s.Item.GetBackground() == nil || s.Help.ShortKey.GetBackground() == nil {
			t.Errorf("%v: a style leaves the terminal's background", th)
		}
		if s.ItemSelected.GetBackground() == nil {
			t.Errorf("%v: the selected row has no background", th)
		}
	}
}
