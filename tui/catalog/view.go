package catalog

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"distlab/tui/common"
)

// View draws the list: the filter line when there is one, the items, and
// the summary of the item under the cursor when the list leaves room.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	s := m.com.Styles
	var lines []string
	if m.filterShown() {
		lines = append(lines, m.com.InputView(m.filter, m.com.T("filter: "), m.width), "")
	}
	switch {
	case len(m.lessons) == 0:
		lines = append(lines, s.Empty.Render(m.com.T("No lessons in this language.")))
	case len(m.rows) == 0:
		lines = append(lines, s.Empty.Render(m.com.T("No lesson matches.")))
	}
	room := m.listHeight()
	for row := m.top; row < len(m.rows); row++ {
		item := m.itemLines(row)
		if len(item) > room {
			break
		}
		room -= len(item)
		lines = append(lines, item...)
	}
	if sum := m.summary(len(lines)); sum != "" {
		lines = append(lines, sum)
	}
	return common.Fit(strings.Join(lines, "\n"), m.width, m.height)
}

// maxTitleLines is how many lines a lesson's title may wrap onto.
const maxTitleLines = 3

// itemLines renders one row: a lesson's cursor, number, read mark and a
// title that wraps onto further lines when the pane is narrow; or a hit
// (see hitLine).
func (m *Model) itemLines(row int) []string {
	s := m.com.Styles
	r := m.rows[row]
	if r.hit >= 0 || r.more > 0 {
		return []string{m.hitLine(row)}
	}
	idx := r.lesson
	l := m.lessons[idx]
	selected := row == m.cursor
	pointer := "  "
	if selected {
		pointer = "› "
	}
	mark := s.Unread.Render("·")
	if m.read[l.ID] {
		mark = s.ReadMark.Render("✓")
	}
	titleStyle := s.Item
	if l.ID == m.current {
		titleStyle = s.ItemCurrent
	}
	head := pointer + s.ItemNumber.Render(number(l, idx)) + " " + mark + " "
	indent := ansi.StringWidth(head)
	room := max(m.width-indent, 1)
	// Up to three lines: at 80 columns the list is 24 wide, and "What Is a
	// Distributed System?" was cut to "Distributed Sy…" in two.
	parts := strings.SplitN(ansi.Wordwrap(l.Title, room, " -"), "\n", maxTitleLines)
	if last := len(parts) - 1; last > 0 {
		parts[last] = ansi.Truncate(strings.ReplaceAll(parts[last], "\n", " "), room, "…")
	}
	lines := make([]string, len(parts))
	for i, p := range parts {
		prefix := head
		if i > 0 {
			prefix = strings.Repeat(" ", indent)
		}
		line := common.FitLine(prefix+titleStyle.Render(ansi.Truncate(p, room, "…")), m.width)
		if selected && m.focused {
			line = s.ItemSelected.Render(ansi.Strip(line))
		}
		lines[i] = line
	}
	return lines
}

// summary is the selected lesson's summary, or the selected hit's whole
// line, wrapped, under a blank line, if it fits below the rows already
// drawn.
func (m *Model) summary(used int) string {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return ""
	}
	r := m.rows[m.cursor]
	text := m.lessons[r.lesson].Summary
	if r.hit >= 0 {
		text = m.hits[r.hit].Text
	}
	if text == "" || m.width < 12 {
		return ""
	}
	wrapped := strings.Split(ansi.Wordwrap(text, m.width-2, " "), "\n")
	if used+1+len(wrapped) > m.height {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n")
	for i, w := range wrapped {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(" " + m.com.Styles.Summary.Render(w))
	}
	return b.String()
}
