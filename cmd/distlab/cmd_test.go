package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// execute runs distlab with args and returns what it printed.
func execute(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	cmd := newRootCmd(args)
	var out, errb bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	err = cmd.Execute()
	return out.String(), errb.String(), err
}

func TestLessonsJSON(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "pt-BR"} {
		out, _, err := execute(t, "lessons", "--json", "--lang", lang)
		if err != nil {
			t.Fatal(err)
		}
		var got []map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		if len(got) < 2 {
			t.Fatalf("%s: %d lessons", lang, len(got))
		}
		for _, l := range got {
			for _, k := range []string{"id", "title", "order", "demos"} {
				if _, ok := l[k]; !ok {
					t.Errorf("%s: lesson lacks %q: %v", lang, k, l)
				}
			}
			if _, ok := l["demos"].([]any); !ok {
				t.Errorf("demos is not an array: %v", l["demos"])
			}
		}
	}
}

func TestLessonsTable(t *testing.T) {
	t.Parallel()
	out, _, err := execute(t, "lessons", "--lang", "pt-BR")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "#") || !strings.Contains(out, "scalability") {
		t.Fatalf("table:\n%s", out)
	}
}

func TestLessonsCheck(t *testing.T) {
	t.Parallel()
	if _, _, err := execute(t, "lessons", "check"); err != nil {
		t.Fatalf("the embedded course has problems: %v", err)
	}
	dir := t.TempDir()
	for _, lang := range []string{"en", "pt-BR"} {
		os.MkdirAll(filepath.Join(dir, lang), 0o755)
		os.WriteFile(filepath.Join(dir, lang, "01-ok.md"), []byte("---\nid: ok\ntitle: Fine\n---\nbody\n"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "en", "02-bad.md"), []byte("---\nid: bad\ntitle: [oops\n---\n"), 0o644)
	out, errOut, err := execute(t, "lessons", "check", dir)
	var quiet errQuiet
	if !errors.As(err, &quiet) {
		t.Fatalf("check of a bad folder: err %v, want exit status 1", err)
	}
	want := filepath.Join(dir, "en", "02-bad.md") + ":3:"
	if !strings.Contains(out, want) || !strings.Contains(errOut, "1 lesson file(s) loaded") && !strings.Contains(errOut, "loaded") {
		t.Fatalf("check output %q / %q, want a line starting %q", out, errOut, want)
	}
}

func TestLessonShowPlain(t *testing.T) {
	t.Parallel()
	// Not a terminal: plain text, no escape sequences, wrapped to --width.
	out, _, err := execute(t, "lesson", "show", "scalability", "--lang", "en", "--width", "60")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "\x1b[") {
		t.Fatal("plain output has escape sequences")
	}
	if strings.Contains(out, "notes:") {
		t.Fatal("speaker notes printed to students")
	}
	for i, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 60 && !strings.HasPrefix(strings.TrimSpace(line), "|") {
			// Code blocks are not wrapped by glamour; prose must be.
			if !strings.Contains(line, "  ") {
				t.Errorf("line %d is %d wide: %q", i, n, line)
			}
		}
	}
	colored, _, err := execute(t, "lesson", "show", "scalability", "--style", "dark")
	if err != nil || !strings.Contains(colored, "\x1b[") {
		t.Fatalf("--style dark gave no colors (err %v)", err)
	}
	if _, _, err := execute(t, "lesson", "show", "no-such-lesson"); err == nil {
		t.Fatal("unknown lesson gave no error")
	}
	if _, _, err := execute(t, "lesson", "show", "scalability", "--style", "neon"); err == nil {
		t.Fatal("unknown style gave no error")
	}
}

func TestPickStyle(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		theme       string
		tty, noColr bool
		want        string
	}{
		{"auto", false, false, "plain"},
		{"auto", true, true, "plain"},
		{"auto", true, false, "dark"},
		{"light", true, false, "light"},
		{"high-contrast", true, false, "dark"},
	} {
		if got := pickStyle(c.theme, c.tty, c.noColr); got != c.want {
			t.Errorf("pickStyle(%q, tty %v, NO_COLOR %v) = %q, want %q", c.theme, c.tty, c.noColr, got, c.want)
		}
	}
}

