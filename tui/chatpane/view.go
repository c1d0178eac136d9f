package chatpane

import (
	"math"
	"net"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/chat"
	"distlab/tui/common"
)

// snapshot is what the pane draws, sampled from the engine.
type snapshot struct {
	nodes   []nodeRow
	handled []uint64 // per node: messages handled so far, for the rates; not drawn
	views   []viewSnap
	bots    int
	rate    float64
	links   chat.LinkSpeed
}

// nodeRow is what the cluster map shows of a node.
type nodeRow struct {
	ID, Addr   string
	Up, Frozen bool
	Suspects   string // the peers it takes for down, "n2, n3"
	Clients    int
	Goroutines int64
	Relayed    uint64
}

type viewSnap struct {
	name, node string // node: the id of the node the client is on, "…" while failing over
	total      int    // lines the client ever showed: the lines change only with it
	lines      []string
}

// equal reports whether s and o draw the same.
func (s snapshot) equal(o snapshot) bool {
	return slices.Equal(s.nodes, o.nodes) && s.bots == o.bots && s.rate == o.rate && s.links == o.links &&
		slices.EqualFunc(s.views, o.views, func(a, b viewSnap) bool {
			return a.name == b.name && a.node == b.node && a.total == b.total
		})
}

// sample reads the engine's state. No per-message event ever reaches the
// UI: counters and each client's last lines are read here.
func (m *Model) sample() {
	d := m.cluster
	if d == nil {
		return
	}
	s := snapshot{links: d.Links()}
	s.bots, s.rate = d.Bots()
	byAddr := map[string]string{}
	for i, n := range d.Nodes() {
		st := n.Stats()
		addr := st.Addr
		if i < len(m.join) {
			addr = m.join[i] // where people reach it: never 0.0.0.0
		}
		s.nodes = append(s.nodes, nodeRow{ID: st.ID, Addr: addr, Up: st.Up, Frozen: st.Frozen, Suspects: strings.Join(n.Suspects(), ", "),
			Clients: st.Clients, Goroutines: st.Goroutines, Relayed: st.Relayed})
		s.handled = append(s.handled, st.Received+st.Relayed)
		byAddr[chat.LocalAddr(st.Addr)] = st.ID // as the watching clients dial it
	}
	for _, v := range d.Views() {
		lines, total := v.Lines(60)
		node := byAddr[v.Node()]
		if node == "" {
			node = "…"
		}
		s.views = append(s.views, viewSnap{name: v.Name, node: node, total: total, lines: lines})
	}
	m.snap = s
}

// rateEvery is how often the rates are recomputed: often enough to follow
// a change of the bots' pace, seldom enough that the digits can be read
// (and that a steady cluster costs few redraws).
const rateEvery = 500 * time.Millisecond

// rateWindow is how far back a rate looks. The bots post in step (every
// 1/rate seconds, all at once: the lessons want their lines to race), so a
// rate over less than their period jumps between bursts and silences
// (0.5 and 2.0 msg/s for a true 2.0); over 4 s, whole periods of 2 s and
// less are counted.
const rateWindow = 4 * time.Second

// rates are each node's messages handled a second, over rateWindow.
type rates struct {
	samples []rateSample // one per rateEvery, the oldest first, at most a window's
	perSec  []float64
}

type rateSample struct {
	at      time.Time
	handled []uint64
}

