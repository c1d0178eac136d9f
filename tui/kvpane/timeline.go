package kvpane

import (
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

// clientRow draws client id's operations in cells from start.
func (m *Model) clientRow(id, cells int, start time.Duration) string {
	runes := make([]rune, cells)
	tones := make([]tone, cells)
	for i := range runes {
		runes[i] = ' '
	}
	cell := func(t time.Duration) int { return int((t - start) / msPerCell) }
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
		t, label := opTone(o), opLabel(o)
		for x := max(a, 0); x <= b; x++ {
			runes[x], tones[x] = '─', t
		}
		if a >= 0 {
			runes[a] = '['
		}
		if o.Status != kv.Pending && cell(ret) < cells {
			runes[b] = ']'
		}
		// The label goes inside a bar long enough for it; a shorter bar's
		// runs on to the right over empty cells (a later operation's bar
		// draws over it).
		lr := []rune(label)
		x := max(a, 0) + 1
		if b-a < len(lr)+1 {
			x = max(a, 0)
		}
		for _, r := range lr {
			if x >= cells || x > b && runes[x] != ' ' {
				break
			}
			runes[x], tones[x] = r, t
			x++
		}
	}
	return m.paintRow(kv.ClientName(id), runes, tones)
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
