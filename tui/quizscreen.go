package tui

import (
	"math/rand/v2"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/quiz"
)

// quizOverlay asks the open lesson's quiz over the workspace and the
// lesson list; the panes beneath stop. Each answer goes into the
// progress as it is given, so closing the quiz midway loses nothing.
type quizOverlay struct{ q *quiz.Model }

func (o quizOverlay) update(_ *Model, msg tea.Msg) tea.Cmd { return o.q.Update(msg) }

func (o quizOverlay) draw(m *Model, work Rect) (string, Rect) {
	work = quizRect(m, work)
	body := o.q.View(work.W-2, work.H-2)
	return common.Frame(m.com.Styles, o.q.Title(), body, work.W, work.H, true), work
}

func (o quizOverlay) keys(m *Model) []key.Binding {
	r := quizRect(m, m.layout.Work)
	o.q.SetBox(r.W-2, r.H-2) // the help bar is drawn before the box: whether the answer scrolls
	return o.q.Help()
}

// passes: while a number is typed, every key is the field's.
func (o quizOverlay) passes(m *Model) []key.Binding {
	if o.q.Capturing() {
		return nil
	}
	return []key.Binding{m.keys.Help, m.keys.Lang, m.keys.Theme, m.keys.Quit}
}

func (quizOverlay) covers() bool { return true }

// openQuiz asks the quiz of the lesson open in the reader.
func (m *Model) openQuiz() tea.Cmd {
	l := m.reader.Lesson()
	if l.ID == "" {
		return nil
	}
	if len(l.Quiz) == 0 {
		return m.setStatus(false, "%s", m.com.T("this lesson has no quiz yet"))
	}
	closeOverlays[quizOverlay](m)
	seed := m.cfg.QuizSeed
	if seed == 0 {
		seed = rand.Uint64()
	}
	return m.push(quizOverlay{quiz.New(m.com, l, rand.New(rand.NewPCG(seed, seed)))})
}

// answered records an answer of the quiz in the progress. Once every
// question of the lesson has been answered, the reading text's answers
// are shown.
func (m *Model) answered(msg quiz.AnsweredMsg) tea.Cmd {
	m.state.Answer(msg.Lesson, msg.Question, msg.Right)
	m.listCache = ""
	var show tea.Cmd
	if l := m.reader.Lesson(); l.ID == msg.Lesson && m.quizTried(l) {
		m.slots[0].dirty()
		show = m.reader.ShowAnswers(true)
	}
	return tea.Batch(show, m.save())
}

// quizTried reports whether every question of l's quiz has been answered
// (right or not): the student has tried, and the answers in the reading
// text are theirs to see.
func (m *Model) quizTried(l lessons.Lesson) bool {
	if len(l.Quiz) == 0 {
		return false
	}
	z := m.state.Quiz[l.ID]
	for _, q := range l.Quiz {
		if !z.Answered[q.ID] {
			return false
		}
	}
	return true
}

// relabelQuiz shows an open quiz in the language just chosen.
func (m *Model) relabelQuiz() {
	for _, o := range m.overlays {
		if q, ok := o.(quizOverlay); ok {
			if l, found := m.course.Find(m.lang(), q.q.Lesson()); found {
				q.q.SetLesson(l)
			}
		}
	}
}

// quizRect is where a quiz or a live question goes: the whole width, up to
// MaxQuizWidth columns in the middle of a wider screen — a line of 200
// columns is not read, it is searched.
func quizRect(m *Model, work Rect) Rect {
	w := min(m.width, MaxQuizWidth)
	return Rect{(m.width - w) / 2, work.Y, w, work.H}
}

// MaxQuizWidth is the widest a quiz is drawn.
const MaxQuizWidth = 104
