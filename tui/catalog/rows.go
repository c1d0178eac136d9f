package catalog

import (
	"distlab/lessons"
	"distlab/tui/match"
)

// While a query is typed, the list shows the lessons it names (in their
// title, id or summary) and those whose text holds it, each of these with
// its first hits under it, one line each: "l.124 …matching text…". The
// cursor moves over lessons and hits alike; enter on a hit opens the lesson
// at that line.

// maxHits is how many of a lesson's hits the list shows under it; a line
// "+N more" says how many it leaves out.
const maxHits = 3

// row is one line (or two, a wrapped title) of the list: a lesson, one of
// its hits, or the "+N more" line after them, which the cursor skips.
type row struct {
	lesson int // index into lessons
	hit    int // index into hits; -1 on the lesson's own row
	more   int // > 0: the "+N more" line
}

func (r row) selectable() bool { return r.more == 0 }

// refilter works out the rows for the query: every lesson when there is
// none.
func (m *Model) refilter() {
	m.visible, m.rows, m.hits = m.visible[:0], m.rows[:0], nil
	text := m.filter.Value()
	q, body := match.NewQuery(text), lessons.NewQuery(text)
	byLesson := map[string][]int{}
	if !body.Empty() {
		if m.index == nil {
			m.index = lessons.NewIndex(m.lessons) // once per course and language
		}
		for _, h := range m.index.Search(body) {
			if h.Kind == lessons.InBody {
				byLesson[h.ID] = append(byLesson[h.ID], len(m.hits))
				m.hits = append(m.hits, h)
			}
		}
	}
	for i, l := range m.lessons {
		hits := byLesson[l.ID]
		if !q.Empty() && !q.In(m.folded[i]) && len(hits) == 0 {
			continue
		}
		m.visible = append(m.visible, i)
		m.rows = append(m.rows, row{lesson: i, hit: -1})
		for k, h := range hits {
			if k == maxHits {
				m.rows = append(m.rows, row{lesson: i, hit: -1, more: len(hits) - maxHits})
				break
			}
			m.rows = append(m.rows, row{lesson: i, hit: h})
		}
	}
	if m.cursor >= len(m.rows) {
		m.cursor = max(0, len(m.rows)-1)
	}
}

// chosen is what the row under the cursor opens.
func (m *Model) chosen() OpenMsg {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return OpenMsg{}
	}
	r := m.rows[m.cursor]
	msg := OpenMsg{ID: m.lessons[r.lesson].ID}
	if r.hit >= 0 {
		msg.Line, msg.Find = m.hits[r.hit].Line, m.filter.Value()
	}
	return msg
}

// Chosen is what enter would open: the lesson under the cursor, or the
// lesson of the hit under it, at that hit. Its ID is "" when nothing is
// under the cursor.
func (m *Model) Chosen() OpenMsg { return m.chosen() }

// Hits is how many body hits the query has, shown or not.
func (m *Model) Hits() int { return len(m.hits) }

// move moves the cursor d selectable rows, stopping at the ends.
func (m *Model) move(d int) {
	if len(m.rows) == 0 {
		m.cursor = 0
		return
	}
	step := 1
	if d < 0 {
		step, d = -1, -d
	}
	for ; d > 0; d-- {
		next := m.cursor + step
		for next >= 0 && next < len(m.rows) && !m.rows[next].selectable() {
			next += step
		}
		if next < 0 || next >= len(m.rows) {
			break
		}
		m.cursor = next
	}
	m.scrollToCursor()
}
