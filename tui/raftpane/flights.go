package raftpane

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"distlab/demos/raft"
)

// track is how many cells a message travels between its sender's name and
// its receiver's.
const track = 7

// labelWidth fits the longest label etcd's messages get ("HeartbeatResp").
const labelWidth = 13

// kindInk colours a message by what it is for: elections in the
// candidate's colour, log traffic in the accent, heartbeats dim.
func kindInk(kind string) ink {
	switch kind {
	case "Vote", "VoteResp", "PreVote", "PreVoteResp":
		return inkCandidate
	case "App", "AppResp", "Snap":
		return inkAccent
	case "Heartbeat", "HeartbeatResp":
		return inkDim
	}
	return inkPlain
}

// fate is what will become of a flight, "" if it arrives: the network
// loses it, the partition cuts it, its receiver is down, or the student
// dropped the next message and it is that one.
func (m *Model) fate(i int, f raft.FlightView) string {
	switch {
	case i == 0 && m.snap.DropNext:
		return m.Com.T("✗ dropped")
	case f.Cut:
		return m.Com.T("✂ cut")
	case f.Lost:
		return m.Com.T("✗ lost")
	case m.node(f.To).Role == raft.Down:
		return m.Com.T("✗ down")
	case f.Dup:
		return m.Com.T("◎ copy")
	}
	return ""
}

// fateWidth is the widest fate of the messages in flight, 0 when all
// will arrive: the usual case keeps its columns narrow.
func (m *Model) fateWidth() int {
	n := 0
	for i, f := range m.snap.Flights {
		if fate := m.fate(i, f); fate != "" {
			n = max(n, 1+ansi.StringWidth(fate))
		}
	}
	return n
}

// flightCell is how wide one message is drawn, with the gap after it.
func (m *Model) flightCell() int { return 2 + 1 + track + 1 + 2 + 1 + labelWidth + m.fateWidth() + 2 }

// flightRows is how many rows the messages in flight need at width w.
func (m *Model) flightRows(w int) int {
	cols := max((w-1)/m.flightCell(), 1)
	return (len(m.snap.Flights) + cols - 1) / cols
}

// flightLines are the messages in flight, in the order they arrive (the
// next first), column after column, in at most rows rows: each moves
// along its track from sender to receiver as the display clock runs, with
// its kind and what it carries. What does not fit is counted.
func (m *Model) flightLines(w, rows int) []string {
	in := m.inks()
	p := m.Com.Printer
	fs := m.snap.Flights
	head := p.T("network: %d messages in flight, the next to arrive first", len(fs))
	if ansi.StringWidth(head) >= w-1 {
		head = p.T("network: %d messages in flight", len(fs))
	}
	if len(fs) == 0 {
		head = p.T("network: no messages in flight")
	}
	out := []string{in.line(false).put(inkDim, " "+head).done(w)}
	if rows <= 0 || len(fs) == 0 {
		return out
	}
	cellW := m.flightCell()
	cols := max((w-1)/cellW, 1)
	shown := min(len(fs), rows*cols)
	if shown < len(fs) {
		shown-- // the last place says how many more
	}
	lines := make([]*line, min(rows, (len(fs)+cols-1)/cols))
	for i := range lines {
		lines[i] = in.line(false).put(inkPlain, " ")
	}
	for i := 0; i < shown; i++ {
		l := lines[i%len(lines)]
		m.flight(l, i, fs[i], cellW)
	}
	if shown < len(fs) {
		lines[shown%len(lines)].put(inkDim, p.T("+%d more", len(fs)-shown))
	}
	for _, l := range lines {
		out = append(out, l.done(w))
	}
	return out
}

// flight writes one message: "n1 ──●──── n3 App 7:4 ✗ lost".
func (m *Model) flight(l *line, i int, f raft.FlightView, cellW int) {
	frac := 1.0
	if span := f.Arrive - f.Sent; span > 0 {
		frac = float64(m.play.Clock-f.Sent) / float64(span)
	}
	pos := int(frac*float64(track-1) + 0.5)
	pos = min(max(pos, 0), track-1)
	fate := m.fate(i, f)
	k := kindInk(f.Kind)
	dot := "●"
	if fate != "" && fate != m.Com.T("◎ copy") {
		dot = "○" // on its way to nowhere
	}
	start := l.w
	l.put(inkPlain, raft.Name(f.From)+" ")
	l.put(inkDim, strings.Repeat("─", pos)).put(k, dot).put(inkDim, strings.Repeat("─", track-1-pos))
	l.put(inkPlain, " "+raft.Name(f.To)+" ")
	l.pad(k, f.Label, labelWidth)
	if fate != "" {
		l.put(inkPlain, " ")
	}
	fateInk := inkDown
	if f.Cut {
		fateInk = inkWall
	} else if f.Dup && fate == m.Com.T("◎ copy") {
		fateInk = inkDim
	}
	l.put(fateInk, fate)
	if d := cellW - (l.w - start); d > 0 {
		l.put(inkPlain, strings.Repeat(" ", d))
	}
}
