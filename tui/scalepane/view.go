package scalepane

import (
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/scale"
	"distlab/tui/common"
	"distlab/tui/theme"
)

// View draws the two columns, the model's curve and the status lines.
// Every figure is formatted by the UI's printer, in the reader's language.
func (m *Model) View() string {
	s, p := m.Com.Styles, m.Com.Printer
	w, h := m.Size()
	if v, done := m.Placeholder(); done {
		return v
	}
	snap := m.snap
	var lines []string
	if w < stackBelow { // too narrow for two columns: one above the other
		lines = append(m.column(&snap.Up, w), m.column(&snap.Out, w)...)
	} else {
		lines = sideBySide(m.column(&snap.Up, w/2), m.column(&snap.Out, w-w/2), w/2, w-w/2)
	}
	status := p.T("offered load %.0f req/s on each side · simulated %s · balancer %s", snap.Load, p.Duration(snap.Now.Round(time.Second)), snap.Policy)
	if m.Paused() {
		status += " · " + p.T("paused")
	}
	foot := append(common.WrapLines(s.Status.Render(status), w, 2),
		common.WrapLines(s.Summary.Render(p.T("cost is an assumption: a k-core machine costs %s%.3g·k^%.2g an hour; scale out is one-core machines and a %s%.3g/h load balancer",
			snap.Cost.Currency, snap.Cost.PerCore, snap.Cost.Exponent, snap.Cost.Currency, snap.Cost.Balancer)), w, 3)...)
	if real := m.realLine(); real != "" {
		foot = append([]string{common.FitLine(" "+real, w)}, foot...)
	}
	curveH := h - len(lines) - len(foot) - 1
	if curveH >= 4 {
		lines = append(lines, "")
		lines = append(lines, m.curve(w, min(curveH, 16))...)
	}
	return common.Fit(strings.Join(append(lines, foot...), "\n"), w, h)
}

// realLine is the real measurement's line: running, its result, or why it
// failed (an engine's error in the reader's language, a system's as the
// system wrote it); "" before the first.
func (m *Model) realLine() string {
	s, p := m.Com.Styles, m.Com.Printer
	switch {
	case m.run != nil:
		return s.StatusWarn.Render(p.T("measuring real workers on this machine…"))
	case m.fail != nil:
		return s.StatusError.Render(p.T("real measurement failed: %s", p.Err(m.fail)))
	case m.real != nil && m.real.Result != nil:
		r, res := m.real, m.real.Result
		return s.HeaderLesson.Render(p.T("real, measured: %s, N = %d: %.0f req/s (model %.0f) · p50 %s · p99 %s",
			r.Plan.Mode, r.Plan.N, res.Throughput, r.Predicted, dur(p, res.P50()), dur(p, res.P99())))
	}
	return ""
}

// stackBelow is the pane width under which the two sides are drawn one
// above the other: a column narrower than half of it cuts its figures.
const stackBelow = 72

// sideBySide joins two columns, lw and rw cells wide, line by line.
func sideBySide(left, right []string, lw, rw int) []string {
	var lines []string
	for i := range max(len(left), len(right)) {
		l, r := strings.Repeat(" ", lw), strings.Repeat(" ", rw)
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		lines = append(lines, l+r)
	}
	return lines
}

// column draws one side, cw cells wide.
func (m *Model) column(c *scale.SideSnapshot, cw int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	marker := "  "
	if c.Side == m.side {
		marker = "› "
	}
	size := p.T("%s · %d cores", c.Side, c.Size)
	if c.Side == scale.ScaleOut {
		size = p.T("%s · %d nodes", c.Side, c.Size)
	}
	head := s.Title.Render(marker + size)
	state := s.ReadMark.Render("● " + p.T("running"))
	switch c.State {
	case scale.Degraded:
		state = s.StatusWarn.Render("◐ " + p.T("degraded"))
	case scale.Down:
		state = s.StatusError.Render("✗ " + p.T("DOWN"))
	}
	if c.RepairIn > 0 {
		state += s.Status.Render(" · " + p.T("repair in %s", p.Duration(c.RepairIn.Round(time.Second))))
	}
	lines := []string{head, " " + state}
	lines = append(lines, units(c.Units, cw-2)...)
	lines = append(lines,
		" "+s.HeaderLesson.Render(p.T("%.0f req/s", c.Throughput))+" "+spark(c.History, cw-16),
		s.Status.Render(" "+p.T("latency p50 %s · p99 %s", dur(p, c.P50), dur(p, c.P99))),
		s.Status.Render(" "+p.T("queue %d/%d · rejected %.0f/s", c.Queue, c.QueueCap, c.RejectRate+c.FailRate)),
	)
	cost := " " + p.T("cost %s%.2f/h", m.snap.Cost.Currency, c.CostPerHour)
	avail := p.T("availability %.4f%%", 100*c.Availability)
	if ansi.StringWidth(cost+" · "+avail) <= cw { // else one line each: a cut figure is a wrong one
		lines = append(lines, s.Status.Render(cost+" · "+avail))
	} else {
		lines = append(lines, s.Status.Render(cost), s.Status.Render(" "+avail))
	}
	if c.AtCeiling {
		lines = append(lines, s.StatusWarn.Render(" "+p.T("the largest machine: scale out to grow")))
	}
	for i, l := range lines {
		lines[i] = common.FitLine(l, cw)
	}
	return lines
}

