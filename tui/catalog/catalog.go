// Package catalog is the lesson list pane: numbered lessons with read marks,
// a cursor, and a filter typed after "/" (a bubbles textinput, matched with
// tui/match: accents optional) that also searches the lessons' text and
// lists the lines it finds under their lessons (see rows.go). Choosing a
// lesson or a line sends OpenMsg; the root decides what opening means.
package catalog

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/keys"
	"distlab/tui/match"
)

// OpenMsg asks the root to open lesson ID: at its remembered place, or, for
// a hit of a search, at source line Line (as lessons.Hit counts it), with
// Find, the query, to highlight there.
type OpenMsg struct {
	ID   string
	Line int
	Find string
}

// Model is the lesson list.
type Model struct {
	com     *common.Common
	keys    keys.Catalog
	lessons []lessons.Lesson
	folded  []string // per lesson: title, id and summary, folded for match
	read    map[string]bool
	current string // id of the lesson open in the reader

	visible []int // indexes into lessons that match the filter, in order
	// rows are the lines of the list: the visible lessons and the hits
	// under them (see refilter); hits are the query's hits in the lessons'
	// text, index reads the text for them (built at the first query).
	rows   []row
	hits   []lessons.Hit
	index  *lessons.Index
	cursor int // index into rows, on a selectable row
	top    int // first row shown; a row takes one line or two
	// filter is the query; focused while it is typed.
	filter textinput.Model

	width, height int
	focused       bool
}

var _ common.Pane = (*Model)(nil)

// New returns an empty list.
func New(com *common.Common) *Model {
	return &Model{com: com, keys: keys.DefaultCatalog(com.Printer), filter: com.NewInput()}
}

// Init does nothing: the list has no background work.
func (m *Model) Init() tea.Cmd { return nil }

// Title is the pane's title.
func (m *Model) Title() string { return m.com.T("Lessons") }

// Focus gives or takes the keyboard.
func (m *Model) Focus(f bool) { m.focused = f }

// SetSize sets the inner size.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.scrollToCursor()
	return nil
}

// Relabel refreshes key help after a language change.
func (m *Model) Relabel() { m.keys = keys.DefaultCatalog(m.com.Printer) }

// SetLessons replaces the list, keeping the cursor on the same lesson id
// when it is still there.
func (m *Model) SetLessons(ls []lessons.Lesson) {
	sel := m.Selected()
	m.lessons, m.index = ls, nil
	m.folded = make([]string, len(ls))
	for i, l := range ls {
		m.folded[i] = match.Fold(l.Title + " " + l.ID + " " + l.Summary)
	}
	m.refilter()
	m.Select(sel)
}

// SetRead sets the read marks; the map is only read.
func (m *Model) SetRead(read map[string]bool) { m.read = read }

// SetCurrent marks the lesson open in the reader and moves the cursor to it.
func (m *Model) SetCurrent(id string) {
	m.current = id
	m.Select(id)
}

// Select moves the cursor to lesson id if it is visible.
func (m *Model) Select(id string) {
	for i, r := range m.rows {
		if r.hit < 0 && r.selectable() && m.lessons[r.lesson].ID == id {
			m.cursor = i
			break
		}
	}
	m.scrollToCursor()
}

// Selected is the id of the lesson under the cursor (or of the hit under
// it), or "".
func (m *Model) Selected() string { return m.chosen().ID }

// OpensOnKey reports whether msg would open the selected lesson, so that
// the root can act on it at once instead of after a command round trip
// (keys typed quickly after enter must reach the lesson, not the list).
func (m *Model) OpensOnKey(msg tea.KeyPressMsg) bool {
	if m.filtering() {
		return key.Matches(msg, m.keys.Accept)
	}
	return key.Matches(msg, m.keys.Open)
}

// CloseFilter ends a filter once a lesson is opened: the whole list comes
// back, the cursor on that lesson (a query left behind would hide the rest
// of the course, and match nothing after a language switch).
func (m *Model) CloseFilter() {
	m.filter.Blur()
	m.setQuery("")
}

// Capturing reports whether the user is typing a filter, when every key
// belongs to the list.
func (m *Model) Capturing() bool { return m.filtering() }

// Query is the filter's text.
func (m *Model) Query() string { return m.filter.Value() }

func (m *Model) filtering() bool { return m.filter.Focused() }

// KeyMap is the list's help.
// esc clears a filter only when there is one.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	k.Clear.SetEnabled(m.filter.Value() != "")
	return keyMap{k, m.filtering()}
}

type keyMap struct {
	k         keys.Catalog
	filtering bool
}

func (k keyMap) ShortHelp() []key.Binding {
	if k.filtering {
		return []key.Binding{k.k.Accept, k.k.Cancel}
	}
	return []key.Binding{k.k.Open, k.k.Filter}
}

