package chat

import (
	"slices"
	"strings"
)

// RosterEntry is one client of the demo's cluster, for the instructor's
// roster.
type RosterEntry struct {
	ClientInfo
	// Demo marks the demo's own clients, its watching clients and its
	// bots: the roster shows the students apart from them. Nicks are
	// unique in the cluster, so the nick tells them apart.
	Demo bool
}

// Roster is every node's clients, the oldest first, the demo's own marked.
func (d *Demo) Roster() []RosterEntry {
	own := map[string]bool{}
	d.mu.Lock()
	for i := range d.bots {
		own[botNick(i)] = true
	}
	d.mu.Unlock()
	for _, v := range d.views {
		own[v.Name()] = true
	}
	var out []RosterEntry
	for _, n := range d.cluster.Nodes {
		for _, c := range n.Roster() {
			out = append(out, RosterEntry{ClientInfo: c, Demo: own[c.Nick]})
		}
	}
	slices.SortStableFunc(out, func(a, b RosterEntry) int {
		if c := a.Since.Compare(b.Since); c != 0 {
			return c
		}
		return strings.Compare(a.Nick, b.Nick)
	})
	return out
}
