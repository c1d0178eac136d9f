package reader

import tea "charm.land/bubbletea/v2"

// The answers to a lesson's self-check questions (its "## Answers"
// section, lessons.Lesson.SplitAnswers) stay hidden until the student has
// tried: the root shows them once every question of the lesson's quiz has
// been answered, and a shows or hides them at any time. In their place the
// text says so.

// SetAnswers says whether the answers are shown in the next render, without
// rendering: the root sets it before it opens a lesson.
func (m *Model) SetAnswers(shown bool) { m.answers = shown }

// ShowAnswers shows or hides the answers now, keeping the place in the
// text.
func (m *Model) ShowAnswers(shown bool) tea.Cmd {
	if m.answers == shown {
		return nil
	}
	m.want = m.here(false)
	m.answers = shown
	return m.show()
}

// AnswersShown reports whether the answers are in the text shown.
func (m *Model) AnswersShown() bool { return m.answers }

// hasAnswers reports whether the lesson has an answers section to hide.
func (m *Model) hasAnswers() bool {
	_, answers, _ := m.lesson.SplitAnswers()
	return answers != ""
}

// readingText is the lesson's markdown as read: with its answers, or with
// a paragraph in their place saying how to see them.
func (m *Model) readingText(answers bool) string {
	before, section, after := m.lesson.SplitAnswers()
	if answers || section == "" {
		return m.lesson.Body
	}
	heading := section
	for i := range len(section) {
		if section[i] == '\n' {
			heading = section[:i]
			break
		}
	}
	var note string
	if n := len(m.lesson.Quiz); n > 0 {
		note = m.com.T("The answers are hidden until you try: take the quiz (Q, %d questions), or press a to show them.", n)
	} else {
		note = m.com.T("The answers are hidden until you try: press a to show them.")
	}
	return before + heading + "\n\n> *" + note + "*\n\n" + after
}
