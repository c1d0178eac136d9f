package tui

import (
	tea "charm.land/bubbletea/v2"

	"distlab/tui/catalog"
)

// openFromList opens what the lesson list chose: a lesson at its place,
// or a search's hit in it, at the hit's line with the query highlighted
// and the reader's search left open on it (n and N go on from there).
func (m *Model) openFromList(open catalog.OpenMsg) tea.Cmd {
	m.list.CloseFilter()
	m.listCache = ""
	m.setFocus(0)
	cmd := m.openLesson(open.ID)
	if open.Line > 0 && m.reader.Lesson().ID == open.ID {
		cmd = tea.Batch(cmd, m.reader.Reveal(open.Line, open.Find))
	}
	return cmd
}

// keyClaimer is a pane that takes some keys before the app does while it
// is in a state that needs them: the reader's open search takes n and N
// (next lesson and notes elsewhere) and esc.
type keyClaimer interface {
	ClaimsKey(tea.KeyPressMsg) bool
}

// claims reports whether the focused pane claims msg.
func (m *Model) claims(msg tea.KeyPressMsg) bool {
	c, ok := m.focused().(keyClaimer)
	return ok && c.ClaimsKey(msg)
}

// nextTaken reports whether the focused pane has n for itself (the
// reader's search: next match), so that the help does not offer it as the
// next lesson.
func (m *Model) nextTaken() bool {
	return m.claims(tea.KeyPressMsg{Code: 'n', Text: "n"})
}
