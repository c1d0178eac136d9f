package lessons

import (
	"strings"
	"testing"
)

func TestSplitAnswers(t *testing.T) {
	body := "## Self-check\n\n1. Why?\n\n---\n\n## Answers\n\n1. Because.\n\n---\n\n## References\n\n- A book.\n"
	before, answers, after := Lesson{Lang: "en", Body: body}.SplitAnswers()
	if before != "## Self-check\n\n1. Why?\n\n---\n\n" || answers != "## Answers\n\n1. Because.\n" || after != "## References\n\n- A book.\n" {
		t.Fatalf("before %q\nanswers %q\nafter %q", before, answers, after)
	}
	// At the end of the text; a heading that only starts with the word is
	// not it; another language's heading is not it either.
	for _, c := range []struct {
		lang, body, answers string
	}{
		{"pt-BR", "x\n\n## Respostas\n\n1. Porque.", "## Respostas\n\n1. Porque.\n"},
		{"en", "x\n\n## Answers to come\n\ny\n", ""},
		{"en", "x\n\n## Respostas\n\ny\n", ""},
		{"fr", "x\n\n## Answers\n\ny\n", ""},
	} {
		b, a, rest := Lesson{Lang: c.lang, Body: c.body}.SplitAnswers()
		if a != c.answers || (a == "" && (b != c.body || rest != "")) {
			t.Errorf("%s %q: before %q answers %q after %q", c.lang, c.body, b, a, rest)
		}
	}
}

// Every embedded lesson has an answers section, and nothing of the text
// is lost around it.
func TestEmbeddedAnswersSections(t *testing.T) {
	c := Load(Embedded, Options{Prefix: EmbeddedPrefix, KnownDemo: func(string) bool { return true }})
	for _, lang := range Languages {
		for _, l := range c.Lessons(lang) {
			before, answers, after := l.SplitAnswers()
			if answers == "" {
				t.Errorf("%s: no %q section", l.Path, "## "+AnswersHeadings[lang])
				continue
			}
			if !strings.Contains(before, "\n## ") || strings.Contains(before+after, "## "+AnswersHeadings[lang]+"\n") {
				t.Errorf("%s: split wrong", l.Path)
			}
			if got := len(before) + len(answers) + len(after); got > len(l.Body) || got < len(l.Body)-8 {
				t.Errorf("%s: %d bytes around the split, body %d", l.Path, got, len(l.Body))
			}
		}
	}
}

// A search finds the answers' lines as answers, not as the body's: the
// app's list, which shows only body hits, does not give them away.
func TestSearchKnowsTheAnswers(t *testing.T) {
	body := "## Self-check\n\n1. Why quartz?\n\n## Answers\n\n1. Quartz drifts.\n\n## References\n\n- Quartz book.\n"
	l := Lesson{ID: "t", Lang: "en", Body: body, Raw: body, Line: 10}
	kinds := map[string]HitKind{}
	for _, h := range Search([]Lesson{l}, "quartz") {
		kinds[h.Text] = h.Kind
	}
	if kinds["Why quartz?"] != InBody || kinds["Quartz drifts."] != InAnswers || kinds["Quartz book."] != InBody {
		t.Fatalf("kinds %v", kinds)
	}
}
