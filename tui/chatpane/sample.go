package chatpane

import (
	"distlab/tui/common"
	"maps"
	"slices"
	"strings"

	"distlab/demos/chat"
)

// snapshot is what the pane draws, sampled from the engine.
type snapshot struct {
	nodes []nodeRow
	sent  []uint64 // per node: messages its own clients sent so far, for the rates; not drawn
	views []viewSnap
	bots  int
	rate  float64
	links chat.LinkSpeed
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
	total      int    // lines the client ever showed: the lines change only with it or a reset
	lines      []string
	notices    []chat.Notice // its last connection notices, pinned above its lines
}

// equal reports whether s and o draw the same.
func (s snapshot) equal(o snapshot) bool {
	return slices.Equal(s.nodes, o.nodes) && s.bots == o.bots && s.rate == o.rate && s.links == o.links &&
		slices.EqualFunc(s.views, o.views, func(a, b viewSnap) bool {
			return a.name == b.name && a.node == b.node && a.total == b.total && len(a.lines) == len(b.lines) &&
				slices.Equal(a.notices, b.notices)
		})
}

// sample reads the engine's state. No per-message event ever reaches the
// UI: counters and each client's last lines are read here.
func (m *Model) sample() {
	d := m.engine()
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
		// What its own clients send: what it relays is every node's too
		// (each node handles every message), and a node that comes back
		// is caught up on the last 30 s at once.
		s.sent = append(s.sent, st.Received)
		byAddr[chat.LocalAddr(st.Addr)] = st.ID // as the watching clients dial it
	}
	for _, v := range d.Views() {
		lines, total := v.Lines(60)
		for k, l := range lines {
			if strings.HasPrefix(l, "*** ") {
				lines[k] = byID(l, byAddr) // as the pinned notices name them
			} else {
				lines[k] = chat.BotLine(l, m.Com.Printer) // the bots speak the class's language; this screen, its reader's
			}
		}
		node := byAddr[v.Node()]
		if node == "" {
			node = "…"
		}
		notices := v.Notices()
		for k := range notices {
			notices[k].Text = byID(notices[k].Text, byAddr)
		}
		s.views = append(s.views, viewSnap{name: v.Name(), node: node, total: total, lines: lines, notices: notices})
	}
	m.snap = s
}

// byID writes the nodes' addresses in a notice as the nodes' ids, as the
// cluster map above names them: "no word from n2 for 3s" fits a narrow
// column, and says which row to look at. An address is replaced only
// whole (127.0.0.1:4000 is not the start of 127.0.0.1:40001).
func byID(text string, ids map[string]string) string {
	addrs := slices.Collect(maps.Keys(ids))
	slices.SortFunc(addrs, func(a, b string) int { return len(b) - len(a) })
	for _, addr := range addrs {
		var b strings.Builder
		rest := text
		for {
			i := strings.Index(rest, addr)
			if i < 0 {
				break
			}
			end := i + len(addr)
			b.WriteString(rest[:i])
			if end < len(rest) && rest[end] >= '0' && rest[end] <= '9' {
				b.WriteString(addr) // a longer port
			} else {
				b.WriteString(ids[addr])
			}
			rest = rest[end:]
		}
		b.WriteString(rest)
		text = b.String()
	}
	return text
}

// JoinNodes are the cluster's nodes as a class joins them, read from the
// engine now (the join banner covers the pane, which then stops sampling).
func (m *Model) JoinNodes() []common.JoinNode {
	if m.engine() == nil {
		return nil
	}
	var out []common.JoinNode
	for i, n := range m.engine().Nodes() {
		st := n.Stats()
		addr := chat.LocalAddr(st.Addr)
		if i < len(m.join) {
			addr = m.join[i]
		}
		out = append(out, common.JoinNode{Name: st.ID, Addr: addr, Up: st.Up && !st.Frozen, Clients: st.Clients})
	}
	return out
}

// Roster is who joined the cluster from outside: the demo's own watching
// clients and bots left out.
func (m *Model) Roster() []common.RosterEntry {
	if m.engine() == nil {
		return nil
	}
	var out []common.RosterEntry
	for _, e := range m.engine().Roster() {
		if !e.Demo {
			out = append(out, common.RosterEntry{Nick: e.Nick, Node: e.Node, Since: e.Since, Sent: e.Sent})
		}
	}
	return out
}
