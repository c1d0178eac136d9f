package reader

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
)

// allText is the rendered lesson's words, one space between them, the
// quote bars gone: a phrase wrapped over two lines is found whole.
func allText(m *Model) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(ansi.Strip(strings.Join(m.lines, "\n")), "│", "")), " ")
}

// The answers section is hidden in the reading text, with a line saying
// how to see it; a shows it and hides it again; the root's SetAnswers
// opens a lesson with it shown. The text around it is always there.
func TestAnswersHiddenUntilAsked(t *testing.T) {
	body := "## Self-check\n\n1. Why do clocks drift?\n\n---\n\n## Answers\n\n1. Quartz crystals differ.\n\n---\n\n## References\n\n- Lamport, 1978.\n"
	l := lessons.Lesson{ID: "t", Title: "T", Lang: "en", Body: body, Raw: body,
		Quiz: []lessons.Question{{ID: "q"}, {ID: "r"}}}
	m := newReader(70, 40)
	settle(t, m, m.SetLesson(l, 0))
	s := allText(m)
	if strings.Contains(s, "Quartz") || !strings.Contains(s, "take the quiz (Q, 2 questions)") ||
		!strings.Contains(s, "Why do clocks drift?") || !strings.Contains(s, "Lamport, 1978.") || !strings.Contains(s, "Answers") {
		t.Fatalf("hidden answers:\n%s", s)
	}
	settle(t, m, press(m, "a"))
	if s := allText(m); !strings.Contains(s, "Quartz") || strings.Contains(s, "take the quiz") {
		t.Fatalf("after a:\n%s", s)
	}
	settle(t, m, press(m, "a"))
	if strings.Contains(allText(m), "Quartz") {
		t.Fatal("a again did not hide them")
	}

	other := newReader(70, 40)
	other.SetAnswers(true)
	settle(t, other, other.SetLesson(l, 0))
	if !strings.Contains(allText(other), "Quartz") {
		t.Fatal("SetAnswers(true) before the lesson: still hidden")
	}

	// A lesson without the section: a does nothing and is not offered.
	plain := newReader(70, 40)
	settle(t, plain, plain.SetLesson(lesson("p", 3), 0))
	if cmd := press(plain, "a"); cmd != nil || plain.KeyMap().FullHelp()[1][0].Enabled() {
		t.Fatal("a acts on a lesson without answers")
	}
}
