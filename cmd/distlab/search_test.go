package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"distlab/lessons"
)

// hitLine is one line lessons search prints: id:line: text.
var hitLine = regexp.MustCompile(`^([a-z0-9-]+):([0-9]+): (.+)$`)

// Every line lessons search prints names a line of a lesson's file that
// holds the term, case and accents aside, and the lesson's text of it.
func TestLessonsSearch(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang, term, fold string
		heading          string // a heading of lesson 7 that must be printed at its line
	}{
		{"en", "LAMPORT", "lamport", "## Lamport clocks"},
		{"pt-BR", "relogio", "relogio", "## Não existe relógio global"},
		{"pt-BR", "RELOGIOS de lamport", "relogios de lamport", "## Relógios de Lamport"},
	} {
		out, _, err := execute(t, "lessons", "search", c.term, "--lang", c.lang)
		if err != nil {
			t.Fatalf("search %q in %s: %v", c.term, c.lang, err)
		}
		files := map[string][]string{}
		for _, l := range (&globals{}).load().Lessons(c.lang) {
			b, err := fs.ReadFile(lessons.Embedded, strings.TrimPrefix(l.Path, lessons.EmbeddedPrefix+"/"))
			if err != nil {
				t.Fatal(err)
			}
			files[l.ID] = strings.Split(string(b), "\n")
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		for _, line := range lines {
			m := hitLine.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("%s %q: not id:line: text: %q", c.lang, c.term, line)
			}
			n, _ := strconv.Atoi(m[2])
			src := files[m[1]]
			if n < 1 || n > len(src) || !strings.Contains(lessons.Fold(src[n-1]), c.fold) {
				t.Errorf("%s %q: %q names a line that does not hold it", c.lang, c.term, line)
			}
			if !strings.Contains(lessons.Fold(m[3]), c.fold) {
				t.Errorf("%s %q: the text of %q does not hold it", c.lang, c.term, line)
			}
		}
		at := slices.Index(files["time-consistency-failures"], c.heading)
		want := "time-consistency-failures:" + strconv.Itoa(at+1) + ": " + strings.TrimPrefix(c.heading, "## ")
		if at < 0 || !strings.Contains("\n"+out, "\n"+want+"\n") {
			t.Errorf("%s %q lacks %q:\n%s", c.lang, c.term, want, out)
		}
		if len(lines) < 2 {
			t.Errorf("%s %q: %d hits", c.lang, c.term, len(lines))
		}
	}
	// Into a pipe a line is whole, however long.
	out, _, _ := execute(t, "lessons", "search", "lamport", "--lang", "en")
	if !strings.Contains(out, "Tolerating lies costs more.\n") {
		t.Errorf("a long line was cut in a pipe:\n%s", out)
	}
}

func TestLessonsSearchJSON(t *testing.T) {
	t.Parallel()
	out, _, err := execute(t, "lessons", "search", "--json", "lamport", "--lang", "pt-BR")
	if err != nil {
		t.Fatal(err)
	}
	var hits []map[string]any
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) < 5 {
		t.Fatalf("not a JSON array of hits (%v):\n%s", err, out)
	}
	for _, h := range hits {
		if len(h) != 3 || h["id"] == "" || h["line"].(float64) < 1 || !strings.Contains(lessons.Fold(h["text"].(string)), "lamport") {
			t.Errorf("hit %v: want id, line and a text that holds the term", h)
		}
	}
}

// No line holds the term: nothing on standard output (an empty array with
// --json), a message in the reader's language, exit status 1; an empty term
// is an error too.
func TestLessonsSearchFindsNothing(t *testing.T) {
	t.Parallel()
	for lang, want := range map[string]string{"en": `no lesson in en holds "zzqx"`, "pt-BR": `nenhuma lição em pt-BR contém "zzqx"`} {
		out, _, err := execute(t, "lessons", "search", "zzqx", "--lang", lang)
		var quiet errQuiet
		if err == nil || errors.As(err, &quiet) || err.Error() != want || out != "" {
			t.Errorf("%s: err %v, out %q; want the error %q and nothing printed", lang, err, out, want)
		}
		out, _, err = execute(t, "lessons", "search", "--json", "zzqx", "--lang", lang)
		if err == nil || strings.TrimSpace(out) != "[]" {
			t.Errorf("%s --json: err %v, out %q; want [] and exit status 1", lang, err, out)
		}
	}
	for lang, want := range map[string]string{"en": "nothing to search for", "pt-BR": "nada para buscar"} {
		if _, _, err := execute(t, "lessons", "search", " ", "--lang", lang); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: an empty term: %v", lang, err)
		}
	}
	if _, _, err := execute(t, "lessons", "search"); err == nil {
		t.Error("search without a term: no error")
	}
}
