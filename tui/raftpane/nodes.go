package raftpane

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/raft"
)

// detail is how much of each node the table writes: the most that leaves
// room for a few log entries at the pane's width.
type detail int

const (
	narrow detail = iota // a glyph for the role, ms for the timer
	medium               // the role's name, short labels
	wide                 // votes, labelled columns, a timer bar
)

// timerBar is the election timer's bar: full at ElectionMax.
const timerBar = 5

// glyph marks a role: the leader's star is what the eye looks for first.
func glyph(r raft.Role) string {
	switch r {
	case raft.Leader:
		return "★"
	case raft.Candidate:
		return "◇"
	case raft.Down:
		return "✗"
	}
	return "○"
}

func roleInk(r raft.Role) ink {
	switch r {
	case raft.Leader:
		return inkLeader
	case raft.Candidate:
		return inkCandidate
	case raft.Down:
		return inkDown
	}
	return inkPlain
}

// columns are the table's widths at one level of detail.
type columns struct {
	d                                 detail
	role, term, vote, commit, store   int
	timer, gap, fixed, cell, logRoom  int
	first, last                       uint64 // the log indexes shown
	cut                               bool   // earlier entries not shown
	termLabel, voteLabel, votesFormat string
}

// layoutColumns picks the most detailed table that leaves room for at
// least minCells log entries in w cells.
func (m *Model) layoutColumns(w int) columns {
	p := m.Com.Printer
	var maxTerm, maxCommit, maxIdx, maxIdxTerm uint64
	store := 3
	for _, n := range m.snap.Nodes {
		maxTerm, maxCommit = max(maxTerm, n.Term), max(maxCommit, n.Commit)
		if k := len(n.Log); k > 0 && n.Log[k-1].Index >= maxIdx {
			maxIdx = n.Log[k-1].Index
			maxIdxTerm = max(maxIdxTerm, n.Log[k-1].Term)
		}
		store = max(store, ansi.StringWidth(storeText(n)))
	}
	cell := len(strconv.FormatUint(max(maxIdx, 1), 10)+":"+strconv.FormatUint(max(maxIdxTerm, maxTerm, 1), 10)) + 1
	const minCells = 4
	var c columns
	for _, d := range []detail{wide, medium, narrow} {
		c = columns{d: d, cell: cell, store: store, commit: len("c=" + strconv.FormatUint(maxCommit, 10)), gap: 2}
		switch d {
		case wide:
			c.termLabel, c.voteLabel = p.T("term %d", maxTerm), p.T("vote %s", "n7")
			c.term, c.vote = ansi.StringWidth(c.termLabel), ansi.StringWidth(c.voteLabel)
			c.votesFormat = p.T("%d votes", 7)
			for _, r := range []raft.Role{raft.Follower, raft.Candidate, raft.Leader, raft.Down} {
				c.role = max(c.role, 2+ansi.StringWidth(r.Name(p)))
			}
			c.role += 1 + ansi.StringWidth(c.votesFormat)
			c.timer = timerBar + 6
		case medium:
			for _, r := range []raft.Role{raft.Follower, raft.Candidate, raft.Leader, raft.Down} {
				c.role = max(c.role, 2+ansi.StringWidth(r.Name(p)))
			}
			c.gap, c.term, c.vote, c.timer = 1, len("t"+strconv.FormatUint(maxTerm, 10)), len("v:n7"), 5
		default:
			c.gap, c.role, c.term, c.vote, c.timer = 1, 1, len("t"+strconv.FormatUint(maxTerm, 10)), len("v:n7"), 5
		}
		c.fixed = 2 + 2 + c.gap + c.role + c.gap + c.term + c.gap + c.vote + c.gap + c.commit + c.gap + c.store + c.gap + c.timer + c.gap
		c.logRoom = w - 1 - c.fixed
		if c.logRoom >= minCells*cell {
			break
		}
	}
	cells := max(c.logRoom/cell, 1)
	c.last = maxIdx
	if maxIdx > uint64(cells) {
		cells = max((c.logRoom-2)/cell, 1) // room for the … that says more came before
		c.first, c.cut = maxIdx-uint64(cells)+1, true
	} else {
		c.first = 1
	}
	return c
}

// storeText is a node's state machine as the table shows it: "x=3", or
// "x=–" before anything is applied.
func storeText(n raft.NodeView) string {
	if n.Store == "" {
		return raft.Key + "=–"
	}
	return n.Store
}

// nodeLines are the table of nodes, w cells wide: one row per node, the
// partition's two sides apart with a wall between them.
func (m *Model) nodeLines(w int) []string {
	in := m.inks()
	c := m.layoutColumns(w)
	order := make([]int, len(m.snap.Nodes))
	for i := range order {
		order[i] = i
	}
	side := m.snap.Partition
	if side != nil {
		slices.SortStableFunc(order, func(a, b int) int { return side[a] - side[b] })
	}
	var out []string
	for k, i := range order {
		if side != nil && k > 0 && side[i] != side[order[k-1]] {
			out = append(out, m.wall(in, w))
		}
		out = append(out, m.nodeRow(in, c, m.snap.Nodes[i], w))
	}
	return out
}

