package theme

import (
	"strings"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// glamourStyle is the markdown style that matches a theme. The high-contrast
// one is glamour's dark style pushed to pure white text, yellow headings and
// cyan code and links, readable on a washed-out projector.
func glamourStyle(t Theme) ansi.StyleConfig {
	var c ansi.StyleConfig
	switch t {
	case Light:
		c = styles.LightStyleConfig
	case HighContrast:
		c = highContrastGlamour()
	default:
		c = styles.DarkStyleConfig
	}
	// Slide breaks (---) read as a quiet divider, not a row of dashes.
	c.HorizontalRule.Format = "\n" + strings.Repeat("─", 24) + "\n"
	return c
}

func highContrastGlamour() ansi.StyleConfig {
	c := styles.DarkStyleConfig // a copy; pointers below are replaced, never written through
	white, yellow, cyan, black := ptr("15"), ptr("11"), ptr("14"), ptr("0")
	bold := ptr(true)
	c.Document.Color = white
	c.Heading.Color, c.Heading.Bold = yellow, bold
	c.H1.Color, c.H1.BackgroundColor, c.H1.Bold = black, yellow, bold
	c.Strong.Color, c.Strong.Bold = yellow, bold
	c.Emph.Color = cyan
	c.Link.Color, c.LinkText.Color = cyan, cyan
	c.Code.Color, c.Code.BackgroundColor = cyan, black
	c.CodeBlock.Color = white
	c.HorizontalRule.Color = white
	c.Item.Color, c.Enumeration.Color = white, white
	c.BlockQuote.Color = white
	c.Table.Color = white
	return c
}

func ptr[T any](v T) *T { return &v }
