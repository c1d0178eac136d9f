package lessons_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"distlab/lessons"
)

const deckLesson = `---
id: intro
title: Intro
order: 1
demos: [chat, clocks]
---
## Why it matters

Text.

## Clocks

More text.
`

// deckFS is a one-lesson course in en with deck as its slides, and the
// same lesson in pt-BR with ptDeck ("" for none).
func deckFS(deck, ptDeck string) fstest.MapFS {
	fsys := fstest.MapFS{
		"en/01-intro.md":                   {Data: []byte(deckLesson)},
		"pt-BR/01-intro.md":                {Data: []byte(deckLesson)},
		"en/01-intro" + lessons.DeckSuffix: {Data: []byte(deck)},
	}
	if ptDeck != "" {
		fsys["pt-BR/01-intro"+lessons.DeckSuffix] = &fstest.MapFile{Data: []byte(ptDeck)}
	}
	return fsys
}

func loadDeck(fsys fstest.MapFS) *lessons.Catalog {
	known := func(id string) bool { return id == "chat" || id == "clocks" || id == "scale" }
	start := func(demo, s string) bool { return demo == "clocks" && s == "partition" }
	return lessons.Load(fsys, lessons.Options{Prefix: "c", KnownDemo: known, KnownStart: start})
}

func messages(ps []lessons.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}

// A deck is the lesson's slides: split at ---, a code block's --- kept,
// notes, demos and sections taken out of what shows, and the reading text
// left as it was.
func TestDeckIsTheLessonsSlides(t *testing.T) {
	deck := "# Why\n- one\n<!-- notes: Ask why. -->\n<!-- section: Why it matters -->\n" +
		"---\n# Clocks\n```text\n---\n<!-- demo: scale -->\n```\n<!-- demo: clocks partition -->\n<!-- notes: Show it. -->\n<!-- notes: Then ask. -->\n"
	c := loadDeck(deckFS(deck, deck))
	if len(c.Problems) > 0 || len(c.Warnings) > 0 {
		t.Fatalf("problems %q, warnings %q", messages(c.Problems), messages(c.Warnings))
	}
	l, _ := c.Find("en", "intro")
	s := lessons.Slides(l)
	if len(s) != 2 {
		t.Fatalf("%d slides: %+v", len(s), s)
	}
	if s[0].Title != "Why" || s[0].Body != "# Why\n- one" || !slices.Equal(s[0].Notes, []string{"Ask why."}) ||
		s[0].Section != "Why it matters" || s[0].Demo != "" || s[0].Path != "c/en/01-intro.slides.md" || s[0].Line != 1 {
		t.Errorf("slide 1: %+v", s[0])
	}
	if s[1].Demo != "clocks" || s[1].Start != "partition" || s[1].Line != 6 ||
		!strings.Contains(s[1].Body, "---\n<!-- demo: scale -->") || strings.Contains(s[1].Body, "partition") ||
		!slices.Equal(s[1].Notes, []string{"Show it.", "Then ask."}) {
		t.Errorf("slide 2: %+v", s[1])
	}
	if strings.Contains(l.Body, "Ask why") || !strings.Contains(l.Body, "## Clocks") {
		t.Errorf("the reading text changed: %q", l.Body)
	}
	if p, _ := c.Find("pt-BR", "intro"); len(p.Deck) != 2 {
		t.Errorf("pt-BR deck: %d slides", len(p.Deck))
	}
	// Without a deck, the slides are the reading text cut at its headings.
	c = loadDeck(fstest.MapFS{"en/01-intro.md": {Data: []byte(deckLesson)}})
	l, _ = c.Find("en", "intro")
	if s := lessons.Slides(l); len(s) != 2 || s[1].Title != "Clocks" || s[1].Path != "" {
		t.Errorf("slides of a lesson without a deck: %+v", s)
	}
}

// What keeps a slide from showing as meant is a problem, at its file and
// line; what an instructor would miss is a warning; both name the slide.
func TestDeckProblems(t *testing.T) {
	deck := "# One\n<!-- demo: scale -->\n<!-- notes: n -->\n---\n" + // scale is not the lesson's
		"# Two\n<!-- demo: clocks nowhere -->\n<!-- notes: n -->\n---\n" + // no such start
		"# Three\n<!-- section: Nowhere -->\n---\n" + // no notes, no such heading
		"no title here\n<!-- notes: n -->\n---\n" +
		"<!-- notes: only notes -->\n"
	c := loadDeck(deckFS(deck, "# A\n<!-- notes: n -->\n"))
	wantProblems := []string{
		`c/en/01-intro.slides.md:2: demo "scale" is not among the lesson's demos (chat, clocks)`,
		`c/en/01-intro.slides.md:6: demo clocks has no starting state "nowhere"`,
	}
	if got := messages(c.Problems); !slices.Equal(got, wantProblems) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantProblems, "\n"))
	}
	wantWarnings := []string{
		`c/en/01-intro.slides.md:9: slide 3 has no speaker notes (<!-- notes: ... -->)`,
		`c/en/01-intro.slides.md:10: section "Nowhere" is not a heading of c/en/01-intro.md`,
		`c/en/01-intro.slides.md:12: slide 4 has no title: start it with a # heading`,
		`c/en/01-intro.slides.md:15: slide 5 shows nothing`,
		`c/pt-BR/01-intro.slides.md: 1 slides, but 5 in en: slide numbers must match between languages`,
	}
	if got := messages(c.Warnings); !slices.Equal(got, wantWarnings) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantWarnings, "\n"))
	}
	l, _ := c.Find("en", "intro")
	if s := lessons.Slides(l); len(s) != 5 || s[0].Demo != "" || s[1].Demo != "clocks" || s[1].Start != "" {
		t.Errorf("a wrong demo is dropped, a wrong start too: %+v", s)
	}
}

// A deck beside no lesson, or one with no slides, is a problem; the lesson
// still loads.
func TestDeckWithoutLesson(t *testing.T) {
	fsys := deckFS("\n\n", "")
	fsys["en/02-gone"+lessons.DeckSuffix] = &fstest.MapFile{Data: []byte("# x\n")}
	c := loadDeck(fsys)
	want := []string{
		"c/en/01-intro.slides.md:1: the slides file has no slides",
		"c/en/02-gone.slides.md: a slides file without its lesson: no 02-gone.md beside it",
	}
	if got := messages(c.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(c.Lessons("en")) != 1 {
		t.Errorf("%d lessons", len(c.Lessons("en")))
	}
	// The deck of a lesson that does not load is not said to be without
	// its lesson: the lesson's own problem says what is wrong.
	fsys = deckFS("# A\n<!-- notes: n -->\n", "")
	fsys["en/01-intro.md"] = &fstest.MapFile{Data: []byte("no front matter\n")}
	for _, p := range loadDeck(fsys).Problems {
		if strings.Contains(p.Error(), "slides file without") {
			t.Errorf("%s", p.Error())
		}
	}
}
