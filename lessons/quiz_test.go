package lessons_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"distlab/lessons"
)

const goodQuiz = `- id: amdahl
  kind: number
  question: "A job is 90% parallel. Speedup with 16 workers?"
  answer: 6.4
  tolerance: 0.1
  unit: "×"
  why: "S(16) = 1 / (0.10 + 0.90/16) = 6.4."
- id: rack
  kind: choice
  question: "Three replicas in one rack promise 99.9999%. What is wrong?"
  options:
    - text: "Their failures are not independent"
      correct: true
      why: "One rack switch takes down all three."
    - text: "Three is too few"
      why: "Independent 0.99 replicas give 99.9999%."
- id: reasons
  kind: choices
  question: "Which pay for distributing a system?"
  options:
    - {text: "availability", correct: true, why: "a machine fails, the service stays"}
    - {text: "scale", correct: true, why: "more load than one machine takes"}
    - {text: "simplicity", why: "distribution adds failure modes"}
- id: lamport
  kind: order
  question: "Order by Lamport timestamp."
  items: ["a1", "b1", "a2"]
  why: "Each receive takes max + 1."
`

func quizFS(en, pt string) fstest.MapFS {
	fsys := fstest.MapFS{
		"en/01-intro.md":                   {Data: []byte(deckLesson)},
		"pt-BR/01-intro.md":                {Data: []byte(deckLesson)},
		"en/01-intro" + lessons.QuizSuffix: {Data: []byte(en)},
	}
	if pt != "" {
		fsys["pt-BR/01-intro"+lessons.QuizSuffix] = &fstest.MapFile{Data: []byte(pt)}
	}
	return fsys
}

// A quiz loads with every kind of question: numbers with a tolerance and
// a unit, one or several right options each with its why, and items in
// their right order.
func TestQuizLoads(t *testing.T) {
	c := loadDeck(quizFS(goodQuiz, goodQuiz))
	if len(c.Problems) > 0 {
		t.Fatalf("problems: %q", messages(c.Problems))
	}
	l, _ := c.Find("en", "intro")
	q := l.Quiz
	if len(q) != 4 || l.QuizPath != "c/en/01-intro.quiz.yaml" {
		t.Fatalf("%d questions at %s", len(q), l.QuizPath)
	}
	if q[0].Kind != lessons.KindNumber || q[0].Answer != 6.4 || q[0].Tolerance != 0.1 || q[0].Unit != "×" || q[0].Line != 1 {
		t.Errorf("number: %+v", q[0])
	}
	if q[1].Kind != lessons.KindChoice || len(q[1].Options) != 2 || !q[1].Options[0].Correct || q[1].Options[1].Why == "" {
		t.Errorf("choice: %+v", q[1])
	}
	if right := slices.IndexFunc(q[2].Options, func(o lessons.Option) bool { return !o.Correct }); right != 2 {
		t.Errorf("choices: %+v", q[2])
	}
	if !slices.Equal(q[3].Items, []string{"a1", "b1", "a2"}) || q[3].Why == "" {
		t.Errorf("order: %+v", q[3])
	}
}

// What keeps a question from being asked is a problem at its file and
// line, and that question is left out; the rest of the quiz loads.
func TestQuizProblems(t *testing.T) {
	bad := `- id: ok
  kind: number
  question: "q"
  answer: 1
  why: "w"
- id: Bad_ID
  kind: number
  question: "q"
  answer: 1
  why: "w"
- id: no-answer
  kind: number
  question: "q"
  why: "w"
- id: two-right
  kind: choice
  question: "q"
  why: "w"
  options:
    - {text: a, correct: true, why: x}
    - {text: b, correct: true, why: y}
- id: bare-option
  kind: choice
  question: "q"
  why: "w"
  options:
    - {text: a, correct: true, why: x}
    - {text: b}
- id: what
  kind: essay
  question: "q"
  why: "w"
- id: ok
  kind: order
  question: "q"
  items: [a, a]
  why: "w"
  color: red
`
	c := loadDeck(quizFS(bad, ""))
	want := []string{
		`c/en/01-intro.quiz.yaml:6: question id "Bad_ID": use lowercase letters, digits and dashes`,
		`c/en/01-intro.quiz.yaml:11: question "no-answer" is a number without an answer`,
		`c/en/01-intro.quiz.yaml:19: question "two-right" is a choice: want exactly one correct option, not 2`,
		`c/en/01-intro.quiz.yaml:28: option 2 of "bare-option" needs a text and a why`,
		`c/en/01-intro.quiz.yaml:30: question "what": unknown kind "essay" (kinds: choice, choices, number, order)`,
		`c/en/01-intro.quiz.yaml:36: question "ok" lists "a" twice`,
		`c/en/01-intro.quiz.yaml:38: unknown field "color" (fields: id, kind, question, why, options, answer, tolerance, unit, items)`,
		`c/pt-BR/01-intro.md:1: 0 questions, but 1 in en: a quiz asks the same in every language`,
	}
	if got := messages(c.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if l, _ := c.Find("en", "intro"); len(l.Quiz) != 1 || l.Quiz[0].ID != "ok" {
		t.Errorf("loaded: %+v", l.Quiz)
	}
	// Not YAML, or not a list: one problem, no questions.
	for _, s := range []string{"- id: [\n", "id: x\n"} {
		if c := loadDeck(quizFS(s, "")); len(c.Problems) != 1 {
			t.Errorf("%q: %q", s, messages(c.Problems))
		}
	}
}

// Both languages ask the same: a question whose kind, right options or
// answer differ, or a missing quiz, is a problem at the second language's
// line.
func TestQuizSameInEveryLanguage(t *testing.T) {
	pt := strings.Replace(goodQuiz, "answer: 6.4", "answer: 6.5", 1)
	pt = strings.Replace(pt, `{text: "scale", correct: true, why:`, `{text: "scale", why:`, 1)
	pt = strings.Replace(pt, `{text: "simplicity", why:`, `{text: "simplicity", correct: true, why:`, 1)
	c := loadDeck(quizFS(goodQuiz, pt))
	want := []string{
		`c/pt-BR/01-intro.quiz.yaml:1: question "amdahl": its answer differs from en's`,
		`c/pt-BR/01-intro.quiz.yaml:17: question "reasons": its options, or which are right, differ from en's`,
	}
	if got := messages(c.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	c = loadDeck(quizFS(goodQuiz, ""))
	if got := messages(c.Problems); len(got) != 1 || !strings.Contains(got[0], "pt-BR/01-intro.md:1: 0 questions, but 4 in en") {
		t.Errorf("a missing quiz: %q", got)
	}
	fsys := quizFS(goodQuiz, goodQuiz)
	fsys["en/09-gone"+lessons.QuizSuffix] = &fstest.MapFile{Data: []byte(goodQuiz)}
	if got := messages(loadDeck(fsys).Problems); len(got) != 1 || !strings.Contains(got[0], "a quiz without its lesson") {
		t.Errorf("an orphan quiz: %q", got)
	}
}
