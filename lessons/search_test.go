package lessons

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"pgregory.net/rapid"
)

// searchFixture is a course of two lessons whose lines are known: line
// numbers below are the files'.
func searchFixture(t *testing.T) []Lesson {
	t.Helper()
	one := strings.Join([]string{
		"---",                                 // 1
		"id: clocks",                          // 2
		"title: Relógios de Lamport",          // 3
		"order: 1",                            // 4
		"summary: Ordem sem um tempo global.", // 5
		"---",                                 // 6
		"",                                    // 7
		"## Relógios lógicos",                 // 8
		"",                                    // 9
		"O **relógio** de [Lamport](https://x) conta eventos.", // 10
		"<!-- notes: Lamport in the notes is not shown -->",    // 11
		"- um item com `lamport()` em código",                  // 12
		"```go",                                                // 13
		"x := lamport + 1",                                     // 14
		"```",                                                  // 15
		"<!--",                                                 // 16
		"lamport hidden in a comment",                          // 17
		"--> after the comment, Lamport",                       // 18
		"1. Fim.",                                              // 19
	}, "\n")
	two := "---\nsummary: Escala.\ntitle: Escalar\nid: scale\norder: 2\n---\nNada de LAMPORT aqui? Sim: lamport.\n"
	c := Load(fstest.MapFS{
		"pt-BR/01-clocks.md": {Data: []byte(one)},
		"pt-BR/02-scale.md":  {Data: []byte(two)},
	}, Options{})
	ls := c.Lessons("pt-BR")
	if len(ls) != 2 {
		t.Fatalf("loaded %d lessons: %v", len(ls), c.Problems)
	}
	return ls
}

func hitsString(hs []Hit) string {
	var b strings.Builder
	for _, h := range hs {
		fmt.Fprintf(&b, "%s:%d: %s\n", h.ID, h.Line, h.Text)
	}
	return b.String()
}

func TestSearchFindsLinesOfTheSource(t *testing.T) {
	ls := searchFixture(t)
	got := hitsString(Search(ls, "LAMPORT"))
	want := "clocks:3: Relógios de Lamport\n" +
		"clocks:10: O relógio de Lamport conta eventos.\n" +
		"clocks:12: um item com lamport() em código\n" +
		"clocks:14: x := lamport + 1\n" +
		"clocks:18: after the comment, Lamport\n" +
		"scale:7: Nada de LAMPORT aqui? Sim: lamport.\n"
	if got != want {
		t.Errorf("hits:\n%s\nwant:\n%s", got, want)
	}
	hs := Search(ls, "escala")
	if len(hs) != 2 || hs[0].Kind != InSummary || hs[0].Line != 2 || hs[1].Kind != InTitle || hs[1].Line != 3 {
		t.Errorf("front matter hits, in line order: %+v", hs)
	}
	if hs := Search(ls, "   "); hs != nil {
		t.Errorf("a blank query finds %v", hs)
	}
	if got := SourceLine(ls[0], 10); got != "O relógio de Lamport conta eventos." {
		t.Errorf("SourceLine 10 = %q", got)
	}
	if got := SourceLine(ls[0], 11); got != "" {
		t.Errorf("SourceLine of a note = %q", got)
	}
}

func TestSearchAccentsAndCase(t *testing.T) {
	ls := searchFixture(t)
	for _, c := range []struct {
		query string
		lines []int // of lesson clocks
	}{
		{"relogio", []int{3, 8, 10}},
		{"RELÓGIO", []int{3, 8, 10}},
		{"Relógios", []int{3, 8}},
		{"lógicos", []int{8}},
		{"logicos", []int{8}},
		{"ordem sem", []int{5}},
		{"ordem   sem", []int{5}}, // spaces collapse
		{"codigo", []int{12}},
		{"conta eventos", []int{10}},
		{"https", nil},    // a link is its text
		{"notes", nil},    // speaker notes are not the lesson's text
		{"```", nil},      // nor a code fence
		{"go", []int{12}}, // "código"; not the fence's language
	} {
		var lines []int
		for _, h := range Search(ls, c.query) {
			if h.ID == "clocks" {
				lines = append(lines, h.Line)
			}
		}
		if !slices.Equal(lines, c.lines) {
			t.Errorf("%q finds lines %v, want %v", c.query, lines, c.lines)
		}
	}
}

