// Package notes is the speaker-notes pane: in presenter mode it shows the
// notes of the slide on screen, which students never see.
package notes

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/keys"
)

func init() {
	locale.Add(
		locale.Str("Speaker notes", "Notas do apresentador"),
		locale.Str("Speaker notes · %s", "Notas do apresentador · %s"),
		locale.Str("No notes for this slide.", "Sem notas para este slide."),
	)
}

// Model is the notes pane. Long notes scroll: tab gives it the keys (↑/↓
// a line, u/d half a page, the wheel three lines) and a ↓ on its last line
// says more follows; the slide keys still turn the slides (the root passes
// on what the pane does not take), and each new slide starts at the top.
type Model struct {
	com     *common.Common
	counter string
	notes   []string
	width   int
	height  int
	lines   []string       // the notes wrapped to the width
	vp      viewport.Model // the scroll offset over lines
	focused bool
}

var _ common.Pane = (*Model)(nil)

// New returns an empty notes pane.
func New(com *common.Common) *Model {
	m := &Model{com: com, vp: viewport.New()}
	m.vp.KeyMap = viewport.KeyMap{} // Update scrolls by the pane's own keys
	return m
}

// Set shows the notes of slide counter ("3/12"); changed reports whether
// they differ from those shown.
func (m *Model) Set(counter string, notes []string) (changed bool) {
	changed = counter != m.counter || !slices.Equal(notes, m.notes)
	m.counter, m.notes = counter, notes
	if changed {
		m.wrap()
		m.vp.GotoTop()
	}
	return changed
}

// wrap lays the notes out at the pane's width, a blank line between two.
func (m *Model) wrap() {
	s := m.com.Styles
	var lines []string
	for _, n := range m.notes {
		text := strings.Join(strings.Fields(n), " ")
		for _, l := range strings.Split(ansi.Wordwrap(text, max(m.width-3, 8), " "), "\n") {
			lines = append(lines, " "+s.Item.Render(l))
		}
		lines = append(lines, "")
	}
	if len(lines) > 0 {
		lines = lines[:len(lines)-1]
	}
	off := m.vp.YOffset()
	m.lines = lines
	m.vp.SetContentLines(lines)
	m.vp.SetYOffset(off)
}

// Init does nothing.
func (m *Model) Init() tea.Cmd { return nil }

// Update scrolls the notes; Handles says which keys it takes.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := m.keys()
		switch {
		case key.Matches(msg, k.Up):
			m.vp.ScrollUp(1)
		case key.Matches(msg, k.Down):
			m.vp.ScrollDown(1)
		case key.Matches(msg, k.HalfUp):
			m.vp.HalfPageUp()
		case key.Matches(msg, k.HalfDown):
			m.vp.HalfPageDown()
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.vp.ScrollUp(3)
		case tea.MouseWheelDown:
			m.vp.ScrollDown(3)
		}
	}
	return nil
}

// Handles reports whether msg is one of the pane's keys; the root gives
// the others to the slides.
func (m *Model) Handles(msg tea.KeyPressMsg) bool {
	k := m.keys()
	return key.Matches(msg, k.Up, k.Down, k.HalfUp, k.HalfDown)
}

// keys are the notes' scroll keys: the reader's, in the reader's language.
func (m *Model) keys() keys.Reader { return keys.DefaultReader(m.com.Printer) }

// SetSize sets the inner size.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.vp.SetWidth(max(w, 0))
	m.vp.SetHeight(max(h, 0))
	m.wrap()
	return nil
}

// Focus notes whether the pane has the keys.
func (m *Model) Focus(f bool) { m.focused = f }

// Title names the pane and the slide.
func (m *Model) Title() string {
	if m.counter == "" {
		return m.com.T("Speaker notes")
	}
	return m.com.T("Speaker notes · %s", m.counter)
}

// KeyMap is the slide keys (the root passes them on) and, while the
// notes have more than fits, the scroll keys.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys()
	if len(m.lines) <= m.height {
		return keyList{k.NextSlide, k.PrevSlide}
	}
	return keyList{k.Up, k.Down, k.HalfUp, k.HalfDown, k.NextSlide, k.PrevSlide}
}

type keyList []key.Binding

func (k keyList) ShortHelp() []key.Binding  { return k }
func (k keyList) FullHelp() [][]key.Binding { return [][]key.Binding{k} }

// View is the notes' window, with ↓ at the end of its last line while more
// follows.
func (m *Model) View() string {
	s := m.com.Styles
	if len(m.notes) == 0 {
		return common.Fit(" "+s.Empty.Render(m.com.T("No notes for this slide.")), m.width, m.height)
	}
	all := m.lines
	off := min(m.vp.YOffset(), max(len(all)-1, 0))
	end := min(off+m.height, len(all))
	shown := slices.Clone(all[off:end])
	if end < len(all) && len(shown) > 0 && m.width > 4 {
		last := len(shown) - 1
		shown[last] = common.FitLine(ansi.Truncate(shown[last], m.width-2, ""), m.width-2) + s.Status.Render(" ↓")
	}
	return common.Fit(strings.Join(shown, "\n"), m.width, m.height)
}
