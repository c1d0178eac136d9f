package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"distlab/tui/demo"
)

// Q asks the open lesson's quiz; each answer is in the progress as soon
// as it is given, wrong then right; once every question is answered the
// reading text shows its answers; M's course map counts the questions
// right and enter there opens a lesson.
func TestQuizOverlayRecordsAndMapCounts(t *testing.T) {
	m := newApp(t, embedded, "en", 100, 30)
	id := "what-is-a-distributed-system"
	if m.Lesson() != id {
		t.Fatalf("opened %q", m.Lesson())
	}
	press(t, m, "Q")
	if !hasOverlay[quizOverlay](m) || !strings.Contains(screen(m), "Quiz · question 1 of 6 · What Is a Distributed System?") {
		t.Fatalf("Q did not open the quiz:\n%s", screen(m))
	}
	q := m.top().(quizOverlay).q
	right := ""
	for k, i := range q.Shown() {
		if m.reader.Lesson().Quiz[0].Options[i].Correct {
			right = string(rune('a' + k))
		}
	}
	wrong := "a"
	if right == "a" {
		wrong = "b"
	}
	press(t, m, wrong, "enter")
	if z := m.state.Quiz[id]; !z.Answered["lamport-conflict"] || z.Right["lamport-conflict"] {
		t.Fatalf("a wrong answer recorded as %+v", z)
	}
	press(t, m, "r")
	for k, i := range q.Shown() {
		if m.reader.Lesson().Quiz[0].Options[i].Correct {
			right = string(rune('a' + k))
		}
	}
	press(t, m, right, "enter")
	if !m.state.Quiz[id].Right["lamport-conflict"] {
		t.Fatalf("the right answer after a retry is not recorded: %+v", m.state.Quiz[id])
	}
	press(t, m, "esc")
	if hasOverlay[quizOverlay](m) || m.reader.AnswersShown() {
		t.Fatal("esc left the quiz open, or the answers shown after one question of six")
	}
	press(t, m, "M")
	s := screen(m)
	if !strings.Contains(s, "Course map") || !strings.Contains(s, "1/6") {
		t.Fatalf("the map:\n%s", s)
	}
	press(t, m, "down", "enter")
	if hasOverlay[mapOverlay](m) || m.Lesson() != "scalability" {
		t.Fatalf("enter on the second lesson opened %q", m.Lesson())
	}

	// Every question answered (here, by the progress): the answers show.
	for _, qq := range m.course.Lessons("en")[0].Quiz {
		m.state.Answer(id, qq.ID, false)
	}
	press(t, m, "p")
	if !m.reader.AnswersShown() {
		t.Fatal("a quiz answered through: the answers are still hidden")
	}
}

// A challenge met in a demo goes into the progress once, the lesson's
// demo bar counts it, and the status line says so in a few words.
func TestChallengeMetRecorded(t *testing.T) {
	m := New(Config{Load: embedded, Lang: "en", Source: "test", Demos: Demos(), Lesson: "time-consistency-failures"})
	m.com.Tick = holdTicks
	t.Cleanup(m.Close)
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if !strings.Contains(screen(m), "1 clock ordering ◇0/3") {
		t.Fatalf("the demo bar does not count the clocks' challenges:\n%s", screen(m))
	}
	send(t, m, demo.ChallengeMetMsg{ID: "clocks/backwards"})
	send(t, m, demo.ChallengeMetMsg{ID: "clocks/backwards"})
	s := screen(m)
	if !m.state.Challenges["clocks/backwards"] || !strings.Contains(s, "1 clock ordering ◇1/3") || !strings.Contains(s, "✓ clocks challenge met: 1 of 3") {
		t.Fatalf("state %v:\n%s", m.state.Challenges, s)
	}
}

// The course map on the smallest screen the app draws: the cursor's row
// and the next step are in view, the rows scroll, nothing is cut.
func TestMapScrollsOnASmallScreen(t *testing.T) {
	m := newApp(t, embedded, "pt-BR", 60, 15)
	press(t, m, "M")
	press(t, m, "up") // from lesson 1 round to lesson 10, the last
	s := screen(m)
	if !strings.Contains(s, "10  Encerramento") || !strings.Contains(s, "lição") || !strings.Contains(s, "Próximo passo") || !strings.Contains(s, "de 78 passos") {
		t.Fatalf("lesson 10, the next step and the count in view:\n%s", s)
	}
	press(t, m, "down") // back to lesson 1
	if s := screen(m); !strings.Contains(s, "1  O que é") {
		t.Fatalf("lesson 1 in view again:\n%s", s)
	}
}
