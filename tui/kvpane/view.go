package kvpane

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/kv"
	"distlab/demos/locale"
	"distlab/tui/common"
)

// The smallest pane the demo draws in; a smaller one says so.
const (
	minWidth  = 34
	minHeight = 10
)

// View draws the status, the servers, the timeline, the messages in
// flight, the last event's sentence, the counters and the verdict, and
// the challenge strip under them.
func (m *Model) View() string {
	w, h := m.Size()
	if v, done := m.Placeholder(); done {
		return v
	}
	if w < minWidth || h < minHeight {
		text := m.Com.T("Enlarge this pane to at least %d×%d to see the replicated store (z zooms it).", minWidth, minHeight)
		return common.Fit(strings.Join(common.WrapLines(m.Com.Styles.Enlarge.Render(text), w, h), "\n"), w, h)
	}
	strip := m.ChallengeStrip(w, h)
	body := clip(m.body(w, h-len(strip)), h-len(strip), w)
	for i, l := range body {
		body[i] = fit(l, w)
	}
	blank := strings.Repeat(" ", w)
	for len(body) < h-len(strip) {
		body = append(body, blank)
	}
	return strings.Join(append(body, strip...), "\n")
}

// body is the demo's lines in w×h: the status, the servers, the counters
// and the verdict always, and the panel open (knobs, partition); the
// timeline, the sentence, the messages, the scenario's point and the
// legend as the height allows. When even the first are taller than h,
// they give up lines, the status first and the verdict last, down to one
// line each (the knobs to a window around the chosen one): a text cut
// ends with "…" where it was cut, never in silence.
func (m *Model) body(w, h int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	status := m.statusLines(w)
	servers := m.serverLines(w)
	counters := common.Pack(w, " ", " ", s.Status.Render(" · "), m.counterParts(w)...)
	verdict := m.verdictLines(w)
	others := min(len(status), 1) + min(len(servers), 1) + min(len(counters), 1) + min(len(verdict), 1)
	var panel []string
	switch {
	case m.knobs:
		panel = m.knobLines(w, max(h-others, 2))
	case m.choosing.IsOpen():
		panel = clip(m.promptLines(w), max(h-others, 1), w)
	}
	over := len(status) + len(panel) + len(servers) + len(counters) + len(verdict) - h
	for _, block := range []*[]string{&status, &counters, &servers, &verdict} {
		if over <= 0 {
			break
		}
		keep := max(len(*block)-over, min(len(*block), 1))
		over -= len(*block) - keep
		if block == &servers {
			servers = m.serversIn(w, keep)
			continue
		}
		*block = clip(*block, keep, w)
	}
	left := h - len(status) - len(panel) - len(servers) - len(counters) - len(verdict)
	take := func(want int) int {
		n := min(max(want, 0), max(left, 0))
		left -= n
		return n
	}
	clients := len(m.snap.Clients)
	timelineRows := take(clients + 1)
	if timelineRows == 1 { // a header without a client under it: the row goes to the rest
		timelineRows, left = 0, left+1
	}
	sentence := m.sentenceLines(w)
	sentence = clip(sentence, take(len(sentence)), w)
	n := take(2)
	flights := m.flightLines(w, n)
	left += n - len(flights) // nothing in flight: the rows go to the rest
	var about []string
	if sc := m.current(); sc != nil && m.snap.Script {
		about = common.WrapLines(s.Summary.Render(sc.About(p)), w, 3)
		about = clip(about, take(len(about)), w)
	}
	legendText := s.Status.Render(m.legendText())
	legend := common.WrapLines(legendText, w, take(len(common.WrapLines(legendText, w, 3)))) // cut short with "…"
	recent := m.recentLines(w, take(maxRecent))

	out := append([]string{}, status...)
	out = append(out, panel...)
	out = append(out, servers...)
	if timelineRows > 1 {
		out = append(out, m.timelineLines(w, timelineRows)...)
	}
	out = append(out, flights...)
	out = append(out, recent...)
	out = append(out, sentence...)
	out = append(out, counters...)
	out = append(out, verdict...)
	out = append(out, about...)
	out = append(out, legend...)
	return out
}

