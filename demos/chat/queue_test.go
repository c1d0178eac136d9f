package chat

import (
	"net"
	"testing"
	"testing/synctest"
	"time"
)

// queuedLink is a link with a queue of two lines and no writer: the test
// plays the writer.
func queuedLink(t *testing.T) *peerLink {
	a, b := net.Pipe()
	t.Cleanup(func() { a.Close(); b.Close() })
	n := &Node{}
	n.cfg.defaults()
	return &peerLink{node: n, nc: a, out: make(chan outLine, 2), done: make(chan struct{})}
}

func linkClosed(l *peerLink) bool {
	select {
	case <-l.done:
		return true
	default:
		return false
	}
}

// A full queue holds its senders back, not drops the link, while its
// peer is heard, however long its writer stands still (a live peer's
// reader may wait seconds for its slowest client); a queue that stands
// still while the peer is silent drops the link after queueWait.
func TestFullQueueWaitsWhileThePeerIsHeard(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := queuedLink(t)
		l.out <- outLine{text: "a"}
		l.out <- outLine{text: "b"}
		heard := make(chan struct{})
		go func() { // the peer's heartbeats, for 5 queueWaits, as runLink notes them
			defer close(heard)
			for range 25 {
				l.heard.Store(time.Now().UnixNano())
				time.Sleep(queueWait / 5)
			}
		}()
		go func() { // the writer, stuck in a write for 4 queueWaits, then taking lines
			time.Sleep(4 * queueWait)
			for range 3 {
				<-l.out
				l.taken.Add(1)
			}
		}()
		start := time.Now()
		l.mu.Lock()
		l.enqueue(outLine{text: "c"})
		l.mu.Unlock()
		if linkClosed(l) || time.Since(start) != 4*queueWait {
			t.Fatalf("closed %v after %v: want the line queued after %v, the link up", linkClosed(l), time.Since(start), 4*queueWait)
		}
		<-heard
		synctest.Wait()
	})
	synctest.Test(t, func(t *testing.T) {
		l := queuedLink(t)
		l.heard.Store(time.Now().UnixNano())
		l.out <- outLine{text: "a"}
		l.out <- outLine{text: "b"}
		start := time.Now()
		l.mu.Lock()
		l.enqueue(outLine{text: "c"}) // nobody takes a line, nothing is heard
		l.mu.Unlock()
		if !linkClosed(l) || time.Since(start) > 2*queueWait+time.Millisecond {
			t.Fatalf("a queue standing still, its peer silent: closed %v after %v, want closed within %v", linkClosed(l), time.Since(start), 2*queueWait)
		}
	})
	synctest.Test(t, func(t *testing.T) {
		l := queuedLink(t)
		l.out <- outLine{text: "a"}
		l.out <- outLine{text: "b"}
		stop := make(chan struct{})
		go func() { // a peer that beats on, its reader wedged: nothing is taken
			for {
				l.heard.Store(time.Now().UnixNano())
				select {
				case <-stop:
					return
				case <-time.After(queueWait / 5):
				}
			}
		}()
		start := time.Now()
		l.mu.Lock()
		l.enqueue(outLine{text: "c"})
		l.mu.Unlock()
		close(stop)
		if waited := time.Since(start); !linkClosed(l) || waited < l.maxHold() || waited > l.maxHold()+queueWait {
			t.Fatalf("a wedged peer that beats: closed %v after %v, want closed after %v", linkClosed(l), waited, l.maxHold())
		}
	})
}

// A heartbeat offered to a full queue is skipped at once: the beats to
// the other peers, sent after it, are not held back behind a slow one.
func TestBeatSkipsAFullQueue(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := queuedLink(t)
		l.offer("/beat 1", 0)
		l.offer("/beat 2", 0)
		start := time.Now()
		l.offer("/beat 3", 0) // the queue holds two: this one is dropped
		if time.Since(start) != 0 || linkClosed(l) || len(l.out) != 2 {
			t.Fatalf("after %v: closed %v, %d queued; want at once, open, 2", time.Since(start), linkClosed(l), len(l.out))
		}
		if o := <-l.out; o.text != "/beat 1" {
			t.Fatalf("first queued %q", o.text)
		}
	})
}
