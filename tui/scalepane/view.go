package scalepane

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/scale"
	"distlab/tui/common"
)

// View draws the two columns, the model's curve and the status lines.
func (m *Model) View() string {
	s, t := m.com.Styles, m.com.Text
	w, h := m.width, m.height
	if v, done := m.com.Placeholder(m.err, w, h); done {
		return v
	}
	snap := m.snap
	var lines []string
	if w < stackBelow { // too narrow for two columns: one above the other
		lines = append(m.column(&snap.Up, w), m.column(&snap.Out, w)...)
	} else {
		lines = sideBySide(m.column(&snap.Up, w/2), m.column(&snap.Out, w-w/2), w/2, w-w/2)
	}
	policy := t.ScaleRoundRobin
	if snap.Policy == scale.LeastLoaded {
		policy = t.ScaleLeastLoaded
	}
	status := fmt.Sprintf(t.ScaleStatus, snap.Load, snap.Now.Round(time.Second), policy)
	if m.paused {
		status += " · " + t.ScalePaused
	}
	realLine := ""
	switch {
	case m.realRunning:
		realLine = s.StatusWarn.Render(t.ScaleRealRunning)
	case m.real != "":
		realLine = s.HeaderLesson.Render(fmt.Sprintf(t.ScaleRealResult, m.real))
	}
	foot := append(common.WrapLines(s.Status.Render(status), w, 2),
		common.WrapLines(s.Summary.Render(fmt.Sprintf(t.ScaleCostNote, snap.Cost.Currency, snap.Cost.PerCore, snap.Cost.Exponent, snap.Cost.Currency, snap.Cost.Balancer)), w, 3)...)
	// The demo's own figures take the reader's decimal mark; the line of
	// the real bench may hold an error's words, and has its figures
	// written so already.
	foot = strings.Split(locale.Decimals(t.Lang, strings.Join(foot, "\n")), "\n")
	if realLine != "" {
		foot = append([]string{common.FitLine(" "+realLine, w)}, foot...)
	}
	curveH := h - len(lines) - len(foot) - 1
	if curveH >= 4 {
		lines = append(lines, "")
		lines = append(lines, m.curve(w, min(curveH, 16))...)
	}
	lines = strings.Split(locale.Decimals(t.Lang, strings.Join(lines, "\n")), "\n")
	return common.Fit(strings.Join(append(lines, foot...), "\n"), w, h)
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
	s, t := m.com.Styles, m.com.Text
	name, unit := t.ScaleUpName, t.ScaleCores
	if c.Side == scale.ScaleOut {
		name, unit = t.ScaleOutName, t.ScaleNodes
	}
	if c.Size == 1 {
		unit = t.ScaleCore
		if c.Side == scale.ScaleOut {
			unit = t.ScaleNode
		}
	}
	marker := "  "
	if c.Side == m.side {
		marker = "› "
	}
	head := s.Title.Render(fmt.Sprintf("%s%s · %d %s", marker, name, c.Size, unit))
	state := s.ReadMark.Render("● " + t.ScaleRunning)
	switch c.State {
	case scale.Degraded:
		state = s.StatusWarn.Render("◐ " + t.ScaleDegraded)
	case scale.Down:
		state = s.StatusError.Render("✗ " + t.ScaleDown)
	}
	if c.RepairIn > 0 {
		state += s.Status.Render(" · " + fmt.Sprintf(t.ScaleRepairIn, c.RepairIn.Round(time.Second)))
	}
	lines := []string{head, " " + state}
	lines = append(lines, units(c.Units, cw-2)...)
	lines = append(lines,
		fmt.Sprintf(" %s %s", s.HeaderLesson.Render(fmt.Sprintf("%.0f req/s", c.Throughput)), spark(c.History, cw-16)),
		s.Status.Render(fmt.Sprintf(" %s p50 %v · p99 %v", t.ScaleLatency, dur(c.P50), dur(c.P99))),
		s.Status.Render(fmt.Sprintf(" %s %d/%d · %s %.0f/s", t.ScaleQueue, c.Queue, c.QueueCap, t.ScaleRejected, c.RejectRate+c.FailRate)),
	)
	cost := fmt.Sprintf(" %s $%.2f/h", t.ScaleCost, c.CostPerHour)
	avail := fmt.Sprintf("%s %.4f%%", t.ScaleAvail, 100*c.Availability)
	if ansi.StringWidth(cost+" · "+avail) <= cw { // else one line each: a cut figure is a wrong one
		lines = append(lines, s.Status.Render(cost+" · "+avail))
	} else {
		lines = append(lines, s.Status.Render(cost), s.Status.Render(" "+avail))
	}
	if c.AtCeiling {
		lines = append(lines, s.StatusWarn.Render(" "+t.ScaleCeiling))
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

func dur(d time.Duration) string {
	switch {
	case d <= 0:
		return "–"
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000)
	}
	return d.Round(10 * time.Millisecond).String()
}

// curve plots the selected side's X(N) for N = 1…its largest size, with the
// current size marked, and the peak and ceiling when the model has them.
func (m *Model) curve(w, h int) []string {
	s := m.com.Styles
	c := m.snap.Side(m.side)
	model := c.Model
	maxN := max(c.MaxSize, 2)
	name := map[string]string{scale.Ideal: m.com.Text.ScaleIdeal, scale.Contention: m.com.Text.ScaleContention,
		scale.Published: m.com.Text.ScalePublished}[model.Name]
	if name == "" {
		name = m.com.Text.ScaleCustom
	}
	label := fmt.Sprintf("%s — %s: γ = %.5g, α = %.4g, β = %.3g", m.com.Text.ScaleCurve, name, model.Gamma, model.Alpha, model.Beta)
	if p, ok := model.PeakInt(); ok {
		label += fmt.Sprintf(" · N* = %d", p)
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
			axis = fmt.Sprintf("%8.0f ┤", top)
		} else if y == plotH-1 {
			axis = fmt.Sprintf("%8d ┤", 0)
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
