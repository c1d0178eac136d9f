package raftpane

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/raft"
	"distlab/tui/common"
)

// The smallest pane the demo draws in; a smaller one says so.
const (
	minWidth  = 36
	minHeight = 10
)

// maxHistory is the most earlier events a tall pane lists above the last.
const maxHistory = 40

// viewCache keeps what only changes with an event, the width or the
// language, so a frame that only moves the clock does not rebuild it.
type viewCache struct {
	in *inks

	key      textKey
	sentence []string
	verdict  []string
	about    []string
	clients  []string
	legend   []string

	historyKey historyKey
	history    []string
}

// textKey is what the cached texts depend on.
type textKey struct {
	events, w int
	lang      locale.Lang
	scripted  bool
	sim       *raft.Sim
}

// historyKey is what the cached history depends on.
type historyKey struct {
	events, w, n int
	lang         locale.Lang
	sim          *raft.Sim
}

// inks are the pane's inks for the current theme.
func (m *Model) inks() *inks {
	if m.cache.in == nil || m.cache.in.styles != m.Com.Styles {
		m.cache.in = newInks(m.Com.Styles)
	}
	return m.cache.in
}

// View draws the status line, the nodes, the messages in flight, the
// last event's sentence and the safety verdict, and the challenge strip
// under them.
func (m *Model) View() string {
	w, h := m.Size()
	if v, done := m.Placeholder(); done {
		return v
	}
	if w < minWidth || h < minHeight {
		text := m.Com.T("Enlarge this pane to at least %d×%d to see the Raft cluster (z zooms it).", minWidth, minHeight)
		return common.Fit(strings.Join(common.WrapLines(m.Com.Styles.Enlarge.Render(text), w, h), "\n"), w, h)
	}
	strip := m.ChallengeStrip(w, h)
	body := firstRows(m.body(w, h-len(strip)), h-len(strip), w)
	blank := strings.Repeat(" ", w)
	for len(body) < h-len(strip) {
		body = append(body, blank)
	}
	body = append(body, strip...) // every line is w cells already: no need to measure them again
	return strings.Join(body, "\n")
}

// body is the demo's lines in w×h: the status, the nodes and the verdict
// always; the sentence, the chooser's prompt, the messages, the scenario's
// point, the clients, the legend and the history as the height allows, in
// that order of need.
func (m *Model) body(w, h int) []string {
	status := m.statusLines(w)
	nodes := m.nodeLines(w)
	prompt := m.promptLines(w)
	left := h - len(status) - len(nodes) - len(prompt) - 1 - 1 - 1 // verdict, sentence, network
	take := func(want int) int {
		n := min(max(want, 0), max(left, 0))
		left -= n
		return n
	}
	scripted := m.snap.Scripted && m.current() != nil && !m.choosing.IsOpen()
	m.texts(w, scripted)
	sentenceRows := 1 + take(len(m.cache.sentence)-1)
	verdictRows := min(len(m.cache.verdict), 1+take(len(m.cache.verdict)-1))
	flightNeed := m.flightRows(w)
	flightRows := take(min(flightNeed, 2))
	aboutRows := take(len(m.cache.about))
	clients := m.cache.clients
	clientRows := take(len(clients))
	flightRows += take(flightNeed - flightRows)
	legendRows := take(len(m.cache.legend))
	gap1, gap2 := take(1), take(1)
	history := m.history(w, take(min(maxHistory, m.snap.Events-1)))

	blank := strings.Repeat(" ", w)
	out := append([]string{}, status...)
	out = append(out, nodes...)
	out = append(out, prompt...)
	if gap1 > 0 {
		out = append(out, blank)
	}
	out = append(out, m.flightLines(w, flightRows)...)
	if gap2 > 0 {
		out = append(out, blank)
	}
	out = append(out, history...)
	out = append(out, firstRows(m.cache.sentence, sentenceRows, w)...)
	out = append(out, firstRows(m.cache.verdict, verdictRows, w)...)
	out = append(out, firstRows(m.cache.about, aboutRows, w)...)
	out = append(out, firstRows(clients, clientRows, w)...)
	out = append(out, firstRows(m.cache.legend, legendRows, w)...)
	return out
}

