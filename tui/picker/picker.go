// Package picker is the demo picker: a box over the workspace that lists
// every demo, filtered as you type, and opens the chosen one in a new pane.
package picker

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/keys"
)

// CloseMsg says the picker was dismissed.
type CloseMsg struct{}

// Model is the picker.
type Model struct {
	com    *common.Common
	keys   keys.Picker
	demos  []demo.Demo
	query  string
	shown  []demo.Demo
	cursor int
}

// New returns a picker over the demos of r.
func New(com *common.Common, r *demo.Registry) *Model {
	m := &Model{com: com, keys: keys.DefaultPicker(com.Text), demos: r.All()}
	m.refilter()
	return m
}

// Update takes every key while the picker is open.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Cancel):
		return func() tea.Msg { return CloseMsg{} }
	case key.Matches(k, m.keys.Choose):
		if m.cursor < len(m.shown) {
			id := m.shown[m.cursor].ID
			return func() tea.Msg { return demo.OpenMsg{ID: id, New: true} }
		}
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, max(len(m.shown)-1, 0))
	case key.Matches(k, m.keys.Erase):
		if r := []rune(m.query); len(r) > 0 {
			m.query = string(r[:len(r)-1])
			m.refilter()
		}
	default:
		if t := k.Key().Text; t != "" && printable(t) {
			m.query += t
			m.refilter()
		}
	}
	return nil
}

func printable(s string) bool {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

func (m *Model) refilter() {
	lang := m.com.Text.Lang
	q := strings.ToLower(m.query)
	m.shown = m.shown[:0]
	for _, d := range m.demos {
		hay := strings.ToLower(d.ID + " " + d.TitleIn(lang) + " " + d.SummaryIn(lang))
		if strings.Contains(hay, q) {
			m.shown = append(m.shown, d)
		}
	}
	m.cursor = min(m.cursor, max(len(m.shown)-1, 0))
}

// View draws the picker box, w cells wide (its height follows the list).
func (m *Model) View(w int) string {
	s := m.com.Styles
	t := m.com.Text
	iw := max(w-2, 1)
	lines := []string{s.FilterPrompt.Render(t.Filter) + s.FilterText.Render(m.query+"▏"), ""}
	if len(m.shown) == 0 {
		lines = append(lines, s.Empty.Render(t.NoDemos))
	}
	for i, d := range m.shown {
		pointer := "  "
		if i == m.cursor {
			pointer = "› "
		}
		line := common.FitLine(pointer+s.ItemCurrent.Render(d.TitleIn(t.Lang))+s.Status.Render("  "+d.ID), iw)
		if i == m.cursor {
			line = s.ItemSelected.Render(ansi.Strip(line))
		}
		lines = append(lines, line)
		if sum := d.SummaryIn(t.Lang); sum != "" {
			lines = append(lines, common.FitLine("    "+s.Summary.Render(sum), iw))
		}
	}
	lines = append(lines, "", s.Status.Render(t.PickerHint))
	return common.Frame(s, t.PickDemo, common.Fit(strings.Join(lines, "\n"), iw, len(lines)), w, len(lines)+2, true)
}
