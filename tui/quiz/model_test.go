package quiz

import (
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/theme"
)

func newModel(lang locale.Lang) *Model {
	l := sample
	l.ID = "scaling"
	return New(common.New(theme.New(theme.Dark), lang), l, rand.New(rand.NewPCG(1, 1)))
}

// press sends keys ("enter", "space", a letter, or text typed) and
// returns the messages the commands give back.
func press(m *Model, ks ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range ks {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "space":
			msg = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "up":
			msg = tea.KeyPressMsg{Code: tea.KeyUp}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		case "backspace":
			msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
		default:
			for _, r := range k {
				if cmd := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)}); cmd != nil {
					out = append(out, cmd())
				}
			}
			continue
		}
		if cmd := m.Update(msg); cmd != nil {
			out = append(out, cmd())
		}
	}
	return out
}

func screen(m *Model) string { return ansi.Strip(m.View(70, 30)) }

// letterShown is the letter under which text is on screen.
func letterShown(t *testing.T, m *Model, text string) string {
	t.Helper()
	for _, l := range strings.Split(screen(m), "\n") {
		if i := strings.Index(l, ") "+text); i > 0 {
			return l[i-1 : i]
		}
	}
	t.Fatalf("%q not on screen:\n%s", text, screen(m))
	return ""
}

// A wrong answer is said wrong with the why of the option chosen and of
// the right one; r asks the same question again, shuffled anew; the right
// answer then counts, but not at the first try. Every answer is reported
// to the root as it is given.
func TestQuizWrongThenRight(t *testing.T) {
	m := newModel(locale.English)
	if s := screen(m); !strings.Contains(s, "Peak N*?") || strings.Contains(s, "sqrt(950)") {
		t.Fatalf("the first question, without its answer:\n%s", s)
	}
	msgs := press(m, "12", "enter")
	if len(msgs) != 1 || msgs[0] != (AnsweredMsg{Lesson: "scaling", Question: "n", Right: false}) {
		t.Fatalf("messages %v", msgs)
	}
	if s := screen(m); !strings.Contains(s, "✗ Not quite.") || !strings.Contains(s, "The answer: 30.8 ± 0.5 nodes.") || !strings.Contains(s, "sqrt(950)") {
		t.Fatalf("a wrong number, explained:\n%s", s)
	}
	press(m, "r")
	if s := screen(m); strings.Contains(s, "sqrt(950)") || !m.Capturing() {
		t.Fatalf("a retry hides the answer and takes a number:\n%s", s)
	}
	msgs = press(m, "30,9", "enter") // English: a comma between thousands, so 309
	if len(msgs) != 1 || msgs[0].(AnsweredMsg).Right {
		t.Fatalf("30,9 in English is 309: %v", msgs)
	}
	press(m, "r", "31", "enter")
	if s := screen(m); !strings.Contains(s, "✓ Right.") {
		t.Fatalf("31 is within 0.5 of 30.8:\n%s", s)
	}
	press(m, "enter")
	// The choice: the wrong option first.
	press(m, letterShown(t, m, "too few"), "enter")
	s := screen(m)
	if !strings.Contains(s, "✗ Not quite: the answer is "+letterShown(t, m, "shared rack")+".") || !strings.Contains(s, "three suffice") || !strings.Contains(s, "not independent") {
		t.Fatalf("a wrong choice explains the option chosen and the right one:\n%s", s)
	}
	press(m, "r")
	press(m, letterShown(t, m, "shared rack"), "enter", "enter")
	// The order: picked one by one, backspace takes the last back.
	for _, it := range []string{"first", "third", "backspace", "second", "third"} {
		if it == "backspace" {
			press(m, it)
			continue
		}
		press(m, letterShown(t, m, it))
	}
	msgs = press(m, "enter")
	if len(msgs) != 1 || !msgs[0].(AnsweredMsg).Right {
		t.Fatalf("the order first, second, third: %v\n%s", msgs, screen(m))
	}
	press(m, "enter")
	first, right := m.Score()
	if first != 1 || right != 3 {
		t.Fatalf("score: %d right at the first try, %d right: want 1 and 3", first, right)
	}
	if s := screen(m); !strings.Contains(s, "Right at the first try: 1 of 3") || !strings.Contains(s, "Right after another try: 2") {
		t.Fatalf("the score screen:\n%s", s)
	}
	if msgs := press(m, "enter"); len(msgs) != 1 || msgs[0] != (CloseMsg{}) {
		t.Fatalf("enter on the score closes: %v", msgs)
	}
}

