package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/markdown"
	"distlab/tui/theme"
)

// Every lesson of the real course renders at 40, 80 and 120 columns in both
// languages and every theme, with no line wider than the pane, its title on
// top and no speaker note visible.
func TestEveryLessonRenders(t *testing.T) {
	c := embedded()
	if len(c.Problems) > 0 {
		t.Fatalf("course has problems: %v", c.Problems)
	}
	for _, lang := range lessons.Languages {
		ls := c.Lessons(lang)
		if len(ls) == 0 {
			t.Fatalf("no lessons in %s", lang)
		}
		for _, l := range ls {
			for _, w := range []int{40, 80, 120} {
				for _, th := range []theme.Theme{theme.Dark, theme.Light, theme.HighContrast} {
					out, err := markdown.Render(l.Title, l.Body, w, theme.New(th).Glamour)
					if err != nil {
						t.Fatalf("%s/%s at %d: %v", lang, l.ID, w, err)
					}
					plain := ansi.Strip(out)
					if !strings.Contains(plain, l.Title) && w >= 80 {
						t.Errorf("%s/%s at %d: title missing", lang, l.ID, w)
					}
					if strings.Contains(plain, "notes:") {
						t.Errorf("%s/%s: a speaker note leaks into the lesson", lang, l.ID)
					}
				}
			}
		}
	}
}

// In the app, the same lessons fit their pane at every width.
func TestEveryLessonFitsThePane(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 24}, {120, 40}} {
		for _, lang := range lessons.Languages {
			m := newApp(t, embedded, lang, size[0], size[1])
			for i := range m.course.Lessons(lang) {
				if i > 0 {
					press(t, m, "n")
				}
				press(t, m, "tab", "end")
				assertSize(t, m, size[0], size[1])
				if !m.reader.Ready() {
					t.Fatalf("%s lesson %d not rendered at %v", lang, i, size)
				}
				press(t, m, "tab")
			}
		}
	}
}

func BenchmarkRenderLesson(b *testing.B) {
	c := embedded()
	style := theme.New(theme.Dark).Glamour
	for _, lang := range lessons.Languages {
		for _, l := range c.Lessons(lang) {
			b.Run(fmt.Sprintf("%s/%s", lang, l.ID), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := markdown.Render(l.Title, l.Body, 100, style); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkScrollKey is one key press in the reader, Update then View, at
// 200×60 with a real lesson already rendered: what every scroll costs.
func BenchmarkScrollKey(b *testing.B) {
	m := newApp(b, embedded, "en", 200, 60)
	press(b, m, "tab")
	benchScroll(b, m)
	if !m.reader.Ready() {
		b.Fatal("lesson not rendered")
	}
}

var _ tea.Model = (*Model)(nil)

// benchScroll times one scroll key, Update then View, twenty lines down
// and twenty back so the view keeps moving.
func benchScroll(b *testing.B, m *Model) {
	down, up := keyMsg("j"), keyMsg("k")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := down
		if i%40 >= 20 {
			k = up
		}
		i++
		m.Update(k)
		_ = m.View()
	}
}

// BenchmarkKeyFourPanes is one key, Update then View, with the lesson and
// three demos open at 200×60: the cost of every frame of a busy classroom
// screen.
func BenchmarkKeyFourPanes(b *testing.B) {
	m := newApp(b, embedded, "en", 200, 60)
	b.Cleanup(m.Close)
	press(b, m, "D", "enter", "D", "enter", "D", "enter")
	if m.Panes() != 4 {
		b.Fatalf("%d panes", m.Panes())
	}
	press(b, m, "tab") // focus the lesson: its keys scroll it
	for m.Focused() != "reader" {
		press(b, m, "tab")
	}
	benchScroll(b, m)
}
