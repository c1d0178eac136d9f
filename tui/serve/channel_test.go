package serve

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// countingChannel is a channel that counts the writes under way at once.
type countingChannel struct {
	gossh.Channel
	now, most atomic.Int32
}

func (c *countingChannel) Write(p []byte) (int, error) {
	n := c.now.Add(1)
	for m := c.most.Load(); n > m && !c.most.CompareAndSwap(m, n); m = c.most.Load() {
	}
	time.Sleep(time.Millisecond) // a write takes a while: the window, the socket
	c.now.Add(-1)
	return len(p), nil
}

// The library's copy of the PTY and the handler's goodbye both write to
// the session's channel: they take turns (at once, they shared x/crypto's
// packet buffer, which the race detector caught in TestReconnectResumes).
func TestChannelWritersTakeTurns(t *testing.T) {
	inner := &countingChannel{}
	ch := &channel{Channel: inner}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				_, _ = ch.Write([]byte("frame"))
			}
		})
	}
	wg.Wait()
	if m := inner.most.Load(); m != 1 {
		t.Fatalf("%d writes at once, want 1", m)
	}
}
