package chat

import (
	"sync"
	"sync/atomic"
	"time"
)

// ringSize is how many messages a node keeps for readers that lag behind.
const ringSize = 1 << 16

// entry is one message as the node's clients will receive it.
type entry struct {
	from   *conn  // the local sender, who does not get an echo; nil if relayed
	client string // the sender's id: a client that failed over gets no echo either
	plain  []byte // "LINE\n" for netcat clients
	ctl    []byte // "/m CLIENT SEQ LINE\n" for distlab clients
}

// hub fans messages out to the node's clients. It is a ring of entries
// that every client's writer goroutine reads at its own pace, from its own
// cursor: the sender appends once, and no message is copied per client.
// A reader that falls a whole ring behind makes publish wait (back-pressure
// on the senders) until it catches up or its writer gives up on it: a
// client that keeps reading never loses a message.
type hub struct {
	ring [ringSize]atomic.Pointer[entry]
	head atomic.Uint64 // the next slot to fill; entries below it are published

	mu   sync.Mutex // guards wake, subs, lowest
	wake chan struct{}
	subs map[*conn]struct{}
	// lowest is a cursor no subscriber is below; recomputed when the ring
	// seems full, so publish rarely walks the subscribers.
	lowest uint64
}

func newHub() *hub { return &hub{wake: make(chan struct{}), subs: map[*conn]struct{}{}} }

// subscribe starts c reading at the newest message.
func (h *hub) subscribe(c *conn) {
	h.mu.Lock()
	defer h.mu.Unlock()
	c.cursor.Store(h.head.Load())
	h.subs[c] = struct{}{}
}

func (h *hub) unsubscribe(c *conn) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, c)
}

// publish appends e, waiting while the slowest reader is a whole ring
// behind. It gives up waiting (and drops that reader's claim) after limit,
// which is longer than the writers' own timeout: normally the slow
// client's writer evicts it first.
func (h *hub) publish(e *entry, limit time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var since time.Time
	for {
		head := h.head.Load()
		if head-h.lowest < ringSize {
			break
		}
		slow, low := h.slowest(head)
		h.lowest = low
		if head-low < ringSize {
			break
		}
		if since.IsZero() {
			since = time.Now()
		} else if time.Since(since) > limit {
			delete(h.subs, slow)
			slow.kill()
			since = time.Time{}
			continue
		}
		h.mu.Unlock()
		time.Sleep(time.Millisecond)
		h.mu.Lock()
	}
	head := h.head.Load()
	h.ring[head%ringSize].Store(e)
	h.head.Store(head + 1)
	close(h.wake)
	h.wake = make(chan struct{})
}

// slowest is the subscriber with the lowest cursor, and that cursor (head
// when there is none).
func (h *hub) slowest(head uint64) (*conn, uint64) {
	var slow *conn
	low := head
	for c := range h.subs {
		if cur := c.cursor.Load(); cur < low {
			slow, low = c, cur
		}
	}
	return slow, low
}

// waitChan returns a channel closed at the next publish, unless messages
// past cursor are already there (then it returns nil).
func (h *hub) waitChan(cursor uint64) <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.head.Load() != cursor {
		return nil
	}
	return h.wake
}

// read returns the entry at seq.
func (h *hub) read(seq uint64) *entry { return h.ring[seq%ringSize].Load() }