// clip keeps the first n of a block's lines; when it leaves some out, the
// last line kept ends with "…", so that the reader knows there is more.
func clip(lines []string, n, w int) []string {
	if n <= 0 {
		return nil
	}
	if len(lines) <= n {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	out[n-1] = more(out[n-1], w)
	return out
}

// more ends a line that was cut short with "…", right after its last
// character that is not a space, in exactly w cells.
func more(line string, w int) string {
	keep := min(ansi.StringWidth(strings.TrimRight(ansi.Strip(line), " ")), w-1)
	cut := ansi.Truncate(line, keep, "")
	if n := ansi.StringWidth(strings.TrimRight(ansi.Strip(cut), " ")); n < keep {
		cut = ansi.Truncate(cut, n, "")
	}
	return common.FitLine(cut+"…", w)
}

// fit makes line exactly w cells: padded, or cut with "…" (see more).
func fit(line string, w int) string {
	if ansi.StringWidth(line) <= w {
		return common.FitLine(line, w)
	}
	return more(line, w)
}

// statusLines are the run's settings and state, or why a key did nothing.
func (m *Model) statusLines(w int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	title := p.T("Free run") // a title, as the scenarios' are
	if sc := m.current(); sc != nil {
		title = sc.Title(p)
	}
	state := p.T("▶ playing %s×", m.play.SpeedText(p))
	if !m.Animating() {
		state = p.T("⏸ paused (speed %s×)", m.play.SpeedText(p))
	}
	parts := []string{s.HeaderLesson.Render(title), s.Status.Render(m.knobSummary()),
		s.Status.Render(p.T("seed %d", m.seed)), s.Status.Render(p.T("time %s", p.Duration(m.play.Clock))), s.Status.Render(state)}
	lines := common.Pack(w, " ", " ", s.Status.Render(" · "), parts...)
	if m.notice != "" {
		lines = append(lines, common.WrapLines(s.StatusWarn.Render(m.notice), w, 2)...)
	}
	return lines
}

// knobSummary is the knobs in one phrase: "N = 3, R = 2, W = 2, CP, last
// writer wins, read repair".
func (m *Model) knobSummary() string {
	p, c := m.Com.Printer, m.snap.Knobs
	parts := c.Knobs(p)
	if c.Loss > 0 {
		parts = append(parts, p.T("%d%% lost", int(c.Loss*100+0.5)))
	}
	return strings.Join(parts, ", ")
}

// promptLines are the partition chooser's prompt.
func (m *Model) promptLines(w int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	text := p.T("Partition: press the numbers of the servers to cut off (1–%d), enter to cut, esc to cancel.", len(m.snap.Servers))
	if len(m.choosing.Side()) > 0 {
		names := make([]string, len(m.choosing.Side()))
		for i, id := range m.choosing.Side() {
			names[i] = kv.Name(id)
		}
		text = p.T("Partition: cut off %s from the rest · more numbers, enter to cut, esc to cancel.", strings.Join(names, ", "))
	}
	return common.WrapLines(s.StatusWarn.Render(text), w, 2)
}

// knobLines are the knobs panel in at most n lines (n ≥ 2): its header,
// then one knob a line, the chosen one marked. When they do not all fit,
// a window of them around the chosen one shows, the header says which of
// how many it is, and a window with knobs below it ends with "…".
func (m *Model) knobLines(w, n int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	header := p.T("Knobs: ↑/↓ choose, ←/→ change, esc close")
	rows := min(len(knobList), max(n-1, 1))
	first := min(max(m.knob-(rows-1)/2, 0), len(knobList)-rows)
	if rows < len(knobList) {
		header = p.T("Knobs %d/%d: ↑/↓ choose, ←/→ change, esc close", m.knob+1, len(knobList))
	}
	out := []string{s.StatusWarn.Render(fit(" "+header, w))}
	// The names make a column as wide as the longest; in a pane too narrow
	// for it and the values, the names are cut short (to half the row at
	// most) so that the values stay in sight.
	width, values := 0, 0
	for _, k := range knobList {
		width = max(width, ansi.StringWidth(k.name(p)))
		values = max(values, ansi.StringWidth(k.value(m, p)))
	}
	width = min(width, max(w-5-values, (w-5)/2))
	for i := first; i < first+rows; i++ {
		k := knobList[i]
		name := strings.TrimRight(fit(k.name(p), width), " ")
		pad := strings.Repeat(" ", width-ansi.StringWidth(name))
		mark, style := "   ", s.Item
		if i == m.knob {
			mark, style = " ▸ ", s.ItemCurrent
		}
		row := fit(mark+name+pad+"  "+k.value(m, p), w)
		if i == first+rows-1 && i < len(knobList)-1 {
			row = more(row, w)
		}
		out = append(out, style.Render(row))
	}
	return out
}

// counterParts are the counters, the ones that count trouble marked when
// they are not zero; a narrow pane leaves out the ones at zero but stale
// reads.
func (m *Model) counterParts(w int) []string {
	s, p, c := m.Com.Styles, m.Com.Printer, m.snap.Counters
	parts := []string{s.Item.Render(p.T("%d operations", c.Ops))}
	part := func(n int, text string, always bool) {
		switch {
		case n > 0:
			parts = append(parts, s.StatusError.Render(text))
		case always || w >= 60:
			parts = append(parts, s.Status.Render(text))
		}
	}
	part(c.Refused, p.T("%d refused", c.Refused), false)
	part(c.StaleReads, p.T("%d stale reads", c.StaleReads), true)
	part(c.LostUpdates, p.T("%d lost updates", c.LostUpdates), false)
	part(c.Siblings, p.T("%d with siblings", c.Siblings), false)
	part(c.RYW, p.T("read your writes broken %d×", c.RYW), false)
	part(c.MR, p.T("monotonic reads broken %d×", c.MR), false)
	return parts
}

// verdictLines are the linearizability verdict of the history so far.
func (m *Model) verdictLines(w int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	v, stale := m.currentVerdict()
	if v == nil {
		return common.WrapLines(s.Status.Render(p.T("linearizable: checking…")), w, 1)
	}
	line := v.Line(p)
	if stale && v.Result != kv.NotLinearizable {
		// A history found broken stays broken; one found fine may not.
		line += " " + p.T("(as of operation %d; checking the newer…)", m.verdict.shown.ops)
	}
	style := s.ReadMark
	switch v.Result {
	case kv.NotLinearizable:
		style = s.StatusError
	case kv.Undecided:
		style = s.StatusWarn
	}
	return common.WrapLines(style.Render(line), w, 3)
}

// sentenceLines are the last event, numbered and timed.
func (m *Model) sentenceLines(w int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	ev := m.snap.Last
	if ev == nil {
		return common.WrapLines(s.Summary.Render(p.T("Nothing has happened yet: play with space, or step one event with →.")), w, 3)
	}
	head := p.T("#%d at %s:", locale.ID(ev.N), p.Duration(ev.At))
	return common.WrapLines(s.HeaderLesson.Render(head)+s.Item.Render(" "+ev.Said(p)), w, 3)
}

// recentLines are the n events before the last, oldest first, dim.
func (m *Model) recentLines(w, n int) []string {
	if n <= 0 || m.snap.Last == nil {
		return nil
	}
	if m.recent.sim != m.sim || m.recent.events != m.snap.Last.N || m.recent.lang != m.Com.Lang() || m.recent.w != w {
		s, p := m.Com.Styles, m.Com.Printer
		evs := m.sim.Recent(maxRecent + 1)
		m.recent.lines = m.recent.lines[:0]
		for _, ev := range evs[:max(len(evs)-1, 0)] {
			m.recent.lines = append(m.recent.lines, s.Status.Render(fit(" "+p.T("#%d at %s:", locale.ID(ev.N), p.Duration(ev.At))+" "+ev.Said(p), w)))
		}
		m.recent.sim, m.recent.events, m.recent.lang, m.recent.w = m.sim, m.snap.Last.N, m.Com.Lang(), w
	}
	lines := m.recent.lines
	return lines[max(len(lines)-n, 0):]
}

// flightLines are the messages in flight, as many as fit on n lines.
func (m *Model) flightLines(w, n int) []string {
	if n <= 0 || len(m.snap.Flights) == 0 {
		return nil
	}
	s, p := m.Com.Styles, m.Com.Printer
	var parts []string
	for i, f := range m.snap.Flights {
		part := s.ItemCurrent.Render(f.Label(p))
		if i == 0 {
			part = s.Status.Render(p.T("in flight:")+" ") + part
		}
		parts = append(parts, part)
	}
	return clip(common.Pack(w, " ", "   ", s.Status.Render(" · "), parts...), n, w)
}

// legendText says what the timeline's marks mean.
func (m *Model) legendText() string {
	return m.Com.T("[w3] a write of 3 · [r→2] a read that returned 2, from invocation to response · ! stale · ✗ refused, given up or lost · ∥ siblings · ▸ selected server · ┃ the partition")
}
