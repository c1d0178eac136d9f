package lessons_test

import (
	"reflect"
	"strings"
	"testing"

	"distlab/lessons"
)

func slidesOf(t *testing.T, body string) []lessons.Slide {
	t.Helper()
	l := lessons.Lesson{Raw: body, Line: 7}
	return lessons.Slides(l)
}

func bodies(ss []lessons.Slide) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Body)
	}
	return out
}

func TestSlidesSplitAtRulers(t *testing.T) {
	ss := slidesOf(t, "## One\n\nfirst\n\n---\n\n## Two\nsecond\n---\n## Three\n")
	if got, want := bodies(ss), []string{"## One\n\nfirst", "## Two\nsecond", "## Three"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("bodies %q, want %q", got, want)
	}
	if ss[1].Title != "Two" || ss[1].Line != 7+5 {
		t.Fatalf("slide 2: title %q line %d", ss[1].Title, ss[1].Line)
	}
}

func TestSlidesIgnoreRulersInFences(t *testing.T) {
	body := "## A\n```text\nx\n---\ny\n```\n~~~~\n---\n~~~\n---\n~~~~\n---\n## B\n"
	ss := slidesOf(t, body)
	if len(ss) != 2 {
		t.Fatalf("%d slides, want 2: %q", len(ss), bodies(ss))
	}
	if !strings.Contains(ss[0].Body, "x\n---\ny") || !strings.Contains(ss[0].Body, "~~~\n---\n~~~~") {
		t.Fatalf("fence content was split: %q", ss[0].Body)
	}
}

func TestSlidesFallBackToHeadings(t *testing.T) {
	ss := slidesOf(t, "intro text\n\n## One\nbody 1\n### sub\n## Two\nbody 2\n```\n## not a heading\n```\n")
	if got, want := bodies(ss), []string{"intro text", "## One\nbody 1\n### sub", "## Two\nbody 2\n```\n## not a heading\n```"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("bodies %q, want %q", got, want)
	}
	if len(slidesOf(t, "just one paragraph")) != 1 {
		t.Fatal("a lesson without breaks is one slide")
	}
}

func TestSlidesNotes(t *testing.T) {
	ss := slidesOf(t, "## A\n<!-- notes: say hi -->\ntext\n---\n<!-- notes: only a note -->\n---\n## C\n<!-- notes:\n  two\n  lines -->\n")
	if len(ss) != 2 {
		t.Fatalf("%d slides: %q", len(ss), bodies(ss))
	}
	if !reflect.DeepEqual(ss[0].Notes, []string{"say hi", "only a note"}) {
		t.Fatalf("slide 1 notes %q (an empty slide's note goes to the slide before)", ss[0].Notes)
	}
	if !reflect.DeepEqual(ss[1].Notes, []string{"two\n  lines"}) || strings.Contains(ss[1].Body, "notes") {
		t.Fatalf("slide 2 %+v", ss[1])
	}
}

// Every slide of the real course has content, and notes never leak.
func TestEmbeddedSlides(t *testing.T) {
	c := lessons.Load(lessons.Embedded, lessons.Options{Prefix: "lessons"})
	for _, lang := range lessons.Languages {
		for _, l := range c.Lessons(lang) {
			ss := lessons.Slides(l)
			if len(ss) < 3 {
				t.Errorf("%s/%s: %d slides", lang, l.ID, len(ss))
			}
			for i, s := range ss {
				if strings.Contains(s.Body, "<!--") {
					t.Errorf("%s/%s slide %d keeps a comment", lang, l.ID, i+1)
				}
			}
		}
	}
}

func TestSlidesCommentsAndLeadingNotes(t *testing.T) {
	ss := slidesOf(t, "<!-- notes: welcome -->\n---\n## One\ntext\n<!-- notes:\na\n---\nb -->\n---\n## Two\n")
	if len(ss) != 2 {
		t.Fatalf("%d slides: %q", len(ss), bodies(ss))
	}
	if !reflect.DeepEqual(ss[0].Notes, []string{"welcome", "a\n---\nb"}) {
		t.Fatalf("notes %q: a leading note is lost or a --- in a comment split it", ss[0].Notes)
	}
	if strings.Contains(ss[0].Body, "b -->") {
		t.Fatal("half a comment on the slide")
	}
}
