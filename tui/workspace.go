package tui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/notes"
	"distlab/tui/reader"
	"distlab/tui/theme"
)

// setFocus moves the keyboard to the list (focusList) or pane i. A hidden
// pane cannot take focus: the zoom ends first.
func (m *Model) setFocus(i int) tea.Cmd {
	if i >= len(m.panes) || (i == focusList && !m.sidebarShown()) {
		return nil
	}
	m.focus = i
	m.list.Focus(i == focusList)
	for j, p := range m.panes {
		p.Focus(j == i)
	}
	if (m.zoom && i != focusList) || m.help.ShowAll {
		return m.relayout() // the zoom follows the focus; full help changes height
	}
	return nil
}

// ring is the focus order: the list when shown, then the panes.
func (m *Model) ring() []int {
	var r []int
	if m.sidebarShown() {
		r = append(r, focusList)
	}
	for i, p := range m.panes {
		if p != common.Pane(m.notes) { // the notes pane has no keys to take
			r = append(r, i)
		}
	}
	return r
}

func (m *Model) cycleFocus(d int) tea.Cmd {
	r := m.ring()
	i := slices.Index(r, m.focus)
	return m.setFocus(r[((i+d)%len(r)+len(r))%len(r)])
}

// moveFocus goes to the pane next to the focused one on screen.
func (m *Model) moveFocus(d Direction) tea.Cmd {
	rects := append([]Rect{m.layout.Sidebar}, m.layout.Panes...)
	if n := Neighbor(rects, m.focus+1, d); n >= 0 {
		return m.setFocus(n - 1)
	}
	return nil
}

// wideScreen is the width from which the lesson list stays beside demos.
const wideScreen = 160

// sidebarShown: the list folds away when presenting, zoomed, or when demos
// share a screen too narrow to give them the room.
func (m *Model) sidebarShown() bool {
	return !m.presenter && !m.zoom && (len(m.panes) == 1 || m.width >= wideScreen)
}

func (m *Model) toggleZoom() tea.Cmd {
	if m.focus == focusList {
		return nil
	}
	m.zoom = !m.zoom
	return m.relayout()
}

func (m *Model) moveSplit(d float64) tea.Cmd {
	m.split = min(max(m.split+d, 0.2), 0.8)
	return m.relayout()
}

// openDemo opens demo id in a new pane, or focuses an open one unless
// fresh asks for another instance.
func (m *Model) openDemo(id string, fresh bool) tea.Cmd {
	d, ok := m.cfg.Demos.Lookup(id)
	if !ok {
		return m.setStatus(true, m.com.Text.UnknownDemo, id)
	}
	if i := slices.Index(m.kinds, id); i >= 0 && !fresh {
		return m.setFocus(i)
	}
	if len(m.panes) >= MaxPanes {
		return m.setStatus(true, "%s", m.com.Text.Full)
	}
	p := d.New(demo.Env{Com: m.com, ID: m.newID(), Instance: m.instances(id) + 1})
	m.panes, m.kinds = append(m.panes, p), append(m.kinds, id)
	m.zoom = false
	return tea.Batch(p.Init(), m.relayout(), m.setFocus(len(m.panes)-1))
}

// openLessonDemo opens the lesson's n-th demo (from 0), as numbered in its
// demo bar.
func (m *Model) openLessonDemo(n int) tea.Cmd {
	ds := m.reader.Lesson().Demos
	if n < 0 || n >= len(ds) {
		return nil
	}
	return m.openDemo(ds[n], false)
}

// closeFocused closes the focused pane and releases what it holds. The
// lesson pane stays.
func (m *Model) closeFocused() tea.Cmd {
	if m.focus == focusList {
		return nil
	}
	if m.panes[m.focus] == m.reader {
		return m.setStatus(false, "%s", m.com.Text.CantClose)
	}
	return m.removePane(m.focus)
}

// removePane closes pane i and keeps the focus where it was (or on the
// pane that took the closed one's place).
func (m *Model) removePane(i int) tea.Cmd {
	if c, ok := m.panes[i].(common.Closer); ok {
		c.Close()
	}
	if m.panes[i] == common.Pane(m.notes) {
		m.notes = nil
	}
	m.panes = slices.Delete(m.panes, i, i+1)
	m.kinds = slices.Delete(m.kinds, i, i+1)
	m.zoom = false
	switch {
	case m.focus > i:
		m.focus--
	case m.focus == i:
		m.focus = min(i, len(m.panes)-1)
		if m.panes[m.focus] == common.Pane(m.notes) {
			m.focus = 0
		}
	}
	return tea.Batch(m.relayout(), m.setFocus(m.focus))
}

