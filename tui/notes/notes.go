// Package notes is the speaker-notes pane: in presenter mode it shows the
// notes of the slide on screen, which students never see.
package notes

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/tui/common"
)

func init() {
	locale.Add(
		locale.Str("Speaker notes", "Notas do apresentador"),
		locale.Str("Speaker notes · %s", "Notas do apresentador · %s"),
		locale.Str("No notes for this slide.", "Sem notas para este slide."),
	)
}

// Model is the notes pane.
type Model struct {
	com     *common.Common
	counter string
	notes   []string
	width   int
	height  int
}

var _ common.Pane = (*Model)(nil)

// New returns an empty notes pane.
func New(com *common.Common) *Model { return &Model{com: com} }

// Set shows the notes of slide counter ("3/12"); changed reports whether
// they differ from those shown.
func (m *Model) Set(counter string, notes []string) (changed bool) {
	changed = counter != m.counter || !slices.Equal(notes, m.notes)
	m.counter, m.notes = counter, notes
	return changed
}

// Init does nothing.
func (m *Model) Init() tea.Cmd { return nil }

// Update does nothing: the root sets the notes.
func (m *Model) Update(tea.Msg) tea.Cmd { return nil }

// SetSize sets the inner size.
func (m *Model) SetSize(w, h int) tea.Cmd { m.width, m.height = w, h; return nil }

// Focus does nothing: the pane has no keys.
func (m *Model) Focus(bool) {}

// Title names the pane and the slide.
func (m *Model) Title() string {
	if m.counter == "" {
		return m.com.T("Speaker notes")
	}
	return m.com.T("Speaker notes · %s", m.counter)
}

// KeyMap is empty.
func (m *Model) KeyMap() help.KeyMap { return noKeys{} }

type noKeys struct{}

func (noKeys) ShortHelp() []key.Binding  { return nil }
func (noKeys) FullHelp() [][]key.Binding { return nil }

// View is the notes, wrapped.
func (m *Model) View() string {
	s := m.com.Styles
	if len(m.notes) == 0 {
		return common.Fit(" "+s.Empty.Render(m.com.T("No notes for this slide.")), m.width, m.height)
	}
	var lines []string
	for _, n := range m.notes {
		text := strings.Join(strings.Fields(n), " ")
		for _, l := range strings.Split(ansi.Wordwrap(text, max(m.width-3, 8), " "), "\n") {
			lines = append(lines, " "+s.Item.Render(l))
		}
		lines = append(lines, "")
	}
	return common.Fit(strings.Join(lines, "\n"), m.width, m.height)
}