// Nothing is answered by an empty field, a word, or an order half picked;
// each says why, in the reader's language.
func TestQuizRefusesIncompleteAnswers(t *testing.T) {
	m := newModel(locale.Portuguese)
	if msgs := press(m, "enter"); len(msgs) != 0 || !strings.Contains(screen(m), "digite um número") {
		t.Fatalf("empty: %v\n%s", msgs, screen(m))
	}
	if msgs := press(m, "abc", "enter"); len(msgs) != 0 || !strings.Contains(screen(m), "não é um número: abc") {
		t.Fatalf("a word: %v\n%s", msgs, screen(m))
	}
	m.number.SetValue("")
	press(m, "30,8 nós", "enter", "enter") // a decimal comma and a unit
	if m.i != 1 || m.results[0] != rightFirst {
		t.Fatalf("30,8 nós is right in Portuguese: question %d, results %v", m.i, m.results)
	}
	press(m, "enter", "enter") // choice: enter picks the option under the cursor
	press(m, "a")
	if msgs := press(m, "enter"); len(msgs) != 0 || !strings.Contains(screen(m), "1 de 3 até agora") {
		t.Fatalf("half an order: %v\n%s", msgs, screen(m))
	}
}

// A retry shuffles the options anew: over a few tries the order on screen
// changes.
func TestQuizRetryShuffles(t *testing.T) {
	m := newModel(locale.English)
	press(m, "1", "enter", "enter")
	seen := map[string]bool{}
	for range 12 {
		seen[letterShown(t, m, "shared rack")] = true
		press(m, "a", "enter", "r")
	}
	if len(seen) < 2 {
		t.Fatalf("12 retries always put the option under %v", seen)
	}
}

// Keys that are not the quiz's, and keys after the end, do nothing odd;
// every view is exactly the size asked, at any size.
func TestQuizViewSizes(t *testing.T) {
	m := newModel(locale.English)
	keys := []string{"down", "space", "enter", "r", "x", "up", "9", "backspace", "enter", "enter"}
	for i := range 200 {
		press(m, keys[i%len(keys)])
		for _, sz := range [][2]int{{70, 30}, {30, 8}, {4, 1}, {120, 40}} {
			v := m.View(sz[0], sz[1])
			lines := strings.Split(v, "\n")
			if len(lines) != sz[1] {
				t.Fatalf("%dx%d: %d lines", sz[0], sz[1], len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w != sz[0] {
					t.Fatalf("%dx%d: a line %d wide: %q", sz[0], sz[1], w, l)
				}
			}
		}
	}
}

// The same quiz in the other language keeps the question and the order
// of its options.
func TestQuizSwitchesLanguage(t *testing.T) {
	m := newModel(locale.English)
	press(m, "30.8", "enter", "enter")
	before := letterShown(t, m, "shared rack")
	pt := sample
	pt.ID = "scaling"
	pt.Quiz = append([]lessons.Question(nil), sample.Quiz...)
	pt.Quiz[1].Options = []lessons.Option{{Text: "rack compartilhado", Correct: true, Why: "não independentes"}, {Text: "poucos", Why: "três bastam"}}
	m.SetLesson(pt)
	if got := letterShown(t, m, "rack compartilhado"); got != before {
		t.Fatalf("the option moved from %s to %s", before, got)
	}
}

// For print, the answers go after the rest of the text and the quiz after
// them, every question with its answer: what the screen hides waits at
// the end of the paper.
func TestForPrint(t *testing.T) {
	l := sample
	l.Lang = "en"
	l.Body = "## Self-check\n\n1. Why?\n\n---\n\n## Answers\n\n1. Because.\n\n---\n\n## References\n\n- A book.\n"
	s := ForPrint(locale.For(locale.English), l)
	self, refs, answers, quiz := strings.Index(s, "## Self-check"), strings.Index(s, "## References"), strings.Index(s, "## Answers"), strings.Index(s, "## Quiz")
	if self < 0 || !(self < refs && refs < answers && answers < quiz) {
		t.Fatalf("order wrong:\n%s", s)
	}
	for _, want := range []string{"**1.** Peak N*?", "- The answer: 30.8 ± 0.5 nodes.", "- ✓ a) shared rack — not independent", "- ✗ b) too few — three suffice", "The order:", "1. first", "causality"} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in:\n%s", want, s)
		}
	}
}

