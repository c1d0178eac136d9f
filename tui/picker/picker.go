// Package picker is the demo picker: a box over the workspace that lists
// every demo, filtered as you type (a bubbles textinput, matched with
// tui/match: accents optional), and opens the chosen one in a new pane.
package picker

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/keys"
	"distlab/tui/match"
)

// CloseMsg says the picker was dismissed.
type CloseMsg struct{}

// Model is the picker.
type Model struct {
	com    *common.Common
	keys   keys.Picker
	demos  []demo.Demo
	filter textinput.Model // always focused: every key types, but these
	shown  []demo.Demo
	cursor int

	// folded are the demos' id, title and summary in lang, folded for
	// match; built again when the language changes.
	folded []string
	lang   locale.Lang
}

// New returns a picker over the demos of r.
func New(com *common.Common, r *demo.Registry) *Model {
	m := &Model{com: com, keys: keys.DefaultPicker(com.Printer), demos: r.All(), filter: com.NewInput()}
	m.filter.Focus() // the cursor stands still: no command
	m.refilter()
	return m
}

// Query is the filter's text.
func (m *Model) Query() string { return m.filter.Value() }

// Update takes every key while the picker is open: esc closes it, enter
// opens the demo under the cursor, ↑/↓ move, and the rest edits the
// filter (letters, backspace, ←/→, home/end, ctrl+w…), as does a paste.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		m.edit(msg)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Cancel):
			return func() tea.Msg { return CloseMsg{} }
		case key.Matches(msg, m.keys.Choose):
			if m.cursor < len(m.shown) {
				id := m.shown[m.cursor].ID
				return func() tea.Msg { return demo.OpenMsg{ID: id, New: true} }
			}
		case key.Matches(msg, m.keys.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, m.keys.Down):
			m.cursor = min(m.cursor+1, max(len(m.shown)-1, 0))
		default:
			m.edit(msg)
		}
	}
	return nil
}

// edit hands msg to the field and filters again if the text changed. The
// field's command is dropped: with a still cursor and no clipboard key it
// has none to give.
func (m *Model) edit(msg tea.Msg) {
	before := m.filter.Value()
	m.filter, _ = m.filter.Update(msg)
	if m.filter.Value() != before {
		m.refilter()
	}
}

func (m *Model) refilter() {
	lang := m.com.Lang()
	if m.folded == nil || m.lang != lang {
		m.folded, m.lang = make([]string, len(m.demos)), lang
		for i, d := range m.demos {
			n := d.In(m.com.Printer)
			m.folded[i] = match.Fold(d.ID + " " + n.Title + " " + n.Summary)
		}
	}
	q := match.NewQuery(m.filter.Value())
	m.shown = m.shown[:0]
	for i, d := range m.demos {
		if q.In(m.folded[i]) {
			m.shown = append(m.shown, d)
		}
	}
	m.cursor = min(m.cursor, max(len(m.shown)-1, 0))
}

// View draws the picker box, w cells wide and as tall as its list, at most
// h lines: in a short workspace the summaries go first (but the chosen
// demo's), then the demos far from the cursor, so that the filter, the
// cursor and the hint that says how to close the box stay in sight.
func (m *Model) View(w, h int) string {
	s := m.com.Styles
	iw := max(w-2, 1)
	top := []string{m.com.InputView(m.filter, m.com.T("filter: "), iw), ""}
	// The hint wraps rather than be cut: its end says how to get out.
	bottom := append([]string{""}, common.WrapLines(s.Status.Render(m.com.T("type to filter · enter opens a new pane · esc closes")), iw, 3)...)
	room := h - 2 - len(top) - len(bottom) // the frame takes two lines
	var items []string
	if len(m.shown) == 0 {
		items = []string{s.Empty.Render(m.com.T("No demo matches."))}
	}
	// The chosen demo's summary is read whole (wrapped, up to three
	// lines); the others' take a line each, cut.
	var chosen []string
	if m.cursor < len(m.shown) {
		if sum := m.shown[m.cursor].In(m.com.Printer).Summary; sum != "" {
			chosen = wrapIndented(s.Summary.Render(sum), iw, 4, 3)
		}
	}
	withSummaries := len(chosen)
	for i, d := range m.shown {
		withSummaries++
		if i != m.cursor && d.In(m.com.Printer).Summary != "" {
			withSummaries++
		}
	}
	summaries := withSummaries <= room
	first := 0
	if keep := max(room-len(chosen), 1); !summaries && len(m.shown) > keep { // room for the cursor's summary
		first = min(max(m.cursor-(keep-1)/2, 0), len(m.shown)-keep)
	}
	for i := first; i < len(m.shown); i++ {
		d := m.shown[i]
		pointer := "  "
		if i == m.cursor {
			pointer = "› "
		}
		n := d.In(m.com.Printer)
		line := common.Ellipsis(pointer+s.ItemCurrent.Render(n.Title)+s.Status.Render("  "+d.ID), iw)
		if i == m.cursor {
			line = s.ItemSelected.Render(ansi.Strip(line))
		}
		items = append(items, line)
		switch sum := n.Summary; {
		case i == m.cursor:
			items = append(items, chosen...)
		case sum != "" && summaries:
			items = append(items, common.Ellipsis("    "+s.Summary.Render(sum), iw))
		}
	}
	if room > 0 && len(items) > room {
		items = items[:room]
	}
	lines := append(append(top, items...), bottom...)
	return common.Frame(s, m.com.T("Open a demo"), common.Fit(strings.Join(lines, "\n"), iw, len(lines)), w, len(lines)+2, true)
}

// wrapIndented wraps text to w cells, each line indented by indent
// spaces, in at most maxLines lines (the last cut with "…").
func wrapIndented(text string, w, indent, maxLines int) []string {
	pad := strings.Repeat(" ", indent)
	lines := common.WrapLines(text, max(w-indent+1, 2), maxLines) // WrapLines puts a space first
	for i, l := range lines {
		lines[i] = pad[1:] + l
	}
	return lines
}
