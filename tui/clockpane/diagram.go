package clockpane

import (
	"fmt"
	"strings"
	"time"

	"distlab/demos/clocks"
)

// axis is what the diagram's x-axis measures.
type axis int

const (
	axisTrue     axis = iota // the simulation's true time
	axisPhysical             // each process's own physical clock
	axisLamport              // Lamport timestamps
)

// layout places events on the x-axis: column = (value - origin) * scale,
// minus the horizontal scroll.
type layout struct {
	axis   axis
	scale  float64 // columns per unit (per microsecond, or per Lamport tick)
	origin float64
	scroll int
	left   int // columns taken by the process names
}

// value is an event's position on the axis, in the axis's unit.
func (l layout) value(e clocks.Event) float64 {
	switch l.axis {
	case axisPhysical:
		return float64(e.Physical) / float64(time.Microsecond)
	case axisLamport:
		return float64(e.Lamport)
	}
	return float64(e.True) / float64(time.Microsecond)
}

func (l layout) x(e clocks.Event) int {
	return l.left + int((l.value(e)-l.origin)*l.scale+0.5) - l.scroll
}

// fit chooses origin and scale: a run that fits spreads over the room
// (w columns); a long one gets about four columns per event of a process
// (room for its label), and scrolls. It returns the total width in columns.
func fit(events []clocks.Event, a axis, procs, w int) (layout, int) {
	l := layout{axis: a, left: 3}
	if len(events) == 0 {
		l.scale = 1
		return l, 0
	}
	lo, hi := l.value(events[0]), l.value(events[0])
	for _, e := range events {
		v := l.value(e)
		lo, hi = min(lo, v), max(hi, v)
	}
	l.origin = lo
	perProc := max(float64(len(events))/float64(max(procs, 1)), 1)
	l.scale = 4 * perProc / max(hi-lo, 1)
	if a == axisLamport {
		l.scale = 4
	}
	if room := float64(w - l.left - 2); room > 0 && (hi-lo)*l.scale < room {
		l.scale = room / max(hi-lo, 1) // short runs use the whole width
	}
	return l, int((hi-lo)*l.scale) + 1
}

// procName is a, b, c… as the engine labels them.
func procName(p int) string { return string(rune('a' + p)) }

// nameWidth is the columns procName takes at the left of the diagram.
const nameWidth = 1

// rows places the process lines on a diagram h rows tall: spread over the
// whole height, with a row above the first for labels and one below the
// last, so that the diagram reads at a projector's size. A diagram too
// short for that packs them one or two rows apart.
func rows(procs, h int) func(p int) int {
	if procs <= 1 || h < 2*procs+1 {
		gap := max(h/max(procs, 1), 1)
		return func(p int) int { return p*gap + gap/2 }
	}
	span := h - 3 // from row 1 to row h-2
	return func(p int) int { return 1 + (p*span+(procs-1)/2)/(procs-1) }
}

// drawOpts is what the diagram highlights.
type drawOpts struct {
	selected, pinned int // event ids or -1
	relation         func(a, b int) (before, concurrent bool)
}

// inkOf is event id's ink: selected, pinned, or its relation to the
// selected event (in its past, its future, concurrent with it). The table
// colors its rows the same way, so that one legend serves both.
func (o drawOpts) inkOf(id int) ink {
	switch {
	case id == o.selected:
		return inkSelected
	case id == o.pinned:
		return inkPinned
	case o.selected < 0 || o.relation == nil:
		return inkPlain
	}
	before, conc := o.relation(id, o.selected)
	after, _ := o.relation(o.selected, id)
	switch {
	case before:
		return inkPast
	case after:
		return inkFuture
	case conc:
		return inkConcurrent
	}
	return inkPlain
}

// backwardMsg reports whether the message from send s to receive e goes
// back on this axis: drawn red, and counted.
func backwardMsg(l layout, s, e clocks.Event) bool {
	x1, x2 := l.x(s), l.x(e)
	return x2 < x1 || (x2 == x1 && l.value(e) < l.value(s))
}

// countBackward is how many of events' messages go back on this axis,
// without drawing: the lines under the diagram need it before its height
// is known.
func countBackward(events []clocks.Event, l layout) int {
	n := 0
	sendOf := sends(events)
	for _, e := range events {
		if s, ok := sendOf(e); ok && backwardMsg(l, s, e) {
			n++
		}
	}
	return n
}

// sends indexes events' sends by message id: the returned function gives
// a receive's send, if it is among events.
func sends(events []clocks.Event) func(clocks.Event) (clocks.Event, bool) {
	idx := make([]int32, 0, len(events)/2) // message id → index of its send, +1
	for i, e := range events {
		if e.Kind == clocks.Send && e.Msg >= 0 {
			for len(idx) <= e.Msg {
				idx = append(idx, 0)
			}
			idx[e.Msg] = int32(i + 1)
		}
	}
	return func(e clocks.Event) (clocks.Event, bool) {
		if e.Kind != clocks.Receive || e.Msg < 0 || e.Msg >= len(idx) || idx[e.Msg] == 0 {
			return clocks.Event{}, false
		}
		return events[idx[e.Msg]-1], true
	}
}

// ends are the dots a message line runs between: the send's cell and the
// receive's, on the edges that face each other, so that the line leaves
// and joins the process lines in as few cells of theirs as it can.
func ends(x1, y1, x2, y2 int) (ax, ay, bx, by int) {
	ax, bx = 2*x1, 2*x2
	switch {
	case y2 > y1:
		return ax, 4*y1 + 3, bx, 4 * y2
	case y2 < y1:
		return ax, 4 * y1, bx, 4*y2 + 3
	}
	return ax, 4*y1 + 1, bx, 4*y2 + 1
}