// FullHelp is every key that acts: the help overlay lists them all.
func (k keyMap) FullHelp() [][]key.Binding {
	if k.filtering {
		return [][]key.Binding{{k.k.Accept, k.k.Cancel, k.k.PrevMatch, k.k.NextMatch}}
	}
	return [][]key.Binding{{k.k.Up, k.k.Down, k.k.Top, k.k.Bottom, k.k.Open, k.k.Filter, k.k.Clear}}
}

// Update handles keys (when focused) and clicks (in inner coordinates).
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if m.filtering() {
			m.edit(msg)
		}
	case tea.KeyPressMsg:
		if m.filtering() {
			return m.typeFilter(msg)
		}
		switch {
		case key.Matches(msg, m.keys.Up):
			m.move(-1)
		case key.Matches(msg, m.keys.Down):
			m.move(1)
		case key.Matches(msg, m.keys.Top):
			m.move(-len(m.rows))
		case key.Matches(msg, m.keys.Bottom):
			m.move(len(m.rows))
		case key.Matches(msg, m.keys.Filter):
			m.filter.Focus() // the cursor stands still: no command
		case key.Matches(msg, m.keys.Clear):
			m.dropQuery()
		case key.Matches(msg, m.keys.Open):
			return m.open()
		}
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			if row, ok := m.rowAt(msg.Y); ok && m.rows[row].selectable() {
				m.cursor = row
				return m.open()
			}
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.move(-1)
		case tea.MouseWheelDown:
			m.move(1)
		}
	}
	return nil
}

func (m *Model) open() tea.Cmd {
	msg := m.chosen()
	if msg.ID == "" {
		return nil
	}
	return func() tea.Msg { return msg }
}

// typeFilter edits the query; enter opens the first match, esc drops it,
// ↑/↓ move among the matches; the field takes every other key (letters,
// backspace, ←/→, home/end, ctrl+w…).
func (m *Model) typeFilter(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Accept):
		m.filter.Blur()
		return m.open()
	case key.Matches(msg, m.keys.Cancel):
		m.filter.Blur()
		m.dropQuery()
	case key.Matches(msg, m.keys.PrevMatch):
		m.move(-1)
	case key.Matches(msg, m.keys.NextMatch):
		m.move(1)
	default:
		m.edit(msg)
	}
	return nil
}

// edit hands msg to the field and filters again if the text changed. The
// field's command is dropped: with a still cursor and no clipboard key it
// has none to give.
func (m *Model) edit(msg tea.Msg) {
	before := m.filter.Value()
	m.filter, _ = m.filter.Update(msg)
	if q := m.filter.Value(); q != before {
		m.setQuery(q)
	}
}

// setQuery filters by q, keeping the cursor on the same lesson if it still
// matches, on the first match if not.
func (m *Model) setQuery(q string) {
	sel := m.Selected()
	if m.filter.Value() != q {
		m.filter.SetValue(q)
	}
	m.refilter()
	m.cursor = 0
	m.Select(sel)
}

// dropQuery gives up a filter: the whole list, the cursor back on the
// lesson open in the reader (it stayed on the match it was on, or the
// top, and enter would have opened another lesson than the one read).
func (m *Model) dropQuery() {
	m.setQuery("")
	if m.current != "" {
		m.Select(m.current)
	}
}

func (m *Model) scrollToCursor() {
	h := m.listHeight()
	if h <= 0 {
		return
	}
	m.top = min(m.top, m.cursor)
	for m.top < m.cursor && m.linesBetween(m.top, m.cursor) > h {
		m.top++
	}
	// Pull the window up while there is room at its bottom.
	for m.top > 0 && m.linesBetween(m.top-1, len(m.rows)-1) <= h {
		m.top--
	}
	m.top = max(m.top, 0)
}

// linesBetween is how many lines items from..to (inclusive) take.
func (m *Model) linesBetween(from, to int) int {
	n := 0
	for row := from; row <= to && row < len(m.rows); row++ {
		n += len(m.itemLines(row))
	}
	return n
}

// rowAt is the item drawn on list line y, if any.
func (m *Model) rowAt(y int) (int, bool) {
	if m.filterShown() {
		y -= 2
	}
	if y < 0 {
		return 0, false
	}
	line := 0
	for row := m.top; row < len(m.rows); row++ {
		line += len(m.itemLines(row))
		if y < line {
			return row, true
		}
	}
	return 0, false
}

// listHeight is the rows left for items after the filter line.
func (m *Model) listHeight() int {
	if m.filterShown() {
		return m.height - 2
	}
	return m.height
}

// filterShown reports whether the filter line is drawn: while typed, and
// while a query is left.
func (m *Model) filterShown() bool { return m.filtering() || m.filter.Value() != "" }

// String is for debugging: the list as the user sees it, without styles.
func (m *Model) String() string { return ansi.Strip(m.View()) }

func number(l lessons.Lesson, i int) string {
	if l.Order > 0 {
		return fmt.Sprintf("%2d", l.Order)
	}
	return fmt.Sprintf("%2d", i+1)
}
