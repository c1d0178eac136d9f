package quiz

import (
	"math/rand/v2"

	"github.com/charmbracelet/x/ansi"

	"strings"
	"testing"

	"distlab/demos/locale"
	"distlab/lessons"
)

var sample = lessons.Lesson{Title: "Scaling", Quiz: []lessons.Question{
	{ID: "n", Kind: lessons.KindNumber, Text: "Peak N*?", Answer: 30.8, Tolerance: 0.5, Unit: "nodes", Why: "sqrt(950)"},
	{ID: "c", Kind: lessons.KindChoice, Text: "Why?", Options: []lessons.Option{
		{Text: "shared rack", Correct: true, Why: "not independent"},
		{Text: "too few", Why: "three suffice"},
	}},
	{ID: "o", Kind: lessons.KindOrder, Text: "Order", Items: []string{"first", "second", "third"}, Why: "causality"},
}}

// run answers the sample quiz with input, shuffled by seed 1, in lang.
func run(t *testing.T, lang locale.Lang, input string) (int, string) {
	t.Helper()
	var out strings.Builder
	n, err := Run(strings.NewReader(input), &out, locale.For(lang), sample, rand.New(rand.NewPCG(1, 1)), 0)
	if err != nil {
		t.Fatal(err)
	}
	return n, out.String()
}

// letterOf is the letter the quiz shows text under.
func letterOf(t *testing.T, out, text string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimSpace(l); strings.HasSuffix(l, ") "+text) {
			return l[:1]
		}
	}
	t.Fatalf("%q is not shown:\n%s", text, out)
	return ""
}

// Every answer is checked and explained: a number within its tolerance
// (in the reader's way of writing it, with a unit after it), a wrong
// option with its why and the right one with its own, an order given by
// letters; then the score.
func TestRunChecksAndExplains(t *testing.T) {
	_, shown := run(t, locale.English, "31\na\na b c\n") // the same seed shows the same shuffle
	wrong := letterOf(t, shown, "too few")
	order := letterOf(t, shown, "first") + " " + letterOf(t, shown, "second") + " " + letterOf(t, shown, "third")
	n, out := run(t, locale.English, "31 nodes\nz\n"+wrong+"\n"+order+"\n")
	for _, want := range []string{"Quiz: Scaling — 3 questions", "1/3  Peak N*?", "✓ Right. The answer: 30.8 ± 0.5 nodes.", "sqrt(950)",
		"answer with letters from a to b, each once", "✗ Not quite.", "✗ " + wrong + ") three suffice", ") not independent",
		"The order:", "causality", "Score: 2 of 3"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	if n != 2 {
		t.Errorf("score %d", n)
	}
	// In Portuguese a decimal comma; the input ending stops the quiz.
	n, out = run(t, locale.Portuguese, "30,6\n")
	if n != 1 || !strings.Contains(out, "✓ Certo. A resposta: 30,8 ± 0,5 nodes.") || !strings.Contains(out, "Acertos: 1 de 3") {
		t.Errorf("pt-BR: %d\n%s", n, out)
	}
}

// Numbers are read as each language writes them.
func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		lang locale.Lang
		want float64
		ok   bool
	}{
		{"6.4", locale.English, 6.4, true}, {"9,038", locale.English, 9038, true}, {"99.9 %", locale.English, 99.9, true},
		{"6,4", locale.Portuguese, 6.4, true}, {"9.038", locale.Portuguese, 9038, true}, {"102,9%", locale.Portuguese, 102.9, true},
		{"-3", locale.English, -3, true}, {"abc", locale.English, 0, false}, {"", locale.Portuguese, 0, false},
	} {
		got, ok := ParseNumber(tc.in, tc.lang)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("%q in %s: %v %v, want %v %v", tc.in, tc.lang, got, ok, tc.want, tc.ok)
		}
	}
}

// On a terminal, long lines wrap at spaces, under their own text.
func TestRunWraps(t *testing.T) {
	l := lessons.Lesson{Title: "T", Quiz: []lessons.Question{{ID: "n", Kind: lessons.KindNumber, Answer: 1,
		Text: strings.Repeat("word ", 30), Why: "because"}}}
	var out strings.Builder
	if _, err := Run(strings.NewReader("1\n"), &out, locale.For(locale.English), l, rand.New(rand.NewPCG(1, 1)), 40); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.Contains(line, "> ") {
			continue // the prompt, and the verdict after it: the input is not echoed here
		}
		if ansi.StringWidth(line) > 40 || strings.HasSuffix(line, "wor") {
			t.Errorf("%q", line)
		}
	}
}
