package chat

import "time"

// Suspects are the peers this node has heard from but not within its peer
// timeout: the ones its failure detector takes for down. A peer that is up
// but whose heartbeats come late (the demo's very slow links) is suspected
// all the same: from here, slow and dead look alike.
func (n *Node) Suspects() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.up {
		return nil
	}
	var out []string
	for _, id := range n.sortedRemoteLocked() {
		if time.Since(n.remote[id].last) > n.cfg.PeerTimeout {
			out = append(out, id)
		}
	}
	return out
}