// wall is the partition between the sides.
func (m *Model) wall(in *inks, w int) string {
	text := " " + m.Com.T("✂ partition: messages between the sides are lost") + " "
	left := 4
	right := max(w-left-ansi.StringWidth(text), 0)
	return in.line(false).put(inkWall, strings.Repeat("╌", left)+text+strings.Repeat("╌", right)).done(w)
}

// nodeRow is one node's row.
func (m *Model) nodeRow(in *inks, c columns, n raft.NodeView, w int) string {
	p := m.Com.Printer
	sel := !m.choosing.IsOpen() && n.ID == m.selected
	l := in.line(sel)
	sp := strings.Repeat(" ", c.gap)
	switch {
	case m.choosing.Picked(n.ID):
		l.put(inkWall, "✂ ")
	case sel:
		l.put(inkStrong, "▶ ")
	default:
		l.put(inkPlain, "  ")
	}
	down := n.Role == raft.Down
	body := inkPlain
	if down {
		body = inkDim
	}
	nameInk := body
	if n.Role == raft.Leader {
		nameInk = inkLeader
	}
	l.pad(nameInk, raft.Name(n.ID), 2).put(inkPlain, sp)
	// The role.
	role := glyph(n.Role)
	if c.d != narrow {
		role += " " + n.Role.Name(p)
	}
	if c.d == wide && n.Role == raft.Candidate {
		role += " " + p.T("%d votes", n.Votes)
	}
	l.pad(roleInk(n.Role), role, c.role).put(inkPlain, sp)
	// Term and vote.
	vote := "–"
	if n.Vote != 0 {
		vote = raft.Name(n.Vote)
	}
	if c.d == wide {
		l.pad(body, p.T("term %d", n.Term), c.term).put(inkPlain, sp)
		l.pad(body, p.T("vote %s", vote), c.vote).put(inkPlain, sp)
	} else {
		l.pad(body, "t"+strconv.FormatUint(n.Term, 10), c.term).put(inkPlain, sp)
		l.pad(body, "v:"+vote, c.vote).put(inkPlain, sp)
	}
	l.pad(body, "c="+strconv.FormatUint(n.Commit, 10), c.commit).put(inkPlain, sp)
	storeInk := inkCommitted
	if down || n.Store == "" {
		storeInk = inkDim
	}
	l.pad(storeInk, storeText(n), c.store).put(inkPlain, sp)
	m.timer(l, c, n, p)
	l.put(inkPlain, sp)
	m.logCells(l, c, n)
	return l.done(w)
}

// timer writes how long until the node's election timer fires, as the
// display clock runs: a bar that empties and the milliseconds left.
func (m *Model) timer(l *line, c columns, n raft.NodeView, p *locale.Printer) {
	if n.ElectionIn < 0 || n.Role == raft.Down {
		text := ""
		if n.Role != raft.Down && n.Role != raft.Leader {
			text = "–" // the scenario holds the timers
		}
		l.pad(inkDim, text, c.timer)
		return
	}
	left := max(n.ElectionIn-(m.play.Clock-m.snap.Now), 0)
	k := inkDim
	if left <= raft.ElectionMin/3 {
		k = inkCandidate
	}
	ms := strconv.FormatInt(int64((left+time.Millisecond-1)/time.Millisecond), 10) + "ms"
	if c.d == wide {
		full := int((left*timerBar + raft.ElectionMax - 1) / raft.ElectionMax)
		full = min(max(full, 0), timerBar)
		l.put(k, strings.Repeat("▰", full)).put(inkDim, strings.Repeat("▱", timerBar-full)).put(inkPlain, " ")
		l.pad(k, ms, c.timer-timerBar-1)
		return
	}
	l.pad(k, ms, c.timer)
}

// logCells writes the node's log from index c.first, each entry in its
// column so that equal indexes line up down the table: committed entries
// bold in the theme's success colour, the others dim.
func (m *Model) logCells(l *line, c columns, n raft.NodeView) {
	if c.cut {
		l.put(inkDim, "… ")
	}
	if len(n.Log) == 0 {
		if c.first == 1 && c.last == 0 {
			l.put(inkDim, m.Com.T("empty log"))
		}
		return
	}
	base := n.Log[0].Index
	for idx := c.first; idx <= n.Log[len(n.Log)-1].Index; idx++ {
		if idx < base {
			l.pad(inkPlain, "", c.cell)
			continue
		}
		e := n.Log[idx-base]
		k := inkPending
		if e.Committed {
			k = inkCommitted
		}
		l.pad(k, strconv.FormatUint(e.Index, 10)+":"+strconv.FormatUint(e.Term, 10), c.cell)
	}
}
