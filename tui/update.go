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
	"distlab/tui/notes"
	"distlab/tui/picker"
	"distlab/tui/quiz"
	"distlab/tui/reader"
	"distlab/tui/theme"
)

// Update routes a message: window and terminal events to the root, keys to
// the top overlay or else to the app's keys and the focused pane, the mouse
// to the pane under the pointer, a message addressed to a pane to that pane
// alone, and everything else (renders) to every pane.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	if _, frame := msg.(frameMsg); !frame && m.classDone != nil {
		m.reportClass(msg) // the hub ignores what did not change
	}
	if _, frame := msg.(frameMsg); !frame {
		// What the console shows follows every change; a demo's animation
		// frame changes none of it (the roster is read on linkTickMsg),
		// and would read the engines up to FrameRate times a second.
		m.publish()
	}
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
		if m.mode == Presenting { // presenting stays high contrast; leaving it comes back here
			m.before = t
			return nil
		}
		return m.setTheme(t)
	case tea.KeyPressMsg:
		cmd := m.handleKey(msg)
		m.syncNotes()
		return tea.Batch(cmd, m.syncSlideDemo(), m.saveSoon())
	case tea.MouseClickMsg:
		return m.handleClick(msg)
	case tea.MouseWheelMsg:
		return tea.Batch(m.handleWheel(msg), m.saveSoon())
	case tea.MouseReleaseMsg, tea.MouseMotionMsg:
		return nil // no pane uses them; never broadcast screen coordinates
	case tea.PasteMsg:
		if m.Mode() == TooSmall { // into nothing the user can see
			return nil
		}
		if o := m.top(); o != nil {
			return o.update(m, msg)
		}
		return m.toFocused(msg) // a paste is typing: it goes where keys go
	case catalog.OpenMsg:
		return m.openFromList(msg)
	case demo.OpenMsg:
		return tea.Batch(closeOverlays[pickerOverlay](m), m.openDemo(msg.ID, msg.New))
	case picker.CloseMsg:
		return closeOverlays[pickerOverlay](m)
	case reader.ReadMsg:
		m.listCache = ""
		if m.state.Read[msg.ID] {
			return nil
		}
		m.state.Read[msg.ID] = true
		return m.save()
	case quiz.AnsweredMsg:
		return m.answered(msg)
	case quiz.CloseMsg:
		if _, live := m.top().(liveOverlay); live {
			return m.hideLive()
		}
		return closeOverlays[quizOverlay](m)
	case quiz.LiveAnsweredMsg:
		return m.liveAnswered(msg)
	case classMsg:
		return m.classChanged()
	case NoticeMsg:
		return m.setStatus(msg.Warn, msg.Format, msg.Args...)
	case demo.ChallengeMetMsg:
		return m.challengeMet(msg)
	case reloadMsg:
		return tea.Batch(m.loadCourse(), m.waitReload())
	case loadedMsg:
		return m.reload(msg.course)
	case statusTimeoutMsg:
		if msg.seq == m.statusSeq && m.status != nil {
			m.status = nil
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
	case common.Addressed:
		return m.toPane(msg)
	case joinTickMsg:
		return m.joinTicked(msg)
	case linkedMsg:
		return m.linked(msg)
	case consoleMsg:
		return m.fromConsole(msg)
	case linkTickMsg:
		return m.linkTicked(msg)
	case linkRetryMsg:
		return m.linkRetried()
	}
	cmds := make([]tea.Cmd, 0, len(m.slots))
	for _, s := range m.slots {
		cmds = append(cmds, s.update(msg))
	}
	m.syncNotes()
	return tea.Batch(cmds...)
}

// toPane hands a message to the one pane it is addressed to (a closed
// pane's is dropped, its errors too) and shows a failed engine call in the
// status line.
func (m *Model) toPane(msg common.Addressed) tea.Cmd {
	i := m.slotByID(msg.PaneID())
	if i < 0 {
		return nil
	}
	var status tea.Cmd
	if done, ok := msg.(common.DoneMsg); ok && done.Err != nil {
		status = m.setStatus(true, "%v", done.Err) // a locale error is printed in the language of the moment
	}
	return tea.Batch(status, m.slots[i].update(msg))
}

// focused is the focused pane (the list counts as one).
func (m *Model) focused() common.Pane {
	if m.focus == focusList {
		return m.list
	}
	return m.slots[m.focus].pane
}

// toFocused hands msg to the focused pane, which is drawn again.
func (m *Model) toFocused(msg tea.Msg) tea.Cmd {
	if m.focus == focusList {
		m.listCache = ""
		return m.list.Update(msg)
	}
	if n, ok := m.slots[m.focus].pane.(*notes.Model); ok {
		// The speaker notes scroll; every other key is the slides', as if
		// they had the focus (the presenter reads on and turns the slide).
		if k, isKey := msg.(tea.KeyPressMsg); isKey && !n.Handles(k) {
			return m.slots[0].update(msg)
		}
	}
	return m.slots[m.focus].update(msg)
}

// capturing reports whether the focused pane takes text: then every key
// but ctrl+c is its own.
func (m *Model) capturing() bool {
	c, ok := m.focused().(common.Capturer)
	return ok && c.Capturing()
}