// update counts handled if rateEvery has passed since the last count,
// recomputes the rates, and reports whether a rate as drawn (one decimal)
// changed. After a long gap (the pane was hidden or paused) it starts
// counting again.
func (r *rates) update(now time.Time, handled []uint64) bool {
	if n := len(r.samples); n > 0 {
		last := r.samples[n-1]
		if len(last.handled) != len(handled) || now.Sub(last.at) > 5*rateEvery {
			r.samples = nil // other nodes, or a gap: what was counted says nothing now
		} else if now.Sub(last.at) < rateEvery {
			return false
		}
	}
	r.samples = append(r.samples, rateSample{at: now, handled: slices.Clone(handled)})
	for len(r.samples) > 1 && now.Sub(r.samples[1].at) >= rateWindow {
		r.samples = r.samples[1:] // keep one at or before the window's start
	}
	if len(r.perSec) != len(handled) {
		r.perSec = make([]float64, len(handled))
	}
	first := r.samples[0]
	dt := now.Sub(first.at).Seconds()
	changed := false
	for i, h := range handled {
		x := 0.0
		if dt > 0 && h >= first.handled[i] { // a counter never goes back; be safe
			x = float64(h-first.handled[i]) / dt
		}
		changed = changed || math.Round(r.perSec[i]*10) != math.Round(x*10)
		r.perSec[i] = x
	}
	return changed
}

// rate is node i's rate.
func (r *rates) rate(i int) float64 {
	if i < len(r.perSec) {
		return r.perSec[i]
	}
	return 0
}

// View draws the cluster map, the clients' screens and the input line.
// It only reads what sample and the start command left: no IO.
func (m *Model) View() string {
	s := m.Com.Styles
	if v, done := m.Placeholder(); done {
		return v
	}
	w, h := m.Size()
	if m.cluster == nil {
		return common.Fit("\n "+s.Status.Render(m.Com.T("starting the cluster…")), w, h)
	}
	var top []string
	for i, n := range m.snap.nodes {
		top = append(top, m.nodeLine(i, n))
	}
	status := m.Com.T("%d bots × %.1f msg/s", m.snap.bots, m.snap.rate)
	switch m.snap.links {
	case chat.LinksVerySlow:
		status += " · " + s.StatusError.Render(m.Com.T("very slow links (0.3–3.3 s > 1 s timeout)"))
	case chat.LinksSlow:
		status += " · " + s.StatusWarn.Render(m.Com.T("slow links ON (150–450 ms)"))
	default:
		status += " · " + m.Com.T("slow links off")
	}
	if m.Paused() {
		status += " · " + s.StatusWarn.Render(m.Com.T("paused"))
	}
	top = append(top, common.WrapLines(s.Status.Render(status), w, 2)...) // a narrow pane wraps, never cuts
	if len(m.join) > 0 {                                                  // the address must show whole: students type it
		addr := chat.NetcatAddr(m.join[m.selected%len(m.join)])
		for _, l := range strings.Split(ansi.Wrap(m.Com.T("join from another terminal: nc %s", addr), w-2, " "), "\n") {
			top = append(top, " "+s.Summary.Render(l))
		}
	}
	input := " " + s.Status.Render(m.Com.T("i/enter: type"))
	if m.typing() { // a long line scrolls to keep the cursor in view
		input = " " + m.Com.InputView(m.input, m.Com.T("say: "), max(w-1, 0))
	}
	viewsH := h - len(top) - 2
	out := top
	out = append(out, "")
	if viewsH >= 3 {
		out = append(out, m.viewColumns(w, viewsH)...)
	}
	out = append(out, ansi.TruncateLeft(input, max(ansi.StringWidth(input)-w, 0), "…"))
	return common.Fit(strings.Join(out, "\n"), w, h)
}

