package reader

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/common"
)

// searchRows is the lines the search's input takes at the bottom: one
// while it is open, if the pane keeps a line of text above it.
func (m *Model) searchRows() int {
	bar := 0
	if len(m.demos) > 0 {
		bar = 1
	}
	if m.search.open && m.height-bar >= 2 {
		return 1
	}
	return 0
}

// shownLine is line i of the render as drawn: with the search's matches
// highlighted, the current one in reverse video.
func (m *Model) shownLine(i int) string {
	f := &m.search
	if !f.open || len(f.matches) == 0 {
		return m.lines[i]
	}
	at := searchLine(f.matches, i)
	if at == len(f.matches) || f.matches[at].line != i {
		return m.lines[i]
	}
	s := m.com.Styles
	other, cur := s.ItemSelected, lipgloss.NewStyle().Reverse(true).Bold(true)
	line := m.lines[i]
	var b strings.Builder
	col := 0
	for k := at; k < len(f.matches) && f.matches[k].line == i; k++ {
		mt := f.matches[k]
		style := other
		if k == f.cur {
			style = cur
		}
		b.WriteString(ansi.Cut(line, col, mt.from))
		b.WriteString(style.Render(ansi.Strip(ansi.Cut(line, mt.from, mt.to))))
		col = mt.to
	}
	b.WriteString(ansi.TruncateLeft(line, col, ""))
	return b.String()
}

