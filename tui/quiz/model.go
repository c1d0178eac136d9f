package quiz

import (
	"math/rand/v2"
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"distlab/lessons"
	"distlab/tui/common"
)

// AnsweredMsg says the student answered question Question of lesson
// Lesson: the root records it in the progress.
type AnsweredMsg struct {
	Lesson, Question string
	Right            bool
}

// CloseMsg asks the root to close the quiz.
type CloseMsg struct{}

// outcome is how a question went in this run.
type outcome int

const (
	unanswered outcome = iota
	rightFirst         // right at the first try
	rightLater         // right after a wrong try
	wrong              // wrong, not yet right
)

// Model is a lesson's quiz inside the app, one question at a time: choose
// with ↑/↓ and space (or the option's letter), type a number, or pick the
// items of an order one after the other; enter answers. The answer is
// checked at once and explained — every option chosen and every right
// one, with its why — and r tries the question again with its options
// shuffled anew. After the last question, the score; r starts over.
// Answers are never on screen before the student answers.
type Model struct {
	com    *common.Common
	lesson lessons.Lesson
	rng    *rand.Rand

	i        int       // the question asked
	results  []outcome // per question
	tries    int       // tries of the question asked, this run
	shown    []int     // options (or items) in the order shown: indexes into the question's
	cursor   int       // index into shown
	picked   []int     // indexes into shown: chosen options, or the items in the order picked
	number   textinput.Model
	problem  string // why the last enter did not answer ("not a number: x")
	answered bool   // the question's answer is on screen
	right    bool   // and was right
	finished bool   // the score is on screen
	scroll   int    // first line shown of an answer longer than the box
	live     *live  // a live question's state (live.go); nil in a quiz
	// viewW, viewH are the box the quiz was last drawn in (View), for
	// the help to know whether the answer scrolls.
	viewW, viewH int
}

// New is the quiz of lesson l, shuffled with rng.
func New(com *common.Common, l lessons.Lesson, rng *rand.Rand) *Model {
	m := &Model{com: com, lesson: l, rng: rng, results: make([]outcome, len(l.Quiz)), number: com.NewInput()}
	m.number.CharLimit = maxNumber
	m.ask(0)
	return m
}

// Lesson is the id of the lesson whose quiz this is.
func (m *Model) Lesson() string { return m.lesson.ID }

// SetLesson shows the same quiz in another language (the same questions
// under the same ids): the question asked, its options' order and what
// was chosen stay.
func (m *Model) SetLesson(l lessons.Lesson) {
	if l.ID != m.lesson.ID || len(l.Quiz) != len(m.lesson.Quiz) {
		return
	}
	for i, q := range l.Quiz {
		o := m.lesson.Quiz[i]
		if q.ID != o.ID || q.Kind != o.Kind || len(q.Options) != len(o.Options) || len(q.Items) != len(o.Items) {
			return
		}
	}
	m.lesson = l
}

// ask shows question i, its options freshly shuffled.
func (m *Model) ask(i int) {
	m.i, m.cursor, m.picked, m.problem, m.answered, m.scroll = i, 0, nil, "", false, 0
	m.number.SetValue("")
	m.shown = nil
	if i >= len(m.lesson.Quiz) {
		return
	}
	q := m.lesson.Quiz[i]
	switch q.Kind {
	case lessons.KindOrder:
		m.shown = m.rng.Perm(len(q.Items))
	case lessons.KindNumber:
		m.number.Focus()
	default:
		m.shown = m.rng.Perm(len(q.Options))
	}
}

func (m *Model) question() lessons.Question { return m.lesson.Quiz[m.i] }

// Capturing reports whether keys are typed into the number field.
func (m *Model) Capturing() bool {
	return !m.finished && !m.answered && len(m.lesson.Quiz) > 0 && m.question().Kind == lessons.KindNumber
}

// Update takes a key or a paste.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if m.Capturing() {
			return m.typeNumber(msg)
		}
		return nil
	}
	ks := m.Keys()
	if key.Matches(k, ks.Close) {
		return func() tea.Msg { return CloseMsg{} }
	}
	switch {
	case len(m.lesson.Quiz) == 0:
		return nil
	case m.finished:
		if key.Matches(k, ks.Again) {
			m.finished, m.results = false, make([]outcome, len(m.lesson.Quiz))
			m.tries = 0
			m.ask(0)
		} else if key.Matches(k, ks.Next) {
			return func() tea.Msg { return CloseMsg{} }
		}
		return nil
	case m.live != nil && (m.answered || !m.live.open):
		switch {
		case key.Matches(k, ks.Again) && m.live.open:
			m.ask(m.i)
		case key.Matches(k, ks.Up):
			m.scroll = max(m.scroll-1, 0)
		case key.Matches(k, ks.Down):
			m.scroll++
		}
		return nil
	case m.answered:
		switch {
		case key.Matches(k, ks.Next):
			m.tries = 0
			if m.i+1 >= len(m.lesson.Quiz) {
				m.finished, m.answered = true, false
				return nil
			}
			m.ask(m.i + 1)
		case key.Matches(k, ks.Again):
			m.ask(m.i)
		case key.Matches(k, ks.Up):
			m.scroll = max(m.scroll-1, 0) // View placed it first
		case key.Matches(k, ks.Down):
			m.scroll++ // View holds it within the answer
		}
		return nil
	}
	if m.question().Kind == lessons.KindNumber {
		if key.Matches(k, ks.Answer) {
			return m.answerNumber()
		}
		return m.typeNumber(msg)
	}
	return m.choose(k)
}

