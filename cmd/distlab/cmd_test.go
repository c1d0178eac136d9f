package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
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
		{"auto", false, false, "notty"},
		{"auto", true, true, "notty"},
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