// draw draws the space-time diagram of events on a w×h canvas: one line
// per process spread over the height, messages as continuous braille lines
// from send to receive (backward ones red), events on top, and each
// event's label where there is room for it.
func draw(run *clocks.Run, events []clocks.Event, l layout, w, h int, o drawOpts) *canvas {
	c := newCanvas(w, h)
	procs := run.Cfg.Procs
	if procs == 0 || h < 2 {
		return c
	}
	row := rows(procs, h)
	onProcess := make(map[int]bool, procs)
	for p := range procs {
		y := row(p)
		onProcess[y] = true
		c.text(0, y, procName(p), inkPast)
		for x := l.left; x < w; x++ {
			c.set(x, y, '─', inkDim)
		}
	}
	// Messages first, so that events draw over them. Only what crosses the
	// window is drawn: a long run scrolls, and a frame must stay cheap.
	sendOf := sends(events)
	for _, e := range events {
		switch {
		case e.Kind == clocks.Receive:
			s, ok := sendOf(e)
			if !ok {
				continue
			}
			x1, x2 := l.x(s), l.x(e)
			if (x1 < 0 && x2 < 0) || (x1 >= w && x2 >= w) {
				continue
			}
			k := inkMessage
			if backwardMsg(l, s, e) {
				k = inkBackward
			}
			ax, ay, bx, by := ends(x1, row(s.Proc), x2, row(e.Proc))
			c.dotLine(ax, ay, bx, by, k)
		case e.Kind == clocks.Send && e.Lost:
			drawLost(c, run, l, e, row)
		}
	}
	// An event scrolled onto the names' column is off the diagram: drawn
	// there, it would stand over its process's name. (The gap after the
	// names holds the first event of a run that scrolls by a column.)
	visible := func(x int) bool { return x >= nameWidth && x < w }
	for _, e := range events {
		if x := l.x(e); visible(x) {
			c.set(x, row(e.Proc), symbol(e), o.inkOf(e.ID))
		}
	}
	// Labels where they fit, the scenario's own events first; then the
	// selected and pinned ones over anything.
	labeled := make(map[int]bool)
	label := func(e clocks.Event) {
		if labeled[e.ID] || e.ID == o.selected || e.ID == o.pinned {
			return
		}
		labeled[e.ID] = true
		x, y, n := l.x(e), row(e.Proc), len(e.Label)
		start := x - (n-1)/2
		for _, ly := range []int{y - 1, y + 1} {
			if !onProcess[ly] && c.free(start, ly, n) && c.at(start-1, ly).r <= ' ' && c.at(start+n, ly).r <= ' ' {
				c.text(start, ly, e.Label, o.inkOf(e.ID))
				return
			}
		}
	}
	for _, id := range run.Focus {
		if id < len(events) && visible(l.x(events[id])) {
			label(events[id])
		}
	}
	for _, e := range events {
		if visible(l.x(e)) {
			label(e)
		}
	}
	for _, id := range []int{o.pinned, o.selected} {
		if id >= 0 && id < len(events) {
			e := events[id]
			c.text(l.x(e)-(len(e.Label)-1)/2, row(e.Proc)-1, e.Label, o.inkOf(id))
		}
	}
	return c
}

// drawLost draws a lost message two thirds of the way to where it would
// have arrived, ending in ✗.
func drawLost(c *canvas, run *clocks.Run, l layout, e clocks.Event, row func(int) int) {
	x1 := l.x(e)
	x2 := x1 + 3 // on the Lamport axis a message that never arrives has no time
	if e.Msg >= 0 && e.Msg < len(run.Messages) && len(run.Messages[e.Msg].Arrive) > 0 && l.axis != axisLamport {
		t := run.Messages[e.Msg].Arrive[0]
		if l.axis == axisPhysical && e.Peer < len(run.Procs) {
			t = run.Procs[e.Peer].Clock(t)
		}
		x2 = l.left + int((float64(t)/float64(time.Microsecond)-l.origin)*l.scale+0.5) - l.scroll
	}
	if (x1 < 0 && x2 < 0) || (x1 >= c.w && x2 >= c.w) {
		return
	}
	ax, ay, bx, by := ends(x1, row(e.Proc), x2, row(e.Peer))
	// The ✗ goes off the process lines, so that it reads as the message's
	// end and not as an event of a process it passes. Dots become cells
	// as canvas.dot makes them, rounding down: a dot left of the canvas
	// (x = -1) is in no cell, not in column 0.
	ex, ey := ax+(bx-ax)*2/3, ay+(by-ay)*2/3
	for _, f := range [...][2]int{{2, 3}, {1, 2}, {3, 4}, {1, 3}, {5, 6}} {
		x, y := ax+(bx-ax)*f[0]/f[1], ay+(by-ay)*f[0]/f[1]
		if x < 0 || y < 0 || c.at(x>>1, y>>2).r != '─' {
			ex, ey = x, y
			break
		}
	}
	c.dotLine(ax, ay, ex, ey, inkMessage)
	// Like an event, the ✗ is never drawn over the names.
	if ex >= 0 && ey >= 0 && ex>>1 >= nameWidth {
		c.set(ex>>1, ey>>2, '✗', inkBackward)
	}
}

// symbol is an event's glyph, the same in the diagram and the table.
func symbol(e clocks.Event) rune {
	switch {
	case e.Kind == clocks.Send:
		return '○'
	case e.Kind == clocks.Receive && e.Dup:
		return '◎'
	case e.Kind == clocks.Receive:
		return '●'
	}
	return '•'
}

// vector prints a vector clock compactly: [1 0 2 0].
func vector(v []int) string { return strings.Trim(fmt.Sprint(v), "[]") }
