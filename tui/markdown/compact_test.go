package markdown

import (
	"fmt"
	"strings"
	"testing"

	glamouransi "charm.land/glamour/v2/ansi"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/theme"
)

// screenOf draws s as a terminal would, from its defaults.
func screenOf(s string) *uv.ScreenBuffer {
	lines := strings.Split(s, "\n")
	w := 1
	for _, l := range lines {
		w = max(w, ansi.StringWidth(l))
	}
	buf := uv.NewScreenBuffer(w, len(lines))
	uv.NewStyledString(s).Draw(buf, buf.Bounds())
	return &buf
}

// sameCells reports the first cell where a and b differ, or "".
func sameCells(a, b *uv.ScreenBuffer) string {
	if a.Width() != b.Width() || a.Height() != b.Height() {
		return fmt.Sprintf("size %dx%d, want %dx%d", b.Width(), b.Height(), a.Width(), a.Height())
	}
	for y := range a.Height() {
		for x := range a.Width() {
			ca, cb := a.CellAt(x, y), b.CellAt(x, y)
			if (ca == nil) != (cb == nil) || ca != nil && (ca.Content != cb.Content || !ca.Style.Equal(&cb.Style) || ca.Link != cb.Link) {
				return fmt.Sprintf("(%d, %d): %+v, want %+v, in %q", x, y, cb, ca, a.Line(y).String())
			}
		}
	}
	return ""
}

// A compacted render draws every cell as glamour's own does, colour, bold,
// link and all, in a fraction of the bytes; and each of its lines draws
// the same alone, from the terminal's defaults, as the reader lays them.
func TestCompactDrawsTheSame(t *testing.T) {
	t.Parallel() // the two slow tests of the package share the cores
	c := lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix, KnownDemo: func(string) bool { return true }})
	glamourDark, err := Standard("dark")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range lessons.Languages {
		for i, l := range c.Lessons(lang) {
			th := theme.Theme(i % 3) // every theme, on different lessons
			for name, cfg := range map[string]glamouransi.StyleConfig{th.String(): theme.New(th).Glamour, "glamour dark": glamourDark} {
				raw, err := renderSafe(l.Title, l.Body, 80, cfg)
				if err != nil {
					t.Fatal(err)
				}
				out := compact(raw)
				if len(out)*2 > len(raw) {
					t.Errorf("%s, %s: compacted to %d bytes of %d", l.Path, name, len(out), len(raw))
				}
				whole := screenOf(out)
				if d := sameCells(screenOf(raw), whole); d != "" {
					t.Fatalf("%s, %s: %s", l.Path, name, d)
				}
				for y, line := range strings.Split(out, "\n") {
					alone := screenOf(line)
					for x := range alone.Width() {
						ca, cb := whole.CellAt(x, y), alone.CellAt(x, 0)
						if ca.Content != cb.Content || !ca.Style.Equal(&cb.Style) || ca.Link != cb.Link {
							t.Fatalf("%s, %s: line %d alone differs at %d: %q", l.Path, name, y, x, line)
						}
					}
				}
			}
		}
	}
}

// Colours of every kind, attributes turned on and off one by one, links
// across lines: drawn the same; a sequence compact does not know leaves
// the text as it was.
func TestCompactKeepsWhatItDoesNotKnow(t *testing.T) {
	for _, s := range []string{
		"a\x1b[1;53mb\x1b[0mc", "\x1b[38;5;1mx\x1b[38;5mq", "\x1b[4:3mu\x1b[24mv\x1b[21mw",
		"\x1b]8;;https://a.b/c\x1b\\link\x1b]8;;\x1b\\ \x1b[7;49;39mr\x1b[27m",
		"\x1b[31;42;1mred\x1b[22;39mgreen bg\x1b[49m\nnext\x1b[m",
		"\x1b]8;id=1;https://x.y\x07two\nlines\x1b]8;;\x07",
	} {
		if d := sameCells(screenOf(s), screenOf(compact(s))); d != "" {
			t.Errorf("%q → %q: %s", s, compact(s), d)
		}
	}
	if s := "a\x1b[1;53mb\x1b[0mc"; compact(s) != s {
		t.Errorf("overline (53) is not known, yet %q became %q", s, compact(s))
	}
}