// units draws one cell per core or node: its utilisation as a bar, ✗ when
// down; wrapped to width.
func units(us []scale.Unit, width int) []string {
	const bars = " ▁▂▃▄▅▆▇█"
	var b strings.Builder
	var out []string
	n := 0
	for _, u := range us {
		r := "✗"
		if u.Up {
			i := int(math.Round(u.Util * float64(len([]rune(bars))-1)))
			r = string([]rune(bars)[min(max(i, 0), len([]rune(bars))-1)])
			if r == " " {
				r = "·"
			}
		}
		b.WriteString(r)
		n++
		if n == max(width, 1) {
			out = append(out, " "+b.String())
			b.Reset()
			n = 0
		}
	}
	if n > 0 {
		out = append(out, " "+b.String())
	}
	if len(out) > 3 { // a huge machine: keep the view compact
		out = out[:3]
	}
	return out
}

// spark is a sparkline of the last width values.
func spark(vs []float64, width int) string {
	if width <= 0 || len(vs) == 0 {
		return ""
	}
	if len(vs) > width {
		vs = vs[len(vs)-width:]
	}
	top := 0.0
	for _, v := range vs {
		top = max(top, v)
	}
	const bars = "▁▂▃▄▅▆▇█"
	rs := []rune(bars)
	var b strings.Builder
	for _, v := range vs {
		i := 0
		if top > 0 {
			i = int(v / top * float64(len(rs)-1))
		}
		b.WriteRune(rs[min(max(i, 0), len(rs)-1)])
	}
	return b.String()
}

// dur is a latency as the pane shows it, "–" before there is one.
func dur(p *locale.Printer, d time.Duration) string {
	if d <= 0 {
		return "–"
	}
	return p.Duration(d)
}

// curve plots the selected side's X(N) for N = 1…its largest size, with the
// current size marked, and the peak and ceiling when the model has them.
func (m *Model) curve(w, h int) []string {
	c := m.snap.Side(m.side)
	key := curveKey{c.Model, c.Size, c.MaxSize, w, h, m.Com.Styles, m.Com.Printer}
	if m.curveCache.key != key { // the curve moves only with the model and the size
		m.curveCache.key, m.curveCache.lines = key, m.drawCurve(c, w, h)
	}
	return m.curveCache.lines
}

// curveKey is what the drawn curve depends on.
type curveKey struct {
	model         scale.Model
	size, maxSize int
	w, h          int
	styles        *theme.Styles
	printer       *locale.Printer
}

// drawCurve draws X(N) for side c.
func (m *Model) drawCurve(c *scale.SideSnapshot, w, h int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	model := c.Model
	maxN := max(c.MaxSize, 2)
	label := p.T("X(N) by the model — %s: γ = %.5g, α = %.4g, β = %.3g", scale.PresetTitle(p, model.Name), model.Gamma, model.Alpha, model.Beta)
	if peak, ok := model.PeakInt(); ok {
		label += p.T(" · N* = %d", peak)
	}
	lines := common.WrapLines(s.Summary.Render(label), w, 2)
	plotW, plotH := max(w-12, 8), max(h-len(lines), 2)
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
		axis := "          "
		if y == 0 {
			axis = p.T("%8.0f ┤", top)
		} else if y == plotH-1 {
			axis = p.T("%8d ┤", 0)
		} else {
			axis = "         │"
		}
		row := s.Item.Render(string(grid[y]))
		if y == cy { // the current size, in the accent color
			before, after, _ := strings.Cut(string(grid[y]), "●")
			row = s.Item.Render(before) + s.ItemCurrent.Render("●") + s.Item.Render(after)
		}
		lines = append(lines, common.FitLine(s.Status.Render(axis)+" "+row, w))
	}
	return lines
}
