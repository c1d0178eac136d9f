package chatpane

import (
	"net"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/chat"
	"distlab/tui/common"
)

// View draws the cluster map, the clients' screens and the input line,
// and the challenge strip under them. It only reads what sample and the
// start command left: no IO.
func (m *Model) View() string {
	s := m.Com.Styles
	if v, done := m.Placeholder(); done {
		return v
	}
	w, h := m.Size()
	if m.engine() == nil {
		starting := m.Com.T("starting the cluster…")
		if m.onSeat() {
			starting = m.Com.T("joining the class's cluster…")
		}
		return common.Fit("\n "+s.Status.Render(starting), w, h)
	}
	strip := m.ChallengeStrip(w, h)
	demo := m.demoView(w, h-len(strip))
	if len(strip) == 0 {
		return demo
	}
	return demo + "\n" + strings.Join(strip, "\n")
}

// demoView is the demo itself in w×h cells. The clients' screens are the
// demo: in a pane too short for them under the full map, the map shrinks
// to one line and the join hint to its command; shorter still, a line
// says zoom shows them.
func (m *Model) demoView(w, h int) string {
	s := m.Com.Styles
	nodes, form := m.nodeLines()
	status, join := m.statusLines(w), m.joinLines(w, false)
	input := " " + s.Status.Render(m.Com.T("i/enter: type"))
	if m.typing() { // a long line scrolls to keep the cursor in view
		input = " " + m.Com.InputView(m.input, m.Com.T("say: "), max(w-1, 0))
	}
	gap := []string{""}
	room := func() int { return h - len(nodes) - len(status) - len(join) - len(gap) - 1 }
	if room() < minScreens {
		gap = nil
	}
	// The short figures ("2c 12g") say what they count, on a line or two
	// the clients' screens can spare (they keep legendRoom rows: a notice
	// pinned there needs them).
	if legend := m.figuresLegend(form); legend != "" {
		if lines := common.WrapLines(s.Summary.Render(legend), w, 3); len(lines) <= 2 && room()-len(lines) >= legendRoom {
			nodes = append(nodes, lines...)
		}
	}
	if room() < minScreens {
		if line, ok := m.compactNodes(w); ok {
			nodes = []string{line}
		}
		join = m.joinLines(w, true)
	}
	out := append(append(append(nodes, status...), join...), gap...)
	if room() >= minScreens {
		out = append(out, m.viewColumns(w, room())...)
	} else if room() >= 1 && len(m.snap.views) > 0 {
		out = append(out, " "+s.Summary.Render(common.FitLine(m.Com.T("z: zoom to see the clients' screens"), w-1)))
	}
	out = append(out, ansi.TruncateLeft(input, max(ansi.StringWidth(input)-w, 0), "…"))
	return common.Fit(strings.Join(out, "\n"), w, h)
}

// minScreens is the fewest rows the clients' screens are drawn in: a name
// and two lines.
const minScreens = 3

// legendRoom is the fewest rows the clients' screens keep under the
// legend of the short figures.
const legendRoom = 10

// joinLines is the hint for joining from another terminal, wrapped to w
// (the address must show whole: students type it); short is the command
// alone.
func (m *Model) joinLines(w int, short bool) []string {
	if len(m.join) == 0 {
		return nil
	}
	s := m.Com.Styles
	// The command's spaces do not break: a port on the line after its
	// host reads as another command.
	const nbsp = "\u00a0"
	cmd := strings.ReplaceAll("nc "+chat.NetcatAddr(m.joinAddr()), " ", nbsp)
	hint := strings.Replace(m.Com.T("join from another terminal: nc %s", "\x00"), "nc \x00", cmd, 1)
	if short {
		hint = cmd
	}
	var out []string
	for _, l := range strings.Split(ansi.Wrap(hint, w-2, " "), "\n") {
		out = append(out, " "+s.Summary.Render(strings.ReplaceAll(l, nbsp, " ")))
	}
	return out
}

