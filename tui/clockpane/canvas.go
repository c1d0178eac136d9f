package clockpane

import (
	"strings"

	"charm.land/lipgloss/v2"

	"distlab/tui/theme"
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
	inkMessage
	inkCount // how many inks there are
)

// inkStyles maps each ink to its style. Pinned is the accent reversed, so
// that it differs from the past (the accent) in every theme; messages are
// plain text, brighter than the dim process lines they leave.
func inkStyles(s *theme.Styles) [inkCount]lipgloss.Style {
	return [inkCount]lipgloss.Style{
		inkPlain: s.Item, inkDim: s.Status, inkPast: s.ItemCurrent, inkFuture: s.ReadMark,
		inkConcurrent: s.StatusWarn, inkBackward: s.StatusError, inkSelected: s.ItemSelected,
		inkPinned: s.ItemCurrent.Reverse(true), inkMessage: s.Item,
	}
}

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

// free reports whether the cells x..x+n-1 of row y are on the canvas and
// blank.
func (c *canvas) free(x, y, n int) bool {
	if x < 0 || x+n > c.w || y < 0 || y >= c.h {
		return false
	}
	for i := range n {
		if c.cells[y*c.w+x+i].r != ' ' {
			return false
		}
	}
	return true
}

// Braille cells are 2 dots wide and 4 tall: a line drawn in dots is
// continuous at any slope, where a line of characters is a staircase.
const brailleBase = 0x2800

// brailleBits[row][col] is the bit of the dot at (col, row) in a cell.
var brailleBits = [4][2]rune{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}

// processDots is a process line in braille: the dots of row 1, where the
// middle of '─' is, so a message that crosses or leaves a process line
// keeps the line whole.
const processDots = 0x02 | 0x10

func isBraille(r rune) bool { return r >= brailleBase && r <= brailleBase+0xFF }

// dot lights the dot (dx, dy), in dots from the top left, in ink k. It
// draws on blank cells, process lines and other dots, never over an event,
// a label or a mark.
func (c *canvas) dot(dx, dy int, k ink) {
	x, y := dx>>1, dy>>2
	if dx < 0 || dy < 0 || x >= c.w || y >= c.h {
		return
	}
	cl := &c.cells[y*c.w+x]
	var bits rune
	switch {
	case cl.r == ' ':
	case cl.r == '─':
		bits = processDots
	case isBraille(cl.r):
		bits = cl.r - brailleBase
		if cl.ink == inkBackward { // a red message stays red where lines cross
			k = inkBackward
		}
	default:
		return
	}
	cl.r, cl.ink = brailleBase+(bits|brailleBits[dy&3][dx&1]), k
}

// dotLine draws the segment between two dots, only the part over the
// canvas: a long run scrolls, and a frame must stay cheap however far off
// screen a message starts.
func (c *canvas) dotLine(x1, y1, x2, y2 int, k ink) {
	dx, dy := x2-x1, y2-y1
	n := max(abs(dx), abs(dy))
	if n == 0 {
		c.dot(x1, y1, k)
		return
	}
	lo, hi := 0, n
	if dx != 0 { // the steps whose x is within [-1, 2w]
		a, b := (-1-x1)*n/dx, (2*c.w-x1)*n/dx
		lo, hi = max(lo, min(a, b)-1), min(hi, max(a, b)+1)
	}
	for i := lo; i <= hi; i++ {
		c.dot(x1+divRound(dx*i, n), y1+divRound(dy*i, n), k)
	}
}

// divRound is a/b rounded to the nearest integer, b > 0.
func divRound(a, b int) int {
	if a >= 0 {
		return (2*a + b) / (2 * b)
	}
	return -((-2*a + b) / (2 * b))
}

// lines renders the canvas, one style per ink. Each style is rendered once
// around a marker to learn its escape sequences; the frame then only
// concatenates, which keeps a 10,000-event diagram within a few ms.
func (c *canvas) lines(s *theme.Styles) []string {
	styles := inkStyles(s)
	var open, shut [inkCount]string
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

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
