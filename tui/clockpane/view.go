package clockpane

import (
	"strings"

	"distlab/demos/clocks"
	"distlab/tui/common"
)

// geometry is where the pane's parts go at its size: View draws by it and
// clicks and the table's keys read it, so that they always agree.
type geometry struct {
	l         layout
	foot      []string // the status, the sentence and the legend
	diagramH  int
	tableRows int // 0: no table
	tableFrom int // the first event the table shows
}

// The diagram's share of the height: three rows per process, then the
// table up to tableRows (in a short pane, three rows of table while the
// diagram keeps two per process), then the diagram up to
// maxGap rows per process, then the table again up to the run's length;
// what is left still goes to the diagram.
const (
	tableRows = 8
	maxGap    = 6
)

func (m *Model) geometry() geometry {
	var g geometry
	w, h := m.demoSize()
	run := m.sim.Run()
	procs := run.Cfg.Procs
	l, total := fit(m.full.Events, m.axis, procs, w)
	l.scroll = m.scrollFor(l, total, run.Events, w)
	g.l = l
	g.foot = m.foot(run, countBackward(run.Events, l), w, h)
	avail := h - len(g.foot)
	rows := min(tableRows, len(m.full.Events), avail-(3*procs+1)-1)
	if rows < 3 { // a short pane: three rows of table, if the diagram keeps two per process
		rows = min(3, avail-(2*procs+2)-1)
	}
	if rows < 3 {
		rows = 0
	}
	if rows > 0 {
		extra := avail - 1 - rows - (maxGap*procs + 2)
		rows += max(min(extra, len(m.full.Events)-rows), 0)
		g.diagramH = avail - 1 - rows
	} else {
		g.diagramH = avail
	}
	g.tableRows = rows
	n := len(run.Events)
	if m.tableFollow {
		focus := n - 1
		if m.selected >= 0 {
			focus = m.selected
		}
		g.tableFrom = focus - rows/2
	} else {
		g.tableFrom = m.tableTop
	}
	g.tableFrom = max(min(g.tableFrom, n-rows), 0)
	return g
}

// demoSize is the room the demo has: the pane's inner size less the
// challenge strip's lines at its bottom.
func (m *Model) demoSize() (w, h int) {
	w, h = m.Size()
	return w, h - len(m.ChallengeStrip(w, h))
}

// View draws the diagram, the event table and the status lines, and the
// challenge strip under them.
func (m *Model) View() string {
	s := m.Com.Styles
	w, h := m.Size()
	if v, done := m.Placeholder(); done {
		return v
	}
	strip := m.ChallengeStrip(w, h)
	run := m.sim.Run()
	g := m.geometry()
	var out []string
	if g.diagramH >= 2 {
		c := draw(run, run.Events, g.l, w, g.diagramH, m.opts(run))
		out = append(out, c.lines(s)...)
	} else {
		out = append(out, make([]string, max(g.diagramH, 0))...)
	}
	if g.tableRows > 0 {
		out = append(out, m.tableHeader(run, g, w))
		out = append(out, m.table(run, g, w)...)
	}
	out = append(out, g.foot...)
	demo := common.Fit(strings.Join(out, "\n"), w, h-len(strip))
	if len(strip) == 0 {
		return demo
	}
	return demo + "\n" + strings.Join(strip, "\n")
}

// opts is what the diagram and the table highlight.
func (m *Model) opts(run *clocks.Run) drawOpts {
	return drawOpts{selected: m.selected, pinned: m.pinned, relation: func(a, b int) (bool, bool) {
		return run.HappenedBefore(a, b), run.Concurrent(a, b)
	}}
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
	switch {
	case h < 14:
		status, sentence, legend = 1, 2, 1
	case w < 70: // a pane beside the lesson: the run's settings, each part whole, take up to four lines
		status = 4
	}
	out := m.statusLines(run, w, status)
	out = append(out, common.WrapLines(info, w, sentence)...)
	return append(out, common.WrapLines(m.legend(), w, legend)...)
}

// legend says what the glyphs are and what each color means, each color
// word written in its own color. With an event selected the colors come
// first: a narrow pane cuts the legend's end.
func (m *Model) legend() string {
	s, p := m.Com.Styles, m.Com.Printer
	inks := inkStyles(s)
	words := []struct {
		k    ink
		text string
	}{
		{inkSelected, p.T("selected")}, {inkPinned, p.T("pinned")}, {inkPast, p.T("past")},
		{inkFuture, p.T("future")}, {inkConcurrent, p.T("concurrent")}, {inkBackward, p.T("back in time")},
	}
	var b strings.Builder
	b.WriteString(s.Status.Render(p.T("colors:")))
	for _, wd := range words {
		b.WriteString(" " + inks[wd.k].Render(wd.text))
	}
	glyphs := s.Status.Render(p.T("• local  ○ send  ● receive  ✗ lost  ◎ duplicate"))
	if m.selected >= 0 {
		return b.String() + s.Status.Render(" · ") + glyphs
	}
	return glyphs + s.Status.Render(" · ") + b.String()
}

// relationText is the sentence relating the pinned and selected events.
func (m *Model) relationText(run *clocks.Run) string {
	n := len(run.Events)
	if m.pinned < 0 || m.selected < 0 || m.pinned >= n || m.selected >= n || m.pinned == m.selected {
		return ""
	}
	return m.Com.Styles.HeaderLesson.Render(run.Relation(m.pinned, m.selected, m.Com.Printer))
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

// click selects the event nearest the pointer in the diagram.
func (m *Model) click(x, y int) {
	if m.sim == nil {
		return
	}
	run := m.sim.Run()
	g := m.geometry()
	procs := run.Cfg.Procs
	if procs == 0 || y >= g.diagramH || g.diagramH < 2 {
		return
	}
	row := rows(procs, g.diagramH)
	best, dist := -1, 1<<30
	for _, e := range run.Events {
		if d := abs(g.l.x(e)-x) + 3*abs(row(e.Proc)-y); d < dist {
			best, dist = e.ID, d
		}
	}
	if best >= 0 && dist <= 6 {
		if m.selected >= 0 && m.pinned < 0 {
			m.pinned = m.selected
		}
		m.selected = best
		m.tableFollow = true
	}
}
