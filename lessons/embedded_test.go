package lessons_test

import (
	"maps"
	"slices"
	"testing"

	"distlab/lessons"
)

// TestEmbeddedCourse checks the course shipped in the binary, whatever
// lessons it holds: it loads cleanly and the languages match lesson for
// lesson.
func TestEmbeddedCourse(t *testing.T) {
	c := lessons.Load(lessons.Embedded, lessons.Options{
		Prefix: lessons.EmbeddedPrefix,
		// The demo ids the app registers (tui's registry is checked against
		// the course in tui's own tests; lessons may not import tui).
		KnownDemo: func(id string) bool {
			return id == "chat" || id == "clocks" || id == "scale" || id == "raft" || id == "kv"
		},
	})
	for _, p := range c.Problems {
		t.Errorf("problem: %v", p)
	}
	byLang := map[string]map[string]lessons.Lesson{}
	for _, lang := range lessons.Languages {
		ls := c.Lessons(lang)
		if len(ls) == 0 {
			t.Errorf("%s has no lessons", lang)
		}
		byLang[lang] = map[string]lessons.Lesson{}
		orders := map[int]string{}
		for _, l := range ls {
			if l.Title == "" || l.Summary == "" {
				t.Errorf("%s: title %q, summary %q: both are required", l.Path, l.Title, l.Summary)
			}
			if other, dup := orders[l.Order]; dup {
				t.Errorf("%s: order %d is also %s's", l.Path, l.Order, other)
			}
			orders[l.Order] = l.ID
			// Every lesson has a quiz worth taking: at least four
			// questions, each kind of its own checked when it loaded.
			if len(l.Quiz) < 4 {
				t.Errorf("%s: %d quiz questions, want at least 4 (%s)", l.Path, len(l.Quiz), lessons.QuizSuffix)
			}
			byLang[lang][l.ID] = l
		}
	}
	first := lessons.Languages[0]
	want := slices.Sorted(maps.Keys(byLang[first]))
	for _, lang := range lessons.Languages[1:] {
		if got := slices.Sorted(maps.Keys(byLang[lang])); !slices.Equal(got, want) {
			t.Errorf("%s ids %v, %s ids %v: want the same", lang, got, first, want)
		}
		for id, a := range byLang[first] {
			b, ok := byLang[lang][id]
			if !ok {
				t.Errorf("%s: no %s version", a.Path, lang)
				continue
			}
			if a.Order != b.Order {
				t.Errorf("%s: order %d, but %s has %d", b.Path, b.Order, a.Path, a.Order)
			}
			if !slices.Equal(a.Demos, b.Demos) {
				t.Errorf("%s: demos %v, but %s has %v", b.Path, b.Demos, a.Path, a.Demos)
			}
		}
		for id, b := range byLang[lang] {
			if _, ok := byLang[first][id]; !ok {
				t.Errorf("%s: no %s version", b.Path, first)
			}
		}
	}
}

// BenchmarkLoadEmbedded is loading the course as the app does at start-up.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix})
	}
}