// firstRows is the first n of a text's lines, each w cells wide. When
// that leaves some out, the last one shown ends with "…" (in place of its
// last cell if it is full), so that a reader knows the text goes on.
func firstRows(lines []string, n, w int) []string {
	switch {
	case n >= len(lines):
		return lines
	case n <= 0:
		return nil
	}
	out := slices.Clone(lines[:n])
	last := out[n-1]
	text := min(ansi.StringWidth(strings.TrimRight(ansi.Strip(last), " ")), w-1)
	out[n-1] = common.FitLine(ansi.Truncate(last, text, "")+"…", w)
	return out
}

// texts fills the cache's sentence, verdict and scenario text for the
// run as it is, each wrapped to w in as many lines as it needs up to a
// few, if anything they depend on changed.
func (m *Model) texts(w int, scripted bool) {
	k := textKey{events: m.snap.Events, w: w, lang: m.Com.Lang(), scripted: scripted, sim: m.sim}
	if k == m.cache.key && m.cache.sentence != nil {
		return
	}
	m.cache.key = k
	s, p := m.Com.Styles, m.Com.Printer
	rows := 4
	if w < 60 {
		rows = 6
	}
	if ev := m.snap.Last; ev != nil {
		m.cache.sentence = common.WrapLines(m.eventText(*ev, true), w, rows)
	} else {
		m.cache.sentence = common.WrapLines(s.Summary.Render(p.T("Nothing has happened yet: play with space, or step one event with →.")), w, rows)
	}
	if v := m.snap.Violation; v != nil {
		m.cache.verdict = common.WrapLines(s.StatusError.Render(m.sim.Verdict(p)), w, rows)
	} else {
		m.cache.verdict = common.WrapLines(s.ReadMark.Render(m.sim.Verdict(p)+" · "+p.T("%d checks", m.snap.Checks)), w, 1)
	}
	m.cache.about = nil
	if sc := m.current(); sc != nil && scripted {
		m.cache.about = common.WrapLines(s.Summary.Render(sc.About(p)), w, rows)
	}
	m.cache.clients = m.clientLine(w)
	m.cache.legend = m.legend(w)
	m.cache.history, m.cache.historyKey = nil, historyKey{}
}

// history is the n events before the last, one line each, oldest first.
func (m *Model) history(w, n int) []string {
	if n <= 0 {
		return nil
	}
	k := historyKey{events: m.snap.Events, w: w, n: n, lang: m.Com.Lang(), sim: m.sim}
	if k == m.cache.historyKey {
		return m.cache.history
	}
	s := m.Com.Styles
	m.cache.history = m.cache.history[:0]
	recent := m.sim.Recent(n + 1)
	for _, ev := range recent[:max(len(recent)-1, 0)] {
		m.cache.history = append(m.cache.history, common.Ellipsis(" "+s.Status.Render(m.eventText(ev, false)), w))
	}
	m.cache.historyKey = k
	return m.cache.history
}

// eventText is an event's number, time and sentence; the last event's
// stands out, the history's are dim.
func (m *Model) eventText(ev raft.Event, last bool) string {
	s, p := m.Com.Styles, m.Com.Printer
	head := p.T("#%d at %s:", locale.ID(ev.N), p.Duration(ev.At))
	if ev.Scripted {
		head = p.T("#%d at %s, the scenario:", locale.ID(ev.N), p.Duration(ev.At))
	}
	said := ev.Said(p)
	if !last {
		return head + " " + said
	}
	return s.HeaderLesson.Render(head) + s.Item.Render(" "+said)
}

