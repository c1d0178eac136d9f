package lessons_test

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"distlab/lessons"
)

// TestMalformedFiles checks that each kind of broken file gives exactly one
// problem, at the right line, while a good lesson beside it still loads. The
// folder has only en/, so no translation problems are expected.
func TestMalformedFiles(t *testing.T) {
	cases := []struct {
		name  string
		data  string
		line  int
		msg   string
		loads bool // the bad lesson itself still loads
	}{
		{name: "missing front matter", data: "# Title\n\nText.\n", line: 1, msg: "missing front matter"},
		{name: "empty file", data: "", line: 1, msg: "missing front matter"},
		{name: "front matter not first", data: "\n---\nid: bad\ntitle: B\n---\n", line: 1, msg: "missing front matter"},
		{name: "unclosed front matter", data: "---\nid: bad\ntitle: Bad\n\n# Body\n", line: 1, msg: "front matter is not closed"},
		{name: "yaml scanner error",
			data: "---\nid: bad\ntitle: Bad\norder: 1\nsummary: \"unterminated\n---\nbody\n", line: 5, msg: "front matter: found unexpected end of stream"},
		{name: "yaml bad token",
			data: "---\nid: bad\ntitle: Bad\norder: 1\nsummary: @oops\n---\nbody\n", line: 5, msg: "cannot start any token"},
		{name: "yaml bad indentation",
			data: "---\nid: bad\n  title: Bad\n---\nbody\n", line: 3, msg: "mapping values are not allowed"},
		{name: "wrong type", data: "---\nid: bad\ntitle: Bad\norder: abc\n---\nbody\n", line: 4, msg: "cannot unmarshal !!str `abc` into int"},
		{name: "demos not a list", data: "---\nid: bad\ntitle: Bad\norder: 1\n\ndemos: {a: b}\n---\n", line: 6, msg: "cannot unmarshal !!map into []string"},
		{name: "duplicate key", data: "---\nid: bad\ntitle: Bad\nid: other\n---\n", line: 4, msg: `mapping key "id" already defined`},
		{name: "not a mapping", data: "---\njust some text\n---\nbody\n", line: 2, msg: "must be a YAML mapping"},
		{name: "empty front matter", data: "---\n---\nbody\n", line: 2, msg: "must be a YAML mapping"},
		{name: "missing id", data: "---\ntitle: Bad\norder: 3\n---\nbody\n", line: 1, msg: "missing id"},
		{name: "blank id", data: "---\nid: \"  \"\ntitle: Bad\n---\nbody\n", line: 1, msg: "missing id"},
		{name: "missing title", data: "---\nid: bad\norder: 3\n---\nbody\n", line: 1, msg: "missing title"},
		{name: "blank title", data: "---\nid: bad\ntitle: \"   \"\n---\nbody\n", line: 1, msg: "missing title"},
		{name: "uppercase id", data: "---\ntitle: Bad\norder: 3\nid: Bad\n---\nbody\n", line: 4, msg: `id "Bad": use lowercase letters, digits and dashes`},
		{name: "id with spaces", data: "---\ntitle: Bad\nid: my lesson\n---\nbody\n", line: 3, msg: `id "my lesson"`},
		{name: "id with trailing dash", data: "---\nid: bad-\ntitle: Bad\n---\nbody\n", line: 2, msg: `id "bad-"`},
		{name: "id with underscore", data: "---\nid: bad_id\ntitle: Bad\n---\nbody\n", line: 2, msg: `id "bad_id"`},
		{name: "unknown field", data: "---\nid: bad\ntitle: Bad\norder: 3\ndemo: [scale]\n---\nbody\n", line: 5,
			msg: `unknown field "demo" (fields: id, title, order, summary, demos)`, loads: true},
		{name: "unknown demo", data: "---\nid: bad\ntitle: Bad\ndemos:\n  - scale\n  - nosuch\n  - replicas\n---\nbody\n", line: 6,
			msg: `unknown demo id "nosuch"`, loads: true},
		{name: "invalid UTF-8", data: "---\nid: bad\ntitle: B\xff\xfead\n---\nbody\n", line: 1, msg: "not valid UTF-8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := load(t, map[string]string{
				"en/01-good.md": lessonFile("good", "Good", 1),
				"en/02-bad.md":  tc.data,
			})
			if len(c.Problems) != 1 {
				t.Fatalf("problems = %q, want exactly one", c.Problems)
			}
			p := c.Problems[0]
			if p.Path != "en/02-bad.md" || p.Line != tc.line || !strings.Contains(p.Msg(), tc.msg) {
				t.Errorf("problem = %q, want en/02-bad.md:%d: ...%s...", p.Error(), tc.line, tc.msg)
			}
			if _, ok := c.Find("en", "good"); !ok {
				t.Error("the good lesson did not load")
			}
			_, ok := c.Find("en", "bad")
			if ok != tc.loads {
				t.Errorf("bad lesson loaded = %v, want %v", ok, tc.loads)
			}
			if !tc.loads && len(c.Lessons("en")) != 1 {
				t.Errorf("lessons = %v, want only good", ids(c.Lessons("en")))
			}
		})
	}
}