// onLesson reports whether the focus is on the lesson, its list or its
// speaker notes, where the lesson keys (n, p, demo numbers) act.
func (m *Model) onLesson() bool {
	return m.focus == focusList || m.slots[m.focus].kind != demoSlot
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if _, asking := m.top().(endClassOverlay); asking {
		return m.top().update(m, msg) // also on a screen too small: it is the question
	}
	if key.Matches(msg, m.keys.ForceQuit) {
		return m.askQuit()
	}
	if m.Mode() == TooSmall { // nothing to act on is in view; a field that types keeps q
		if key.Matches(msg, m.keys.Quit) && m.top() == nil && !m.capturing() {
			return m.askQuit()
		}
		return nil
	}
	if o := m.top(); o != nil {
		for _, b := range o.passes(m) {
			if key.Matches(msg, b) {
				cmd, _ := m.globalKey(msg)
				return cmd
			}
		}
		return o.update(m, msg)
	}
	if m.focus == focusList && m.list.OpensOnKey(msg) {
		// At once, not after a command round trip: keys typed right after
		// enter must reach the lesson, not the list.
		open := m.list.Chosen()
		if open.ID == "" {
			return nil
		}
		return m.openFromList(open)
	}
	if m.capturing() || m.claims(msg) {
		return m.toFocused(msg)
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
		case m.mode == Presenting && key.Matches(msg, m.keys.Blank, m.keys.BlankWhite):
			return m.blank(key.Matches(msg, m.keys.BlankWhite))
		}
	}
	return m.toFocused(msg)
}

// globalKey runs the app's own keys; ok is false for keys it leaves to the
// panes.
func (m *Model) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.askQuit(), true
	case key.Matches(msg, k.Help):
		if hasOverlay[helpOverlay](m) {
			return closeOverlays[helpOverlay](m), true
		}
		return m.push(helpOverlay{new(scroll)}), true
	case key.Matches(msg, k.Lang):
		return m.switchLang(), true
	case key.Matches(msg, k.Theme):
		t := m.com.Styles.Theme.Next()
		if m.mode == Presenting { // for this talk only: leaving it restores the theme before
			return m.setTheme(t), true
		}
		m.state.Theme = t.String() // remembered for the next run
		return tea.Batch(m.setTheme(t), m.save()), true
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
		return m.push(problemsOverlay{new(scroll)}), true // covered demos stop
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
			return m.setStatus(false, "%s", m.com.T("this build has no demos to open")), true
		case len(m.slots) >= MaxPanes:
			return m.setStatus(true, "%s", m.fullText()), true
		}
		return m.push(pickerOverlay{picker.New(m.com, m.cfg.Demos)}), true
	case key.Matches(msg, k.Presenter):
		return m.togglePresenter(), true
	case key.Matches(msg, k.Notes):
		return m.toggleNotes(), true
	case key.Matches(msg, k.Join):
		return m.openJoin(), true
	case key.Matches(msg, k.Quiz):
		return m.openQuiz(), true
	case key.Matches(msg, k.Map):
		return m.openMap(), true
	case m.classDone != nil && key.Matches(msg, k.Follow):
		return m.toggleFollow(), true
	case m.cfg.Hub != nil && key.Matches(msg, k.Ask):
		return m.openAsk(), true
	case m.cfg.Hub != nil && key.Matches(msg, k.Roster):
		if hasOverlay[rosterOverlay](m) {
			return closeOverlays[rosterOverlay](m), true
		}
		return m.push(rosterOverlay{}), true
	case m.cfg.Hub != nil && key.Matches(msg, k.Broadcast):
		return m.openBroadcast(), true
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
	if m.top() != nil || m.Mode() == TooSmall {
		return nil
	}
	i, r, ok := m.paneAt(msg.X, msg.Y)
	if !ok {
		return nil
	}
	cmd := m.setFocus(i)
	local := msg
	local.X, local.Y = msg.X-r.X-1, msg.Y-r.Y-1
	return tea.Batch(cmd, m.toFocused(local))
}

// handleWheel scrolls the pane under the pointer, focused or not.
func (m *Model) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	if m.top() != nil || m.Mode() == TooSmall {
		return nil
	}
	i, r, ok := m.paneAt(msg.X, msg.Y)
	if !ok {
		return nil
	}
	local := msg
	local.X, local.Y = msg.X-r.X-1, msg.Y-r.Y-1
	if i == focusList {
		m.listCache = ""
		return m.list.Update(local)
	}
	return m.slots[i].update(local)
}

// statusTTL is how long a status message stays.
const statusTTL = 6 * time.Second

// statusTimeoutMsg clears the status message it was armed for.
type statusTimeoutMsg struct{ seq int }

// message is a text and its arguments, printed when drawn: a status line
// follows a language switch.
type message struct {
	format string
	args   []any
}

// messagef keeps a message to print later.
func messagef(format string, args ...any) *message {
	if false {
		_ = fmt.Sprintf(format, args...) // lets vet check callers' verbs
	}
	return &message{format, args}
}

// setStatus shows a one-line message for statusTTL; the status line takes
// a row, so the panes are resized.
func (m *Model) setStatus(warn bool, format string, args ...any) tea.Cmd {
	m.status, m.statusWarn = messagef(format, args...), warn
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
	if m.saveArmed || m.mode == Presenting || m.cfg.Store == nil || !m.reader.Ready() || m.reader.Offset() == m.state.Place(m.lang(), m.reader.Lesson().ID) {
		return nil
	}
	m.saveArmed = true
	return m.com.Tick(2*time.Second, func(time.Time) tea.Msg { return saveTickMsg{} })
}
