package clockpane

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/clocks"
	"distlab/demos/locale"
	"distlab/tui/common"
)

// View draws the diagram, the event table and the status lines.
func (m *Model) View() string {
	s, t := m.com.Styles, m.com.Text
	w, h := m.width, m.height
	if v, done := m.com.Placeholder(m.err, w, h); done {
		return v
	}
	run := m.sim.Run()
	events := run.Events
	// The lines under the diagram wrap on a narrow pane: a sentence cut in
	// half teaches nothing.
	l, total := fit(m.full.Events, m.axis, run.Cfg.Procs, w)
	l.scroll = m.scrollFor(l, total, events, w)
	rel := drawOpts{selected: m.selected, pinned: m.pinned, relation: func(a, b int) (bool, bool) {
		return run.HappenedBefore(a, b), run.Concurrent(a, b)
	}}
	foot := m.foot(run, countBackward(events, l), w, h)
	tableRows := min(max(h/4, 3), 8)
	if h-len(foot)-tableRows-1 < 6 { // the diagram comes first
		tableRows = 0
	}
	diagramH := h - len(foot) - tableRows
	if tableRows > 0 {
		diagramH--
	}
	var out []string
	if diagramH >= 2 {
		c := draw(run, events, l, w, diagramH, rel)
		out = append(out, c.lines(s)...)
	}
	if tableRows > 0 {
		out = append(out, s.Status.Render(common.FitLine(" "+t.ClockTableHead, w)))
		out = append(out, m.table(run, tableRows, w)...)
	}
	out = append(out, foot...)
	return common.Fit(strings.Join(out, "\n"), w, h)
}

// foot is the status, the sentence of the moment (the pinned pair's
// relation, backward messages, the scenario's point or a hint) and the
// legend, each wrapped to the pane; a short pane gives them fewer lines,
// so that the diagram keeps most of it.
func (m *Model) foot(run *clocks.Run, backward, w, h int) []string {
	s, t := m.com.Styles, m.com.Text
	info := m.relationText(run)
	if info == "" && backward > 0 {
		info = s.StatusError.Render(fmt.Sprintf(t.ClockBackward, backward))
	}
	if info == "" {
		if sc := m.scenarios[m.scenario]; sc != "" && m.selected < 0 {
			info = s.Summary.Render(m.infos[sc].SummaryIn(t.Lang))
		} else {
			info = s.Summary.Render(t.ClockPinHint)
		}
	}
	status, sentence, legend := 2, 3, 2
	if h < 14 {
		status, sentence, legend = 1, 2, 1
	}
	out := common.WrapLines(s.Status.Render(m.statusText(len(run.Events))), w, status)
	out = append(out, common.WrapLines(locale.Decimals(t.Lang, info), w, sentence)...)
	return append(out, common.WrapLines(s.Status.Render(t.ClockLegend), w, legend)...)
}

// scrollFor keeps the newest event in view while playing, and the selected
// one when there is a selection.
func (m *Model) scrollFor(l layout, total int, events []clocks.Event, w int) int {
	room := w - l.left - 2
	if total <= room || len(events) == 0 {
		return 0
	}
	focus := events[len(events)-1]
	if m.selected >= 0 && m.selected < len(events) {
		focus = events[m.selected]
	}
	x := int((l.value(focus)-l.origin)*l.scale + 0.5)
	return min(max(x-room*3/4, 0), total-room)
}

// table lists the events around the selected one (or the newest).
func (m *Model) table(run *clocks.Run, rows, w int) []string {
	s := m.com.Styles
	events := run.Events
	focus := len(events) - 1
	if m.selected >= 0 {
		focus = m.selected
	}
	from := max(min(focus-rows/2, len(events)-rows), 0)
	var out []string
	for i := from; i < min(from+rows, len(events)); i++ {
		e := events[i]
		kind := map[clocks.Kind]string{clocks.Local: "•", clocks.Send: "○", clocks.Receive: "●"}[e.Kind]
		line := locale.Decimals(m.com.Text.Lang, fmt.Sprintf(" %-6s %s %-3s %10.3fms %3d  [%s]", e.Label, kind, procName(e.Proc),
			float64(e.Physical.Microseconds())/1000, e.Lamport, vector(e.Vector)))
		line = common.FitLine(line, w)
		switch i {
		case m.selected:
			line = s.ItemSelected.Render(ansi.Strip(line))
		case m.pinned:
			line = s.FilterPrompt.Render(ansi.Strip(line))
		default:
			line = s.Item.Render(line)
		}
		out = append(out, line)
	}
	for len(out) < rows {
		out = append(out, strings.Repeat(" ", w))
	}
	return out
}

func (m *Model) statusText(n int) string {
	t := m.com.Text
	name := t.ClockRandom
	if sc := m.scenarios[m.scenario]; sc != "" {
		name = m.infos[sc].TitleIn(t.Lang)
	}
	axisName := [...]string{t.ClockAxisTrue, t.ClockAxisPhysical, t.ClockAxisLamport}[m.axis]
	state := t.ClockPaused
	if m.playing && !m.done() {
		state = t.ClockPlaying
	}
	if m.status != "" {
		return m.status
	}
	return locale.Decimals(t.Lang, fmt.Sprintf(t.ClockStatus, name, axisName, m.cfg.Seed, m.cfg.Skew, m.cfg.Loss*100,
		m.cfg.DelayMin, m.cfg.DelayMax, n, len(m.full.Events), state, 2*speeds[m.speed]))
}

// relationText is the sentence relating the pinned and selected events.
func (m *Model) relationText(run *clocks.Run) string {
	n := len(run.Events)
	if m.pinned < 0 || m.selected < 0 || m.pinned >= n || m.selected >= n || m.pinned == m.selected {
		return ""
	}
	return m.com.Styles.HeaderLesson.Render(run.Relation(m.pinned, m.selected, m.com.Text.Lang))
}

// click selects the event nearest the pointer.
func (m *Model) click(x, y int) {
	if m.sim == nil {
		return
	}
	run := m.sim.Run()
	l, total := fit(m.full.Events, m.axis, run.Cfg.Procs, m.width)
	l.scroll = m.scrollFor(l, total, run.Events, m.width)
	tableRows := min(max(m.height/4, 3), 8)
	if m.height < 14 {
		tableRows = 0
	}
	diagramH := m.height - 3 - tableRows
	if tableRows > 0 {
		diagramH--
	}
	procs := run.Cfg.Procs
	if procs == 0 || y >= diagramH {
		return
	}
	gap := max(min((diagramH-1)/procs, 4), 1)
	best, dist := -1, 1<<30
	for _, e := range run.Events {
		ey := e.Proc*gap + gap/2
		if d := abs(l.x(e)-x) + 3*abs(ey-y); d < dist {
			best, dist = e.ID, d
		}
	}
	if best >= 0 && dist <= 6 {
		if m.selected >= 0 && m.pinned < 0 {
			m.pinned = m.selected
		}
		m.selected = best
	}
}