// TestYAMLParserErrorLine asserts the line of YAML errors that yaml.v3's
// parser (not its scanner) reports: those count lines from 0, so the loader,
// which treats every yaml.v3 line as counting from 1, points one line too
// early.
func TestYAMLParserErrorLine(t *testing.T) {
	cases := []struct {
		data string
		line int
	}{
		{"---\nid: bad\ntitle: [unclosed\norder: 1\n---\nbody\n", 3},
		{"---\nid: bad\ntitle: Bad\norder: ]\n---\nbody\n", 4},
		{"---\nid: bad\ntitle: Bad\n- item\norder: 2\n---\nbody\n", 4},
	}
	for _, tc := range cases {
		c := load(t, map[string]string{"en/bad.md": tc.data})
		if len(c.Problems) != 1 || c.Problems[0].Line != tc.line {
			t.Errorf("%q: problems = %q, want one at line %d", tc.data, c.Problems, tc.line)
		}
	}
}

// TestYAMLParserErrorReported checks the parts of a YAML syntax error that
// are right today: one problem, naming yaml's message, other lessons load.
func TestYAMLParserErrorReported(t *testing.T) {
	c := load(t, map[string]string{
		"en/01-good.md": lessonFile("good", "Good", 1),
		"en/02-bad.md":  "---\nid: bad\ntitle: [unclosed\norder: 1\n---\nbody\n",
	})
	if len(c.Problems) != 1 {
		t.Fatalf("problems = %q, want one", c.Problems)
	}
	p := c.Problems[0]
	if p.Path != "en/02-bad.md" || !strings.Contains(p.Msg(), "front matter: did not find expected ',' or ']'") {
		t.Errorf("problem = %q", p.Error())
	}
	if p.Line < 2 || p.Line > 5 {
		t.Errorf("line %d is outside the front matter (lines 2-4)", p.Line)
	}
	if got := ids(c.Lessons("en")); !reflect.DeepEqual(got, []string{"good"}) {
		t.Errorf("lessons = %v", got)
	}
}

func TestUnknownDemoDropped(t *testing.T) {
	c := load(t, map[string]string{
		"en/a.md": "---\nid: a\ntitle: A\ndemos: [nosuch, scale]\n---\nbody\n",
	})
	want := []lessons.Problem{{Path: "en/a.md", Line: 4, Format: "unknown demo id %q", Args: []any{"nosuch"}}}
	if !reflect.DeepEqual(c.Problems, want) {
		t.Errorf("problems = %q, want %q", c.Problems, want)
	}
	l, ok := c.Find("en", "a")
	if !ok || !reflect.DeepEqual(l.Demos, []string{"scale"}) {
		t.Errorf("lesson = %+v, %v; want demos [scale]", l, ok)
	}
}

func TestNilKnownDemoKnowsNone(t *testing.T) {
	c := lessons.Load(fstest.MapFS{
		"en/a.md": {Data: []byte("---\nid: a\ntitle: A\ndemos:\n  - scale\n  - replicas\n---\n")},
	}, lessons.Options{})
	want := []lessons.Problem{
		{Path: "en/a.md", Line: 5, Format: "unknown demo id %q", Args: []any{"scale"}},
		{Path: "en/a.md", Line: 6, Format: "unknown demo id %q", Args: []any{"replicas"}},
	}
	if !reflect.DeepEqual(c.Problems, want) {
		t.Errorf("problems = %q, want %q", c.Problems, want)
	}
	if l, ok := c.Find("en", "a"); !ok || len(l.Demos) != 0 {
		t.Errorf("lesson = %+v, %v; want loaded with no demos", l, ok)
	}
}

