package chat

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"
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
	t.Parallel()
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

// An origin that dies between sending its copies leaves one peer with a
// message the other lacks, and the sender, acknowledged, does not send it
// again: the survivor that has it passes it on, and each client sees it
// once.
func TestOriginDiesBetweenCopies(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		c := memCluster(t, m, 3)
		n1, n2, n3 := c.Nodes[0], c.Nodes[1], c.Nodes[2]
		_, brec := memClient(t, m, "bob", n2.Addr())
		_, crec := memClient(t, m, "carol", n3.Addr())
		time.Sleep(time.Second)
		synctest.Wait()

		// n1's copy reaches n2, and n1 dies before it sends n3 its own.
		from1 := n2.linkTo("n1")
		if from1 == nil {
			t.Fatal("n2 has no link with n1")
		}
		msg := Message{Client: n1.cfg.ID + "." + n1.epoch + ".c99", Seq: 1, Origin: "n1", Epoch: n1.epoch, OSeq: 1 << 20,
			At: time.Now(), Kind: KindSay, Nick: "alice", Text: "only n2 has this"}
		n2.peerLine(from1, relayLine(msg))
		n1.Kill()
		time.Sleep(time.Second)
		synctest.Wait()
		if b, cc := brec.count("only n2 has this"), crec.count("only n2 has this"); b != 1 || cc != 1 {
			t.Fatalf("bob saw it %d times, carol %d; want 1 and 1", b, cc)
		}
	})
}
