package chat

import (
	"slices"
	"strings"
	"time"
)

// PresenceKind is what happened to a client.
type PresenceKind int

// What a node reports about its clients.
const (
	Joined  PresenceKind = iota // connected (as a guestN nick)
	Renamed                     // took another nick
	Left                        // disconnected
)

// Presence is one client's arrival, nick change or departure at a node,
// for whoever runs it: `distlab chat server` logs each, the roster shows
// them. Clients is how many the node has after it.
type Presence struct {
	At        time.Time
	Node      string
	Kind      PresenceKind
	Nick, Old string // Old: the nick before a rename
	Clients   int
}

// presenceLocked reports a presence to Config.Presence, on a goroutine of
// the node's: never under the node's lock, never holding the node up. A
// node that is stopping or crashed reports nothing (its clients go with
// it, and its goroutines are being waited for).
func (n *Node) presenceLocked(kind PresenceKind, nick, old string) {
	report := n.cfg.Presence
	if report == nil || !n.up || n.stopped {
		return
	}
	p := Presence{At: time.Now(), Node: n.cfg.ID, Kind: kind, Nick: nick, Old: old, Clients: len(n.conns)}
	n.goLocked(func() { report(p) })
}

// ClientInfo is one client of a node, for a roster.
type ClientInfo struct {
	Nick    string
	Node    string
	Since   time.Time // when it connected
	Sent    uint64    // messages it sent
	Distlab bool      // a distlab client (it can fail over), not netcat
}

// Roster is the node's clients, oldest first.
func (n *Node) Roster() []ClientInfo {
	n.mu.Lock()
	out := make([]ClientInfo, 0, len(n.conns))
	for c := range n.conns {
		out = append(out, ClientInfo{Nick: c.nick, Node: n.cfg.ID, Since: c.joined, Sent: c.posts.Load(), Distlab: c.distlab.Load()})
	}
	n.mu.Unlock()
	slices.SortFunc(out, func(a, b ClientInfo) int {
		if c := a.Since.Compare(b.Since); c != 0 {
			return c
		}
		return strings.Compare(a.Nick, b.Nick)
	})
	return out
}
