package chat

import (
	"fmt"
	"testing"
)

// links is the links of n, by peer id: how many, and whether this node
// dialed each.
func links(n *Node) map[string][]bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := map[string][]bool{}
	for l := range n.links {
		out[l.remote] = append(out[l.remote], l.dialed)
	}
	return out
}

// Every node dials every other, yet each pair keeps one link, the one the
// smaller id dialed; each message reaches each node once; and a pair whose
// link goes down links again.
func TestOneLinkPerPairOneCopyPerPeer(t *testing.T) {
	c := testCluster(t, 3)
	one := func() bool {
		for _, n := range c.Nodes {
			ls := links(n)
			if len(ls) != 2 {
				return false
			}
			for peer, dialed := range ls {
				if len(dialed) != 1 || dialed[0] != (n.cfg.ID < peer) {
					return false
				}
			}
		}
		return true
	}
	eventually(t, "one link per pair, dialed by the smaller id", one)

	a := dialRaw(t, c.Nodes[0].Addr())
	watchers := []*raw{dialRaw(t, c.Nodes[1].Addr()), dialRaw(t, c.Nodes[2].Addr())}
	for i := range 50 {
		a.send(fmt.Sprintf("copy %d\n", i))
	}
	for _, w := range watchers {
		w.expect("copy 49")
	}
	for _, n := range c.Nodes[1:] {
		if s := n.Stats(); s.Relayed != 50 || s.Copies != 50 {
			t.Errorf("%s: %d relayed, %d copies received; want 50 and 50", s.ID, s.Relayed, s.Copies)
		}
	}

	n1 := c.Nodes[0]
	n1.mu.Lock()
	var toN2 *peerLink
	for l := range n1.links {
		if l.remote == "n2" {
			toN2 = l
		}
	}
	n1.mu.Unlock()
	toN2.close()
	eventually(t, "n1 and n2 linked again", func() bool {
		l := n1.linkTo("n2")
		return l != nil && l != toN2
	})
	eventually(t, "one link per pair again", one)
}
