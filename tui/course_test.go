package tui

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	glamouransi "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/markdown"
	"distlab/tui/theme"
)

// Every lesson of the real course renders at 40, 80 and 120 columns in both
// languages and every theme, with its title on top (from 80 columns) and no
// speaker note visible. (That lines fit the pane is checked in the app, by
// TestEveryLessonFitsThePane.)
//
// Themes whose markdown styles differ only in colors and type faces (all
// three today) lay a lesson out alike: the first of them is rendered at
// every width, each other one at 80 columns, where its plain text must be the
// first one's. The assertions are the same at half the renders; a theme
// that changes margins, prefixes or indents gets every width again.
func TestEveryLessonRenders(t *testing.T) {
	t.Parallel()
	c := embedded()
	if len(c.Problems) > 0 {
		t.Fatalf("course has problems: %v", c.Problems)
	}
	themes := []theme.Theme{theme.Dark, theme.Light, theme.HighContrast}
	widths := []int{40, 80, 120}
	const compareAt = 80
	// like[th] is the theme listed first with th's layout: th itself, or one
	// whose plain text th must reproduce.
	like, byLayout := map[theme.Theme]theme.Theme{}, map[string]theme.Theme{}
	for _, th := range themes {
		key := layoutKey(t, theme.New(th).Glamour)
		if _, ok := byLayout[key]; !ok {
			byLayout[key] = th
		}
		like[th] = byLayout[key]
	}
	for _, lang := range lessons.Languages {
		ls := c.Lessons(lang)
		if len(ls) == 0 {
			t.Fatalf("no lessons in %s", lang)
		}
		for _, l := range ls {
			t.Run(lang+"/"+l.ID, func(t *testing.T) {
				t.Parallel() // glamour renders share nothing
				plain := map[theme.Theme]map[int]string{}
				for _, th := range themes {
					plain[th] = map[int]string{}
					for _, w := range widths {
						if like[th] != th && w != compareAt {
							continue
						}
						out, err := markdown.Render(l.Title, l.Body, w, theme.New(th).Glamour)
						if err != nil {
							t.Fatalf("%s/%s at %d in %s: %v", lang, l.ID, w, th, err)
						}
						p := ansi.Strip(out)
						plain[th][w] = p
						if !strings.Contains(p, l.Title) && w >= 80 {
							t.Errorf("%s/%s at %d in %s: title missing", lang, l.ID, w, th)
						}
						if strings.Contains(p, "notes:") {
							t.Errorf("%s/%s: a speaker note leaks into the lesson", lang, l.ID)
						}
						if first := like[th]; first != th && p != plain[first][w] {
							t.Errorf("%s/%s at %d: %s lays the lesson out unlike %s, though their styles differ only in colors and type faces", lang, l.ID, w, th, first)
						}
					}
				}
			})
		}
	}
}

// layoutKey is a markdown style with its colors and type faces (bold,
// italic...) taken out: what decides where glamour puts each character.
// Whether code blocks go through chroma is kept, not chroma's colors.
func layoutKey(t *testing.T, c glamouransi.StyleConfig) string {
	t.Helper()
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var strip func(v any) any
	strip = func(v any) any {
		m, ok := v.(map[string]any)
		if !ok {
			return v
		}
		for k, x := range m {
			switch k {
			case "color", "background_color", "bold", "italic", "underline", "crossed_out", "faint",
				"conceal", "inverse", "blink", "theme":
				delete(m, k)
			case "chroma":
				m[k] = true
			default:
				if x = strip(x); x == nil {
					delete(m, k)
				} else {
					m[k] = x
				}
			}
		}
		if len(m) == 0 {
			return nil // a style that only colors is no style for the layout
		}
		return m
	}
	key, err := json.Marshal(strip(v))
	if err != nil {
		t.Fatal(err)
	}
	return string(key)
}

// In the app, the same lessons fit their pane at every width.
func TestEveryLessonFitsThePane(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{60, 15}, {80, 24}, {120, 40}} {
		for _, lang := range lessons.Languages {
			t.Run(fmt.Sprintf("%s/%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				t.Parallel() // an app of its own
				m := newApp(t, embedded, lang, size[0], size[1])
				for i := range m.course.Lessons(lang) {
					if i > 0 {
						press(t, m, "n")
					}
					press(t, m, "end")
					assertSize(t, m, size[0], size[1])
					if !m.reader.Ready() {
						t.Fatalf("%s lesson %d not rendered at %v", lang, i, size)
					}
				}
			})
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
