package kvpane

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"distlab/demos/kv"
)

// msPerCell is the timeline's scale: a message (5–25 ms) is a few cells,
// an operation a bar of five to twenty.
const msPerCell = 4 * time.Millisecond

// tone is what a cell of the timeline means; the theme says how it looks.
type tone uint8

const (
	toneNone tone = iota
	toneWrite
	toneRead
	tonePending
	toneBad  // a stale read, a lost update, a refusal
	toneWarn // siblings, a session guarantee broken
)

// timelineLines are the clients' operations on a shared time axis, one row
// per client, the newest at the right edge: a header, then rows-1 clients.
func (m *Model) timelineLines(w, rows int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	cells := w - 5
	end := m.play.Clock
	start := max(end-time.Duration(cells)*msPerCell, 0)
	head := p.T("operations from %s to %s, a cell %s:", p.Duration(start), p.Duration(start+time.Duration(cells)*msPerCell), p.Duration(msPerCell))
	if len([]rune(head)) > w-1 {
		head = p.T("operations from %s to %s:", p.Duration(start), p.Duration(start+time.Duration(cells)*msPerCell))
	}
	out := []string{s.Status.Render(fit(" "+head, w))}
	for _, c := range m.snap.Clients[:min(len(m.snap.Clients), rows-1)] {
		out = append(out, m.clientRow(c.ID, cells, start))
	}
	return out
}

// clientRow draws client id's operations in cells from start: every bar
// first, then the labels (placeLabels), so that no bar or label draws over
// another's.
func (m *Model) clientRow(id, cells int, start time.Duration) string {
	runes := make([]rune, cells)
	tones := make([]tone, cells)
	for i := range runes {
		runes[i] = ' '
	}
	cell := func(t time.Duration) int { return int((t - start) / msPerCell) }
	var bars []bar
	for _, o := range m.snap.Ops {
		if o.Client != id {
			continue
		}
		ret := o.Return
		if o.Status == kv.Pending {
			ret = m.play.Clock
		}
		if ret < start {
			continue
		}
		a, b := cell(o.Invoke), min(cell(ret), cells-1)
		if a >= cells {
			continue
		}
		t := opTone(o)
		for x := max(a, 0); x <= b; x++ {
			runes[x], tones[x] = '─', t
		}
		if a >= 0 {
			runes[a] = '['
		}
		if o.Status != kv.Pending && cell(ret) < cells {
			runes[b] = ']'
		}
		bars = append(bars, bar{a: a, b: b, tone: t, forms: labelForms(o)})
	}
	for i, p := range placeLabels(bars, cells) {
		for j, r := range []rune(p.form) {
			runes[p.x+j], tones[p.x+j] = r, bars[i].tone
		}
	}
	return m.paintRow(kv.ClientName(id), runes, tones)
}

// bar is one operation's bar on a client's row: from cell a (before the
// row when negative) to cell b, and its label's forms, longest first.
type bar struct {
	a, b  int
	tone  tone
	forms []string
}

// placed is where a bar's label goes: its form ("" for none) from cell x.
type placed struct {
	x    int
	form string
}

// placeLabels puts each bar's label on the row, in the cells from the
// bar's first to the next bar's (its own cells, then empty ones): inside
// the brackets when it fits there, otherwise from the bar's first cell,
// over its own "[" and "]". A label never covers another bar's cell, and
// one cell is kept between two labels; a label that does not fit whole
// gives way to a shorter form of itself ("r→0!" to "r!" or "!", "w12" to
// "w"), its mark kept, and only when even the shortest does not fit with
// that cell kept do two labels touch, so that none vanishes while its bar
// shows a cell of its own. The bars are in the row's order, each
// beginning where the one before ends or later, as a client's operations
// do; the labels are placed from the right, so that each knows whether the
// next one begins at its bar's first cell.
func placeLabels(bars []bar, cells int) []placed {
	out := make([]placed, len(bars))
	next, nextLabel := cells, false // where the next bar begins; its label there
	for i := len(bars) - 1; i >= 0; i-- {
		br := bars[i]
		first := max(br.a, 0)
		slot := next - first // its own cells, then the empty ones
		room := slot
		if nextLabel {
			room-- // a cell between the two labels
		}
		p, ok := fitLabel(br, first, first+room)
		if !ok && nextLabel {
			p, ok = fitLabel(br, first, first+slot)
		}
		out[i] = p
		nextLabel = ok && p.x == first
		next = min(next, first)
	}
	return out
}

// fitLabel is the longest of a bar's label forms that fits before cell
// limit: inside its brackets, or from its first cell.
func fitLabel(br bar, first, limit int) (placed, bool) {
	for _, f := range br.forms {
		n := len([]rune(f))
		switch {
		case first+1+n <= min(br.b, limit):
			return placed{x: first + 1, form: f}, true
		case first+n <= limit:
			return placed{x: first, form: f}, true
		}
	}
	return placed{}, false
}

// labelForms are what a bar may say, longest first: its label (opLabel),
// then, where it has no room, its kind with its mark ("r!"), then the mark
// alone ("!"), or, without a mark, its kind alone ("w").
func labelForms(o kv.OpView) []string {
	full := opLabel(o)
	kind := "r"
	if o.Put {
		kind = "w"
	}
	rs := []rune(full)
	switch mark := rs[len(rs)-1]; mark {
	case '✗', '!', '∥':
		return slices.Compact([]string{full, kind + string(mark), string(mark)})
	}
	return slices.Compact([]string{full, kind})
}

// opLabel is what a bar says: "w3", "r→2", "r→1|2", a pending read "r",
// with ! for a stale read and ✗ for a loss or a refusal.
func opLabel(o kv.OpView) string {
	var b strings.Builder
	if o.Put {
		b.WriteString("w" + strconv.Itoa(o.Value))
	} else {
		b.WriteString("r")
		if o.Status == kv.OK {
			b.WriteString("→")
			for i, v := range o.Values {
				if i > 0 {
					b.WriteString("|")
				}
				b.WriteString(strconv.Itoa(v))
			}
		}
	}
	switch {
	case o.Status == kv.Refused || o.Status == kv.Unknown || o.Lost:
		b.WriteString("✗")
	case o.Stale:
		b.WriteString("!")
	case o.Siblings:
		b.WriteString("∥")
	}
	return b.String()
}

func opTone(o kv.OpView) tone {
	switch {
	case o.Status == kv.Pending:
		return tonePending
	case o.Status == kv.Refused || o.Status == kv.Unknown || o.Lost || o.Stale:
		return toneBad
	case o.Siblings || o.RYW || o.MR:
		return toneWarn
	case o.Put:
		return toneWrite
	}
	return toneRead
}

// paintRow is a client's row: its name, then the cells, each run of one
// tone in its style.
func (m *Model) paintRow(name string, runes []rune, tones []tone) string {
	s := m.Com.Styles
	styles := map[tone]lipgloss.Style{toneNone: s.Status, toneWrite: s.Title, toneRead: s.ReadMark,
		tonePending: s.Status, toneBad: s.StatusError.Bold(true), toneWarn: s.StatusWarn}
	var b strings.Builder
	b.WriteString(s.Status.Render(" " + name + " │"))
	for i := 0; i < len(runes); {
		j := i
		for j < len(runes) && tones[j] == tones[i] {
			j++
		}
		b.WriteString(styles[tones[i]].Render(string(runes[i:j])))
		i = j
	}
	return b.String()
}
