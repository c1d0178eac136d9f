package reader

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/keys"
)

// The search inside a lesson: / opens a one-line input at the pane's
// bottom, enter goes to the first match at or after the top line, n and N
// to the next and previous (round the ends), esc ends it. The matches in
// the lines on screen are highlighted, the current one apart, and the input
// line counts them, "3/7". Like every search of the course it ignores case
// and accents (lessons.Query), and it reads the lines as rendered, so it
// finds what the student sees.
//
// A hit opened from the lesson list (Reveal) opens the search on its query,
// at the hit.

// finder is the search's state. Its matches are in the lines shown, found
// again whenever those change (a resize, a theme, the answers shown).
type finder struct {
	open   bool // the input line is drawn at the bottom
	typing bool // the input has the keys
	input  textinput.Model
	keys   keys.Search

	query   lessons.Query // what matches are of; the input's text when typed
	matches []found       // in line order
	cur     int           // the current match, -1 before the first jump
	wrapped bool          // the last jump went round an end
	// pending is a hit of the lesson list waiting for the whole render,
	// as a source line (see Reveal); 0 for none.
	pending int
}

// found is one match: a line of the render and the cells it takes.
type found struct{ line, from, to int }

// Searching reports whether the search is open.
func (m *Model) Searching() bool { return m.search.open }

// Capturing reports whether the search's query is being typed: then every
// key but ctrl+c is the reader's.
func (m *Model) Capturing() bool { return m.search.open && m.search.typing }

// ClaimsKey reports whether msg is one of the open search's keys (n, N,
// esc, /), which the app must hand to the reader before its own: n is the
// next lesson and N the notes elsewhere.
func (m *Model) ClaimsKey(msg tea.KeyPressMsg) bool {
	f := &m.search
	return f.open && !f.typing && key.Matches(msg, f.keys.Next, f.keys.Prev, f.keys.Close, f.keys.Open)
}

// Query is the search's text while it is open, or "".
func (m *Model) Query() string {
	if !m.search.open {
		return ""
	}
	return m.search.input.Value()
}

// Match is the current match as n/total (n from 1; 0 before the first
// jump).
func (m *Model) Match() (n, total int) { return m.search.cur + 1, len(m.search.matches) }

// searchKey handles msg if it belongs to the search: any key while the
// query is typed, n, N, esc and / while it is open, / to open it.
func (m *Model) searchKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	f := &m.search
	switch {
	case f.open && f.typing:
		switch {
		case key.Matches(msg, f.keys.Accept):
			if f.query.Empty() {
				m.closeSearch()
				return nil, true
			}
			f.typing = false
			return m.jump(m.firstFrom(m.vp.YOffset())), true
		case key.Matches(msg, f.keys.Cancel):
			m.closeSearch()
		default:
			m.editQuery(msg)
		}
		return nil, true
	case f.open && key.Matches(msg, f.keys.Next):
		return m.step(1), true
	case f.open && key.Matches(msg, f.keys.Prev):
		return m.step(-1), true
	case f.open && key.Matches(msg, f.keys.Close):
		m.closeSearch()
		return nil, true
	case key.Matches(msg, f.keys.Open) && !m.presenting && m.current():
		if !f.open {
			f.input = m.com.NewInput()
			f.open, f.cur = true, -1
			m.resize() // the input takes the last line
		}
		f.typing = true
		f.input.Focus()
		return nil, true
	}
	return nil, false
}

// searchPaste types a paste into the query while it is typed.
func (m *Model) searchPaste(msg tea.PasteMsg) bool {
	if !m.Capturing() {
		return false
	}
	m.editQuery(msg)
	return true
}

// editQuery hands msg to the input and finds the new query's matches.
func (m *Model) editQuery(msg tea.Msg) {
	f := &m.search
	before := f.input.Value()
	f.input, _ = f.input.Update(msg)
	if v := f.input.Value(); v != before {
		f.query, f.cur, f.wrapped = lessons.NewQuery(v), -1, false
		m.findMatches()
	}
}

