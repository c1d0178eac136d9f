package chat

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// A node dies while the cluster is loaded: n1 sent thousands of messages,
// the link n2→n3 carries thousands more in its queue. The survivors pass
// on only what n1 could still have had in flight (not what it sent ten
// seconds ago), no more than the healthy link's queue has room for, so
// that link stays up, and every client sees every message once — the one
// n1 died before sending n3 too.
func TestPassOnSparesHealthyLinks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		c := memCluster(t, m, 3)
		n1, n2, n3 := c.Nodes[0], c.Nodes[1], c.Nodes[2]
		_, brec := memClient(t, m, "bob", n2.Addr())
		_, crec := memClient(t, m, "carol", n3.Addr())
		time.Sleep(time.Second)
		synctest.Wait()
		from1at2, from1at3 := n2.linkTo("n1"), n3.linkTo("n1")
		l23, l32 := n2.linkTo("n3"), n3.linkTo("n2")
		if from1at2 == nil || from1at3 == nil || l23 == nil || l32 == nil {
			t.Fatal("the mesh lacks a link")
		}
		seq := uint64(0)
		msg := func(origin *Node, text string) Message {
			seq++
			return Message{Client: origin.cfg.ID + "." + origin.epoch + ".c99", Seq: seq, Origin: origin.cfg.ID,
				Epoch: origin.epoch, OSeq: 1<<20 + seq, At: time.Now(), Kind: KindSay, Nick: "alice", Text: text}
		}
		n1sent := 0
		fromN1 := func(count int, lastOnlyTo2 bool) {
			for i := range count {
				line := relayLine(msg(n1, fmt.Sprintf("a%05d", n1sent)))
				n1sent++
				n2.peerLine(from1at2, line)
				if !lastOnlyTo2 || i < count-1 {
					n3.peerLine(from1at3, line)
				}
			}
		}

		const old, recent, busy = 4000, 6000, 11000
		fromN1(old, false) // long before the crash: nothing of it can be in flight
		time.Sleep(10 * time.Second)
		synctest.Wait()

		// Lines n2 sends wait 500 ms in its delay line (more than the
		// survivors' relinkGrace before they pass anything on), and fake
		// time stands still until every goroutine waits: what n2 queues for
		// n3 is still queued when n2 passes on n1's messages.
		n2.SetLinkDelay(500*time.Millisecond, 0)
		for i := range busy {
			n2.relay(msg(n2, fmt.Sprintf("b%05d", i)), nil)
		}
		fromN1(recent, true)
		n1.Kill()
		synctest.Wait()
		for _, l := range []*peerLink{l23, l32} {
			select {
			case <-l.done:
				t.Fatalf("the healthy link %s→%s dropped when n1 died", l.node.cfg.ID, l.remote)
			default:
			}
		}
		time.Sleep(2 * time.Second)
		synctest.Wait()
		if n2.linkTo("n3") != l23 || n3.linkTo("n2") != l32 {
			t.Fatal("the link between n2 and n3 was replaced")
		}
		passedOn := n3.copies.Load() - (old + recent - 1 + busy)
		if passedOn < 1 || passedOn > recent {
			t.Errorf("n2 passed n3 %d of n1's messages; want 1 to %d (the recent ones)", passedOn, recent)
		}
		check := func(who string, rec *recorder, prefix string, want int) {
			seen := map[string]int{}
			for _, l := range rec.snapshot() {
				if i := strings.LastIndex(l, ": "+prefix); i >= 0 {
					seen[l[i+2:]]++
				}
			}
			for i := range want {
				if k := fmt.Sprintf("%s%05d", prefix, i); seen[k] != 1 {
					t.Fatalf("%s saw %s %d times", who, k, seen[k])
				}
			}
		}
		check("carol", crec, "a", n1sent)
		check("carol", crec, "b", busy)
		check("bob", brec, "a", n1sent)
	})
}