func TestDuplicateID(t *testing.T) {
	c := load(t, map[string]string{
		"en/01-first.md":  "---\nid: same\ntitle: First\norder: 1\n---\n",
		"en/02-second.md": "---\ntitle: Second\norder: 2\nid: same\n---\n", // id on line 4
		"en/03-other.md":  lessonFile("other", "Other", 3),
	})
	if len(c.Problems) != 1 {
		t.Fatalf("problems = %q, want one", c.Problems)
	}
	p := c.Problems[0]
	if p.Path != "en/02-second.md" || p.Line != 4 ||
		!strings.Contains(p.Msg(), `duplicate id "same"`) || !strings.Contains(p.Msg(), "en/01-first.md") {
		t.Errorf("problem = %q", p.Error())
	}
	if l, _ := c.Find("en", "same"); l.Title != "First" {
		t.Errorf("lesson same = %q, want the first file's", l.Title)
	}
	if got := ids(c.Lessons("en")); !reflect.DeepEqual(got, []string{"same", "other"}) {
		t.Errorf("lessons = %v", got)
	}
}

func TestDuplicateIDWithPrefixAndCRLF(t *testing.T) {
	c := lessons.Load(fstest.MapFS{
		"pt-BR/a.md": {Data: []byte("---\r\nid: dup\r\ntitle: A\r\n---\r\n")},
		"pt-BR/b.md": {Data: []byte("\ufeff---\r\n# comment\r\ntitle: B\r\nid: dup\r\n---\r\n")},
	}, lessons.Options{Prefix: "course"})
	want := []lessons.Problem{{Path: "course/pt-BR/b.md", Line: 4,
		Format: "duplicate id %q: %s has it already", Args: []any{"dup", "course/pt-BR/a.md"}}}
	if !reflect.DeepEqual(c.Problems, want) {
		t.Errorf("problems = %q, want %q", c.Problems, want)
	}
}

func TestUnreadableFile(t *testing.T) {
	// A directory named like a lesson matches en/*.md but cannot be read.
	c := lessons.Load(fstest.MapFS{
		"en/a.md":        {Data: []byte(lessonFile("a", "A", 1))},
		"en/dir.md/x.md": {Data: []byte("x")},
	}, lessons.Options{Prefix: "p"})
	if len(c.Problems) != 1 || c.Problems[0].Error() != "p/en/dir.md: not a regular file" {
		t.Errorf("problems = %q, want p/en/dir.md: not a regular file", c.Problems)
	}
	if got := ids(c.Lessons("en")); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("lessons = %v", got)
	}
}

func TestProblemsSorted(t *testing.T) {
	c := load(t, map[string]string{
		"en/b.md":    "---\nid: b\ntitle: B\nfoo: 1\nbar: 2\n---\n",
		"en/a.md":    "no front matter",
		"pt-BR/b.md": "---\nid: b\ntitle: B\nbaz: 1\n---\n",
	})
	var got []string
	for _, p := range c.Problems {
		got = append(got, fmt.Sprintf("%s:%d", p.Path, p.Line))
	}
	want := []string{"en/a.md:1", "en/b.md:4", "en/b.md:5", "pt-BR/b.md:4"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problem order = %v, want %v", got, want)
	}
}

func TestProblemError(t *testing.T) {
	cases := []struct {
		p    lessons.Problem
		want string
	}{
		{lessons.Problem{Path: "lessons/en/01-x.md", Line: 7, Format: "missing title"}, "lessons/en/01-x.md:7: missing title"},
		{lessons.Problem{Path: "/tmp/course", Line: 0, Format: "stat /tmp/course: no such file or directory"},
			"/tmp/course: stat /tmp/course: no such file or directory"}, // a folder: no line
	}
	for _, tc := range cases {
		if got := tc.p.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
	// A system's error that names the problem's own path says it once.
	missing := lessons.Problem{Path: "/tmp/course", Format: "%v", Args: []any{&fs.PathError{Op: "stat", Path: "/tmp/course", Err: fs.ErrNotExist}}}
	tr := func(format string, args ...any) string { // as the app's printer says a file's error
		return fmt.Sprintf(format, args...)[len("stat "):]
	}
	if got := missing.Message(tr); got != "file does not exist" {
		t.Errorf("the path twice: %q", got)
	}
	var err error = lessons.Problem{Path: "a", Line: 1, Format: "b"}
	if err.Error() != "a:1: b" {
		t.Errorf("as error: %q", err.Error())
	}
}