// Reveal shows source line src of the lesson (a file line, as lessons.Hit
// counts them) with find, the query that hit it, highlighted, and leaves
// the search open on find so that n and N go on from there. The line is
// placed once the lesson's whole render is in: glamour's lines are not the
// file's (see hitLine).
func (m *Model) Reveal(src int, find string) tea.Cmd {
	if m.presenting || m.lesson.ID == "" {
		return nil
	}
	f := &m.search
	f.input = m.com.NewInput()
	f.input.SetValue(find)
	f.open, f.typing, f.cur, f.wrapped = true, false, -1, false
	f.query, f.pending = lessons.NewQuery(find), max(src, 1)
	m.resize()
	if m.Ready() {
		m.placePending()
		return m.checkRead()
	}
	// Until then, about where it is: a place by fraction renders the
	// lesson whole at once, rather than its first part first.
	raw := max(strings.Count(m.lesson.Raw, "\n")+1, 1)
	m.want = place{frac: float64(src-m.lesson.Line) / float64(raw), byFrac: true}
	return nil
}

// closeSearch ends the search, giving its line back to the text.
func (m *Model) closeSearch() {
	if m.search.open {
		m.search = finder{keys: m.search.keys}
		m.resize()
	}
}

// searchRendered follows a new set of lines: the matches are found again,
// the current one kept at the top line's, and a hit waiting for the whole
// render placed.
func (m *Model) searchRendered(partial bool) {
	f := &m.search
	if !f.open {
		return
	}
	if m.presenting {
		m.closeSearch()
		return
	}
	m.findMatches()
	if f.pending > 0 && !partial {
		m.placePending()
		return
	}
	if f.cur >= 0 {
		f.cur = m.firstFrom(m.vp.YOffset())
	}
}

// findMatches finds the query in the lines shown.
func (m *Model) findMatches() {
	f := &m.search
	f.matches = f.matches[:0]
	if f.query.Empty() {
		return
	}
	for i, l := range m.lines {
		plain := ansi.Strip(l)
		for _, s := range f.query.Spans(plain) {
			from := ansi.StringWidth(plain[:s.From])
			f.matches = append(f.matches, found{i, from, from + ansi.StringWidth(plain[s.From:s.To])})
		}
	}
	if f.cur >= len(f.matches) {
		f.cur = len(f.matches) - 1
	}
}

// firstFrom is the first match on line or after it, round to the first
// of all when there is none (f.wrapped says so); -1 when nothing matches.
func (m *Model) firstFrom(line int) int {
	f := &m.search
	i := sort.Search(len(f.matches), func(i int) bool { return f.matches[i].line >= line })
	f.wrapped = i == len(f.matches) && i > 0
	if len(f.matches) == 0 {
		return -1
	}
	return i % len(f.matches)
}

// step goes to the next (d = 1) or previous (d = -1) match: after the
// current one while it is on screen, else after the top line (before it,
// going back), round the ends.
func (m *Model) step(d int) tea.Cmd {
	f := &m.search
	n := len(f.matches)
	if n == 0 {
		return nil
	}
	top, h := m.vp.YOffset(), m.viewHeight()
	next := 0
	switch {
	case f.cur >= 0 && f.cur < n && f.matches[f.cur].line >= top && f.matches[f.cur].line < top+h:
		next = f.cur + d
	case d > 0:
		next = sort.Search(n, func(i int) bool { return f.matches[i].line >= top })
	default:
		next = sort.Search(n, func(i int) bool { return f.matches[i].line >= top }) - 1
	}
	f.wrapped = next < 0 || next >= n
	return m.jump((next + n) % n)
}

// jump makes match i current and brings it into view: a third of the way
// down, unless it is on screen already.
func (m *Model) jump(i int) tea.Cmd {
	f := &m.search
	f.cur = i
	if i < 0 || i >= len(f.matches) {
		return nil
	}
	line, top, h := f.matches[i].line, m.vp.YOffset(), m.viewHeight()
	if line < top || line >= top+h {
		m.vp.SetYOffset(max(line-h/3, 0))
	}
	return m.checkRead()
}
