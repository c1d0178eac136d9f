package chat

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"
)

// A /msg over the rate limit is not acknowledged: the client sends it again
// later and it gets through then. (Acked, it was lost: the client forgot it.)
func TestRateLimitedMsgIsNotAcked(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		n := memNode(t, m, Config{ID: "n1", Rate: 2}) // alone: acks on receipt
		watcher := memRaw(t, m, n.Addr())
		r := memRaw(t, m, n.Addr())
		r.send("/hello " + newSecret() + " ana\n")
		for i := 1; i <= 4; i++ {
			r.send(fmt.Sprintf("/msg %d m%d\n", i, i))
		}
		lines := available(t, r)
		if count(lines, "/ack 1") != 1 || count(lines, "/ack 2") != 1 || count(lines, "/ack 3") != 0 || count(lines, "/ack 4") != 0 {
			t.Fatalf("a burst of 2 acked %q", lines)
		}
		time.Sleep(time.Second)
		r.send("/msg 3 m3\n")
		if lines := available(t, r); count(lines, "/ack 3") != 1 {
			t.Fatalf("the resend a second later: %q", lines)
		}
		if seen := available(t, watcher); count(seen, "m1") != 1 || count(seen, "m3") != 1 || count(seen, "m4") != 0 {
			t.Fatalf("others saw %q: want m1 and m3 once, m4 not yet", seen)
		}
	})
}

// A sender that leaves before any peer confirmed its messages leaves
// nothing waiting behind: the node does not fill up and go mute.
func TestPendingForgottenWithTheirSender(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		n := memNode(t, m, Config{ID: "n1", Key: testKey, Peers: []string{"127.0.0.1:7999"}}) // a peer that never comes
		r := memRaw(t, m, n.Addr())
		r.send("/hello " + newSecret() + " ana\n")
		for i := 1; i <= 3; i++ {
			r.send(fmt.Sprintf("/msg %d m%d\n", i, i))
		}
		if lines := available(t, r); count(lines, "/ack") != 0 {
			t.Fatalf("acked with no peer to confirm: %q", lines)
		}
		if got := n.acks.len(); got != 3 {
			t.Fatalf("%d waiting, want 3", got)
		}
		r.nc.Close()
		synctest.Wait()
		if got := n.acks.len(); got != 0 {
			t.Errorf("%d messages still wait for a sender that left", got)
		}
	})
}

// A connection gets its replay once: each /since scans the whole ring.
func TestSinceOncePerConnection(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		n := memNode(t, m, Config{ID: "n1"})
		talker := memRaw(t, m, n.Addr())
		talker.send("hello all\n")
		synctest.Wait()
		r := memRaw(t, m, n.Addr())
		r.send("/hello " + newSecret() + " ana\n")
		got := 0
		for range 3 {
			r.send("/since 0\n")
			got += count(available(t, r), "hello all")
		}
		if got != 1 {
			t.Fatalf("three /since replayed it %d times, want once", got)
		}
	})
}

// New client ids come at most newIDBurst at once and newIDRate a second
// after: the next is told to try again and its connection ends; a second
// later, newIDRate more get in, and an id the node knows (it has sent a
// message) always does.
func TestNewIDsAreRateLimited(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		n := memNode(t, m, Config{ID: "n1", MaxClients: 2 * newIDBurst})
		hello := func(secret string) []string {
			r := memRaw(t, m, n.Addr())
			r.send("/hello " + secret + " x\n/msg 1 hi\n") // an id that sent a message is known
			return available(t, r)
		}
		known := newSecret()
		for i := range newIDBurst {
			s := newSecret()
			if i == 0 {
				s = known
			}
			if lines := hello(s); count(lines, "/members") != 1 {
				t.Fatalf("new id %d of a burst of %d refused: %q", i+1, newIDBurst, lines)
			}
		}
		if lines := hello(newSecret()); count(lines, "too many new clients a second") != 1 {
			t.Fatalf("id %d: %q", newIDBurst+1, lines)
		}
		if lines := hello(known); count(lines, "/members") != 1 {
			t.Fatalf("a known id refused: %q", lines)
		}
		time.Sleep(time.Second)
		passed := 0
		for range newIDRate + 1 {
			if count(hello(newSecret()), "/members") == 1 {
				passed++
			}
		}
		if passed != newIDRate {
			t.Errorf("a second later %d new ids got in, want %d", passed, newIDRate)
		}
	})
}
