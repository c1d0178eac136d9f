// Package class is the classroom hub of a served class: who is in the
// course (the roster), where the instructor is (follow mode), the live
// question the instructor asked and the answers building up, and
// one-line broadcasts. It is plain Go, no UI: each student's session and
// the instructor's app hold a handle on the one Hub and watch it, as a
// pane watches an engine.
//
// Watching is by signal, never by queue: Changes gives a channel of
// capacity one that a change fills if it is empty, so a slow session
// misses nothing it needs (it reads the newest state when it wakes) and
// never slows the hub or the others. Every method is safe for concurrent
// use.
package class

import (
	"slices"
	"sync"
	"time"
)

// Position is where someone is in the course: a lesson and, while
// presenting, a slide (from 0).
type Position struct {
	Lesson     string `json:"lesson"`
	Slide      int    `json:"slide"`
	Presenting bool   `json:"presenting"`
}

// Student is one student as the roster shows them.
type Student struct {
	ID, Name  string
	At        Position
	Following bool
	// QuizRight of QuizTotal questions of their lesson's quiz are right.
	QuizRight, QuizTotal int
	Joined, LastInput    time.Time
	// Sessions is how many sessions they have open (a student may join
	// from two terminals).
	Sessions int
}

// Hub is one class.
type Hub struct {
	now func() time.Time

	mu       sync.Mutex
	students map[string]*Student
	order    []string // ids in the order first joined
	members  map[*Member]struct{}
	watchers map[chan struct{}]struct{}
	lead     Position
	leading  bool // the instructor shares a position
	question *live
	askSeq   int
	notice   Notice
}

// Notice is a broadcast: a line to every session, numbered so a session
// shows each once.
type Notice struct {
	Seq  int
	Text string
	At   time.Time
}

// New is an empty class on clock now (time.Now outside tests).
func New(now func() time.Time) *Hub {
	if now == nil {
		now = time.Now
	}
	return &Hub{now: now, students: map[string]*Student{}, members: map[*Member]struct{}{}, watchers: map[chan struct{}]struct{}{}}
}

// Member is one session's handle on the hub. Its Changes fire when
// anything it shows changed: the lead moved, a question opened, closed or
// was revealed, a broadcast came. The roster's changes wake only the
// hub's watchers (Watch).
type Member struct {
	hub     *Hub
	id      string
	changes chan struct{}
	left    bool
}

// Join adds a session of student id (their display name name) to the
// class. A student already in the class gets a second session.
func (h *Hub) Join(id, name string) *Member {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.students[id]
	if !ok {
		s = &Student{ID: id, Joined: h.now(), Following: true}
		h.students[id] = s
		h.order = append(h.order, id)
	}
	s.Name, s.LastInput = name, h.now()
	s.Sessions++
	m := &Member{hub: h, id: id, changes: make(chan struct{}, 1)}
	h.members[m] = struct{}{}
	h.rosterChangedLocked()
	// The new session reads the class at once: a student who comes in
	// late, or again after losing the connection, goes where the
	// instructor leads and sees the question that is open.
	signal(m.changes)
	return m
}

// Leave ends the session's membership; a student with no session left
// stays on the roster, gone (Sessions 0), so the instructor sees who left.
// Leaving twice does nothing.
func (m *Member) Leave() {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if m.left {
		return
	}
	m.left = true
	delete(h.members, m)
	if s := h.students[m.id]; s != nil {
		s.Sessions--
	}
	h.rosterChangedLocked()
}

// Changes fires when something the session shows may have changed.
func (m *Member) Changes() <-chan struct{} { return m.changes }

// Report says where the student is now; their quiz score in that lesson
// comes with it.
func (m *Member) Report(at Position, quizRight, quizTotal int) {
	m.update(func(s *Student) bool {
		if s.At == at && s.QuizRight == quizRight && s.QuizTotal == quizTotal {
			return false
		}
		s.At, s.QuizRight, s.QuizTotal = at, quizRight, quizTotal
		return true
	})
}

// Follow says whether the student follows the instructor. Stepping back
// in wakes the session itself, so it goes where the instructor is now
// rather than at the instructor's next move.
func (m *Member) Follow(on bool) {
	m.update(func(s *Student) bool {
		changed := s.Following != on
		s.Following = on
		return changed
	})
	if on {
		signal(m.changes)
	}
}

// Touch notes input from the student: the roster shows how long they
// have been idle. It wakes nobody.
func (m *Member) Touch() {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if s := h.students[m.id]; s != nil {
		s.LastInput = h.now()
	}
}

func (m *Member) update(f func(*Student) bool) {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if s := h.students[m.id]; s != nil && f(s) {
		h.rosterChangedLocked()
	}
}

// Lead shares the instructor's position: following students go there.
func (h *Hub) Lead(at Position) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.leading && h.lead == at {
		return
	}
	h.lead, h.leading = at, true
	h.changedLocked()
}

// StopLeading stops sharing the instructor's position.
func (h *Hub) StopLeading() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.leading {
		h.leading = false
		h.changedLocked()
	}
}

// Broadcast sends a line to every session.
func (h *Hub) Broadcast(text string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.notice = Notice{Seq: h.notice.Seq + 1, Text: text, At: h.now()}
	h.changedLocked()
}

// Watch is the instructor's signal: it fires on every change of the class,
// roster included. Stop with the returned function.
func (h *Hub) Watch() (<-chan struct{}, func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := make(chan struct{}, 1)
	h.watchers[ch] = struct{}{}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.watchers, ch)
	}
}

// rosterChangedLocked wakes the watchers (the instructor) only: a
// student's place, following or coming and going changes nothing the
// other students show, and waking every session for it would redraw a
// whole class each time one of them turns a page.
func (h *Hub) rosterChangedLocked() {
	for ch := range h.watchers {
		signal(ch)
	}
}

// changedLocked wakes every member and watcher that is not awake already:
// the lead, the live question or a broadcast changed.
func (h *Hub) changedLocked() {
	for m := range h.members {
		signal(m.changes)
	}
	for ch := range h.watchers {
		signal(ch)
	}
}

func signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default: // awake already: it will read the newest state
	}
}

// Roster is every student who joined, in the order they first joined.
func (h *Hub) Roster() []Student {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]Student, 0, len(h.order))
	for _, id := range h.order {
		out = append(out, *h.students[id])
	}
	return out
}

// View is what a session shows of the class now.
type View struct {
	Lead      Position
	Leading   bool // the instructor shares a position
	Following bool // and this student follows it
	Question  *Question
	Notice    Notice
}

// View is what the session shows of the class now.
func (m *Member) View() View {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	v := View{Lead: h.lead, Leading: h.leading, Notice: h.notice}
	if s := h.students[m.id]; s != nil {
		v.Following = s.Following
	}
	if h.question != nil {
		q := h.question.public(m.id)
		v.Question = &q
	}
	return v
}

// Present reports whether anyone is in the class now: a student with a
// session open.
func (h *Hub) Present() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, s := range h.students {
		if s.Sessions > 0 {
			n++
		}
	}
	return n
}

// ids is the ids of the students with a session, sorted; for tests.
func (h *Hub) ids() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for id, s := range h.students {
		if s.Sessions > 0 {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}