// compactNodes is the cluster map on one line, each node its name and
// state symbol ("› n1 ●   n2 ✗   n3 ◌"), if it fits in w.
func (m *Model) compactNodes(w int) (string, bool) {
	s := m.Com.Styles
	var b strings.Builder
	for i, n := range m.snap.nodes {
		pointer := "  "
		if i == m.selected {
			pointer = "› "
		}
		symbol := s.ReadMark.Render("●")
		switch {
		case !n.Up:
			symbol = s.StatusError.Render("✗")
		case n.Frozen:
			symbol = s.StatusWarn.Render("◌")
		}
		b.WriteString(pointer + s.ItemCurrent.Render(n.ID) + " " + symbol + " ")
	}
	line := strings.TrimRight(b.String(), " ")
	return line, len(m.snap.nodes) > 0 && ansi.StringWidth(line) <= w
}

// joinAddr is where the join hint sends people: the selected node if it
// is up and not frozen, otherwise the next one after it that is (an nc to
// a crashed node is refused, one to a frozen node hangs), otherwise the
// selected one.
func (m *Model) joinAddr() string {
	for k := range len(m.join) {
		i := (m.selected + k) % len(m.join)
		if i >= len(m.snap.nodes) { // not sampled yet
			break
		}
		if r := m.snap.nodes[i]; r.Up && !r.Frozen {
			return m.join[i]
		}
	}
	return m.join[m.selected%len(m.join)]
}

// statusLines are the bots, the links and the pause, in at most three
// lines of w cells, each part on one line if it can: the words the
// lessons quote if they fit, shorter ones if not.
func (m *Model) statusLines(w int) []string {
	s := m.Com.Styles
	bots := s.Status.Render(m.Com.T("%d bots × %.1f msg/s", m.snap.bots, m.snap.rate))
	var long, short string
	switch m.snap.links {
	case chat.LinksVerySlow:
		long = s.StatusError.Render(m.Com.T("very slow links (0.3–3.3 s > 1 s timeout)"))
		short = s.StatusError.Render(m.Com.T("very slow links"))
	case chat.LinksSlow:
		long = s.StatusWarn.Render(m.Com.T("slow links ON (150–450 ms)"))
		short = s.StatusWarn.Render(m.Com.T("slow links ON"))
	default:
		long = s.Status.Render(m.Com.T("slow links off"))
		short = long
	}
	longParts, shortParts := []string{bots, long}, []string{bots, short}
	if m.inClass() { // one cluster for the whole class: say whose keys move it
		class := m.Com.T("the class's cluster")
		if m.onSeat() {
			class = m.Com.T("the class's cluster (the instructor controls its nodes)")
		}
		longParts = append([]string{s.Title.Render(class)}, longParts...)
		shortParts = append([]string{s.Title.Render(m.Com.T("class"))}, shortParts...)
	}
	if m.Paused() {
		paused := s.StatusWarn.Render(m.Com.T("paused"))
		longParts, shortParts = append(longParts, paused), append(shortParts, paused)
	}
	sep := s.Status.Render(" · ")
	lines := pack(longParts, sep, w-1)
	if len(lines) > 3 {
		lines = pack(shortParts, sep, w-1)
	}
	if len(lines) > 3 {
		return common.WrapLines(strings.Join(shortParts, sep), w, 3) // a very narrow pane: wrapped, "…" at the end
	}
	for i, l := range lines {
		lines[i] = common.FitLine(" "+l, w)
	}
	return lines
}

// pack puts parts on lines of at most w cells, joined by sep, each part
// whole on one line if it fits in one, wrapped on lines of its own if not.
func pack(parts []string, sep string, w int) []string {
	var lines []string
	for _, p := range parts {
		if n := len(lines); n > 0 && ansi.StringWidth(lines[n-1]+sep+p) <= w {
			lines[n-1] += sep + p
			continue
		}
		lines = append(lines, strings.Split(lipgloss.Wrap(p, max(w, 1), ""), "\n")...)
	}
	return lines
}

// The forms of a node row's figures, from the widest.
const (
	figuresWide     = iota // 2 clients · 12 goroutines · 0.5 msg/s from its clients · 340 relayed
	figuresNarrow          // 2c 12g 0.5/s
	figuresNarrower        // 2c 0.5/s
	figuresRate            // 0.5/s
	figuresNone
)

// figuresLegend says what the short forms of the figures count, or "" for
// the wide form, which says it itself.
func (m *Model) figuresLegend(form int) string {
	switch form {
	case figuresNarrow:
		return m.Com.T("c clients · g goroutines · /s msg/s from its clients")
	case figuresNarrower:
		return m.Com.T("c clients · /s msg/s from its clients")
	case figuresRate:
		return m.Com.T("/s msg/s from its clients")
	}
	return ""
}

