package clockpane

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/clocks"
	"distlab/tui/common"
)

// col is one cell of a table row: its text, the column's width (0: what
// the text needs) and alignment.
type col struct {
	text  string
	width int
	right bool
}

// cells lays out one row of the table.
func cells(cs ...col) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(" ")
		if c.width == 0 { // the vector and the message stand apart
			b.WriteString(" ")
		}
		pad := strings.Repeat(" ", max(c.width-ansi.StringWidth(c.text), 0))
		if c.right {
			b.WriteString(pad + c.text)
		} else {
			b.WriteString(c.text + pad)
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// bothTimes reports whether the table has room for the true time and the
// physical time side by side, with the Lamport time and the vector. A
// narrower pane shows the axis's time (physical on the Lamport axis), so
// that L and the vector stay in view.
func bothTimes(procs, w int) bool { return w >= 42+2*procs+1 }

// row is an event's cells, or the header's with e nil.
func (m *Model) row(e *clocks.Event, procs, w int) []col {
	p := m.Com.Printer
	at := func(head string, d func(clocks.Event) time.Duration) col {
		if e == nil {
			return col{head, 11, true}
		}
		return col{p.T("%.3fms", float64(d(*e).Microseconds())/1000), 11, true}
	}
	trueTime := at(p.T("true time"), func(e clocks.Event) time.Duration { return e.True })
	physical := at(p.T("physical"), func(e clocks.Event) time.Duration { return e.Physical })
	if e == nil {
		cs := []col{{p.T("event"), 6, false}, {p.T("proc"), 4, false}, trueTime, physical,
			{"L", 3, true}, {p.T("vector"), 0, false}, {p.T("message"), 0, false}}
		return m.times(cs, procs, w)
	}
	// Times are quantities, written the language's way; the Lamport time
	// and the message id are stamps, written as they are.
	cs := []col{{e.Label, 6, false}, {string(symbol(*e)) + " " + procName(e.Proc), 4, false}, trueTime, physical,
		{strconv.Itoa(e.Lamport), 3, true}, {"[" + vector(e.Vector) + "]", 0, false}, {note(*e), 0, false}}
	return m.times(cs, procs, w)
}

// times drops the time column the axis does not show when the pane is
// too narrow for both.
func (m *Model) times(cs []col, procs, w int) []col {
	if bothTimes(procs, w) {
		return cs
	}
	drop := 2 // the true time
	if m.axis == axisTrue {
		drop = 3
	}
	return append(cs[:drop:drop], cs[drop+1:]...)
}

// tableHeader names the columns and, when the run does not fit, which
// events the table shows and how to scroll it.
func (m *Model) tableHeader(run *clocks.Run, g geometry, w int) string {
	s, p := m.Com.Styles, m.Com.Printer
	head := cells(m.row(nil, run.Cfg.Procs, w)...)
	if n := len(run.Events); n > g.tableRows {
		where := p.T("%d–%d of %d · pgup/pgdn", g.tableFrom+1, g.tableFrom+g.tableRows, n)
		if w-ansi.StringWidth(head)-ansi.StringWidth(where)-1 < 2 {
			// A narrow pane still says that there is more: the numbers
			// only, over the last column names if need be.
			where = fmt.Sprintf("%d–%d/%d", g.tableFrom+1, g.tableFrom+g.tableRows, n)
			head = ansi.Truncate(head, max(w-ansi.StringWidth(where)-3, 0), "")
		}
		if gap := w - ansi.StringWidth(head) - ansi.StringWidth(where) - 1; gap >= 2 {
			head += strings.Repeat(" ", gap) + where
		}
	}
	return s.Status.Render(common.FitLine(head, w))
}

// table lists g.tableRows events from g.tableFrom, each row in the ink the
// diagram gives its event.
func (m *Model) table(run *clocks.Run, g geometry, w int) []string {
	events := run.Events
	inks := inkStyles(m.Com.Styles)
	o := m.opts(run)
	var out []string
	for i := g.tableFrom; i < min(g.tableFrom+g.tableRows, len(events)); i++ {
		line := common.FitLine(cells(m.row(&events[i], run.Cfg.Procs, w)...), w)
		out = append(out, inks[o.inkOf(i)].Render(line))
	}
	for len(out) < g.tableRows {
		out = append(out, strings.Repeat(" ", w))
	}
	return out
}

// note is where an event's message goes or comes from: → b #0, ← a #0,
// and ✗ for a message lost on the way.
func note(e clocks.Event) string {
	switch e.Kind {
	case clocks.Send:
		n := "→ " + procName(e.Peer) + " #" + strconv.Itoa(e.Msg)
		if e.Lost {
			n += " ✗"
		}
		return n
	case clocks.Receive:
		return "← " + procName(e.Peer) + " #" + strconv.Itoa(e.Msg)
	}
	return ""
}

// scrollTable moves the table by delta rows; at the newest event it
// follows the run again.
func (m *Model) scrollTable(delta int) {
	g := m.geometry()
	if g.tableRows == 0 {
		return
	}
	n := len(m.sim.Run().Events)
	top := max(min(g.tableFrom+delta, n-g.tableRows), 0)
	m.tableTop, m.tableFollow = top, top >= n-g.tableRows && m.selected < 0
}
