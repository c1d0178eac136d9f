package tui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// The quiz and the course map at 80×24, both languages: a question asked,
// a wrong answer explained, the score, and the map with some progress.
// Reviewed by eye: nothing cut, the help bar names the keys that act.
func TestLearningGoldens(t *testing.T) {
	for _, c := range []struct {
		name, lang string
		keys       []string
	}{
		{"quiz_question_en", "en", nil},
		{"quiz_wrong_pt", "pt-BR", []string{"a", "enter"}},
		{"quiz_number_en", "en", []string{"a", "enter", "enter", "a", "enter", "enter", "5", "5", "0"}},
		{"quiz_score_en", "en", []string{"a", "enter", "enter", "a", "enter", "enter", "5", "5", "0", "enter", "enter",
			"a", "enter", "enter", "a", "enter", "enter", "a", "b", "enter", "enter"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newApp(t, embedded, c.lang, 80, 24)
			m.cfg.QuizSeed = 7
			press(t, m, "Q")
			press(t, m, c.keys...)
			golden.RequireEqual(t, screen(m))
		})
	}
	t.Run("map_pt", func(t *testing.T) {
		m := newApp(t, embedded, "pt-BR", 80, 24)
		ls := m.course.Lessons("pt-BR")
		m.state.Read[ls[0].ID] = true
		m.state.Answer(ls[0].ID, ls[0].Quiz[0].ID, true)
		m.state.Answer(ls[1].ID, ls[1].Quiz[0].ID, true)
		press(t, m, "M", "down")
		golden.RequireEqual(t, screen(m))
	})
}
