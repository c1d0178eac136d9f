package scalepane

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/scale"
	"distlab/tui/common"
	"distlab/tui/theme"
)

// curve plots the selected side's X(N) for N = 1…its largest size, with the
// current size marked, and the peak when the model has one.
func (m *Model) curve(w, h int) []string {
	c := m.snap.Side(m.side)
	key := curveKey{c.Side, c.Model, c.Size, c.MaxSize, w, h, m.Com.Styles, m.Com.Printer}
	if m.curveCache.key != key { // the curve moves only with the model and the size
		m.curveCache.key, m.curveCache.lines = key, m.drawCurve(c, w, h)
	}
	return m.curveCache.lines
}

// curveKey is what the drawn curve depends on.
type curveKey struct {
	side          scale.Side
	model         scale.Model
	size, maxSize int
	w, h          int
	styles        *theme.Styles
	printer       *locale.Printer
}

// gutter is the width of the axis left of the plot: "  12,342 ┤ ".
const gutter = 11

// drawCurve draws X(N) for side c in w×h cells at most: its title (the
// model, its parameters and its peak, each whole), the plot with the
// throughput axis on the left, in req/s, and N below it — 1, the current
// size, the peak and the largest size — in cores or nodes.
func (m *Model) drawCurve(c *scale.SideSnapshot, w, h int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	model := c.Model
	maxN := max(c.MaxSize, 2)
	parts := []common.Piece{
		{Text: p.T("X(N) by the model — %s:", scale.PresetTitle(p, model.Name))},
		{Sep: " ", Text: p.T("γ = %.5g, α = %.4g, β = %.3g", model.Gamma, model.Alpha, model.Beta)},
	}
	peak, hasPeak := model.PeakInt()
	if hasPeak {
		parts = append(parts, common.Piece{Sep: " · ", Text: p.T("N* = %d", peak)})
	}
	lines := style(s.Summary, common.PackPieces(w, " ", " ", parts...))
	plotW, plotH := max(w-gutter-1, 8), max(h-len(lines)-1, 2)
	top := 0.0
	for n := 1; n <= maxN; n++ {
		top = max(top, model.X(float64(n)))
	}
	grid := make([][]rune, plotH)
	for y := range grid {
		grid[y] = []rune(strings.Repeat(" ", plotW))
	}
	col := func(n float64) int { return int((n - 1) / float64(maxN-1) * float64(plotW-1)) }
	row := func(x float64) int { return plotH - 1 - int(x/max(top, 1)*float64(plotH-1)+0.5) }
	for x := range plotW {
		n := 1 + float64(x)/float64(plotW-1)*float64(maxN-1)
		y := min(max(row(model.X(n)), 0), plotH-1)
		grid[y][x] = '·'
	}
	cx, cy := col(float64(c.Size)), row(model.X(float64(c.Size)))
	if cx >= 0 && cx < plotW && cy >= 0 && cy < plotH {
		grid[cy][cx] = '●'
	}
	for y := range plotH {
		var axis string
		switch {
		case y == 0:
			axis = p.T("%8.0f ┤", top)
		case y == plotH-1:
			axis = p.T("%8d ┤", 0)
		case y == 1:
			axis = rightAlign(p.T("req/s"), gutter-3) + " │"
		default:
			axis = strings.Repeat(" ", gutter-3) + " │"
		}
		row := s.Item.Render(string(grid[y]))
		if y == cy { // the current size, in the accent color
			before, after, _ := strings.Cut(string(grid[y]), "●")
			row = s.Item.Render(before) + s.ItemCurrent.Render("●") + s.Item.Render(after)
		}
		lines = append(lines, s.Status.Render(axis)+" "+row)
	}
	unit := p.T("cores")
	if c.Side == scale.ScaleOut {
		unit = p.T("nodes")
	}
	ticks := []tick{{c.Size, true}, {1, false}, {maxN, false}}
	if hasPeak && peak <= maxN {
		ticks = append(ticks, tick{peak, false})
	}
	return append(lines, s.Status.Render(rightAlign(unit, gutter-3)+"   ")+m.nAxis(ticks, col, plotW))
}

// tick is a value of N to write under the plot.
type tick struct {
	n       int
	current bool // the side's size, in the accent color
}

// nAxis writes the ticks under their columns of a plot plotW wide, each
// centred where it fits, in order of priority: one that would touch a
// label already placed is left out.
func (m *Model) nAxis(ticks []tick, col func(float64) int, plotW int) string {
	s, p := m.Com.Styles, m.Com.Printer
	type label struct {
		at   int
		text string
		cur  bool
	}
	var placed []label
	for _, t := range ticks {
		text := p.T("%d", t.n)
		tw := ansi.StringWidth(text)
		at := min(max(col(float64(t.n))-(tw-1)/2, 0), plotW-tw)
		free := at >= 0
		for _, l := range placed {
			if at <= l.at+ansi.StringWidth(l.text) && l.at <= at+tw {
				free = false
			}
		}
		if free {
			placed = append(placed, label{at, text, t.current})
		}
	}
	slices.SortFunc(placed, func(a, b label) int { return a.at - b.at })
	var b strings.Builder
	x := 0
	for _, l := range placed {
		b.WriteString(strings.Repeat(" ", l.at-x))
		if l.cur {
			b.WriteString(s.ItemCurrent.Render(l.text))
		} else {
			b.WriteString(s.Status.Render(l.text))
		}
		x = l.at + ansi.StringWidth(l.text)
	}
	return b.String()
}

// rightAlign pads text on the left to w cells.
func rightAlign(text string, w int) string {
	return strings.Repeat(" ", max(w-ansi.StringWidth(text), 0)) + text
}
