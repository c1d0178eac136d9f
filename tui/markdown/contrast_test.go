package markdown

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/theme"
)

// unreadable lists the cells of a render whose glyph does not read on the
// background it is drawn on: where the render leaves a colour to the
// terminal, the theme paints its own (tui's paint), so those are the
// theme's Fg and Bg.
func unreadable(out string, width int, th theme.Theme) []string {
	p := theme.New(th).Palette
	ls := strings.Split(out, "\n")
	buf := uv.NewScreenBuffer(width, len(ls))
	uv.NewStyledString(strings.Join(ls, "\r\n")).Draw(buf, buf.Bounds())
	var bad []string
	for y := range len(ls) {
		for x := range width {
			c := buf.CellAt(x, y)
			if c == nil || strings.TrimSpace(c.Content) == "" {
				continue
			}
			fg, bg := color.Color(p.Fg), color.Color(p.Bg)
			if c.Style.Fg != nil {
				fg = c.Style.Fg
			}
			if c.Style.Bg != nil {
				bg = c.Style.Bg
			}
			if c.Style.Attrs&uv.AttrReverse != 0 {
				fg, bg = bg, fg
			}
			want := th.MinContrastOf(c.Content)
			if cr := theme.Contrast(fg, bg); cr < want || c.Style.Attrs&uv.AttrFaint != 0 {
				bad = append(bad, fmt.Sprintf("%q at (%d, %d): %.2f:1 in %q", c.Content, x, y, cr, ansi.Strip(buf.Line(y).String())))
			}
		}
	}
	return bad
}

// Every lesson, in both languages, reads in every theme: each glyph of its
// text, its headings, links, inline code and highlighted code blocks keeps
// the theme's contrast on what it is drawn on. Under glamour's own
// colours, code comments were 2:1 on their block and the light theme's
// text 1.2:1 on a dark terminal.
func TestEveryLessonReadsInEveryTheme(t *testing.T) {
	t.Parallel() // the two slow tests of the package share the cores
	c := lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix, KnownDemo: func(string) bool { return true }})
	const width = 80
	for _, th := range []theme.Theme{theme.Dark, theme.Light, theme.HighContrast} {
		style := theme.New(th).Glamour
		for _, lang := range lessons.Languages {
			for _, l := range c.Lessons(lang) {
				out, err := Render(l.Title, l.Body, width, style)
				if err != nil {
					t.Fatal(err)
				}
				if bad := unreadable(out, width, th); len(bad) > 0 {
					t.Errorf("%v, %s: %d cells do not read, first: %s", th, l.Path, len(bad), strings.Join(bad[:min(len(bad), 5)], "; "))
				}
			}
		}
	}
}

// The check itself: glamour's light style on a dark terminal, the student's
// near-invisible text, fails it.
func TestUnreadableFindsGlamoursLightOnDark(t *testing.T) {
	cfg, err := Standard("light")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render("", "Some text, `code` and a [link](https://example.com).", 60, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if bad := unreadable(out, 60, theme.Dark); len(bad) < 10 {
		t.Errorf("glamour's light style reads on the dark theme's background: %v", bad)
	}
}
