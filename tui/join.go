package tui

import (
	"net"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/tui/banner"
	"distlab/tui/common"
)

// joinOverlay is the join banner (J): where students join the running chat
// demo, over the whole screen, readable from the back of the room. The
// address to type is in block letters — the node with the fewest clients,
// so that a class spreads over the cluster as it joins — with every node
// below it, the commands to type, and a QR code of the address. It reads
// the nodes again every second while it is up; any key closes it.
type joinOverlay struct{}

// joinTickMsg refreshes the banner's nodes; seq is the opening it belongs
// to, so that closing and opening again keeps one tick going, not two.
type joinTickMsg struct{ seq int }

// joinEvery is how often the banner reads the nodes again.
const joinEvery = time.Second

func (joinOverlay) update(m *Model, msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return closeOverlays[joinOverlay](m)
	}
	return nil
}

func (joinOverlay) keys(*Model) []key.Binding   { return nil }
func (joinOverlay) passes(*Model) []key.Binding { return nil }
func (joinOverlay) covers() bool                { return true }

// openJoin shows the join banner, or says why there is nothing to join.
func (m *Model) openJoin() tea.Cmd {
	m.joinNodes = m.collectJoin()
	if len(m.joinNodes) == 0 && m.cfg.JoinSSH == "" {
		return m.setStatus(false, "%s", m.com.T("no chat demo is running: open it (D) to show the class where to join"))
	}
	m.joinSeq++
	return tea.Batch(m.push(joinOverlay{}), m.joinTick())
}

func (m *Model) joinTick() tea.Cmd {
	seq := m.joinSeq
	return m.com.Tick(joinEvery, func(time.Time) tea.Msg { return joinTickMsg{seq} })
}

// joinTicked reads the nodes again while the banner is up.
func (m *Model) joinTicked(msg joinTickMsg) tea.Cmd {
	if !hasOverlay[joinOverlay](m) || msg.seq != m.joinSeq {
		return nil
	}
	m.joinNodes = m.collectJoin()
	return m.joinTick()
}

// collectJoin is every node of the open demos that a class can join.
func (m *Model) collectJoin() []common.JoinNode {
	var out []common.JoinNode
	for _, s := range m.slots {
		if j, ok := s.pane.(common.Joiner); ok {
			out = append(out, j.JoinNodes()...)
		}
	}
	return out
}

// joinWho is "in: 3 students — ana, bruno, zoe", the newest last, or "".
func (m *Model) joinWho() string {
	var nicks []string
	for _, s := range m.slots {
		if j, ok := s.pane.(common.Joiner); ok {
			for _, e := range j.Roster() {
				nicks = append(nicks, e.Nick)
			}
		}
	}
	if len(nicks) == 0 {
		return ""
	}
	return m.com.Styles.Status.Render(m.com.T("in: %d students", len(nicks))+" — ") + m.com.Styles.Item.Render(strings.Join(nicks, ", "))
}

// suggested is the node to send the next student to: the one up with the
// fewest clients, the first of them on a tie.
func suggested(nodes []common.JoinNode) (common.JoinNode, bool) {
	best, ok := common.JoinNode{}, false
	for _, n := range nodes {
		if n.Up && (!ok || n.Clients < best.Clients) {
			best, ok = n, true
		}
	}
	return best, ok
}

