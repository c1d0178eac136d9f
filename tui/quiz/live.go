package quiz

import (
	"math/rand/v2"
	"strings"

	tea "charm.land/bubbletea/v2"

	"distlab/lessons"
	"distlab/tui/common"
)

// A live question is one question the instructor asks the whole class
// (package class): the student answers as in a quiz, but the verdict and
// the why wait until the instructor shows the results, so that nobody
// answers from a neighbour's screen. Until then r changes the answer.

// LiveAnsweredMsg is a student's answer to the live question: the options
// chosen, as the quiz file numbers them, and whether it is right.
type LiveAnsweredMsg struct {
	Chosen []int
	Right  bool
}

// LiveResults are the class's answers, shown once the instructor reveals
// them.
type LiveResults struct {
	Answered, Right int
	PerOption       []int
}

// live is the state of a live question in a Model.
type live struct {
	open     bool // answers are taken
	revealed bool
	results  LiveResults
}

// NewLive is question q of lesson l asked live, shuffled with rng.
func NewLive(com *common.Common, l lessons.Lesson, q lessons.Question, rng *rand.Rand) *Model {
	l.Quiz = []lessons.Question{q}
	m := New(com, l, rng)
	m.live = &live{open: true}
	return m
}

// Live reports whether the model asks a live question.
func (m *Model) Live() bool { return m.live != nil }

// SetLive updates the live question: whether it still takes answers, and
// the results once revealed.
func (m *Model) SetLive(open, revealed bool, r LiveResults) {
	if m.live == nil {
		return
	}
	m.live.open, m.live.revealed, m.live.results = open, revealed, r
}

// Revealed reports whether the live question's results are shown.
func (m *Model) Revealed() bool { return m.live != nil && m.live.revealed }

// holding reports whether the verdict waits for the reveal.
func (m *Model) holding() bool { return m.live != nil && !m.live.revealed }

// liveAnswer is the message a live answer sends.
func (m *Model) liveAnswer(a lessons.Answer) tea.Cmd {
	msg := LiveAnsweredMsg{Chosen: append([]int(nil), a.Chosen...), Right: m.right}
	return func() tea.Msg { return msg }
}

// liveBody is what follows the options of a live question: the answer
// sent and the wait, or the class's results and the explanation.
func (m *Model) liveBody(b *lines, q lessons.Question) {
	st := m.com.Styles
	switch {
	case !m.answered && !m.live.open:
		b.blank()
		b.wrap(st.StatusWarn.Render, m.com.T("The answers are closed."), "")
	case m.answered && m.holding():
		b.blank()
		b.wrap(st.ReadMark.Render, m.com.T("✓ Answer sent. The results come when the instructor shows them."), "")
		if m.live.open {
			b.wrap(st.Status.Render, m.com.T("r changes it while the question is open."), "")
		}
	case m.live.revealed:
		b.blank()
		m.bars(b, q)
		if m.answered {
			b.blank()
			m.explain(b, q)
		}
	}
}

// bars are the class's answers: a bar per option, or how many were right.
func (m *Model) bars(b *lines, q lessons.Question) {
	st, r := m.com.Styles, m.live.results
	b.wrap(st.Title.Render, m.com.T("The class's answers: %d · right: %d", r.Answered, r.Right), "")
	if len(r.PerOption) != len(q.Options) || len(q.Options) == 0 {
		return
	}
	most := 1
	for _, n := range r.PerOption {
		most = max(most, n)
	}
	width := max(b.w-12, 4)
	for k, i := range m.shown {
		n := r.PerOption[i]
		bar := strings.Repeat("█", n*width/most)
		style := st.Status.Render
		if q.Options[i].Correct {
			style = st.ReadMark.Render
		}
		b.out = append(b.out, "  "+string(rune('a'+k))+") "+style(bar)+" "+st.Item.Render(m.com.T("%d", n)))
	}
}

// Restore shows an answer given before (the class kept it: chosen, as the
// quiz file numbers the options, and whether it was right), as if just
// sent: a live question opened again, after the student hid it, does not
// ask again. A number or an order keeps only its verdict.
func (m *Model) Restore(chosen []int, right bool) {
	if len(m.lesson.Quiz) == 0 {
		return
	}
	m.picked = nil
	for _, c := range chosen {
		for k, i := range m.shown {
			if i == c && m.question().Kind != lessons.KindOrder {
				m.picked = append(m.picked, k)
			}
		}
	}
	m.answered, m.right, m.tries, m.scroll = true, right, 1, -1
	m.number.Blur()
}
