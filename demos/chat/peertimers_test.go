package chat

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"distlab/demos/chat/chattest"
)

// The peer links' timers, in synctest bubbles on a memNet.

// An impostor at a peer's address that reads and never answers holds a
// handshake for exactly 2 s: then the link is closed and logged, and the
// node tries again after a pause that doubles (500 ms, 1 s, ...). All the
// impostor ever gets is hellos.
func TestSilentImpostorTimesOut(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		const fake = "127.0.0.1:7001"
		f := startFakeNode(t, m, fake, false)
		log := &recorder{}
		start := time.Now()
		memNode(t, m, Config{ID: "n1", Key: testKey, Peers: []string{fake}, Log: log.add})
		time.Sleep(handshakeTimeout - time.Nanosecond)
		synctest.Wait()
		if n := len(log.snapshot()); n != 0 {
			t.Fatalf("%d refusals before the handshake timed out", n)
		}
		time.Sleep(time.Nanosecond)
		synctest.Wait()
		if log.count("n1: link to peer "+fake+" refused: no complete handshake within 2s") != 1 {
			t.Fatalf("after 2 s: %q", log.snapshot())
		}
		time.Sleep(4 * time.Second)
		synctest.Wait()
		f.mu.Lock()
		defer f.mu.Unlock()
		var at []time.Duration
		for i, l := range f.lines {
			if w := strings.Fields(l); len(w) != 4 || w[0] != ctlPeer || w[1] != "n1" || strings.Contains(l, testKey) {
				t.Fatalf("the impostor got %q, not just a hello", l)
			}
			at = append(at, f.at[i].Sub(start))
		}
		want := []time.Duration{0, 2500 * time.Millisecond, 5500 * time.Millisecond}
		if len(at) != len(want) || at[0] != want[0] || at[1] != want[1] || at[2] != want[2] {
			t.Fatalf("hellos at %v, want %v", at, want)
		}
	})
}

// Heartbeats wait in the link's delay line like relays. A delay above
// the peer timeout (1 s) leaves a gap of that delay in a healthy node's
// heartbeats: it is suspected 1 s after its last prompt one, until the
// first late one arrives; the other direction, not delayed, stays up.
// The demo's slow links (150 ms + up to 300 ms) never leave such a gap.
func TestSlowLinkDelaysHeartbeats(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		c := memCluster(t, m, 2) // 1 s after the start, on a heartbeat: n1 has just heard n2
		n1, n2 := c.Nodes[0], c.Nodes[1]
		up := func(n *Node, peer string) bool { return strings.Contains(n.membersLine(), peer+"=") }
		n2.SetLinkDelay(2*time.Second, 0)
		time.Sleep(time.Second) // 1 s of silence is not yet more than the timeout
		synctest.Wait()
		if !up(n1, "n2") {
			t.Fatal("n2 suspected before 1 s without a heartbeat")
		}
		time.Sleep(time.Nanosecond)
		synctest.Wait()
		if up(n1, "n2") || !up(n2, "n1") {
			t.Fatalf("after 1 s without n2's heartbeats: n1 sees %s, n2 sees %s", n1.membersLine(), n2.membersLine())
		}
		// n2's next beat left 250 ms after its last prompt one, and arrives 2 s later.
		time.Sleep(1250*time.Millisecond - 2*time.Nanosecond)
		synctest.Wait()
		if up(n1, "n2") {
			t.Fatal("n2 back before its first late heartbeat")
		}
		time.Sleep(time.Nanosecond)
		synctest.Wait()
		if !up(n1, "n2") {
			t.Fatalf("n2 still suspected once its late heartbeats arrive: %s", n1.membersLine())
		}

		n2.SetLinkDelay(150*time.Millisecond, 300*time.Millisecond)
		for i := range 1000 { // 10 s
			time.Sleep(10 * time.Millisecond)
			synctest.Wait()
			if !up(n1, "n2") {
				t.Fatalf("n2 suspected %v into the demo's slow links", time.Duration(i+1)*10*time.Millisecond)
			}
		}
	})
}

// A would-be peer that never reads leaves the node's writer stuck on its
// welcome: the node gives up on it after the handshake's 2 s, and a Kill
// meanwhile does not wait for it.
func TestPeerThatNeverReads(t *testing.T) {
	for _, kill := range []bool{false, true} {
		synctest.Test(t, func(t *testing.T) {
			m := newMemNet()
			m.BufSize = 16 // less than the welcome
			n := memNode(t, m, Config{ID: "n1", Key: testKey})
			nc, err := m.Dial(t.Context(), n.Addr())
			if err != nil {
				t.Fatal(err)
			}
			defer nc.Close()
			fmt.Fprintf(nc, "%s t1 127.0.0.1:7 %s\n", ctlPeer, newNonce())
			closed := func() bool {
				_, eof := chattest.Pending(nc)
				return eof
			}
			start := time.Now()
			if kill {
				synctest.Wait()
				n.Kill()
				if d := time.Since(start); d != 0 || !closed() {
					t.Fatalf("Kill took %v; connection closed: %v", d, closed())
				}
				return
			}
			time.Sleep(handshakeTimeout - time.Nanosecond)
			synctest.Wait()
			if closed() {
				t.Fatal("closed before 2 s")
			}
			time.Sleep(time.Nanosecond)
			synctest.Wait()
			if !closed() {
				t.Fatal("still open after 2 s")
			}
		})
	}
}

// A Shutdown draining its clients sees at once that one of them turned
// out to be a would-be peer, even one whose writer is stuck.
func TestShutdownWhileAPeerIsAdopted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		m.BufSize = 16 // less than the welcome
		n := NewNode(Config{ID: "n1", Key: testKey, Addr: "127.0.0.1:0", Listen: m.Listen, Dial: m.Dial})
		if err := n.Start(); err != nil {
			t.Fatal(err)
		}
		nc, err := m.Dial(t.Context(), n.Addr())
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		synctest.Wait()
		start := time.Now()
		done := make(chan error)
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			done <- n.Shutdown(ctx)
		}()
		synctest.Wait() // draining: the guest's writer is stuck on its welcome
		fmt.Fprintf(nc, "%s t1 127.0.0.1:7 %s\n", ctlPeer, newNonce())
		if err := <-done; err != nil || time.Since(start) != 0 {
			t.Fatalf("Shutdown took %v: %v", time.Since(start), err)
		}
	})
}
