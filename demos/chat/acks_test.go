package chat

import (
	"bufio"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// A message whose relay no peer has read is not acknowledged; when the
// node dies, the client sends it again to the peer, which delivers it
// once (it may also get the dead node's relay, from its socket's buffer)
// and acks it once it is sure a second node holds it.
func TestAckWaitsForAPeer(t *testing.T) {
	c := testCluster(t, 2)
	n1, n2 := c.Nodes[0], c.Nodes[1]
	b := dialRaw(t, n2.Addr()) // on n2: must see the line once
	watcher := dialRaw(t, n1.Addr())
	rec := &recorder{}
	a, err := Dial(ClientConfig{Addrs: []string{n1.Addr(), n2.Addr()}, Nick: "ana", OnLine: rec.add,
		Silence: 500 * time.Millisecond, Backoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	eventually(t, "ana's nick", func() bool { return rec.count("you are now ana") == 1 })

	if err := n2.Freeze(); err != nil {
		t.Fatal(err)
	}
	a.Send("held back")
	watcher.expect("ana@n1: held back") // n1 delivered it, and relayed it to n2, which reads nothing
	watcher.send("/nodes\n")
	watcher.expect("once a peer confirms it has the message (1 waiting)")
	if p := a.Pending(); p != 1 {
		t.Fatalf("ana has %d messages unacknowledged, want 1: n1 acked a message no peer has", p)
	}

	n1.Kill()
	n2.Thaw()
	eventually(t, "ana on n2", func() bool { return a.Node() == n2.Addr() })
	// n2 has the line from ana's resend, and from n1's relay if n1 wrote
	// it to the link before it crashed (a crash loses what the link's
	// queue held): with n1's copy n2 acks at once, without it n2 waits for
	// a peer to confirm, so n1 comes back.
	if err := n1.Start(); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the resend to n2 acknowledged", func() bool { return a.Pending() == 0 && a.Node() == n2.Addr() })
	a.Send("after")
	held := 0
	for {
		l := b.expect("ana@")
		if strings.HasSuffix(l, "held back") {
			held++
		}
		if strings.HasSuffix(l, "after") {
			break
		}
	}
	if held != 1 {
		t.Fatalf("b saw the held-back line %d times, want 1", held)
	}
}

// A node with no peer acks on receipt, and says so.
func TestAloneAcksOnReceipt(t *testing.T) {
	n := startNode(t, testConfig("n1"))
	a, rec := dialClient(t, "ana", n.Addr())
	eventually(t, "ana's nick", func() bool { return rec.count("you are now ana") == 1 })
	a.Send("/nodes")
	eventually(t, "/nodes", func() bool { return rec.count("acknowledgements: on receipt") == 1 })
	a.Send("hello")
	eventually(t, "the ack", func() bool { return a.Pending() == 0 })
}

// A client that asks for more than the node keeps is told, in one line.
func TestReplayGapIsTold(t *testing.T) {
	cfg := testConfig("n1")
	cfg.ringSize = 8
	n := startNode(t, cfg)
	talker := dialRaw(t, n.Addr())
	for i := range 20 {
		talker.send("line " + string(rune('a'+i)) + "\n")
	}
	talker.send("/who\n")
	talker.expect("online") // answered once the 20 lines were handled
	watcher := dialRaw(t, n.Addr())
	secret := strings.Repeat("ab", secretSize)
	watcher.send("/hello " + secret + " wanda\n")
	watcher.expect("/members ")
	// It had seen up to number 2 of this run: 3 to 12 are gone (the ring
	// keeps the last 8 of 20).
	src := n.ID() + "." + n.epoch
	watcher.send("/since 0 " + src + "=2\n")
	l := watcher.expect("*** ")
	if !strings.Contains(l, "10 messages sent while you were away are older than what n1 keeps") {
		t.Fatalf("got %q, want the gap of 10 told", l)
	}
}

// A client sends a message again, on the same connection, while it stays
// unacknowledged for ResendAfter (fake time, on the in-memory network).
func TestClientResendsUnacked(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		ln, err := m.Listen("127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		got := make(chan string, 64)
		go func() { // a node that never acks
			nc, err := ln.Accept()
			if err != nil {
				return
			}
			defer nc.Close()
			fmt.Fprintf(nc, "*** welcome\n/members n1=%s\n", ln.Addr())
			br := bufio.NewReader(nc)
			for {
				l, err := br.ReadString('\n')
				if err != nil {
					return
				}
				got <- strings.TrimSpace(l)
			}
		}()
		c, err := Dial(ClientConfig{Addrs: []string{ln.Addr().String()}, Dial: m.Dial, Silence: time.Hour, ResendAfter: 2 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.Send("x")
		var sends []time.Time
		timeout := time.After(10 * time.Second)
		for len(sends) < 2 {
			select {
			case l := <-got:
				if l == "/msg 1 x" {
					sends = append(sends, time.Now())
				}
			case <-timeout:
				t.Fatalf("sent %d times in 10 s, want a resend", len(sends))
			}
		}
		if d := sends[1].Sub(sends[0]); d < 2*time.Second || d > 3*time.Second {
			t.Fatalf("resent after %s, want 2–3 s", d)
		}
	})
}

// A node that was down gets its peers' recent messages when their link
// comes back, so a client failing over to it finds there what it missed.
func TestRestartedNodeCatchesUp(t *testing.T) {
	c := testCluster(t, 2)
	n1, n2 := c.Nodes[0], c.Nodes[1]
	n1.Kill()
	talker := dialRaw(t, n2.Addr())
	talker.send("while you were down\n")
	talker.send("/who\n")
	talker.expect("online")
	if err := n1.Start(); err != nil {
		t.Fatal(err)
	}
	n2.mu.Lock()
	src := n2.ID() + "." + n2.epoch
	n2.mu.Unlock()
	eventually(t, "n1 caught up", func() bool { _, ok := n1.srcTop(src); return ok })
	w := helloRaw(t, n1.Addr(), newSecret(), "wanda")
	w.send("/since 0 " + src + "=0\n")
	w.expect("while you were down")
}
