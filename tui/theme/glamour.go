package theme

import (
	"fmt"
	"image/color"
	"strings"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// glamourStyle is the markdown style of palette p: glamour's dark style for
// its shape (margins, bullets, heading marks) with every colour taken from
// p. glamour's own colours were made for a terminal's default background;
// distlab paints the theme's (and the light style's 234 on a dark terminal
// was near-invisible). Nothing sets a background but H1 and inline code:
// the rest is painted with p.Bg, so a code block has no patches where its
// tokens end.
func glamourStyle(t Theme, p Palette) ansi.StyleConfig {
	c := styles.DarkStyleConfig // a copy; its pointers are replaced, never written through
	fg, subtle, primary, accent := hex(p.Fg), hex(p.Subtle), hex(p.Primary), hex(p.Accent)
	bold, italic, underline := ptr(true), ptr(t != HighContrast), ptr(true)

	c.Document.Color = fg
	c.Heading.Color, c.Heading.Bold = primary, bold
	c.H1.Color, c.H1.BackgroundColor, c.H1.Bold = hex(p.Bg), primary, bold
	c.H6.Color, c.H6.Bold = subtle, nil
	c.Strong.Color, c.Strong.Bold = nil, bold
	c.Emph.Color, c.Emph.Italic = nil, italic
	if t == HighContrast { // a projector loses bold and italic: colour them
		c.Strong.Color, c.Emph.Color = primary, accent
	}
	c.Strikethrough.Color = subtle
	c.HorizontalRule.Color = hex(p.Border)
	// Slide breaks (---) read as a quiet divider, not a row of dashes.
	c.HorizontalRule.Format = "\n" + strings.Repeat("─", 24) + "\n"
	c.Link.Color, c.Link.Underline = subtle, underline
	c.LinkText.Color, c.LinkText.Bold = accent, bold
	c.Image.Color, c.Image.Underline = subtle, underline
	c.ImageText.Color = accent
	c.HTMLBlock.Color, c.HTMLSpan.Color = subtle, subtle

	// Inline code is a chip of its own colour, without the padding glamour
	// gives it: that padding beside the spaces around it read as double
	// spaces ("com o  nc  (netcat)").
	c.Code.Color, c.Code.BackgroundColor = hex(p.Code), hex(p.CodeBg)
	c.Code.Prefix, c.Code.Suffix = "", ""
	c.CodeBlock.Color = fg
	c.CodeBlock.Chroma = chroma(p, italic)
	return c
}

// chroma colours code blocks from the palette. No token has a
// background: the block sits on the theme's.
func chroma(p Palette, italic *bool) *ansi.Chroma {
	col := func(c color.Color) ansi.StylePrimitive { return ansi.StylePrimitive{Color: hex(c)} }
	text, keyword, name := col(p.Fg), col(p.Primary), col(p.Accent)
	str, number, warn := col(p.Success), col(p.Warning), col(p.Warning)
	comment := col(p.Subtle)
	comment.Italic = italic
	bad := col(p.Error)
	return &ansi.Chroma{
		Text: text, Error: bad, Comment: comment, CommentPreproc: warn,
		Keyword: keyword, KeywordReserved: keyword, KeywordNamespace: keyword, KeywordType: name,
		Operator: text, Punctuation: text,
		Name: text, NameBuiltin: name, NameTag: keyword, NameAttribute: name, NameClass: name,
		NameConstant: number, NameDecorator: warn, NameException: bad, NameFunction: name, NameOther: text,
		Literal: str, LiteralNumber: number, LiteralDate: number, LiteralString: str, LiteralStringEscape: warn,
		GenericDeleted: bad, GenericEmph: ansi.StylePrimitive{Italic: italic},
		GenericInserted: str, GenericStrong: ansi.StylePrimitive{Bold: ptr(true)},
		GenericSubheading: comment,
	}
}

// hex is c as glamour reads a colour, "#rrggbb".
func hex(c color.Color) *string {
	r, g, b, _ := c.RGBA()
	return ptr(fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8))
}

func ptr[T any](v T) *T { return &v }