// instances counts the open panes of demo id.
func (m *Model) instances(id string) int {
	n := 0
	for _, k := range m.kinds {
		if k == id {
			n++
		}
	}
	return n
}

// togglePresenter enters or leaves presenter mode: high contrast, no list,
// the lesson as slides.
func (m *Model) togglePresenter() tea.Cmd {
	var cmds []tea.Cmd
	if !m.presenter {
		m.recordOffset() // the reader's place, to come back to
		m.presenter = true
		m.before = m.com.Styles.Theme
		cmds = append(cmds, m.setTheme(theme.HighContrast))
		if m.focus == focusList {
			cmds = append(cmds, m.setFocus(0))
		}
	} else {
		m.presenter = false
		cmds = append(cmds, m.setTheme(m.before))
		if m.notes != nil { // speaker notes are for presenting, not for students
			cmds = append(cmds, m.removePane(slices.Index(m.panes, common.Pane(m.notes))))
		}
	}
	cmds = append(cmds, m.reader.SetPresenting(m.presenter, m.state.Offsets[m.reader.Lesson().ID]), m.relayout())
	m.syncNotes()
	return tea.Batch(cmds...)
}

// toggleNotes opens or closes the speaker-notes pane.
func (m *Model) toggleNotes() tea.Cmd {
	if m.notes != nil {
		return m.removePane(slices.Index(m.panes, common.Pane(m.notes)))
	}
	if !m.presenter {
		return m.setStatus(false, "%s", m.com.Text.NotesInPresenter)
	}
	if len(m.panes) >= MaxPanes {
		return m.setStatus(true, "%s", m.com.Text.Full)
	}
	m.notes = notes.New(m.com)
	m.panes, m.kinds = append(m.panes, m.notes), append(m.kinds, "")
	m.zoom = false
	m.syncNotes()
	return m.relayout()
}

// syncNotes shows the current slide's notes in the notes pane.
func (m *Model) syncNotes() {
	if m.notes != nil {
		m.notes.Set(m.reader.Counter(), m.reader.SlideNotes())
	}
}

// demoLabels is the lesson's demo bar in the current language.
func (m *Model) demoLabels() []reader.DemoLabel {
	var out []reader.DemoLabel
	for _, id := range m.reader.Lesson().Demos {
		if d, ok := m.cfg.Demos.Lookup(id); ok {
			out = append(out, reader.DemoLabel{Short: d.ShortIn(m.lang), Title: d.TitleIn(m.lang)})
		}
	}
	return out
}

// relayout recomputes the layout, resizes the panes and tells each whether
// it is seen (demos stop ticking when hidden).
func (m *Model) relayout() tea.Cmd {
	m.help.SetWidth(m.width)
	footer := 1
	if m.help.ShowAll {
		footer = lineCount(m.help.View(m.helpKeys()))
	}
	zoom := -1
	if m.zoom && m.focus >= 0 {
		zoom = m.focus
	}
	m.layout = Arrange(m.width, m.height, Options{
		Footer: footer, Status: m.status != "" || len(m.course.Problems) > 0,
		Sidebar: !m.presenter && (len(m.panes) == 1 || m.width >= wideScreen), Panes: len(m.panes), Split: m.split, Zoom: zoom,
	})
	if m.focus == focusList && !m.sidebarShown() {
		m.setFocus(0)
	}
	var cmds []tea.Cmd
	s := m.layout.Sidebar
	m.list.SetSize(max(s.W-2, 0), max(s.H-2, 0))
	for i, p := range m.panes {
		var r Rect
		if !m.layout.TooSmall {
			r = m.layout.Panes[i]
		}
		if !r.Empty() {
			cmds = append(cmds, p.SetSize(max(r.W-2, 0), max(r.H-2, 0)))
		}
		if sh, ok := p.(common.Shower); ok { // covered by the problems list counts as hidden
			cmds = append(cmds, sh.SetVisible(!r.Empty() && !m.problem))
		}
	}
	return tea.Batch(cmds...)
}