func (joinOverlay) draw(m *Model, _ Rect) (string, Rect) {
	w, h := m.width, m.height
	s := m.com.Styles
	node, ok := suggested(m.joinNodes)
	if m.cfg.JoinSSH != "" {
		// A served class: the course itself is what the class joins.
		node, ok = common.JoinNode{Name: "ssh", Addr: m.cfg.JoinSSH, Up: true}, true
	}
	var qr []string
	if ok {
		if m.joinQR.addr != node.Addr { // encoded once an address, not every frame
			m.joinQR.addr, m.joinQR.lines = node.Addr, banner.QR(node.Addr)
		}
		qr = m.joinQR.lines
	}
	// Beside the QR code when both fit side by side, else the QR code
	// below when there is room, else none.
	side := len(qr) > 0 && w >= 64+qrWidth(qr)+4
	textW := w
	if side {
		// The text and the code side by side, as one block in the middle
		// of a wide screen rather than at its two edges.
		textW = min(w-qrWidth(qr)-4, 90)
	}
	var text []string
	blockOf := func(ls ...string) { text = append(text, centered(ls, textW)...) }
	title := m.com.T("Join the chat")
	if m.cfg.JoinSSH != "" {
		title = m.com.T("Join the course")
	}
	blockOf("", s.Title.Render(title), "")
	if !ok {
		blockOf(s.StatusWarn.Render(m.com.T("every node is down: restart one (r) before the class joins")))
	} else {
		host, port, _ := net.SplitHostPort(node.Addr)
		for _, big := range [][]string{banner.Render(host, textW-4), banner.Render(":"+port, textW-4)} {
			var rows []string
			for _, r := range big {
				rows = append(rows, s.Title.Render(r))
			}
			blockOf(rows...)
		}
		blockOf("")
		if m.cfg.JoinSSH != "" {
			blockOf(s.ItemCurrent.Render("ssh -p " + port + " " + host))
			if m.cfg.JoinCode != "" {
				blockOf(s.Status.Render(m.com.T("no SSH key? the class code is")) + " " + s.ItemCurrent.Render(m.cfg.JoinCode))
			}
		} else {
			blockOf(s.ItemCurrent.Render("nc " + host + " " + port))
			blockOf(s.Status.Render(m.com.T("or")) + " " + s.ItemCurrent.Render("distlab chat client "+host+" "+port))
		}
		if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() && m.cfg.JoinSSH == "" {
			blockOf("")
			for _, l := range common.WrapLines(s.StatusWarn.Render(m.com.T("only this machine can join: start distlab with --chat-host 0.0.0.0 to let the class in")), min(textW, 70), 3) {
				blockOf(strings.TrimRight(l, " "))
			}
		}
	}
	blockOf("")
	var rows []string
	if m.cfg.JoinSSH != "" && m.cfg.Hub != nil {
		rows = append(rows, s.Status.Render(m.com.T("in the course: %d students", m.cfg.Hub.Present())))
	}
	for _, n := range m.joinNodes {
		state := m.com.T("%d clients", n.Clients)
		if !n.Up {
			state = m.com.T("✗ DOWN")
		}
		mark := "  "
		if ok && n == node {
			mark = s.ItemCurrent.Render("▶ ")
		}
		rows = append(rows, mark+s.Item.Render(n.Name+"  "+n.Addr)+s.Status.Render(" · "+state))
	}
	blockOf(rows...)
	if who := m.joinWho(); who != "" { // "am I in?": each student sees their nick appear
		blockOf("")
		for _, l := range common.WrapLines(who, min(textW, 80), 3) {
			blockOf(strings.TrimRight(l, " "))
		}
	}
	blockOf("", s.Status.Render(m.com.T("any key closes this")))
	lines := text
	switch {
	case side:
		top := max((len(text)-len(qr))/2, 0)
		lines = make([]string, max(len(text), top+len(qr)))
		for i := range lines {
			l := ""
			if i < len(text) {
				l = text[i]
			}
			l = common.FitLine(l, textW)
			if k := i - top; k >= 0 && k < len(qr) {
				l += "  " + qr[k]
			}
			lines[i] = l
		}
		lines = centered(lines, w)
	case len(qr) > 0 && len(text)+len(qr)+1 <= h:
		lines = append(append(text[:len(text)-1:len(text)-1], centered(qr, w)...), text[len(text)-1])
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	// A third of the room left above it, on a screen taller than it needs.
	lines = append(make([]string, (h-len(lines))/3), lines...)
	return common.Fit(strings.Join(lines, "\n"), w, h), Rect{0, 0, w, h}
}

// centered pads the lines of a block alike, so that it is centered in w
// columns and its lines stay aligned with each other.
func centered(lines []string, w int) []string {
	bw := 0
	for _, l := range lines {
		bw = max(bw, ansi.StringWidth(l))
	}
	pad := strings.Repeat(" ", max((w-bw)/2, 0))
	out := make([]string, len(lines))
	for i, l := range lines {
		if l != "" {
			l = pad + l
		}
		out[i] = l
	}
	return out
}

func qrWidth(qr []string) int {
	if len(qr) == 0 {
		return 0
	}
	return ansi.StringWidth(qr[0])
}