// nodeLines are the cluster map's rows, their figures all in one form:
// the widest that every row can show whole, which it returns.
func (m *Model) nodeLines() ([]string, int) {
	form := figuresWide
	for i, n := range m.snap.nodes {
		_, f := m.nodeLine(i, n, figuresWide)
		form = max(form, f)
	}
	var out []string
	for i, n := range m.snap.nodes {
		line, _ := m.nodeLine(i, n, form)
		out = append(out, line)
	}
	return out, form
}

// nodeLine is one row of the cluster map: the node's state, where it
// listens and its figures in form or a narrower one, as much as fits. The
// host goes first (the join line has it), then the port, then the
// figures narrow, the words of its state (its symbol stays) and whom it
// suspects; its messages a second go last. It returns the form used.
func (m *Model) nodeLine(i int, n nodeRow, form int) (string, int) {
	s := m.Com.Styles
	w, _ := m.Size()
	pointer := "  "
	if i == m.selected {
		pointer = "› "
	}
	state, symbol := s.ReadMark.Render(m.Com.T("● up")), s.ReadMark.Render("●")
	switch {
	case !n.Up:
		state, symbol = s.StatusError.Render(m.Com.T("✗ DOWN")), s.StatusError.Render("✗")
	case n.Frozen:
		state, symbol = s.StatusWarn.Render(m.Com.T("◌ FROZEN")), s.StatusWarn.Render("◌")
	}
	suspects, shortSuspects := "", ""
	if n.Up && !n.Frozen && n.Suspects != "" { // up, but its failure detector takes peers for down
		suspects = " " + s.StatusWarn.Render(m.Com.T("suspects %s", n.Suspects))
		shortSuspects = " " + s.StatusWarn.Render("⚠"+strings.ReplaceAll(n.Suspects, " ", ""))
	}
	rate := m.rates.rate(i)
	figures := make([]string, figuresNone+1)
	if n.Up {
		figures[figuresWide] = s.Status.Render("  " + m.Com.T("%d clients", n.Clients) + " · " + m.Com.T("%d goroutines", n.Goroutines) +
			" · " + m.Com.T("%.1f msg/s from its clients", rate) + " · " + m.Com.T("%d relayed", n.Relayed))
		figures[figuresNarrow] = s.Status.Render(" " + m.Com.T("%dc %dg %.1f/s", n.Clients, n.Goroutines, rate))
		figures[figuresNarrower] = s.Status.Render(" " + m.Com.T("%dc %.1f/s", n.Clients, rate))
		figures[figuresRate] = s.Status.Render(" " + m.Com.T("%.1f/s", rate))
	}
	addr, port := n.Addr, ""
	if _, p, err := net.SplitHostPort(addr); err == nil {
		port = ":" + p
	}
	id := pointer + s.ItemCurrent.Render(n.ID) + " "
	type row struct {
		state, addr string
		form        int
	}
	var rows []row
	if w >= 96 { // narrower, the rows keep one look whatever the nodes suspect
		rows = append(rows, row{state + suspects, addr, figuresWide}, row{state + suspects, port, figuresWide},
			row{state + shortSuspects, port, figuresWide}, row{state + shortSuspects, "", figuresWide})
	}
	rows = append(rows,
		row{state + shortSuspects, addr, figuresNarrow}, row{state + shortSuspects, port, figuresNarrow},
		row{state + shortSuspects, "", figuresNarrow}, row{state + shortSuspects, "", figuresNarrower},
		row{symbol + shortSuspects, "", figuresNarrower}, row{symbol, "", figuresRate}, row{symbol, "", figuresNone})
	var line string
	used := figuresNone
	for _, r := range rows {
		if r.form < form {
			continue
		}
		gap := "  "
		if r.addr == "" {
			gap = ""
		}
		if line, used = id+r.state+gap+r.addr+figures[r.form], r.form; ansi.StringWidth(line) <= w {
			break
		}
	}
	if !n.Up {
		used = form // no figures: any form fits it as well
	}
	line = common.FitLine(line, w)
	if i == m.selected && m.Focused() {
		line = s.ItemSelected.Render(ansi.Strip(line))
	}
	return line, used
}
