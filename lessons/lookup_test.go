package lessons_test

import (
	"strconv"
	"testing"

	"distlab/lessons"
)

// A student types the number `distlab lessons` prints as readily as the
// id: both find the lesson, an id first.
func TestLookupByIDOrNumber(t *testing.T) {
	c := load(t, map[string]string{
		"en/01-a.md":  lessonFile("intro", "Intro", 1),
		"en/02-b.md":  lessonFile("scale", "Scale", 2),
		"en/03-c.md":  lessonFile("2", "Named two", 7), // an id of digits wins over an order
		"en/04-d.md":  lessonFile("late", "Late", 9),
		"en/05-e.md":  lessonFile("later", "Later", 9),
		"pt-BR/01.md": lessonFile("intro", "Introdução", 1),
		"pt-BR/02.md": lessonFile("scale", "Escala", 2),
		"pt-BR/03.md": lessonFile("2", "Chamada dois", 7),
		"pt-BR/04.md": lessonFile("late", "Tarde", 9),
		"pt-BR/05.md": lessonFile("later", "Mais tarde", 9),
	})
	for _, tc := range []struct{ lang, ref, want string }{
		{"en", "intro", "intro"},
		{"en", "1", "intro"},
		{"en", "01", "intro"},
		{"en", "2", "2"},    // the id "2", not the lesson ordered 2
		{"en", "7", "2"},    // and that lesson by its number
		{"en", "9", "late"}, // two share 9: the first in course order
		{"pt-BR", "1", "intro"},
		{"en", "3", ""},
		{"en", "-1", ""},
		{"en", "x", ""},
		{"en", "", ""},
		{"fr", "1", ""},
	} {
		l, ok := c.Lookup(tc.lang, tc.ref)
		if ok != (tc.want != "") || l.ID != tc.want {
			t.Errorf("Lookup(%q, %q) = %q, %v; want %q", tc.lang, tc.ref, l.ID, ok, tc.want)
		}
	}
}

// A demo opens beside the lesson that teaches it, the first whose demos
// start with it, not the first that mentions it in passing.
func TestTeaching(t *testing.T) {
	file := func(id string, order int, demos string) string {
		return "---\nid: " + id + "\ntitle: T\norder: " + strconv.Itoa(order) + "\ndemos: [" + demos + "]\n---\nbody\n"
	}
	c := load(t, map[string]string{
		"en/1.md": file("one", 1, "scale"),
		"en/2.md": file("two", 2, "scale, replicas"),
		"en/3.md": file("three", 3, "replicas, scale"),
		"en/4.md": file("four", 4, "replicas"),
	})
	for demo, want := range map[string]string{"replicas": "three", "scale": "one", "nope": ""} {
		if l, ok := c.Teaching("en", demo); ok != (want != "") || l.ID != want {
			t.Errorf("Teaching(%q) = %q, %v; want %q", demo, l.ID, ok, want)
		}
	}
	// Mentioned only: the first lesson that names it.
	c = load(t, map[string]string{"en/1.md": file("one", 1, "scale, replicas"), "en/2.md": file("two", 2, "scale, replicas")})
	if l, _ := c.Teaching("en", "replicas"); l.ID != "one" {
		t.Errorf("Teaching(replicas) with no lesson about it = %q, want one", l.ID)
	}
}

// The embedded course opens each demo beside the lesson that teaches it:
// the clocks beside lesson 7 (not 5, which mentions them first).
func TestEmbeddedTeaching(t *testing.T) {
	c := lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix, KnownDemo: func(string) bool { return true }})
	for _, lang := range lessons.Languages {
		for demo, want := range map[string]string{"chat": "what-is-a-distributed-system", "scale": "scalability", "clocks": "time-consistency-failures"} {
			if l, _ := c.Teaching(lang, demo); l.ID != want {
				t.Errorf("%s: demo %s opens beside %q, want %q", lang, demo, l.ID, want)
			}
		}
	}
}
