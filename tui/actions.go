package tui

import (
	tea "charm.land/bubbletea/v2"

	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/theme"
)

// openLesson shows lesson id at its remembered place and remembers it as
// the last one.
func (m *Model) openLesson(id string) tea.Cmd {
	l, ok := m.course.Find(m.lang(), id)
	if !ok {
		return nil
	}
	m.recordOffset()
	m.overlays = nil // the lesson opened is what the user wants to see
	m.listCache = ""
	m.slots[0].dirty() // the reader shows another lesson, maybe at once from its cache
	m.list.SetCurrent(id)
	m.state.LastLesson = id
	m.reader.SetAnswers(m.quizTried(l))
	cmd := m.reader.SetLesson(l, m.state.Place(m.lang(), id))
	if m.mode == Presenting {
		// Presenting goes on at the slide this lesson was last presented at.
		cmd = tea.Batch(cmd, m.reader.GoToSlide(m.state.Slides[id]))
	}
	m.reader.SetDemos(m.demoLabels())
	return tea.Batch(cmd, m.save())
}

// step opens the next (d = 1) or previous (d = -1) lesson in course order.
func (m *Model) step(d int) tea.Cmd {
	ls := m.course.Lessons(m.lang())
	i := m.course.Index(m.lang(), m.reader.Lesson().ID)
	if i < 0 {
		return nil // the lesson shown is gone from the course
	}
	if i+d < 0 || i+d >= len(ls) {
		return nil
	}
	return m.openLesson(ls[i+d].ID)
}

// recordOffset notes the reader's place in the lesson it shows.
func (m *Model) recordOffset() {
	if id := m.reader.Lesson().ID; id != "" && !m.reader.Presenting() {
		if line, ok := m.reader.Place(); ok {
			m.state.SetPlace(m.lang(), id, line)
		}
	}
}

// switchLang flips between the course languages and stays on the same
// lesson, at the same place in its text.
func (m *Model) switchLang() tea.Cmd {
	lang := m.com.Lang().Next()
	next := string(lang)
	id := m.reader.Lesson().ID
	l, ok := m.course.Find(next, id)
	if id != "" && !ok {
		return m.setStatus(true, "this lesson has no %s version", next)
	}
	m.recordOffset()
	m.com.SetLang(lang)
	m.state.Lang = next
	m.relabel()
	m.list.SetLessons(m.course.Lessons(next))
	if id == "" {
		if ls := m.course.Lessons(next); len(ls) > 0 {
			return tea.Batch(m.openLesson(ls[0].ID), m.relayout())
		}
		return tea.Batch(m.relayout(), m.save())
	}
	m.list.SetCurrent(id)
	cmd := m.reader.SwitchTo(l)
	m.reader.SetDemos(m.demoLabels())
	return tea.Batch(cmd, m.relayout(), m.save())
}

func (m *Model) relabel() {
	m.keys = m.globalKeys()
	m.list.Relabel()
	m.relabelQuiz()
	for _, s := range m.slots {
		if r, ok := s.pane.(common.Relabeler); ok {
			r.Relabel()
		}
	}
	m.dirtyAll()
}

// setTheme restyles everything and re-renders the lesson in the new colors.
func (m *Model) setTheme(t theme.Theme) tea.Cmd {
	if t == m.com.Styles.Theme {
		return nil
	}
	m.com.Styles = theme.New(t)
	m.help.Styles = m.com.Styles.Help
	m.dirtyAll()
	return m.reader.Restyle()
}

// loadCourse reads the lessons again, off the UI goroutine.
func (m *Model) loadCourse() tea.Cmd {
	load := m.cfg.Load
	return func() tea.Msg { return loadedMsg{load()} }
}

// reload shows a course loaded again after a change on disk. When the open
// lesson no longer loads, its last good text stays on screen with a notice.
func (m *Model) reload(c *lessons.Catalog) tea.Cmd {
	m.course = c
	m.list.SetLessons(m.course.Lessons(m.lang()))
	m.listCache = ""
	l, ok := m.course.Find(m.lang(), m.reader.Lesson().ID)
	if !ok && m.reader.Lesson().ID != "" {
		return m.setStatus(true, "this lesson no longer loads from its file: press ! to see why")
	}
	status := m.setStatus(false, "lessons reloaded from %s", m.cfg.Source)
	if !ok {
		return status
	}
	m.slots[0].dirty()
	cmd := m.reader.Reload(l)
	m.reader.SetDemos(m.demoLabels())
	return tea.Batch(status, cmd)
}

// save writes the progress in the background. Saves carry a sequence
// number, so one that finishes late never overwrites a newer one.
func (m *Model) save() tea.Cmd {
	if m.cfg.Store == nil {
		return nil
	}
	m.saveSeq++
	st, seq, store := m.state.Clone(), m.saveSeq, m.cfg.Store
	return func() tea.Msg { return savedMsg{err: store.Save(st, seq)} }
}
