// Package theme holds distlab's one Styles struct, built from a small
// semantic palette, for each of the three themes: dark, light and
// high-contrast (for projectors). Each theme paints its own background
// behind everything it draws, lessons included (Glamour is built from the
// same palette), so it reads alike on a dark and a light terminal. No
// color literal lives outside this package.
package theme

import (
	"fmt"
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"

	"distlab/demos/locale"
)

// Theme names a palette.
type Theme int

// The themes, in the order T cycles through them.
const (
	Dark Theme = iota
	Light
	HighContrast
)

var themeNames = [...]string{"dark", "light", "high-contrast"}

func (t Theme) String() string {
	if t < 0 || int(t) >= len(themeNames) {
		return fmt.Sprintf("Theme(%d)", int(t))
	}
	return themeNames[t]
}

// Next is the theme after t in the cycle.
func (t Theme) Next() Theme { return (t + 1) % Theme(len(themeNames)) }

// Parse reads a theme name; "auto" and "" give ok with auto set, meaning
// "ask the terminal for its background".
func Parse(s string) (t Theme, auto bool, err error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return Dark, true, nil
	case "dark":
		return Dark, false, nil
	case "light":
		return Light, false, nil
	case "high-contrast", "contrast", "hc":
		return HighContrast, false, nil
	}
	return Dark, false, locale.Errorf("unknown theme %q (auto, dark, light, high-contrast)", s)
}

// Palette is the semantic colors a theme is made of. Every theme paints
// its own background wherever it draws (tui's paint fills every cell a
// style leaves to the terminal), so its colours are chosen against Bg and
// read the same on a dark terminal as on a light one: text at least 4.5:1
// (WCAG AA; 7:1 in high contrast), borders 3:1.
type Palette struct {
	Fg, Subtle, Primary, Accent, Success, Warning, Error, Border color.Color
	Bg                                                           color.Color // behind everything drawn
	Selection                                                    color.Color // background of the selected row
	Code, CodeBg                                                 color.Color // inline code in a lesson
}

func palette(t Theme) Palette {
	switch t {
	case Light:
		return Palette{
			Fg: lipgloss.Color("#1F1F28"), Subtle: lipgloss.Color("#5E5E6E"),
			Primary: lipgloss.Color("#5A3FD1"), Accent: lipgloss.Color("#005F87"),
			Success: lipgloss.Color("#17702F"), Warning: lipgloss.Color("#8A5A00"),
			Error: lipgloss.Color("#C0202B"), Border: lipgloss.Color("#8A8A9C"),
			Bg: lipgloss.Color("#FAFAF7"), Selection: lipgloss.Color("#E4DEFF"),
			Code: lipgloss.Color("#A3231B"), CodeBg: lipgloss.Color("#ECECF2"),
		}
	case HighContrast:
		return Palette{
			Fg: lipgloss.Color("#FFFFFF"), Subtle: lipgloss.Color("#FFFFFF"),
			Primary: lipgloss.Color("#FFFF00"), Accent: lipgloss.Color("#00FFFF"),
			Success: lipgloss.Color("#00FF00"), Warning: lipgloss.Color("#FFFF00"),
			Error: lipgloss.Color("#FF6060"), Border: lipgloss.Color("#FFFFFF"),
			Bg: lipgloss.Color("#000000"), Selection: lipgloss.Color("#0000AA"),
			Code: lipgloss.Color("#00FFFF"), CodeBg: lipgloss.Color("#000000"),
		}
	default:
		return Palette{
			Fg: lipgloss.Color("#E4E4EC"), Subtle: lipgloss.Color("#9A9AB0"),
			Primary: lipgloss.Color("#A48CFF"), Accent: lipgloss.Color("#5FD7FF"),
			Success: lipgloss.Color("#5FD787"), Warning: lipgloss.Color("#FFD75F"),
			Error: lipgloss.Color("#FF6B6B"), Border: lipgloss.Color("#77778A"),
			Bg: lipgloss.Color("#1C1C26"), Selection: lipgloss.Color("#3A3650"),
			Code: lipgloss.Color("#FF9E80"), CodeBg: lipgloss.Color("#30303A"),
		}
	}
}
