package tui

import (
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/tui/catalog"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/picker"
	"distlab/tui/reader"
	"distlab/tui/theme"
)

// Update routes a message: window and terminal events to the root, global
// keys to their actions, other keys to the focused pane, the mouse to the
// pane under the pointer, and everything else (renders, demo frames) to
// the panes, each of which takes only its own.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	return m, tea.Batch(cmd, m.armFrame())
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case frameMsg:
		m.frameArmed = false
		return m.frame(msg.at)
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m.relayout()
	case tea.BackgroundColorMsg:
		if !m.cfg.ThemeAuto {
			return nil
		}
		t := theme.Light
		if msg.IsDark() {
			t = theme.Dark
		}
		if m.presenter { // presenting stays high contrast; leaving it comes back here
			m.before = t
			return nil
		}
		return m.setTheme(t)
	case tea.KeyPressMsg:
		cmd := m.handleKey(msg)
		m.syncNotes()
		return tea.Batch(cmd, m.saveSoon())
	case tea.MouseClickMsg:
		return m.handleClick(msg)
	case tea.MouseWheelMsg:
		return tea.Batch(m.handleWheel(msg), m.saveSoon())
	case tea.MouseReleaseMsg, tea.MouseMotionMsg:
		return nil // no pane uses them; never broadcast screen coordinates
	case tea.PasteMsg:
		if m.picker != nil || m.problem {
			return nil
		}
		return m.focused().Update(msg) // a paste is typing: it goes where keys go
	case catalog.OpenMsg:
		m.list.CloseFilter()
		m.setFocus(0)
		return m.openLesson(msg.ID)
	case demo.OpenMsg:
		m.picker = nil
		return m.openDemo(msg.ID, msg.New)
	case picker.CloseMsg:
		m.picker = nil
		return nil
	case reader.ReadMsg:
		if m.state.Read[msg.ID] {
			return nil
		}
		m.state.Read[msg.ID] = true
		return m.save()
	case reloadMsg:
		return tea.Batch(m.loadCourse(), m.waitReload())
	case loadedMsg:
		return m.reload(msg.course)
	case statusTimeoutMsg:
		if msg.seq == m.statusSeq && m.status != "" {
			m.status = ""
			return m.relayout()
		}
		return nil
	case saveTickMsg:
		m.saveArmed = false
		m.recordOffset()
		return m.save()
	case savedMsg:
		if msg.err != nil {
			return m.setStatus(true, "%v", msg.err)
		}
		return nil
	}
	cmds := make([]tea.Cmd, 0, len(m.panes))
	for _, p := range m.panes {
		cmds = append(cmds, p.Update(msg))
	}
	m.syncNotes()
	return tea.Batch(cmds...)
}

// focused is the focused pane (the list counts as one).
func (m *Model) focused() common.Pane {
	if m.focus == focusList {
		return m.list
	}
	return m.panes[m.focus]
}

// onLesson reports whether the focus is on the lesson or its list, where
// the lesson keys (n, p, demo numbers) act.
func (m *Model) onLesson() bool {
	return m.focus == focusList || m.panes[m.focus] == m.reader
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ForceQuit) {
		return m.quit()
	}
	if m.picker != nil {
		return m.picker.Update(msg)
	}
	if m.focus == focusList && m.list.OpensOnKey(msg) {
		// At once, not after a command round trip: keys typed right after
		// enter must reach the lesson, not the list.
		id := m.list.Selected()
		if id == "" {
			return nil
		}
		m.list.CloseFilter()
		m.setFocus(0)
		return m.openLesson(id)
	}
	if c, ok := m.focused().(common.Capturer); ok && c.Capturing() {
		return m.focused().Update(msg)
	}
	if m.problem { // the list of problems covers the panes: only app keys act
		switch {
		case key.Matches(msg, m.keys.Back, m.keys.Problems):
			m.problem = false
			return m.relayout()
		case key.Matches(msg, m.keys.Quit, m.keys.Help, m.keys.Lang, m.keys.Theme):
			cmd, _ := m.globalKey(msg)
			return cmd
		}
		return nil
	}
	if cmd, ok := m.globalKey(msg); ok {
		return cmd
	}
	if m.onLesson() {
		switch {
		case key.Matches(msg, m.keys.Next):
			return m.step(1)
		case key.Matches(msg, m.keys.Prev):
			return m.step(-1)
		case key.Matches(msg, m.keys.OpenDemo):
			return m.openLessonDemo(slices.Index(m.keys.OpenDemo.Keys(), msg.String()))
		}
	}
	return m.focused().Update(msg)
}

