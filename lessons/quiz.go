package lessons

import (
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// QuizSuffix ends the name of a lesson's quiz, the sibling of its reading
// text: en/02-scalability.md is checked with en/02-scalability.quiz.yaml,
// a YAML list of questions (see Question). A lesson may have none.
const QuizSuffix = ".quiz.yaml"

// The kinds of question.
const (
	KindChoice  = "choice"  // one right option
	KindChoices = "choices" // several right options
	KindNumber  = "number"  // a number, within a tolerance
	KindOrder   = "order"   // items to put in order
)

// QuestionKinds are the kinds a quiz may use.
var QuestionKinds = []string{KindChoice, KindChoices, KindNumber, KindOrder}

// Question is one question of a lesson's quiz.
type Question struct {
	ID   string // the same in every language
	Kind string // one of QuestionKinds
	Text string // the question
	Why  string // the explanation shown once it is answered
	// Options are a choice's, in the file's order (the app shuffles them).
	Options []Option
	// Answer, within Tolerance, is a number's; Unit is shown after it.
	Answer, Tolerance float64
	Unit              string
	// Items are an order question's, in the right order.
	Items []string
	Line  int // file line where the question starts
}

// Option is one option of a choice.
type Option struct {
	Text    string
	Correct bool
	Why     string // why it is right, or the misconception it is
}

// rawQuestion is a question as the file writes it.
type rawQuestion struct {
	ID        string   `yaml:"id"`
	Kind      string   `yaml:"kind"`
	Question  string   `yaml:"question"`
	Why       string   `yaml:"why"`
	Options   []Option `yaml:"options"`
	Answer    *float64 `yaml:"answer"`
	Tolerance float64  `yaml:"tolerance"`
	Unit      string   `yaml:"unit"`
	Items     []string `yaml:"items"`
}

var (
	questionKeys = []string{"id", "kind", "question", "why", "options", "answer", "tolerance", "unit", "items"}
	optionKeys   = []string{"text", "correct", "why"}
)

// quizPath is the quiz's file name for a lesson file's name.
func quizPath(lessonName string) string {
	return strings.TrimSuffix(lessonName, ".md") + QuizSuffix
}

// parseQuiz reads a quiz file shown as path: its questions, and every
// problem at its line. A question with a problem is left out.
func parseQuiz(path string, data []byte) ([]Question, []Problem) {
	ps := &fileProblems{path: path}
	if !utf8.Valid(data) {
		ps.addf(1, "file is not valid UTF-8")
		return nil, ps.list
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		ps.addf(line, "quiz: %s", msg)
		return nil, ps.list
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.SequenceNode {
		ps.addf(1, "a quiz is a YAML list of questions (- id: ..., kind: ..., question: ...)")
		return nil, ps.list
	}
	var out []Question
	seen := map[string]bool{}
	for _, node := range doc.Content[0].Content {
		q, ok := parseQuestion(node, ps)
		switch {
		case !ok:
		case seen[q.ID]:
			ps.addf(q.Line, "duplicate question id %q", q.ID)
		default:
			seen[q.ID] = true
			out = append(out, q)
		}
	}
	return out, ps.list
}

// parseQuestion checks one question; ok is false when it cannot be asked.
func parseQuestion(node *yaml.Node, ps *fileProblems) (Question, bool) {
	line := node.Line
	if node.Kind != yaml.MappingNode {
		ps.addf(line, "a question is a mapping (id: ..., kind: ..., question: ...)")
		return Question{}, false
	}
	lines := unknownKeys(node, questionKeys, ps)
	var r rawQuestion
	if err := node.Decode(&r); err != nil {
		l, msg := yamlErrorLine(err)
		ps.addf(max(l, line), "quiz: %s", msg)
		return Question{}, false
	}
	before := len(ps.list)
	at := func(key string) int {
		if l, ok := lines[key]; ok {
			return l
		}
		return line
	}
	q := Question{ID: r.ID, Kind: r.Kind, Text: quizText(r.Question, at("question"), ps), Why: quizText(r.Why, at("why"), ps),
		Tolerance: r.Tolerance, Unit: quizText(r.Unit, at("unit"), ps), Line: line}
	switch {
	case r.ID == "":
		ps.addf(line, "question without id")
	case !idPattern.MatchString(r.ID):
		ps.addf(at("id"), "question id %q: use lowercase letters, digits and dashes", r.ID)
	}
	if strings.TrimSpace(q.Text) == "" {
		ps.addf(line, "question %q has no question", r.ID)
	}
	if strings.TrimSpace(q.Why) == "" && (r.Kind == KindNumber || r.Kind == KindOrder) {
		// A choice explains itself option by option.
		ps.addf(line, "question %q has no why (the explanation shown after the answer)", r.ID)
	}
	switch r.Kind {
	case KindChoice, KindChoices:
		right := 0
		for i, o := range r.Options {
			optLine := optionLine(node, i, line)
			o.Text, o.Why = quizText(o.Text, optLine, ps), quizText(o.Why, optLine, ps)
			if strings.TrimSpace(o.Text) == "" || strings.TrimSpace(o.Why) == "" {
				ps.addf(optLine, "option %d of %q needs a text and a why", i+1, r.ID)
			}
			if o.Correct {
				right++
			}
			q.Options = append(q.Options, o)
		}
		switch {
		case len(r.Options) < 2 || len(r.Options) > 6:
			ps.addf(at("options"), "question %q has %d options: want 2 to 6", r.ID, len(r.Options))
		case r.Kind == KindChoice && right != 1:
			ps.addf(at("options"), "question %q is a choice: want exactly one correct option, not %d", r.ID, right)
		case r.Kind == KindChoices && (right < 2 || right == len(r.Options)):
			ps.addf(at("options"), "question %q is a choices: want at least two correct options and one wrong", r.ID)
		}
	case KindNumber:
		if r.Answer == nil {
			ps.addf(line, "question %q is a number without an answer", r.ID)
		} else {
			q.Answer = *r.Answer
		}
		if r.Tolerance < 0 {
			ps.addf(at("tolerance"), "question %q has a negative tolerance", r.ID)
		}
	case KindOrder:
		for _, it := range r.Items {
			q.Items = append(q.Items, quizText(it, at("items"), ps))
		}
		if len(q.Items) < 2 {
			ps.addf(at("items"), "question %q is an order with fewer than two items", r.ID)
		}
		if dup := duplicate(q.Items); dup != "" {
			ps.addf(at("items"), "question %q lists %q twice", r.ID, dup)
		}
	default:
		ps.addf(at("kind"), "question %q: unknown kind %q (kinds: %s)", r.ID, r.Kind, strings.Join(QuestionKinds, ", "))
	}
	return q, len(ps.list) == before
}

// unknownKeys reports the keys of a mapping that are not known, and returns
// each key's line.
func unknownKeys(node *yaml.Node, known []string, ps *fileProblems) map[string]int {
	lines := map[string]int{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k := node.Content[i]
		lines[k.Value] = k.Line
		if !slices.Contains(known, k.Value) {
			ps.addf(k.Line, "unknown field %q (fields: %s)", k.Value, strings.Join(known, ", "))
		}
		if k.Value == "options" {
			for _, o := range node.Content[i+1].Content {
				if o.Kind == yaml.MappingNode {
					unknownKeys(o, optionKeys, ps)
				}
			}
		}
	}
	return lines
}

// optionLine is the line of option i of a question, or def.
func optionLine(q *yaml.Node, i, def int) int {
	for k := 0; k+1 < len(q.Content); k += 2 {
		if q.Content[k].Value == "options" && i < len(q.Content[k+1].Content) {
			return q.Content[k+1].Content[i].Line
		}
	}
	return def
}

// quizText is a text of the quiz as it may be shown: with a problem at line
// when it held control characters or escapes, which are removed.
func quizText(s string, line int, ps *fileProblems) string {
	t, dirty := CleanLine(strings.TrimSpace(s))
	if dirty {
		ps.addf(line, "the text holds control characters or escape sequences: they were removed")
	}
	return t
}

func duplicate(items []string) string {
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it] {
			return it
		}
		seen[it] = true
	}
	return ""
}
