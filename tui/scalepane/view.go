package scalepane

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/scale"
	"distlab/tui/common"
)

// View draws the two columns, the model's curve and the status lines, and
// the challenge strip under them when the pane has the height for it.
// Every figure is formatted by the UI's printer, in the reader's language.
func (m *Model) View() string {
	w, h := m.Size()
	if v, done := m.Placeholder(); done {
		return v
	}
	strip := m.ChallengeStrip(w, h)
	if len(strip) == 0 {
		return m.demoView(w, h)
	}
	return m.demoView(w, h-len(strip)) + "\n" + strings.Join(strip, "\n")
}

// demoView is the demo itself in w×h cells.
func (m *Model) demoView(w, h int) string {
	snap := m.snap
	foot, note := m.foot(w)
	var lines []string
	if w < stackBelow { // too narrow for two columns: one above the other
		up, out := flatten(m.column(&snap.Up, w)), flatten(m.column(&snap.Out, w))
		if len(up)+len(out)+len(foot) <= h {
			lines = append(up, out...)
		} else { // too short for both: the side the keys act on
			lines = flatten(m.column(snap.Side(m.side), w))
		}
	} else {
		lines = sideBySide(m.column(&snap.Up, w/2), m.column(&snap.Out, w-w/2), w/2, w-w/2)
	}
	// The curve gets the room the columns and the status leave, less the
	// cost note's when there is room for both; without room for both, the
	// curve comes first, then the note.
	switch curveH := h - len(lines) - len(foot) - 1; {
	case curveH-len(note) >= 5:
		curveH -= len(note)
		lines = append(append(lines, ""), m.curve(w, min(curveH, maxCurve))...)
		foot = append(foot, note...)
	case curveH >= 5:
		lines = append(append(lines, ""), m.curve(w, min(curveH, maxCurve))...)
	case len(lines)+len(foot)+len(note) <= h:
		foot = append(foot, note...)
	}
	return common.Fit(strings.Join(append(lines, foot...), "\n"), w, h)
}

// foot is the lines under the columns, w cells wide: the real
// measurement's and the status, which the pane always shows, and the note
// on what the cost assumes, which it shows when there is room.
func (m *Model) foot(w int) (foot, note []string) {
	s, p, snap := m.Com.Styles, m.Com.Printer, &m.snap
	parts := []string{
		p.T("offered load %.0f req/s on each side", snap.Load),
		p.T("simulated %s", p.Duration(snap.Now.Round(time.Second))),
		p.T("balancer %s", snap.Policy),
	}
	if m.Paused() {
		parts = append(parts, p.T("paused"))
	}
	// When the pane is too short for all of it, what comes last is cut:
	// what the real measurement ran, then its result, never the status.
	real, why := m.realLines(w)
	foot = append(append(style(s.Status, common.Pack(w, " ", " ", " · ", parts...)), real...), why...)
	note = common.WrapLines(s.Summary.Render(p.T("cost is an assumption: a k-core machine costs %s%.3g·k^%.2g an hour; scale out is one-core machines and a %s%.3g/h load balancer",
		snap.Cost.Currency, snap.Cost.PerCore, snap.Cost.Exponent, snap.Cost.Currency, snap.Cost.Balancer)), w, 3)
	return foot, note
}

// maxCurve is the most lines the curve takes: in a tall pane the status
// stays near the figures.
const maxCurve = 22

// stackBelow is the pane width under which the two sides are drawn one
// above the other: a column narrower than half of it cuts its figures.
const stackBelow = 72

// sideBySide joins two columns, lw and rw cells wide, row by row: a row
// that takes more lines on one side takes as many on the other, so each
// figure stays level with its counterpart.
func sideBySide(left, right [][]string, lw, rw int) []string {
	var lines []string
	for i := range max(len(left), len(right)) {
		var l, r []string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		for j := range max(len(l), len(r)) {
			a, b := strings.Repeat(" ", lw), strings.Repeat(" ", rw)
			if j < len(l) {
				a = common.FitLine(l[j], lw)
			}
			if j < len(r) {
				b = common.FitLine(r[j], rw)
			}
			lines = append(lines, a+b)
		}
	}
	return lines
}

// flatten is a column's rows one after the other.
func flatten(rows [][]string) []string {
	var lines []string
	for _, r := range rows {
		lines = append(lines, r...)
	}
	return lines
}

// column draws one side, cw cells wide, as rows of lines: its size, its
// state, its units, then one row per group of figures. A row whose
// figures do not fit side by side puts them one under the other: a cut
// figure is a wrong one.
func (m *Model) column(c *scale.SideSnapshot, cw int) [][]string {
	s, p := m.Com.Styles, m.Com.Printer
	marker := "  "
	if c.Side == m.side {
		marker = "› "
	}
	size := p.T("%d cores", c.Size)
	if c.Side == scale.ScaleOut {
		size = p.T("%d nodes", c.Size)
	}
	state := s.ReadMark.Render("● " + p.T("running"))
	switch c.State {
	case scale.Degraded:
		state = s.StatusWarn.Render("◐ " + p.T("degraded"))
	case scale.Down:
		state = s.StatusError.Render("✗ " + p.T("DOWN"))
	}
	states := []string{state}
	if c.RepairIn > 0 {
		states = append(states, s.Status.Render(p.T("repair in %s", p.Duration(c.RepairIn.Round(time.Second)))))
	}
	thr := " " + s.HeaderLesson.Render(p.T("%.0f req/s", c.Throughput))
	rows := [][]string{
		style(s.Title, common.Pack(cw, marker, "  ", " · ", c.Side.Localize(p), size)),
		common.Pack(cw, " ", " ", s.Status.Render(" · "), states...),
		{m.units(c, cw)},
		{thr + " " + spark(c.History, cw-ansi.StringWidth(thr)-3)},
		style(s.Status, common.Pack(cw, " ", " ", " · ", p.T("latency p50 %s", dur(p, c.P50)), p.T("p99 %s", dur(p, c.P99)))),
		style(s.Status, common.Pack(cw, " ", " ", " · ", p.T("queue %d/%d", c.Queue, c.QueueCap), p.T("rejected %.0f/s", c.RejectRate+c.FailRate))),
		style(s.Status, common.Pack(cw, " ", " ", " · ", p.T("cost %s%.2f/h", m.snap.Cost.Currency, c.CostPerHour), p.T("availability %.4f%%", 100*c.Availability))),
	}
	if c.AtCeiling {
		rows = append(rows, common.WrapLines(s.StatusWarn.Render(p.T("the largest machine: scale out to grow")), cw, 2))
	}
	return rows
}

// style renders each line with st.
func style(st lipgloss.Style, lines []string) []string {
	for i, l := range lines {
		lines[i] = st.Render(l)
	}
	return lines
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
