package chat

import "time"

// NodeStats is a node's state for a dashboard: sampled, never streamed.
type NodeStats struct {
	ID, Addr   string
	Up         bool
	Frozen     bool // up, but hung: nothing read, answered or sent
	Clients    int
	Peers      int    // peer nodes heard from recently
	Goroutines int64  // goroutines this node runs now
	Received   uint64 // messages from its own clients
	Relayed    uint64 // messages from peers it delivered
	Copies     uint64 // relay lines from peers, duplicates included: Copies/Relayed is the relay's overhead
	Delivered  uint64 // lines written to clients
	Evicted    uint64 // clients dropped for not reading
	Refused    uint64 // peer links refused at the handshake, or closed for a line that failed its check
}

// Stats samples the node.
func (n *Node) Stats() NodeStats {
	n.mu.Lock()
	defer n.mu.Unlock()
	s := NodeStats{ID: n.cfg.ID, Addr: n.addr, Up: n.up, Frozen: n.up && n.gate.frozen(), Goroutines: n.running.Load(),
		Received: n.received.Load(), Relayed: n.relayed.Load(), Copies: n.copies.Load(), Delivered: n.delivered.Load(), Evicted: n.evicted.Load(),
		Refused: n.refusals.Load()}
	if s.Addr == "" {
		s.Addr = n.cfg.Addr
	}
	if n.up {
		s.Clients = len(n.conns)
		for _, r := range n.remote {
			if time.Since(r.last) <= n.cfg.PeerTimeout {
				s.Peers++
			}
		}
	}
	return s
}