func TestFlags(t *testing.T) {
	// Not parallel: t.Setenv changes the whole process's environment.
	out, _, err := execute(t, "--version")
	if err != nil || !strings.Contains(out, "distlab version") {
		t.Fatalf("--version: %q %v", out, err)
	}
	if _, _, err := execute(t, "lessons", "--lang", "klingon"); err == nil {
		t.Fatal("unknown language accepted")
	}
	out, _, err = execute(t, "completion", "bash")
	if err != nil || !strings.Contains(out, "distlab") {
		t.Fatalf("completion: %v", err)
	}
	g := &globals{}
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "pt_BR.UTF-8")
	if l, _ := g.language(); l != "pt-BR" {
		t.Fatalf("LANG=pt_BR gave %s", l)
	}
	g.lang = "EN"
	if l, _ := g.language(); l != "en" {
		t.Fatalf("--lang EN gave %s", l)
	}
}

func TestLessonNotes(t *testing.T) {
	t.Parallel()
	out, _, err := execute(t, "lesson", "notes", "scalability", "--lang", "pt-BR")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "1/") || strings.Count(out, "\n") < 10 {
		t.Fatalf("notes:\n%s", out)
	}
	if _, _, err := execute(t, "lesson", "notes", "nope"); err == nil {
		t.Fatal("unknown lesson gave no error")
	}
}

func TestDemoUnknown(t *testing.T) {
	t.Parallel()
	_, _, err := execute(t, "demo", "no-such-demo")
	if err == nil || !strings.Contains(err.Error(), "no demo") {
		t.Fatalf("err %v", err)
	}
	if _, _, err := execute(t, "--lesson", "no-such-lesson"); err == nil || !strings.Contains(err.Error(), "no lesson") {
		t.Fatalf("--lesson typo: %v", err)
	}
}

// One-of and required flags are cobra flag groups: the command fails before
// it starts anything, naming the flags.
func TestFlagGroups(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"scale", "bench"}, "[up out]"},
		{[]string{"scale", "bench", "--up", "1", "--out", "1"}, "[out up] were all set"},
		{[]string{"chat", "bench"}, `"addr"`},
	} {
		_, _, err := execute(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("distlab %s: err %v, want one naming %s", strings.Join(c.args, " "), err, c.want)
		}
	}
}

// The number `distlab lessons` prints beside a lesson names it as well as
// its id does, for show and notes alike.
func TestLessonShowByNumber(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "pt-BR"} {
		for _, sub := range []string{"show", "notes"} {
			byID, _, err := execute(t, "lesson", sub, "scalability", "--lang", lang)
			if err != nil {
				t.Fatal(err)
			}
			byNumber, _, err := execute(t, "lesson", sub, "2", "--lang", lang)
			if err != nil {
				t.Fatalf("lesson %s 2 --lang %s: %v", sub, lang, err)
			}
			if byNumber != byID {
				t.Errorf("lesson %s 2 --lang %s is not lesson %s scalability:\n%s", sub, lang, sub, byNumber)
			}
		}
	}
	if _, _, err := execute(t, "lesson", "show", "99"); err == nil || !strings.Contains(err.Error(), `no lesson "99"`) {
		t.Fatalf("lesson show 99: %v", err)
	}
}

// lesson show without a lesson lists the lessons to choose from, by number
// and id, on standard error, and fails.
func TestLessonShowWithoutID(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "pt-BR"} {
		for _, sub := range []string{"show", "notes"} {
			out, errOut, err := execute(t, "lesson", sub, "--lang", lang)
			var quiet errQuiet
			if !errors.As(err, &quiet) {
				t.Fatalf("lesson %s: err %v, want exit status 1 once the list is said", sub, err)
			}
			if out != "" {
				t.Errorf("lesson %s printed on standard output:\n%s", sub, out)
			}
			for _, l := range (&globals{}).load().Lessons(lang) {
				row := regexp.MustCompile(`(?m)^` + strconv.Itoa(l.Order) + ` +` + l.ID + ` +` + regexp.QuoteMeta(l.Title))
				if !row.MatchString(errOut) {
					t.Errorf("lesson %s --lang %s: no row for %d %s:\n%s", sub, lang, l.Order, l.ID, errOut)
				}
			}
			if want := "distlab lesson " + sub + " what-is-a-distributed-system"; !strings.Contains(errOut, want) {
				t.Errorf("lesson %s --lang %s gives no example %q:\n%s", sub, lang, want, errOut)
			}
		}
	}
}

