package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/tui/catalog"
	"distlab/tui/reader"
	"distlab/tui/theme"
)

// Update routes a message: window and terminal events to the root, global
// keys to their actions, other keys to the focused pane, the mouse to the
// pane under the pointer, pane messages to their panes.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, m.relayout()
	case tea.BackgroundColorMsg:
		if m.cfg.ThemeAuto {
			t := theme.Light
			if msg.IsDark() {
				t = theme.Dark
			}
			return m, m.setTheme(t)
		}
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.MouseClickMsg:
		return m, m.handleClick(msg)
	case tea.MouseWheelMsg:
		return m, m.handleWheel(msg)
	case catalog.OpenMsg:
		m.setFocus(focusReader)
		return m, m.openLesson(msg.ID)
	case reader.RenderedMsg:
		_, cmd := m.reader.Update(msg)
		return m, cmd
	case reader.ReadMsg:
		if m.state.Read[msg.ID] {
			return m, nil
		}
		m.state.Read[msg.ID] = true
		return m, m.save()
	case reloadMsg:
		return m, tea.Batch(m.reload(), m.waitReload())
	case savedMsg:
		if msg.err != nil {
			return m, m.setStatus(true, "%v", msg.err)
		}
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.focus == focusCatalog && m.list.OpensOnKey(msg) {
		id := m.list.Selected()
		if id == "" {
			return nil
		}
		m.list.CloseFilter()
		m.setFocus(focusReader)
		return m.openLesson(id)
	}
	// A filter being typed owns every key but ctrl+c.
	if m.focus == focusCatalog && m.list.Filtering() && !key.Matches(msg, m.keys.ForceQuit) {
		_, cmd := m.list.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		m.recordOffset()
		return tea.Quit
	case key.Matches(msg, m.keys.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m.relayout()
	case key.Matches(msg, m.keys.Lang):
		return m.switchLang()
	case key.Matches(msg, m.keys.Theme):
		return m.setTheme(m.com.Styles.Theme.Next())
	case key.Matches(msg, m.keys.Next):
		return m.step(1)
	case key.Matches(msg, m.keys.Prev):
		return m.step(-1)
	case key.Matches(msg, m.keys.Focus, m.keys.FocusBack):
		m.setFocus(1 - m.focus)
		return nil
	case key.Matches(msg, m.keys.Problems):
		m.problem = !m.problem
		return nil
	}
	if m.problem && key.Matches(msg, m.keys.Close) {
		m.problem = false
		return nil
	}
	var cmd tea.Cmd
	switch m.focus {
	case focusCatalog:
		_, cmd = m.list.Update(msg)
	case focusReader:
		_, cmd = m.reader.Update(msg)
	}
	return cmd
}

func (m *Model) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	l := m.layout
	switch {
	case l.Sidebar.Contains(msg.X, msg.Y):
		m.setFocus(focusCatalog)
		local := msg
		local.X, local.Y = msg.X-l.Sidebar.X-1, msg.Y-l.Sidebar.Y-1
		_, cmd := m.list.Update(local)
		return cmd
	case l.Main.Contains(msg.X, msg.Y):
		m.setFocus(focusReader)
	}
	return nil
}

func (m *Model) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case m.layout.Sidebar.Contains(msg.X, msg.Y):
		_, cmd = m.list.Update(msg)
	case m.layout.Main.Contains(msg.X, msg.Y):
		_, cmd = m.reader.Update(msg)
	}
	return cmd
}

func (m *Model) setFocus(f focus) {
	m.focus = f
	m.list.Focus(f == focusCatalog)
	m.reader.Focus(f == focusReader)
}

// setStatus shows a one-line message; the status line takes a row, so the
// panes are resized.
func (m *Model) setStatus(warn bool, format string, args ...any) tea.Cmd {
	m.status, m.statusWarn = fmt.Sprintf(format, args...), warn
	return m.relayout()
}
