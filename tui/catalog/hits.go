package catalog

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/common"
)

// hitLine draws a hit's row, "   l.124 …the matching text…" with the
// match highlighted, or the "+N more" row under a lesson's hits.
func (m *Model) hitLine(row int) string {
	s := m.com.Styles
	r := m.rows[row]
	selected := row == m.cursor && m.focused
	indent := "   "
	if row == m.cursor {
		indent = "›  "
	}
	if r.more > 0 {
		return common.FitLine(indent+s.Status.Render(m.com.T("+%d more lines", r.more)), m.width)
	}
	h := m.hits[r.hit]
	label := m.com.T("l.%d", h.Line) + " "
	text, hl, num := s.Item, s.FilterPrompt, s.ItemNumber
	if selected {
		text, num = s.ItemSelected, s.ItemSelected
		hl = s.ItemSelected.Underline(true)
		indent = text.Render(indent)
	}
	room := m.width - ansi.StringWidth(indent) - ansi.StringWidth(label)
	line := indent + num.Render(label) + snippet(h.Text, lessons.NewQuery(m.filter.Value()).Spans(h.Text), room, text, hl)
	if selected {
		return common.FitLine(line, m.width) + fill(m.width-ansi.StringWidth(line), text)
	}
	return common.FitLine(line, m.width)
}

// fill is n cells of style's background, so that a selected row is one bar.
func fill(n int, style lipgloss.Style) string {
	if n <= 0 {
		return ""
	}
	return style.Render(strings.Repeat(" ", n))
}

// snippet is text cut to room cells around its first match: from its start
// when the match fits there, else from a little before the match, with "…"
// where text was left out. The matches are drawn with hl, the rest with
// plain.
func snippet(text string, spans []lessons.Span, room int, plain, hl lipgloss.Style) string {
	if room <= 0 {
		return ""
	}
	from := 0
	if len(spans) > 0 {
		first := spans[0]
		before, match := ansi.StringWidth(text[:first.From]), ansi.StringWidth(text[first.From:first.To])
		if before+match > room-1 {
			from = startNear(text, first.From, max(before-room/3, 1))
		}
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString(plain.Render("…"))
	}
	at := from
	for _, sp := range spans {
		if sp.To <= from {
			continue
		}
		sp.From = max(sp.From, from)
		b.WriteString(plain.Render(text[at:sp.From]))
		b.WriteString(hl.Render(text[sp.From:sp.To]))
		at = sp.To
	}
	b.WriteString(plain.Render(text[at:]))
	return ansi.Truncate(b.String(), room, plain.Render("…"))
}

// startNear is the byte of text to start a snippet at so that skip cells
// are left out, moved to just after a space when one is close before the
// match (a word cut in two reads badly), never past limit, the match.
func startNear(text string, limit, skip int) int {
	cells, i := 0, 0
	for i < limit && cells < skip {
		_, size := utf8.DecodeRuneInString(text[i:])
		cells += ansi.StringWidth(text[i : i+size])
		i += size
	}
	if sp := strings.IndexByte(text[i:limit], ' '); sp >= 0 && sp < 12 {
		i += sp + 1
	}
	return i
}