func TestPlainLine(t *testing.T) {
	for in, want := range map[string]string{
		"## Lamport clocks ##":                               "Lamport clocks",
		"- **Skew** (or offset): the gap":                    "Skew (or offset): the gap",
		"  * item *with* emphasis":                           "item with emphasis",
		"12. twelfth":                                        "twelfth",
		"> quoted `code **kept**` text":                      "quoted code **kept** text",
		"see [the paper](http://a/b) and ![a figure](f.png)": "see the paper and a figure",
		"vectors [3,0,0] and [2,3,0]":                        "vectors [3,0,0] and [2,3,0]",
		"3 * 4 = 12, snake_case, __bold__":                   "3 * 4 = 12, snake_case, bold",
		"| a | b |":                                          "a · b",
		"| relógio | | **ok** |":                             "relógio · ok",
		"|---|:---:|--:|":                                    "",
		"| `a\\|b` | c |":                                    "a|b · c",
		"escaped \\*star\\* &amp; entity":                    "escaped *star* & entity",
		"- [x] done":                                         "done",
		"<https://example.com> autolink":                     "https://example.com autolink",
		"``double `tick` span``":                             "double `tick` span",
		"an `unclosed span":                                  "an `unclosed span",
	} {
		if got := PlainLine(in); got != want {
			t.Errorf("PlainLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSpansAreTheTextsOwnBytes(t *testing.T) {
	for _, c := range []struct {
		text, query string
		want        []string
	}{
		{"Relógio e relogio e RELÓGIO", "relogio", []string{"Relógio", "relogio", "RELÓGIO"}},
		{"cafe\u0301 com café", "café", []string{"cafe\u0301", "café"}}, // the mark belongs to its letter
		{"aaaa", "aa", []string{"aa", "aa"}},
		{"Lamport", "x", nil},
	} {
		var got []string
		for _, s := range NewQuery(c.query).Spans(c.text) {
			got = append(got, c.text[s.From:s.To])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Spans(%q, %q) = %q, want %q", c.text, c.query, got, c.want)
		}
	}
}

// words draws words of what lessons hold: letters of both cases, accented
// precomposed and decomposed, digits and a little punctuation.
func words() *rapid.Generator[string] {
	return rapid.StringOfN(rapid.SampledFrom([]rune("abcxyzABCXYZ019çÇãÃáÁéÉêÊíóÓôõúüñßøØ\u0301\u0303\u0327.:,()")), 1, 8, -1)
}

// Any word a line shows, folded or as written, finds that line, and the
// span it reports is that word again.
func TestSearchFindsEveryWordOfALine(t *testing.T) {
	marks := []string{"%s", "**%s**", "*%s*", "`%s`", "[%s](http://example.com)"}
	prefixes := []string{"", "- ", "## ", "> ", "1. ", "| "}
	rapid.Check(t, func(t *rapid.T) {
		var raw []string
		n := rapid.IntRange(1, 6).Draw(t, "lines")
		for range n {
			var line []string
			for range rapid.IntRange(1, 6).Draw(t, "words") {
				w := words().Draw(t, "word")
				line = append(line, fmt.Sprintf(rapid.SampledFrom(marks).Draw(t, "mark"), w))
			}
			raw = append(raw, rapid.SampledFrom(prefixes).Draw(t, "prefix")+strings.Join(line, " "))
		}
		l := Lesson{ID: "l", Title: "T", Raw: strings.Join(raw, "\n"), Line: 7}
		ls := []Lesson{l}
		x := NewIndex(ls)
		for i, r := range raw {
			shown := PlainLine(r)
			for _, w := range strings.Fields(shown) {
				if Fold(w) == "" {
					continue // only marks: nothing to look for
				}
				for _, q := range []string{w, Fold(w), strings.ToUpper(w)} {
					hs := x.Search(NewQuery(q))
					at := slices.IndexFunc(hs, func(h Hit) bool { return h.Line == 7+i })
					if at < 0 {
						t.Fatalf("%q (a word of line %d, %q) finds %v", q, i, r, hs)
					}
					found := false
					for _, s := range NewQuery(q).Spans(hs[at].Text) {
						found = found || Fold(hs[at].Text[s.From:s.To]) == Fold(w)
					}
					if !found && Fold(strings.ToUpper(w)) == Fold(w) {
						t.Fatalf("%q: no span of %q is the word", q, hs[at].Text)
					}
				}
			}
		}
	})
}

// Folding a rune at a time (which lets a match map back to the text) is
// folding the whole text at once, as the filters always did.
func TestFoldIsWholeTextFolding(t *testing.T) {
	whole := func(s string) string {
		d := norm.NFD.String(strings.ToLower(s))
		return strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Mn, r) {
				return -1
			}
			return r
		}, d)
	}
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOf(rapid.SampledFrom([]rune("abcxyzABCXYZ019 -:.çÇãÃáÁéÉêÊíóÓôõúüñßøØ\u0301\u0303\u0327İΩ한"))).Draw(t, "s")
		if got, want := Fold(s), whole(s); got != want {
			t.Fatalf("Fold(%q) = %q, whole text %q", s, got, want)
		}
		if got, want := Unaccent(s), whole(strings.ToLower(s)); strings.ToLower(got) != want {
			t.Fatalf("Unaccent(%q) = %q", s, got)
		}
	})
}

func BenchmarkIndexCourse(b *testing.B) {
	c := Load(Embedded, Options{KnownDemo: func(string) bool { return true }})
	ls := c.Lessons("pt-BR")
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(ls).Search(NewQuery("relogio"))
	}
}

// On a terminal a hit is cut to its width; into a pipe it is whole.
func TestWriteHits(t *testing.T) {
	hs := []Hit{{ID: "clocks", Line: 12, Text: "Relógios de Lamport contam eventos, não segundos."}}
	var b strings.Builder
	if err := WriteHits(&b, hs, 0); err != nil || b.String() != "clocks:12: Relógios de Lamport contam eventos, não segundos.\n" {
		t.Fatalf("whole: %q, %v", b.String(), err)
	}
	b.Reset()
	WriteHits(&b, hs, 30)
	if got := b.String(); got != "clocks:12: Relógios de Lampor…\n" {
		t.Fatalf("cut to 30 cells: %q", got)
	}
	b.Reset()
	WriteHitsJSON(&b, nil)
	if b.String() != "[]\n" {
		t.Fatalf("no hits in JSON: %q", b.String())
	}
}
