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
	return &peerLink{nc: a, out: make(chan outLine, 2), done: make(chan struct{})}
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
}