// nodeLine is one row of the cluster map.
func (m *Model) nodeLine(i int, n nodeRow) string {
	s := m.Com.Styles
	w, _ := m.Size()
	pointer := "  "
	if i == m.selected {
		pointer = "› "
	}
	state := s.ReadMark.Render(m.Com.T("● up"))
	switch {
	case !n.Up:
		state = s.StatusError.Render(m.Com.T("✗ DOWN"))
	case n.Frozen:
		state = s.StatusWarn.Render(m.Com.T("◌ FROZEN"))
	case n.Suspects != "" && w >= 96: // up, but its failure detector takes peers for down
		state += " " + s.StatusWarn.Render(m.Com.T("suspects %s", n.Suspects))
	case n.Suspects != "": // narrow: the figures must still fit
		state += " " + s.StatusWarn.Render("⚠"+strings.ReplaceAll(n.Suspects, " ", ""))
	}
	rate := m.rates.rate(i)
	var figures string
	switch {
	case !n.Up:
	case w >= 96:
		figures = s.Status.Render("  " + m.Com.T("%d clients · %d goroutines · %.1f msg/s · %d relayed",
			n.Clients, n.Goroutines, rate, n.Relayed))
	default: // narrow: numbers first, short units
		figures = s.Status.Render(" " + m.Com.T("%dc %dg %.1f/s", n.Clients, n.Goroutines, rate))
	}
	addr := n.Addr
	head := pointer + s.ItemCurrent.Render(n.ID) + " " + state + "  "
	if _, port, err := net.SplitHostPort(addr); err == nil && ansi.StringWidth(head+addr+figures) > w {
		addr = ":" + port // the host is in the join line; the figures are not cut
	}
	if ansi.StringWidth(head+addr+figures) > w {
		addr = "" // and then the port, for whom a node suspects
	}
	line := head + addr + figures
	line = common.FitLine(line, w)
	if i == m.selected && m.Focused() {
		line = s.ItemSelected.Render(ansi.Strip(line))
	}
	return line
}

// viewColumns draws each watching client's last lines side by side: where
// they differ in order, the cluster delivered concurrent messages
// differently.
func (m *Model) viewColumns(w, h int) []string {
	s := m.Com.Styles
	views := m.snap.views
	n := min(len(views), max(w/26, 1))
	if n == 0 {
		return nil
	}
	colW := w / n
	cols := make([][]string, n)
	swapped := outOfOrder(views[:n])
	for i := range n {
		v := views[i]
		cw := colW
		if i == n-1 {
			cw = w - colW*(n-1)
		}
		name := v.name
		if i == 0 {
			name = m.Com.T("you")
		}
		head := common.FitLine(" "+s.Title.Render(name+"@"+v.node), cw)
		var body []string
		for _, l := range v.lines {
			l = chat.Clean(l) // again, before display
			if len(l) > 9 && l[2] == ':' && l[5] == ':' {
				l = l[9:] // the time: the column needs the room more
			}
			mark := " "
			if i > 0 && swapped[i][l] {
				mark = s.StatusWarn.Render("≠")
			}
			for k, wl := range strings.Split(ansi.Wrap(l, cw-2, " "), "\n") {
				if k > 0 {
					mark = " "
				}
				body = append(body, mark+s.Item.Render(wl))
			}
		}
		if len(body) > h-1 {
			body = body[len(body)-(h-1):]
		}
		col := []string{head}
		for _, b := range body {
			col = append(col, common.FitLine(b, cw))
		}
		for len(col) < h {
			col = append(col, strings.Repeat(" ", cw))
		}
		cols[i] = col
	}
	rows := make([]string, h)
	for r := range h {
		var b strings.Builder
		for c := range n {
			b.WriteString(cols[c][r])
		}
		rows[r] = b.String()
	}
	return rows
}

// outOfOrder marks, for each view after the first, the messages it shows
// in another order than the first view does: a pair both saw, in opposite
// orders. With slow links on, this is the lesson on time made visible.
func outOfOrder(views []viewSnap) []map[string]bool {
	out := make([]map[string]bool, len(views))
	if len(views) == 0 {
		return out
	}
	pos := map[string]int{}
	for i, l := range messages(views[0].lines) {
		pos[l] = i
	}
	for v := 1; v < len(views); v++ {
		out[v] = map[string]bool{}
		msgs := messages(views[v].lines)
		for i, a := range msgs {
			pa, ok := pos[a]
			if !ok {
				continue
			}
			for _, b := range msgs[i+1:] {
				if pb, ok := pos[b]; ok && pb < pa {
					out[v][a], out[v][b] = true, true
				}
			}
		}
	}
	return out
}

// messages are the chat lines of a view, without their time, as drawn.
func messages(lines []string) []string {
	var out []string
	for _, l := range lines {
		l = chat.Clean(l)
		if len(l) > 9 && l[2] == ':' && l[5] == ':' {
			out = append(out, l[9:])
		}
	}
	return out
}