// globalKey runs the app's own keys; ok is false for keys it leaves to the
// panes.
func (m *Model) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit(), true
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m.relayout(), true
	case key.Matches(msg, k.Lang):
		return m.switchLang(), true
	case key.Matches(msg, k.Theme):
		return m.setTheme(m.com.Styles.Theme.Next()), true
	case key.Matches(msg, k.Focus):
		return m.cycleFocus(1), true
	case key.Matches(msg, k.FocusBack):
		return m.cycleFocus(-1), true
	case key.Matches(msg, k.FocusLeft):
		return m.moveFocus(Left), true
	case key.Matches(msg, k.FocusRight):
		return m.moveFocus(Right), true
	case key.Matches(msg, k.FocusUp):
		return m.moveFocus(Up), true
	case key.Matches(msg, k.FocusDown):
		return m.moveFocus(Down), true
	case key.Matches(msg, k.Problems):
		m.problem = !m.problem
		return m.relayout(), true // covered demos stop, uncovered ones resume
	case key.Matches(msg, k.Zoom):
		return m.toggleZoom(), true
	case key.Matches(msg, k.ClosePane):
		return m.closeFocused(), true
	case key.Matches(msg, k.Narrow):
		return m.moveSplit(-0.05), true
	case key.Matches(msg, k.Widen):
		return m.moveSplit(0.05), true
	case key.Matches(msg, k.Picker):
		switch {
		case len(m.cfg.Demos.All()) == 0:
			return m.setStatus(false, "%s", m.com.Text.NoDemosYet), true
		case len(m.panes) >= MaxPanes:
			return m.setStatus(true, "%s", m.com.Text.Full), true
		}
		m.picker = picker.New(m.com, m.cfg.Demos)
		return nil, true
	case key.Matches(msg, k.Presenter):
		return m.togglePresenter(), true
	case key.Matches(msg, k.Notes):
		return m.toggleNotes(), true
	}
	return nil, false
}

func (m *Model) quit() tea.Cmd {
	m.recordOffset()
	return tea.Quit
}

// handleClick focuses the pane under the pointer and hands it the click in
// its own coordinates (inside the frame).
func (m *Model) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if m.picker != nil || m.problem || m.layout.TooSmall {
		return nil
	}
	i, r, ok := m.paneAt(msg.X, msg.Y)
	if !ok {
		return nil
	}
	cmd := m.setFocus(i)
	local := msg
	local.X, local.Y = msg.X-r.X-1, msg.Y-r.Y-1
	if i == focusList {
		return tea.Batch(cmd, m.list.Update(local))
	}
	return tea.Batch(cmd, m.panes[i].Update(local))
}

// handleWheel scrolls the pane under the pointer, focused or not.
func (m *Model) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	if m.picker != nil || m.problem || m.layout.TooSmall {
		return nil
	}
	i, r, ok := m.paneAt(msg.X, msg.Y)
	if !ok {
		return nil
	}
	local := msg
	local.X, local.Y = msg.X-r.X-1, msg.Y-r.Y-1
	if i == focusList {
		return m.list.Update(local)
	}
	return m.panes[i].Update(local)
}

// paneAt finds what is drawn at (x, y): the list (focusList) or a pane.
func (m *Model) paneAt(x, y int) (int, Rect, bool) {
	if m.layout.Sidebar.Contains(x, y) {
		return focusList, m.layout.Sidebar, true
	}
	for i, r := range m.layout.Panes {
		if r.Contains(x, y) {
			return i, r, true
		}
	}
	return 0, Rect{}, false
}

// statusTTL is how long a status message stays.
const statusTTL = 6 * time.Second

// statusTimeoutMsg clears the status message it was armed for.
type statusTimeoutMsg struct{ seq int }

// setStatus shows a one-line message for statusTTL; the status line takes
// a row, so the panes are resized.
func (m *Model) setStatus(warn bool, format string, args ...any) tea.Cmd {
	m.status, m.statusWarn = fmt.Sprintf(format, args...), warn
	m.statusSeq++
	seq := m.statusSeq
	return tea.Batch(m.relayout(), m.com.Tick(statusTTL, func(time.Time) tea.Msg { return statusTimeoutMsg{seq} }))
}

// saveTickMsg saves the reader's place a little after scrolling stops.
type saveTickMsg struct{}

// saveSoon arms one save a few seconds ahead, so that a place reached by
// scrolling survives a closed terminal; at most one is pending, and none
// when nothing happens.
func (m *Model) saveSoon() tea.Cmd {
	if m.saveArmed || m.presenter || m.cfg.Store == nil || !m.reader.Ready() || m.reader.Offset() == m.state.Offsets[m.reader.Lesson().ID] {
		return nil
	}
	m.saveArmed = true
	return m.com.Tick(2*time.Second, func(time.Time) tea.Msg { return saveTickMsg{} })
}
