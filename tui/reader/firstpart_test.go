package reader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
)

// Every embedded lesson's first part renders as the same lines as the
// whole, but for the last ones near the cut (a blank line styled as the
// end of the text), and fills the screen.
func TestFirstPartRendersAsTheWhole(t *testing.T) {
	const nearCut = 2
	c := lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix})
	for _, lang := range lessons.Languages {
		for _, l := range c.Lessons(lang) {
			for _, size := range [][2]int{{80, 24}, {200, 60}} {
				t.Run(fmt.Sprintf("%s/%s/%d", lang, l.ID, size[0]), func(t *testing.T) {
					t.Parallel()
					m := newReader(size[0], size[1])
					part, ok := m.SetLesson(l, 0)().(RenderedMsg)
					if !ok || !part.partial || part.err != nil {
						t.Fatalf("no first part: %T %v", part, part.err)
					}
					whole := m.Update(part)().(RenderedMsg)
					if whole.partial || whole.err != nil {
						t.Fatalf("the whole did not follow: partial %v, %v", whole.partial, whole.err)
					}
					if len(part.lines) < size[1] || len(part.lines) >= len(whole.lines) {
						t.Fatalf("first part of %d lines; screen %d, whole %d", len(part.lines), size[1], len(whole.lines))
					}
					for i := range len(part.lines) - nearCut {
						if part.lines[i] != whole.lines[i] {
							t.Fatalf("line %d of %d differs:\npart  %q\nwhole %q", i, len(part.lines),
								ansi.Strip(part.lines[i]), ansi.Strip(whole.lines[i]))
						}
					}
				})
			}
		}
	}
}

// The first part is shown at once, neither Ready nor read; the whole takes
// its place at the line wanted, or where the reader scrolled meanwhile.
func TestFirstPartThenWhole(t *testing.T) {
	for _, c := range []struct {
		name           string
		offset, scroll int
		want           int
	}{
		{"top", 0, 0, 0},
		{"a saved offset", 7, 0, 7},
		{"scrolled in the part", 0, 3, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newReader(60, 10)
			part := m.SetLesson(lesson("a", 300), c.offset)().(RenderedMsg)
			if !part.partial {
				t.Fatal("not a first part")
			}
			whole := m.Update(part)
			if m.Ready() || whole == nil {
				t.Fatalf("Ready %v with a first part, whole cmd %v", m.Ready(), whole != nil)
			}
			if s := screen(m); strings.Contains(s, "Rendering") || !strings.Contains(s, "Paragraph") {
				t.Fatalf("first part not shown:\n%s", s)
			}
			if m.Offset() != c.offset {
				t.Fatalf("first part at line %d, want %d", m.Offset(), c.offset)
			}
			for range c.scroll {
				press(m, "j")
			}
			msg := whole().(RenderedMsg)
			if msg.partial {
				t.Fatal("the whole is partial")
			}
			m.Update(msg)
			if !m.Ready() || m.Offset() != c.want || len(m.lines) != len(msg.lines) {
				t.Fatalf("whole: Ready %v, line %d of %d; want line %d", m.Ready(), m.Offset(), len(m.lines), c.want)
			}
		})
	}
}

// The end of a first part is not the end of the lesson.
func TestFirstPartIsNotRead(t *testing.T) {
	m := newReader(60, 10)
	m.Update(m.SetLesson(lesson("a", 300), 0)())
	if cmd := press(m, "end"); cmd != nil || !m.AtEnd() || m.Ready() {
		t.Fatalf("at the end of the first part: read cmd %v, AtEnd %v, Ready %v", cmd != nil, m.AtEnd(), m.Ready())
	}
}

// A first part that lands after the reader moved on is dropped, and the
// render of what is shown now starts then: one render runs at a time.
func TestStaleFirstPart(t *testing.T) {
	m := newReader(60, 10)
	a := m.SetLesson(lesson("a", 300), 0)
	if b := m.SetLesson(lesson("b", 300), 0); b != nil {
		t.Fatal("a second render started while one runs")
	}
	cmd := m.Update(a())
	if m.current() || cmd == nil {
		t.Fatalf("a stale part was shown (%v), or b's render not started (%v)", m.current(), cmd == nil)
	}
	settle(t, m, cmd)
	if m.Lesson().ID != "b" || !strings.Contains(screen(m), "Paragraph 1.") {
		t.Fatalf("b not shown:\n%s", screen(m))
	}
}

// A place scrolled to in the first part is the place to remember: a
// student may scroll and quit before the whole lesson lands.
func TestPlaceInTheFirstPart(t *testing.T) {
	m := newReader(60, 10)
	if line, ok := m.Place(); ok && line != 0 {
		t.Fatalf("no lesson: place %d", line)
	}
	m.Focus(true)
	m.Update(m.SetLesson(lesson("a", 300), 7)()) // the first part lands
	if m.Ready() || !m.partial {
		t.Fatal("the first part is not what shows")
	}
	if line, ok := m.Place(); !ok || line != 7 {
		t.Fatalf("place %d (%v) before scrolling, want 7", line, ok)
	}
	press(m, "j", "j", "j")
	if line, ok := m.Place(); !ok || line != 10 {
		t.Fatalf("place %d (%v) after three lines down in the first part, want 10", line, ok)
	}
}
