package chatpane

import (
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/chat"
	"distlab/demos/locale"
	"distlab/tui/common"
)

// snapshot is what the pane draws, sampled from the engine.
type snapshot struct {
	nodes []chat.NodeStats
	views []viewSnap
	bots  int
	rate  float64
	slow  bool
}

type viewSnap struct {
	name, node string // node: the id of the node the client is on, "…" while failing over
	lines      []string
}

// sample reads the engine's state; rates come from the difference since
// the last sample (smoothed), so no per-message event ever reaches the UI.
func (m *Model) sample() {
	d := m.demo
	if d == nil {
		return
	}
	s := snapshot{slow: d.SlowLinks()}
	s.bots, s.rate = d.Bots()
	byAddr := map[string]string{}
	for _, n := range d.Nodes() {
		st := n.Stats()
		s.nodes = append(s.nodes, st)
		byAddr[st.Addr] = st.ID
	}
	for _, v := range d.Views() {
		lines, _ := v.Lines(60)
		node := byAddr[v.Node()]
		if node == "" {
			node = "…"
		}
		s.views = append(s.views, viewSnap{name: v.Name, node: node, lines: lines})
	}
	now := time.Now()
	if len(m.rates) != len(s.nodes) {
		m.rates, m.prev = make([]float64, len(s.nodes)), make([]uint64, len(s.nodes))
	}
	dt := now.Sub(m.prevAt).Seconds()
	for i, st := range s.nodes {
		handled := st.Received + st.Relayed
		if dt > 0.05 && !m.prevAt.IsZero() {
			r := float64(handled-m.prev[i]) / dt
			m.rates[i] = 0.7*m.rates[i] + 0.3*r
		}
		m.prev[i] = handled
	}
	if dt > 0.05 || m.prevAt.IsZero() {
		m.prevAt = now
	}
	m.snap = s
}

// Title names the demo (and which one, when two run).
func (m *Model) Title() string {
	t := m.com.Text.ChatTitle
	if m.instance > 1 {
		t += fmt.Sprintf(" #%d", m.instance)
	}
	return t
}

// View draws the cluster map, the clients' screens and the input line.
func (m *Model) View() string {
	s, t := m.com.Styles, m.com.Text
	w, h := m.width, m.height
	if v, done := m.com.Placeholder(m.err, w, h); done {
		return v
	}
	if m.demo == nil {
		return common.Fit("\n "+s.Status.Render(t.ChatStarting), w, h)
	}
	var top []string
	for i, n := range m.snap.nodes {
		top = append(top, m.nodeLine(i, n))
	}
	status := locale.Decimals(t.Lang, fmt.Sprintf(t.ChatBots, m.snap.bots, m.snap.rate))
	if m.snap.slow {
		status += " · " + s.StatusWarn.Render(t.ChatSlowOn)
	} else {
		status += " · " + t.ChatSlowOff
	}
	if m.paused {
		status += " · " + s.StatusWarn.Render(t.ChatPaused)
	}
	top = append(top, " "+s.Status.Render(status))
	if len(m.snap.nodes) > 0 { // the address must show whole: students type it
		addr := ncAddr(chat.JoinAddrs(m.snap.nodes[m.selected%len(m.snap.nodes)].Addr)[0])
		for _, l := range strings.Split(ansi.Wrap(fmt.Sprintf(t.ChatJoin, addr), w-2, " "), "\n") {
			top = append(top, " "+s.Summary.Render(l))
		}
	}
	input := " " + s.Status.Render("i/enter: "+t.ChatType)
	if m.typing() { // a long line scrolls to keep the cursor in view
		input = " " + m.com.InputView(m.input, t.ChatPrompt, max(w-1, 0))
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
func (m *Model) nodeLine(i int, n chat.NodeStats) string {
	s, t := m.com.Styles, m.com.Text
	pointer := "  "
	if i == m.selected {
		pointer = "› "
	}
	state := s.ReadMark.Render("● " + t.ChatUp)
	switch {
	case !n.Up:
		state = s.StatusError.Render("✗ " + t.ChatDown)
	case n.Frozen:
		state = s.StatusWarn.Render("◌ " + t.ChatFrozen)
	}
	rate := 0.0
	if i < len(m.rates) {
		rate = m.rates[i]
	}
	line := fmt.Sprintf("%s%s %s  %s", pointer, s.ItemCurrent.Render(n.ID), state, n.Addr)
	switch {
	case !n.Up:
	case m.width >= 96:
		clients := t.ChatClients
		if n.Clients == 1 {
			clients = t.ChatClient
		}
		line += s.Status.Render(locale.Decimals(t.Lang, fmt.Sprintf("  %d %s · %d %s · %.1f %s · %d %s", n.Clients, clients,
			n.Goroutines, t.ChatGoroutines, rate, t.ChatRate, n.Relayed, t.ChatRelays)))
	default: // narrow: numbers first, short units
		line += s.Status.Render(locale.Decimals(t.Lang, fmt.Sprintf(" %dc %dg %.1f/s", n.Clients, n.Goroutines, rate)))
	}
	line = common.FitLine(line, m.width)
	if i == m.selected && m.focused {
		line = s.ItemSelected.Render(ansi.Strip(line))
	}
	return line
}

// viewColumns draws each watching client's last lines side by side: where
// they differ in order, the cluster delivered concurrent messages
// differently.
func (m *Model) viewColumns(w, h int) []string {
	s := m.com.Styles
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
			name = m.com.Text.ChatYou
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

// ncAddr is host:port as netcat wants it: "host port".
func ncAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	return host + " " + port
}