// statusLines are the run's settings and state: the scenario, the
// cluster's size, the seed, the bug if one is on, the event, the display
// clock and the speed; or, until the next key, why a key did nothing.
func (m *Model) statusLines(w int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	if m.notice != "" {
		return common.WrapLines(s.StatusWarn.Render(m.notice), w, 2)
	}
	title := p.T("Free run") // a title, as the scenarios' are
	if sc := m.current(); sc != nil {
		title = sc.Title(p)
	}
	state := p.T("▶ playing %s×", m.play.SpeedText(p))
	if !m.Animating() {
		state = p.T("⏸ paused (speed %s×)", m.play.SpeedText(p))
	}
	parts := []string{s.HeaderLesson.Render(title), s.Status.Render(p.T("%d nodes", len(m.snap.Nodes))),
		s.Status.Render(p.T("seed %d", m.snap.Seed))}
	if b := bugName(p, m.snap.Bug); b != "" {
		parts = append(parts, s.StatusError.Render(b))
	}
	parts = append(parts, s.Status.Render(p.T("event %d", locale.ID(m.snap.Events))),
		s.Status.Render(p.T("time %s", p.Duration(m.play.Clock))), s.Status.Render(state))
	lines := common.Pack(w, " ", " ", s.Status.Render(" · "), parts...)
	for i, l := range lines {
		lines[i] = common.Ellipsis(l, w) // a scenario's title wider than the pane
	}
	return lines
}

// bugName is the bug the run has, "" for none.
func bugName(p *locale.Printer, b raft.Bug) string {
	switch b {
	case raft.BugCountOldTerm:
		return p.T("bug: commits old-term entries by counting")
	case raft.BugForgetVote:
		return p.T("bug: forgets its vote on restart")
	}
	return ""
}

// promptLines are the partition chooser's prompt while it is open.
func (m *Model) promptLines(w int) []string {
	if !m.choosing.IsOpen() {
		return nil
	}
	s, p := m.Com.Styles, m.Com.Printer
	text := p.T("Partition: press the numbers of the nodes to cut off (1–%d), enter to cut, esc to cancel.", len(m.snap.Nodes))
	if len(m.choosing.Side()) > 0 {
		names := make([]string, len(m.choosing.Side()))
		for i, id := range m.choosing.Side() {
			names[i] = raft.Name(id)
		}
		text = p.T("Partition: cut off %s from the rest · more numbers, enter to cut, esc to cancel.", strings.Join(names, ", "))
	}
	return common.WrapLines(s.StatusWarn.Render(text), w, 2)
}

// clientLine is the last clients' requests and their answers, none before
// the first.
func (m *Model) clientLine(w int) []string {
	reqs := m.snap.Requests
	if len(reqs) == 0 {
		return nil
	}
	s, p := m.Com.Styles, m.Com.Printer
	var b strings.Builder
	b.WriteString(s.Status.Render(p.T("clients:")))
	for _, r := range reqs[max(len(reqs)-4, 0):] {
		what := p.T("%s at %s", r.Cmd.String(), raft.Name(r.Node))
		switch {
		case r.Done && r.Cmd.Op == "get":
			b.WriteString(" " + s.ReadMark.Render(p.T("%s → %s ✓", what, r.Result)))
		case r.Done:
			b.WriteString(" " + s.ReadMark.Render(p.T("%s ✓ committed", what)))
		case r.TimedOut:
			b.WriteString(" " + s.StatusError.Render(p.T("%s ✗ no answer, given up", what)))
		case r.Failed:
			b.WriteString(" " + s.StatusError.Render(p.T("%s ✗ failed", what)))
		default:
			b.WriteString(" " + s.Item.Render(p.T("%s … waiting", what)))
		}
		b.WriteString(s.Status.Render(" ·"))
	}
	return []string{common.Ellipsis(" "+strings.TrimSuffix(b.String(), s.Status.Render(" ·")), w)}
}

// legend says what the marks mean, on two lines at most.
func (m *Model) legend(w int) []string {
	s, p := m.Com.Styles, m.Com.Printer
	text := p.T("★ leader ◇ candidate ○ follower ✗ crashed · log index:term, committed in green · c= commit index · ▰ election timer · ● a message on its way")
	return common.WrapLines(s.Status.Render(text), w, 2)
}