// maxNumber is the longest answer the number field takes, in characters:
// room for any number a person types ("-1.234.567,89", "6.02e23"), not
// for a paste of a page, which would be kept and quoted back whole.
const maxNumber = 32

// typeNumber hands a key or a paste to the number field, which keeps at
// most maxNumber characters; what goes past the limit is left out, and the
// student told so.
func (m *Model) typeNumber(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	var cut bool
	m.number, cmd, cut = common.UpdateLimited(m.number, msg)
	m.problem = ""
	if cut {
		m.problem = m.com.T("a number has at most %d characters: the rest was left out", maxNumber)
	}
	return cmd
}

// choose handles a key while options or items are on screen.
func (m *Model) choose(k tea.KeyPressMsg) tea.Cmd {
	ks, q := m.Keys(), m.question()
	n := len(m.shown)
	switch {
	case key.Matches(k, ks.Up):
		m.cursor = (m.cursor + n - 1) % n
	case key.Matches(k, ks.Down):
		m.cursor = (m.cursor + 1) % n
	case key.Matches(k, ks.Undo) && q.Kind == lessons.KindOrder && len(m.picked) > 0:
		m.picked = m.picked[:len(m.picked)-1]
	case key.Matches(k, ks.Toggle):
		m.toggle(m.cursor)
	case key.Matches(k, ks.Answer):
		if q.Kind == lessons.KindChoice && len(m.picked) == 0 {
			m.toggle(m.cursor)
		}
		return m.answerChosen()
	default:
		s := k.String()
		if len(s) == 1 && s[0] >= 'a' && int(s[0]-'a') < n {
			m.cursor = int(s[0] - 'a')
			m.toggle(m.cursor)
		}
	}
	m.problem = ""
	return nil
}

// toggle chooses or unchooses the option shown at k; for an order, picks
// the item next or takes it (and those picked after it) back.
func (m *Model) toggle(k int) {
	at := slices.Index(m.picked, k)
	switch {
	case m.question().Kind == lessons.KindOrder && at >= 0:
		m.picked = m.picked[:at]
	case m.question().Kind == lessons.KindChoice:
		m.picked = []int{k}
	case at >= 0:
		m.picked = slices.Delete(m.picked, at, at+1)
	default:
		m.picked = append(m.picked, k)
	}
}

func (m *Model) answerNumber() tea.Cmd {
	text := m.number.Value()
	n, ok := ParseNumber(text, m.com.Lang())
	if !ok {
		if text == "" {
			m.problem = m.com.T("type a number, then enter")
		} else {
			m.problem = m.com.T("not a number: %s", text)
		}
		return nil
	}
	return m.judge(lessons.Answer{Number: n})
}

func (m *Model) answerChosen() tea.Cmd {
	q := m.question()
	var a lessons.Answer
	switch q.Kind {
	case lessons.KindOrder:
		if len(m.picked) < len(m.shown) {
			m.problem = m.com.T("pick every item, first to last: %d of %d so far", len(m.picked), len(m.shown))
			return nil
		}
		for _, k := range m.picked {
			a.Order = append(a.Order, m.shown[k])
		}
	default:
		if len(m.picked) == 0 {
			m.problem = m.com.T("choose at least one option (space), then enter")
			return nil
		}
		for _, k := range m.picked {
			a.Chosen = append(a.Chosen, m.shown[k])
		}
	}
	return m.judge(a)
}

// judge checks a, shows why, and tells the root.
func (m *Model) judge(a lessons.Answer) tea.Cmd {
	q := m.question()
	m.right, m.answered, m.scroll = q.Right(a), true, -1 // View places it
	m.number.Blur()
	m.tries++
	switch {
	case m.right && m.tries == 1:
		m.results[m.i] = rightFirst
	case m.right:
		m.results[m.i] = rightLater
	case m.results[m.i] == unanswered:
		m.results[m.i] = wrong
	}
	if m.live != nil {
		return m.liveAnswer(a)
	}
	msg := AnsweredMsg{Lesson: m.lesson.ID, Question: q.ID, Right: m.right}
	return func() tea.Msg { return msg }
}

// Score is how many questions were answered right at the first try in
// this run, and how many were answered right at all.
func (m *Model) Score() (first, right int) {
	for _, r := range m.results {
		switch r {
		case rightFirst:
			first++
			right++
		case rightLater:
			right++
		}
	}
	return first, right
}

// Shown is the order the options (or items) of the question asked are
// shown in: indexes into the question's, for tests and a console.
func (m *Model) Shown() []int { return m.shown }
