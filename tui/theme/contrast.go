package theme

import (
	"image/color"
	"math"
)

// The contrast ratios a theme's colours keep against the background they
// are drawn on (WCAG 2.x): text and marks that carry meaning, borders and
// rules, and everything in high contrast, which a projector washes out.
const (
	MinTextContrast         = 4.5
	MinBorderContrast       = 3
	MinHighContrastContrast = 7
)

// MinContrast is the least contrast theme t keeps between a colour and the
// background it is drawn on: for text, or, with border, for borders and
// rules.
func (t Theme) MinContrast(border bool) float64 {
	switch {
	case t == HighContrast:
		return MinHighContrastContrast
	case border:
		return MinBorderContrast
	}
	return MinTextContrast
}

// MinContrastOf is the least contrast theme t keeps for glyph: a border's
// for what draws lines (box drawing, block elements) and for separators
// ("•", "·"), which carry no meaning of their own; a text's for the rest.
func (t Theme) MinContrastOf(glyph string) float64 {
	line := glyph != ""
	for _, r := range glyph {
		line = line && (r >= 0x2500 && r <= 0x259f || r == '•' || r == '·')
	}
	return t.MinContrast(line)
}

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 (the same
// luminance) to 21 (black and white).
func Contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
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