// A link replaced by a newer one to the same peer (extraLinkLocked) loses
// nothing: its end passes on no burst of the peer's messages.
func TestReplacedLinkPassesNothingOn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		c := memCluster(t, m, 3)
		n1, n2, n3 := c.Nodes[0], c.Nodes[1], c.Nodes[2]
		old := n1.linkTo("n2")
		from1at2, from1at3 := n2.linkTo("n1"), n3.linkTo("n1")
		for i := range 100 {
			line := relayLine(Message{Client: "n1." + n1.epoch + ".c99", Seq: uint64(i + 1), Origin: "n1", Epoch: n1.epoch,
				OSeq: uint64(i + 1), At: time.Now(), Kind: KindSay, Nick: "alice", Text: fmt.Sprint("r", i)})
			n2.peerLine(from1at2, line)
			n3.peerLine(from1at3, line)
		}
		copies := n3.copies.Load()

		// n1 dials n2 once more: the pair keeps the newer link, which n1
		// dialed too, and closes the old one at both ends.
		n1.mu.Lock()
		ctx := n1.ctx
		n1.mu.Unlock()
		nc, err := n1.dial(ctx, n2.Addr())
		if err != nil {
			t.Fatal(err)
		}
		s, br, err := n1.dialHandshake(ctx, nc)
		if err != nil {
			t.Fatal(err)
		}
		go n1.runLink(ctx, nc, br, s)
		time.Sleep(time.Second)
		synctest.Wait()
		if l := n1.linkTo("n2"); l == nil || l == old {
			t.Fatalf("the link n1→n2 was not replaced: %v", l)
		}
		if got := n3.copies.Load() - copies; got != 0 {
			t.Errorf("n3 got %d copies when the link n1–n2 was replaced; want none", got)
		}
	})
}

// What a dead origin sent long before it died was not in flight: the
// survivors pass on only the last few seconds (passOnAge), here the one
// message n1 died before sending n3, not the hundred of ten seconds ago.
func TestPassOnOnlyWhatWasInFlight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		c := memCluster(t, m, 3)
		n1, n2, n3 := c.Nodes[0], c.Nodes[1], c.Nodes[2]
		from1at2, from1at3 := n2.linkTo("n1"), n3.linkTo("n1")
		say := func(i int, both bool) {
			line := relayLine(Message{Client: "n1." + n1.epoch + ".c99", Seq: uint64(i + 1), Origin: "n1", Epoch: n1.epoch,
				OSeq: uint64(i + 1), At: time.Now(), Kind: KindSay, Nick: "alice", Text: fmt.Sprint("w", i)})
			n2.peerLine(from1at2, line)
			if both {
				n3.peerLine(from1at3, line)
			}
		}
		for i := range 100 {
			say(i, true)
		}
		time.Sleep(10 * time.Second)
		synctest.Wait()
		say(100, false)
		copies := n3.copies.Load()
		n1.Kill()
		time.Sleep(time.Second)
		synctest.Wait()
		if got := n3.copies.Load() - copies; got != 1 {
			t.Errorf("n2 passed n3 %d of n1's messages; want 1, the one sent as n1 died", got)
		}
	})
}

// Clients that send faster than a link to a peer drains are held back,
// not dropped: 24,000 lines sent at once, far more than a link's queue
// holds (made small here), reach every client of the other nodes, none
// lost. (A full queue used to drop the link at once, and the catch-up of
// the next one had no room for the rest.) Not parallel: it sets linkQueue.
func TestBurstHeldBackNotLost(t *testing.T) {
	saved := linkQueue
	t.Cleanup(func() { linkQueue = saved }) // registered first, so run after the cluster's shutdown
	linkQueue = 256                         // a burst is many times this, even as slowly as -race sends it
	// The default timeouts, not the tests' short ones: under -race the
	// load generator reads slowly, and a client a whole ring behind for
	// 2×EvictAfter is dropped, which is another test's matter.
	c, err := StartCluster(3, "127.0.0.1", 0, Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		c.Shutdown(ctx)
	})
	eventually(t, "the mesh", func() bool {
		for _, n := range c.Nodes {
			if n.Stats().Peers != 2 {
				return false
			}
		}
		return true
	})
	r, err := Bench(t.Context(), BenchConfig{Addrs: c.Addrs(), Clients: 12, Senders: 12, Msgs: 2000, Timeout: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if r.Delivered != r.Expected || r.Duplicates != 0 {
		for _, n := range c.Nodes {
			t.Logf("%+v", n.Stats())
		}
		t.Fatalf("%v", r)
	}
}
