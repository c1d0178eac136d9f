package lessons_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"distlab/lessons"
)

// A lesson over MaxLessonSize is a problem, not a long render.
func TestHugeLessonIsAProblem(t *testing.T) {
	big := lessonFile("big", "Big", 2) + strings.Repeat("word ", lessons.MaxLessonSize/5+1)
	c := lessons.Load(fstest.MapFS{
		"en/a.md":   {Data: []byte(lessonFile("a", "A", 1))},
		"en/big.md": {Data: []byte(big)},
		"en/max.md": {Data: []byte(lessonFile("max", "Max", 3) + strings.Repeat("x", lessons.MaxLessonSize-len(lessonFile("max", "Max", 3))))},
	}, lessons.Options{Prefix: "p"})
	if len(c.Problems) != 1 || c.Problems[0].Error() != "p/en/big.md: larger than 1 MB, the most a lesson may have" {
		t.Errorf("problems = %q", c.Problems)
	}
	if got := ids(c.Lessons("en")); !reflect.DeepEqual(got, []string{"a", "max"}) {
		t.Errorf("lessons = %v, want [a max]: a lesson of exactly the limit loads", got)
	}
}

// Escape sequences and controls in a title (also written with YAML's \e),
// a summary, the text, speaker notes and a file name never leave the
// loader; each is reported where it is, and the rest of the text stays.
func TestControlSequencesNeverLeaveTheLoader(t *testing.T) {
	attack := "\x1b]52;c;ZXZpbA==\a\x1b]0;PWNED\a\x1b[2J\u009b\u202e\u200b\x7f\r"
	name := "en/0\x1b]0;x\a1.md"
	c := lessons.Load(fstest.MapFS{
		name: {Data: []byte("---\nid: a\ntitle: \"Ti\\e[31mtle\"\nsummary: \"Sum\\e]0;PWNED\\a\\x9b\\u202e\\u200bmary\"\n---\n" +
			"# Heading\n\nfine line\nbad " + attack + "line\n<!-- notes: say " + attack + "this -->\n")},
	}, lessons.Options{Prefix: "p"})
	ls := c.Lessons("en")
	if len(ls) != 1 {
		t.Fatalf("lessons = %v, problems %q", ls, c.Problems)
	}
	l := ls[0]
	if l.Title != "Title" {
		t.Errorf("title %q", l.Title)
	}
	for what, s := range map[string]string{"title": l.Title, "summary": l.Summary, "body": l.Body, "raw": l.Raw, "path": lessons.Summaries(ls)[0].Path} {
		if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 || r == 0x202e || r == 0x200b }) {
			t.Errorf("%s keeps a control: %q", what, s)
		}
	}
	if l.Summary != "Summary" {
		t.Errorf("summary %q, want Summary", l.Summary)
	}
	if !strings.Contains(l.Body, "fine line\nbad line\n") {
		t.Errorf("body lost text: %q", l.Body)
	}
	if len(l.Notes) != 1 || l.Notes[0].Text != "say this" {
		t.Errorf("notes %v", l.Notes)
	}
	var got []string
	for _, p := range c.Problems {
		got = append(got, p.Error())
	}
	want := []string{
		"p/en/01.md:3: the title holds control characters or escape sequences: they were removed",
		"p/en/01.md:4: the summary holds control characters or escape sequences: they were removed",
		"p/en/01.md:9: the text holds control characters or escape sequences: they were removed",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

// Character references that markdown would turn into controls go too:
// the source holds only "&#27;", the render the ESC itself. Harmless ones
// stay.
func TestControlReferencesNeverLeaveTheLoader(t *testing.T) {
	c := lessons.Load(fstest.MapFS{
		"en/a.md": {Data: []byte("---\nid: a\ntitle: A\n---\nfine\n" +
			"x &#27;]0;PWNED&#7; &#x1b;[2J &#X202E;rtl &lrm; &#155; &#10; y\n" +
			"keep &amp; &eacute; &#233; &lt;b&gt; &nosuch;\n")},
	}, lessons.Options{Prefix: "p"})
	ls := c.Lessons("en")
	if len(ls) != 1 {
		t.Fatalf("lessons %v, problems %q", ls, c.Problems)
	}
	// &#155; stays: HTML reads 0x80–0x9F references as Windows-1252, "›"
	// (and markdown's render is cleaned again, in case it reads them as C1).
	if want := "fine\nx ]0;PWNED [2J rtl  &#155;  y\nkeep &amp; &eacute; &#233; &lt;b&gt; &nosuch;\n"; ls[0].Body != want {
		t.Errorf("body:\n got %q\nwant %q", ls[0].Body, want)
	}
	if len(c.Problems) != 1 || c.Problems[0].Error() != "p/en/a.md:6: the text holds control characters or escape sequences: they were removed" {
		t.Errorf("problems %q", c.Problems)
	}
}