// A live question holds the verdict until the instructor reveals the
// results: the answer goes out, r changes it while open, and the reveal
// shows the class's bars and the why.
func TestLiveQuestionHoldsTheVerdict(t *testing.T) {
	l := sample
	l.ID = "scaling"
	m := NewLive(common.New(theme.New(theme.Dark), locale.English), l, sample.Quiz[1], rand.New(rand.NewPCG(1, 1)))
	msgs := press(m, letterShown(t, m, "too few"), "enter")
	if len(msgs) != 1 {
		t.Fatalf("messages %v", msgs)
	}
	a, ok := msgs[0].(LiveAnsweredMsg)
	if !ok || a.Right || len(a.Chosen) != 1 || a.Chosen[0] != 1 {
		t.Fatalf("the live answer: %#v", msgs[0])
	}
	if s := screen(m); !strings.Contains(s, "Answer sent") || strings.Contains(s, "three suffice") || strings.Contains(s, "Not quite") {
		t.Fatalf("before the reveal, no verdict:\n%s", s)
	}
	press(m, "r")
	msgs = press(m, letterShown(t, m, "shared rack"), "enter")
	if a := msgs[0].(LiveAnsweredMsg); !a.Right || a.Chosen[0] != 0 {
		t.Fatalf("changed answer %#v", a)
	}
	m.SetLive(false, false, LiveResults{})
	if press(m, "r"); !m.answered {
		t.Fatal("r changed the answer after the answers closed")
	}
	m.SetLive(false, true, LiveResults{Answered: 3, Right: 2, PerOption: []int{2, 1}})
	if s := screen(m); !strings.Contains(s, "The class's answers: 3 · right: 2") || !strings.Contains(s, "✓ Right.") || !strings.Contains(s, "not independent") {
		t.Fatalf("after the reveal:\n%s", s)
	}
}

// A paste of a page into a live question's number keeps maxNumber
// characters, and the student is told the rest was left out (in their
// language); the answer refused quotes only what was kept. The whole paste
// was kept, and quoted back.
func TestLiveNumberIsBounded(t *testing.T) {
	for lang, want := range map[locale.Lang]string{
		locale.English:    "a number has at most 32 characters: the rest was left out",
		locale.Portuguese: "um número tem no máximo 32 caracteres: o resto ficou de fora",
	} {
		l := sample
		l.ID = "scaling"
		m := NewLive(common.New(theme.New(theme.Dark), lang), l, sample.Quiz[0], rand.New(rand.NewPCG(1, 1)))
		if !m.Capturing() {
			t.Fatal("the number question takes no typing")
		}
		m.Update(tea.PasteMsg{Content: strings.Repeat("x", 100_000)})
		if n := len(m.number.Value()); n != maxNumber {
			t.Fatalf("%s: the field kept %d characters of the paste, want %d", lang, n, maxNumber)
		}
		if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, want) {
			t.Errorf("%s: the student is not told the paste was cut:\n%s", lang, screen(m))
		}
		press(m, "enter")
		if s := screen(m); strings.Contains(s, strings.Repeat("x", maxNumber+1)) || !strings.Contains(s, strings.Repeat("x", 20)) {
			t.Errorf("%s: the refusal quotes more than was kept:\n%s", lang, s)
		}
		press(m, "backspace", "y") // under the limit: typing is no problem
		if strings.Contains(screen(m), want) {
			t.Errorf("%s: a key under the limit still warns:\n%s", lang, screen(m))
		}
		press(m, "z") // at the limit: the key is left out, and said so
		if len(m.number.Value()) != maxNumber || !strings.Contains(strings.Join(strings.Fields(screen(m)), " "), want) {
			t.Errorf("%s: a key past the limit: %q\n%s", lang, m.number.Value(), screen(m))
		}
	}
}

// The key that chooses an option is named in the reader's language:
// "espaço/a-z", not "space/a-z", in Portuguese.
func TestChooseKeyNamedInTheLanguage(t *testing.T) {
	for lang, want := range map[locale.Lang]string{locale.English: "space/a-z", locale.Portuguese: "espaço/a-z"} {
		m := newModel(lang)
		m.ask(1) // a question of options
		found := false
		for _, b := range m.Help() {
			found = found || b.Help().Key == want
		}
		if !found {
			t.Errorf("%s: no %q in the help", lang, want)
		}
	}
}
