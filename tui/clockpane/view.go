package clockpane

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/clocks"
	"distlab/tui/common"
)

// View draws the diagram, the event table and the status lines.
func (m *Model) View() string {
	s := m.Com.Styles
	w, h := m.Size()
	if v, done := m.Placeholder(); done {
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
		out = append(out, s.Status.Render(common.FitLine(" "+m.Com.T("event proc  physical     L  vector"), w)))
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
	s, p := m.Com.Styles, m.Com.Printer
	info := m.relationText(run)
	if info == "" && backward > 0 {
		info = s.StatusError.Render(p.T("%d messages run backwards on this axis", backward))
	}
	if info == "" {
		if sc := m.scenarios[m.scenario]; sc != "" && m.selected < 0 {
			info = s.Summary.Render(m.infos[sc].SummaryIn(p))
		} else {
			info = s.Summary.Render(p.T("↑↓ select an event, enter pins it, then select another to compare"))
		}
	}
	status, sentence, legend := 2, 3, 2
	if h < 14 {
		status, sentence, legend = 1, 2, 1
	}
	out := common.WrapLines(m.statusLine(len(run.Events)), w, status)
	out = append(out, common.WrapLines(info, w, sentence)...)
	legendText := p.T("• local  ○ send  ● receive  ✗ lost  ◎ duplicate · a selected event shows its past, future and concurrent events in color · red dots: a message back in time")
	return append(out, common.WrapLines(s.Status.Render(legendText), w, legend)...)
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
	s, p := m.Com.Styles, m.Com.Printer
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
		// The physical time is a quantity, written the language's way;
		// the Lamport time is a stamp, written as it is.
		physical := p.T("%10.3fms", float64(e.Physical.Microseconds())/1000)
		line := fmt.Sprintf(" %-6s %s %-3s %s %3s  [%s]", e.Label, kind, procName(e.Proc), physical, strconv.Itoa(e.Lamport), vector(e.Vector))
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

// statusLine is the run's settings and progress, or where the last export
// went until the next key.
func (m *Model) statusLine(n int) string {
	s, p := m.Com.Styles, m.Com.Printer
	if m.exported != nil {
		return s.Status.Render(p.T("exported %s (ShiViz) and %s (JSON Lines)", m.exported.shiviz, m.exported.jsonl))
	}
	name := p.T("random")
	if sc := m.scenarios[m.scenario]; sc != "" {
		name = m.infos[sc].TitleIn(p)
	}
	axisName := [...]string{p.T("true time"), p.T("each process's physical clock"), p.T("Lamport time")}[m.axis]
	state := p.T("paused")
	if m.Animating() {
		state = p.T("playing")
	}
	return s.Status.Render(p.T("%s · axis: %s · seed %s · skew %s · loss %.0f%% · delay %s–%s · %d/%d events · %s %.0f ev/s",
		name, axisName, strconv.FormatUint(m.cfg.Seed, 10), p.Duration(m.cfg.Skew), m.cfg.Loss*100,
		p.Duration(m.cfg.DelayMin), p.Duration(m.cfg.DelayMax), n, len(m.full.Events), state, speeds[m.speed]))
}

// relationText is the sentence relating the pinned and selected events.
func (m *Model) relationText(run *clocks.Run) string {
	n := len(run.Events)
	if m.pinned < 0 || m.selected < 0 || m.pinned >= n || m.selected >= n || m.pinned == m.selected {
		return ""
	}
	return m.Com.Styles.HeaderLesson.Render(run.Relation(m.pinned, m.selected, m.Com.Printer))
}

// click selects the event nearest the pointer.
func (m *Model) click(x, y int) {
	if m.sim == nil {
		return
	}
	run := m.sim.Run()
	w, h := m.Size()
	l, total := fit(m.full.Events, m.axis, run.Cfg.Procs, w)
	l.scroll = m.scrollFor(l, total, run.Events, w)
	tableRows := min(max(h/4, 3), 8)
	if h < 14 {
		tableRows = 0
	}
	diagramH := h - 3 - tableRows
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