// marked is a lesson with every mark markdown has, in both languages.
const marked = "---\nid: marks\ntitle: %s\norder: 1\n---\n" +
	"## Second level\n\n### Third level\n\n" +
	"Some **bold words**, some *italic words*, some _more italics_, `a code span` and ~~struck~~.\n\n" +
	"See [the ShiViz site](https://example.com/shiviz) and <https://example.com/auto>.\n\n" +
	"![a diagram](diagram.png)\n\n" +
	"| Kind | Goal |\n|------|------|\n| first cell | second cell |\n\n" +
	"> a quoted line\n\n- an item with **bold**\n1. a numbered item\n\n" +
	"```\ncode stays # as it is\n```\n"

// Into a pipe or a file a lesson is plain text: every word, a link's
// address beside its text, table cells in their columns, and none of
// markdown's marks nor an escape sequence.
func TestLessonShowPlainHasNoMarks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for lang, title := range map[string]string{"en": "Marks *everywhere*", "pt-BR": "Marcas *em toda parte*"} {
		os.MkdirAll(filepath.Join(dir, lang), 0o755)
		os.WriteFile(filepath.Join(dir, lang, "01-marks.md"), []byte(fmt.Sprintf(marked, title)), 0o644)
	}
	for lang, title := range map[string]string{"en": "MARKS EVERYWHERE", "pt-BR": "MARCAS EM TODA PARTE"} {
		out, _, err := execute(t, "--lessons", dir, "lesson", "show", "1", "--lang", lang, "--width", "100")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"  " + title + "\n", "\n  Second level\n", "\n  Third level\n",
			" bold words,", " italic words,", " more italics,", " a code span and struck.",
			"the ShiViz site https://example.com/shiviz", "https://example.com/auto", "a diagram",
			"first cell", "second cell", "a quoted line", "• an item with bold", "1. a numbered item",
			"code stays # as it is"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: plain output lacks %q:\n%s", lang, want, out)
			}
		}
		for _, mark := range []string{"**", "*italic", "_more", "`", "~~", "#", "](", "<http", "![", "\x1b", "Image:"} {
			if strings.Contains(strings.ReplaceAll(out, "code stays # as it is", ""), mark) {
				t.Errorf("%s: plain output has %q:\n%s", lang, mark, out)
			}
		}
		if !regexp.MustCompile(`(?m)^ *Kind +\| +Goal *$`).MatchString(out) {
			t.Errorf("%s: the table's header is not in columns:\n%s", lang, out)
		}
	}
	heading := regexp.MustCompile(`^#{1,6} `) // not "#4", a message's number wrapped to a line's start
	// The course itself: prose (lines at the margin, code is indented
	// further) has no bold, code ticks, links or headings' #.
	for _, lang := range []string{"en", "pt-BR"} {
		for _, l := range (&globals{}).load().Lessons(lang) {
			out, _, err := execute(t, "lesson", "show", l.ID, "--lang", lang, "--width", "80")
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(out, "\n") {
				prose, ok := strings.CutPrefix(line, "  ")
				if !ok || strings.HasPrefix(prose, " ") {
					continue
				}
				words := strings.ReplaceAll(prose, "***", "") // the chat's notices start so; lessons quote them
				if heading.MatchString(prose) || strings.Contains(words, "**") || strings.Contains(prose, "`") || strings.Contains(prose, "](") {
					t.Errorf("%s %s line %d has a markdown mark: %q", lang, l.ID, i+1, line)
				}
			}
		}
	}
}

// distlab console --help names every key of the console, in both
// languages: r, g/G, ↑/↓ and ? were missing.
func TestConsoleHelpNamesEveryKey(t *testing.T) {
	t.Parallel()
	for lang, wants := range map[string][]string{
		"en":    {"→/space next", "←/backspace previous", "g/home first", "G/end last", "b blank", "w white", "d the slide's demo", "r a live question's results", "↑/↓ scroll long notes", "? lists every key", "q quits"},
		"pt-BR": {"→/espaço avança", "←/backspace volta", "g/home vai ao primeiro", "G/end ao último", "b apaga", "w deixa", "d abre", "r mostra à turma", "↑/↓ rolam", "? lista todas as teclas", "q sai"},
	} {
		out, _, err := execute(t, "console", "--help", "--lang", lang)
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(out), " ")
		for _, w := range wants {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: console --help lacks %q:\n%s", lang, w, out)
			}
		}
	}
}
