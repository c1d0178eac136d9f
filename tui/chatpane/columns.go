package chatpane

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/chat"
	"distlab/tui/common"
)

// viewColumns draws each watching client's screen side by side: where
// they differ in order, the cluster delivered concurrent messages
// differently.
func (m *Model) viewColumns(w, h int) []string {
	views := m.snap.views
	n := min(len(views), max(w/26, 1))
	if n == 0 {
		return nil
	}
	colW := w / n
	cols := make([][]string, n)
	swapped := outOfOrder(views[:n])
	for i := range n {
		cw := colW
		if i == n-1 {
			cw = w - colW*(n-1)
		}
		cols[i] = m.column(i, views[i], swapped[i], cw, h)
	}
	rows := make([]string, h)
	for r := range h {
		var b strings.Builder
		for c := range n {
			b.WriteString(cols[c][r])
		}
		rows[r] = b.String()
	}
	return rows
}

// column is one client's screen, h lines of cw cells: its name and node,
// its last connection notices pinned under them (a failover stays in
// view, however fast the bots talk, until the next one), then its last
// lines. Each line starts with a gutter and a mark: ≠ for a message seen
// in another order than "you" saw it, a bar for a pinned notice; the
// column's last cell stays blank, so a mark never touches the column
// before.
func (m *Model) column(i int, v viewSnap, swapped map[string]bool, cw, h int) []string {
	s := m.Com.Styles
	name := v.name
	if i == 0 {
		name = m.Com.T("you")
	}
	col := []string{common.FitLine(" "+s.Title.Render(name+"@"+v.node), cw)}
	textW := max(cw-3, 1)
	pin, pinned := m.pins(v.notices, textW, max((h-1)/2, h-5)) // four lines stay for the chat at least, or half
	for _, l := range pin {
		col = append(col, common.FitLine(l, cw))
	}
	first := v.total - len(v.lines) + 1 // the number of v.lines[0] among all the client showed
	var groups [][]string               // per line shown: its rows, wrapped
	for k, l := range v.lines {
		if pinned[first+k] {
			continue // it is up there
		}
		l = chat.Clean(l) // again, before display
		if len(l) > 9 && l[2] == ':' && l[5] == ':' {
			l = l[9:] // the time: the column needs the room more
		}
		mark := " "
		if i > 0 && swapped[l] {
			mark = s.StatusWarn.Render("≠")
		}
		var rows []string
		for k, wl := range strings.Split(ansi.Wrap(l, textW, " "), "\n") {
			if k > 0 {
				mark = " "
			}
			rows = append(rows, common.FitLine(" "+mark+s.Item.Render(wl), cw))
		}
		groups = append(groups, rows)
	}
	room := h - len(col)
	var body []string
	for k := len(groups) - 1; k >= 0; k-- { // the newest lines, each whole
		if len(body)+len(groups[k]) > room {
			if len(body) == 0 { // one line taller than the column: its start
				body = groups[k][:room]
			}
			break
		}
		body = append(groups[k], body...)
	}
	col = append(col, body...)
	for len(col) < h {
		col = append(col, strings.Repeat(" ", cw))
	}
	return col
}

// pins draws the newest notices that fit in at most rows lines of w
// cells, oldest first, and says which lines of the client they are. The
// newest always shows, cut if it must be.
func (m *Model) pins(notices []chat.Notice, w, rows int) ([]string, map[int]bool) {
	s := m.Com.Styles
	pinned := map[int]bool{}
	var out []string
	for k := len(notices) - 1; k >= 0 && rows > 0; k-- {
		n := notices[k]
		style := s.ReadMark
		if n.Trouble {
			style = s.StatusWarn
		}
		wrapped := strings.Split(ansi.Wrap(chat.Clean(n.Text), w, " "), "\n")
		if len(wrapped) > rows {
			if len(out) > 0 {
				break // an older one shows whole or not at all
			}
			wrapped = wrapped[:rows]
			wrapped[rows-1] = ansi.Truncate(wrapped[rows-1], max(w-1, 0), "") + "…"
		}
		var lines []string
		for _, l := range wrapped {
			lines = append(lines, " "+style.Render("▎"+l))
		}
		out = append(lines, out...)
		rows -= len(wrapped)
		pinned[n.Line] = true
	}
	return out, pinned
}

// outOfOrder marks, for each view after the first, the messages it shows
// in another order than the first view does: a pair both saw, in opposite
// orders. With slow links on, this is the lesson on time made visible.
func outOfOrder(views []viewSnap) []map[string]bool {
	out := make([]map[string]bool, len(views))
	if len(views) == 0 {
		return out
	}
	pos := map[string]int{}
	for i, l := range messages(views[0].lines) {
		pos[l] = i
	}
	for v := 1; v < len(views); v++ {
		out[v] = map[string]bool{}
		msgs := messages(views[v].lines)
		for i, a := range msgs {
			pa, ok := pos[a]
			if !ok {
				continue
			}
			for _, b := range msgs[i+1:] {
				if pb, ok := pos[b]; ok && pb < pa {
					out[v][a], out[v][b] = true, true
				}
			}
		}
	}
	return out
}

// messages are the chat lines of a view, without their time, as drawn.
func messages(lines []string) []string {
	var out []string
	for _, l := range lines {
		l = chat.Clean(l)
		if len(l) > 9 && l[2] == ':' && l[5] == ':' {
			out = append(out, l[9:])
		}
	}
	return out
}
