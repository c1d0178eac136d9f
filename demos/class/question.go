package class

import (
	"slices"

	"distlab/demos/locale"
)

// A live question is one question of a lesson's quiz that the instructor
// asks the whole class at once. The hub keeps it by lesson and question
// id, not by its words: every session shows it in its own language (a
// quiz has the same questions and options, in the same order, in every
// language; lessons check sees to that).

// Answer is one student's answer to the live question: the options chosen
// (indexes into the question's options, as the quiz file lists them) and
// whether the session judged it right (a number or an order has no
// options to count, only right or wrong).
type Answer struct {
	Chosen []int
	Right  bool
}

// Tally is the answers so far.
type Tally struct {
	Answered, Right int
	PerOption       []int // how many chose each option
}

// Question is the live question as a session sees it.
type Question struct {
	Seq        int // numbers every question asked, so a late answer to an old one is refused
	Lesson, ID string
	Options    int
	Open       bool // answers are taken
	// Revealed says the instructor shows the results: students then see
	// Tally too; the instructor always does.
	Revealed bool
	Mine     *Answer // this student's answer, nil before it
	Tally    Tally
}

// ErrNotAsked is the answer to a question that is no longer asked, or not
// taking answers.
var ErrNotAsked = locale.Errorf("that question is no longer open")

// ErrBadAnswer is an answer naming an option the question does not have,
// or one option twice.
var ErrBadAnswer = locale.Errorf("that answer names an option the question does not have")

type live struct {
	q       Question
	answers map[string]Answer // by student id: the last one counts
}

// public is the question as student id sees it.
func (l *live) public(id string) Question {
	q := l.q
	if a, ok := l.answers[id]; ok {
		a.Chosen = slices.Clone(a.Chosen)
		q.Mine = &a
	}
	if q.Revealed || id == "" {
		q.Tally = l.tally()
	}
	return q
}

func (l *live) tally() Tally {
	t := Tally{PerOption: make([]int, l.q.Options)}
	for _, a := range l.answers {
		t.Answered++
		if a.Right {
			t.Right++
		}
		for _, k := range a.Chosen {
			t.PerOption[k]++
		}
	}
	return t
}

// Ask asks question id of lesson, with options options (0 for a number or
// an order), of every session; the question asked before is gone. It
// returns the question's number.
func (h *Hub) Ask(lesson, id string, options int) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.askSeq++
	h.question = &live{q: Question{Seq: h.askSeq, Lesson: lesson, ID: id, Options: max(options, 0), Open: true}, answers: map[string]Answer{}}
	h.changedLocked()
	return h.askSeq
}

// Reveal shows question seq's results to the class and stops taking
// answers.
func (h *Hub) Reveal(seq int) {
	h.setQuestion(seq, func(q *Question) { q.Revealed, q.Open = true, false })
}

// Stop stops taking answers to question seq, results still hidden.
func (h *Hub) Stop(seq int) {
	h.setQuestion(seq, func(q *Question) { q.Open = false })
}

// Dismiss takes question seq off every screen.
func (h *Hub) Dismiss(seq int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.question != nil && h.question.q.Seq == seq {
		h.question = nil
		h.changedLocked()
	}
}

func (h *Hub) setQuestion(seq int, f func(*Question)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.question == nil || h.question.q.Seq != seq {
		return
	}
	open, revealed := h.question.q.Open, h.question.q.Revealed
	f(&h.question.q)
	if h.question.q.Open != open || h.question.q.Revealed != revealed {
		h.changedLocked()
	}
}

// Asked is the live question with its tally, as the instructor sees it;
// false when none is asked.
func (h *Hub) Asked() (Question, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.question == nil {
		return Question{}, false
	}
	return h.question.public(""), true
}

// Answer answers question seq; a second answer replaces the first. Options
// out of range are refused with the rest of the answer.
func (m *Member) Answer(seq int, a Answer) error {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	q := h.question
	if q == nil || q.q.Seq != seq || !q.q.Open || m.left {
		return ErrNotAsked
	}
	seen := map[int]bool{}
	for _, k := range a.Chosen {
		if k < 0 || k >= q.q.Options || seen[k] {
			return ErrBadAnswer
		}
		seen[k] = true
	}
	a.Chosen = slices.Clone(a.Chosen)
	q.answers[m.id] = a
	h.rosterChangedLocked() // the tally: the instructor's; students see it when revealed
	return nil
}