// searchLine is the first match on line i or after it.
func searchLine(ms []found, i int) int {
	lo, hi := 0, len(ms)
	for lo < hi {
		mid := (lo + hi) / 2
		if ms[mid].line < i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// searchBar is the search's line: "/query" and, at the right, "3/7", how
// many matches while the query is typed, or that there is none.
func (m *Model) searchBar() string {
	f := &m.search
	s := m.com.Styles
	var count string
	switch n := len(f.matches); {
	case f.query.Empty():
	case n == 0:
		count = s.StatusWarn.Render(m.com.T("not found"))
	case f.typing || f.cur < 0:
		count = s.Status.Render(m.com.T("%d matches", n))
	default:
		count = m.com.T("%d/%d", f.cur+1, n)
		if f.wrapped {
			count = "↻ " + count
		}
		count = s.Status.Render(count)
	}
	room := m.width - ansi.StringWidth(count) - 1
	if room < 8 { // a narrow pane: the query first
		count, room = "", m.width
	}
	in := f.input
	if !f.typing {
		in.Blur() // no cursor once searched
	}
	line := m.com.InputView(in, "/", room)
	return common.FitLine(line+" "+count, m.width)
}

// searchKeyMap is the reader's help, base, with the search's keys: while
// its query is typed, only those (the others type); while it is open, its
// keys first, then the reader's; else / among the reader's.
func (m *Model) searchKeyMap(base keyMap) help.KeyMap {
	if m.presenting {
		return base
	}
	return searchHelp{m.search, base, m.current()}
}

type searchHelp struct {
	f    finder
	base keyMap
	can  bool // a lesson is shown: / would search it
}

func (h searchHelp) own() []key.Binding {
	k := h.f.keys
	switch {
	case h.f.open && h.f.typing:
		return []key.Binding{k.Accept, k.Cancel}
	case h.f.open && len(h.f.matches) == 0: // nothing to go to
		return []key.Binding{k.Open, k.Close}
	case h.f.open:
		return []key.Binding{k.Next, k.Prev, k.Open, k.Close}
	case h.can:
		return []key.Binding{k.Open}
	}
	return nil
}

// ShortHelp is the search's keys while it is open; else the reader's
// (/ is in the full help: the bar has little room).
func (h searchHelp) ShortHelp() []key.Binding {
	if h.f.open {
		return h.own()
	}
	return h.base.ShortHelp()
}

func (h searchHelp) FullHelp() [][]key.Binding {
	if h.f.open && h.f.typing {
		return [][]key.Binding{h.own()}
	}
	if h.f.open {
		return append([][]key.Binding{h.own()}, h.base.FullHelp()...)
	}
	full := h.base.FullHelp()
	if len(full) > 0 { // / with the other keys that move in the text
		full[0] = append(full[0], h.own()...)
	}
	return full
}

// placePending puts the view at the hit Reveal was given, once the whole
// render is in: the line of the render that shows it (see hitLine), a
// third of the way down, its match current.
func (m *Model) placePending() {
	f := &m.search
	src := f.pending
	f.pending = 0
	m.findMatches()
	line := m.hitLine(src)
	f.cur = -1
	for i, mt := range f.matches {
		if mt.line == line {
			f.cur = i
			break
		}
	}
	m.vp.SetYOffset(max(line-m.viewHeight()/3, 0))
	m.want = place{line: m.vp.YOffset()}
}

// hitLine is the line of the render that shows source line src. glamour's
// lines are not the file's: paragraphs wrap, blocks gain margins, comments
// vanish. So it looks for the line that begins src's text, nearest where
// src falls in proportion, and from there for the first line holding the
// query; in a hidden answers section, the answers' heading.
func (m *Model) hitLine(src int) int {
	l, lines := m.lesson, m.lines
	if src < l.Line || len(lines) == 0 {
		return 0 // the front matter: the title, which the frame shows
	}
	raw := max(strings.Count(l.Raw, "\n")+1, 1)
	near := (src - l.Line) * len(lines) / raw
	if !m.answers && inAnswers(l, src) {
		return headingLine(lines, lessons.AnswersHeadings[l.Lang], near)
	}
	plain := make([]string, len(lines))
	for i, line := range lines {
		plain[i] = lessons.Fold(strings.Join(strings.Fields(ansi.Strip(line)), " "))
	}
	start := near
	if head := headOf(lessons.SourceLine(l, src)); head != "" {
		best := -1
		for i, p := range plain {
			if strings.Contains(p, head) && (best < 0 || abs(i-near) < abs(best-near)) {
				best = i
			}
		}
		if best >= 0 {
			start = best
		}
	}
	start = min(max(start, 0), len(lines)-1)
	for i := start; i < len(lines) && i < start+40; i++ {
		if m.search.query.In(plain[i]) {
			return i
		}
		if i > start && plain[i] == "" {
			break // the paragraph ended
		}
	}
	best := -1
	for i := range plain {
		if m.search.query.In(plain[i]) && (best < 0 || abs(i-start) < abs(best-start)) {
			best = i
		}
	}
	if best < 0 {
		return start
	}
	return best
}

// headOf is the first words of a line, folded, as many as fit in a narrow
// pane's line: enough to tell the paragraph they begin.
func headOf(text string) string {
	var words []string
	n := 0
	for _, w := range strings.Fields(lessons.Fold(text)) {
		if n+len(w) > 24 && len(words) > 0 {
			break
		}
		words = append(words, w)
		n += len(w) + 1
	}
	return strings.Join(words, " ")
}

// inAnswers reports whether source line src is in l's answers section:
// from its heading to the next "## " heading.
func inAnswers(l lessons.Lesson, src int) bool {
	heading, ok := lessons.AnswersHeadings[l.Lang]
	if !ok {
		return false
	}
	in := false
	for i, line := range strings.Split(l.Raw, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "## "+heading:
			in = true
		case in && strings.HasPrefix(t, "## "):
			in = false
		}
		if l.Line+i == src {
			return in
		}
	}
	return false
}

func abs(n int) int { return max(n, -n) }

// View is the pane, exactly width×height: the demo bar, the visible part
// of the lesson and, while a search is open, its line.
func (m *Model) View() string {
	v := m.view()
	if m.searchRows() == 0 || m.err != nil || m.lesson.ID == "" || m.width <= 0 {
		return v
	}
	return v + "\n" + m.searchBar()
}
