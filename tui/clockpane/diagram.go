package clockpane

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"distlab/demos/clocks"
	"distlab/tui/theme"
)

// axis is what the diagram's x-axis measures.
type axis int

const (
	axisTrue     axis = iota // the simulation's true time
	axisPhysical             // each process's own physical clock
	axisLamport              // Lamport timestamps
)

// ink is a cell's meaning; the renderer maps it to a style.
type ink uint8

const (
	inkPlain ink = iota
	inkDim
	inkPast
	inkFuture
	inkConcurrent
	inkBackward
	inkSelected
	inkPinned
)

type cell struct {
	r   rune
	ink ink
}

// canvas is a grid of cells.
type canvas struct {
	w, h  int
	cells []cell
}

func newCanvas(w, h int) *canvas {
	c := &canvas{w: w, h: h, cells: make([]cell, w*h)}
	for i := range c.cells {
		c.cells[i] = cell{' ', inkPlain}
	}
	return c
}

func (c *canvas) set(x, y int, r rune, k ink) {
	if x >= 0 && x < c.w && y >= 0 && y < c.h {
		c.cells[y*c.w+x] = cell{r, k}
	}
}

func (c *canvas) at(x, y int) cell {
	if x >= 0 && x < c.w && y >= 0 && y < c.h {
		return c.cells[y*c.w+x]
	}
	return cell{}
}

// text writes s from (x, y).
func (c *canvas) text(x, y int, s string, k ink) {
	for _, r := range s {
		c.set(x, y, r, k)
		x++
	}
}

// lines renders the canvas, one style per ink. Each style is rendered once
// around a marker to learn its escape sequences; the frame then only
// concatenates, which keeps a 10,000-event diagram within a few ms.
func (c *canvas) lines(s *theme.Styles) []string {
	styles := [...]lipgloss.Style{
		inkPlain: s.Item, inkDim: s.Status, inkPast: s.ItemCurrent, inkFuture: s.ReadMark,
		inkConcurrent: s.StatusWarn, inkBackward: s.StatusError, inkSelected: s.ItemSelected, inkPinned: s.FilterPrompt,
	}
	var open, shut [len(styles)]string
	for i, st := range styles {
		open[i], shut[i], _ = strings.Cut(st.Render("\x00"), "\x00")
	}
	out := make([]string, c.h)
	var b strings.Builder
	for y := range c.h {
		b.Reset()
		cur := c.cells[y*c.w].ink
		b.WriteString(open[cur])
		for x := range c.w {
			cl := c.cells[y*c.w+x]
			if cl.ink != cur {
				b.WriteString(shut[cur])
				cur = cl.ink
				b.WriteString(open[cur])
			}
			b.WriteRune(cl.r)
		}
		b.WriteString(shut[cur])
		out[y] = b.String()
	}
	return out
}

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
// (w columns); a long one gets about three columns per event of a process,
// and scrolls. It returns the total width in columns.
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
	l.scale = 3 * perProc / max(hi-lo, 1)
	if a == axisLamport {
		l.scale = 3
	}
	if room := float64(w - l.left - 2); room > 0 && (hi-lo)*l.scale < room {
		l.scale = room / max(hi-lo, 1) // short runs use the whole width
	}
	return l, int((hi-lo)*l.scale) + 1
}

// procName is a, b, c… as the engine labels them.
func procName(p int) string { return string(rune('a' + p)) }

// drawOpts is what the diagram highlights.
type drawOpts struct {
	selected, pinned int // event ids or -1
	relation         func(a, b int) (before, concurrent bool)
}

// draw renders the space-time diagram of events on a w×h canvas: one row
// per process, messages as dotted lines from send to receive.
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

// draw draws the space-time diagram of events, w×h, backward messages red.
func draw(run *clocks.Run, events []clocks.Event, l layout, w, h int, o drawOpts) *canvas {
	c := newCanvas(w, h)
	procs := run.Cfg.Procs
	if procs == 0 || h < 2 {
		return c
	}
	gap := max(min((h-1)/procs, 4), 1)
	row := func(p int) int { return p*gap + gap/2 }
	for p := range procs {
		y := row(p)
		c.text(0, y, procName(p), inkPast)
		for x := l.left; x < w; x++ {
			c.set(x, y, '─', inkDim)
		}
	}
	// Messages first, so that events draw over them. Only what crosses the
	// window is drawn: a long run scrolls, and a frame must stay cheap.
	sendOf := sends(events)
	visible := func(x int) bool { return x >= 0 && x < w }
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
			k := inkDim
			if backwardMsg(l, s, e) {
				k = inkBackward
			}
			line(c, x1, row(s.Proc), x2, row(e.Proc), k)
		case e.Kind == clocks.Send && e.Lost:
			x1 := l.x(e)
			y1, y2 := row(e.Proc), row(e.Peer)
			xe, ye := x1+2, y1+(y2-y1)*2/3
			line(c, x1, y1, xe, ye, inkDim)
			c.set(xe, ye, '✗', inkBackward)
		}
	}
	for _, e := range events {
		if !visible(l.x(e)) {
			continue
		}
		k := inkPlain
		if o.selected >= 0 && o.relation != nil && e.ID != o.selected {
			before, conc := o.relation(e.ID, o.selected)
			after, _ := o.relation(o.selected, e.ID)
			switch {
			case before:
				k = inkPast
			case after:
				k = inkFuture
			case conc:
				k = inkConcurrent
			}
		}
		if e.ID == o.pinned {
			k = inkPinned
		}
		if e.ID == o.selected {
			k = inkSelected
		}
		c.set(l.x(e), row(e.Proc), symbol(e), k)
	}
	for _, id := range []int{o.pinned, o.selected} {
		if id >= 0 && id < len(run.Events) {
			e := run.Events[id]
			c.text(l.x(e)-len(e.Label)/2, row(e.Proc)-1, e.Label, inkSelected)
		}
	}
	return c
}

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

// line draws a dotted segment between two points (Bresenham), leaving the
// end points to the events.
func line(c *canvas, x1, y1, x2, y2 int, k ink) {
	dx, dy := abs(x2-x1), -abs(y2-y1)
	sx, sy := sign(x2-x1), sign(y2-y1)
	err := dx + dy
	x, y := x1, y1
	for i := 0; i < 4096; i++ {
		if (x != x1 || y != y1) && (x != x2 || y != y2) {
			if cur := c.at(x, y); cur.r == ' ' || cur.r == '─' || cur.r == '·' {
				c.set(x, y, '·', k)
			}
		}
		if x == x2 && y == y2 {
			return
		}
		e2 := 2 * err
		if e2 >= dy {
			err += dy
			x += sx
		}
		if e2 <= dx {
			err += dx
			y += sy
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func sign(v int) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// vector prints a vector clock compactly: [1 0 2 0].
func vector(v []int) string { return strings.Trim(fmt.Sprint(v), "[]") }
