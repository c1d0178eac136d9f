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
	from    *conn  // the local sender, who does not get an echo; nil if relayed
	client  string // the sender's id: a client that failed over gets no echo either
	clientH uint64 // idHash(client)
	plain   []byte // "LINE\n" for netcat clients
	ctl     []byte // "/m CLIENT SEQ SRC OSEQ LINE\n" for distlab clients
	src     string // origin run (ORIGIN.EPOCH) and its number for the message: for replays
	oseq    uint64
	at      int64   // Unix ms when the origin accepted it
	msg     Message // for a peer catching up (catchUp)
	quiet   bool    // from a catch-up: for distlab clients only
}

// hub fans messages out to the node's clients. It is a ring of entries
// that every client's writer goroutine reads at its own pace, from its own
// cursor: the sender appends once, and no message is copied per client.
// A reader that falls a whole ring behind makes publish wait (back-pressure
// on the senders) until it catches up or its writer gives up on it: a
// client that keeps reading never loses a message.
//
// Nothing polls. Readers wait on wake, closed at every publish; a waiting
// publisher waits on room, closed by the first reader at or below low
// that moves on (advanced), or by an unsubscribe.
type hub struct {
	ring []atomic.Pointer[entry] // a power of two long
	size uint64                  // len(ring)
	head atomic.Uint64           // the next slot to fill; entries below it are published

	// room is open while a publisher waits for the ring to drain; nil
	// otherwise. Set under mu, closed by whoever swaps it out.
	room atomic.Pointer[chan struct{}]
	low  atomic.Uint64 // the cursor a waiting publisher waits on to move

	// wake is closed at every publish, and replaced after head moves on;
	// readers take it without mu (see waitChan).
	wake atomic.Pointer[chan struct{}]

	mu   sync.Mutex // guards subs, lowest, and serializes publishers
	subs map[*conn]struct{}
	// lowest is a cursor no subscriber is below; recomputed when the ring
	// seems full, so publish rarely walks the subscribers.
	lowest uint64
}

// newHub makes a hub whose ring holds size messages, a power of two.
func newHub(size int) *hub {
	h := &hub{ring: make([]atomic.Pointer[entry], size), size: uint64(size), subs: map[*conn]struct{}{}}
	wake := make(chan struct{})
	h.wake.Store(&wake)
	return h
}

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
	h.openRoom() // its claim on the ring is gone
}

// advanced is called by a reader whose cursor moved on from prev: it
// wakes a publisher waiting for that reader. One atomic load when none
// waits.
func (h *hub) advanced(prev uint64) {
	if h.room.Load() != nil && prev <= h.low.Load() {
		h.openRoom()
	}
}

// openRoom wakes the waiting publishers, if any.
func (h *hub) openRoom() {
	if p := h.room.Load(); p != nil && h.room.CompareAndSwap(p, nil) {
		close(*p)
	}
}

// publish appends e, waiting while the slowest reader is a whole ring
// behind. It gives up waiting (and drops that reader's claim) after limit,
// which is longer than the writers' own timeout: normally the slow
// client's writer evicts it first.
func (h *hub) publish(e *entry, limit time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var giveUp *time.Timer
	defer func() {
		if giveUp != nil {
			giveUp.Stop()
		}
	}()
	for {
		head := h.head.Load()
		if head-h.lowest < h.size {
			break
		}
		slow, low := h.slowest(head)
		h.lowest = low
		if head-low < h.size {
			break
		}
		// Wait for the slowest to move (or leave). The room channel is
		// set before the cursors are read again, and readers store their
		// cursor before they look at room: one of the two sees the other.
		h.low.Store(low)
		room := h.room.Load()
		if room == nil {
			ch := make(chan struct{})
			h.room.Store(&ch)
			room = &ch
		}
		if _, low2 := h.slowest(head); low2 != low {
			h.openRoom()
			continue
		}
		if giveUp == nil {
			giveUp = time.NewTimer(limit)
		}
		h.mu.Unlock()
		select {
		case <-*room:
			h.mu.Lock()
		case <-slow.done: // it ended: its writer no longer reads
			h.mu.Lock()
			delete(h.subs, slow)
		case <-giveUp.C:
			h.mu.Lock()
			delete(h.subs, slow)
			slow.kill()
			giveUp.Reset(limit)
		}
	}
	head := h.head.Load()
	h.ring[head&(h.size-1)].Store(e)
	h.head.Store(head + 1)
	wake := make(chan struct{})
	close(*h.wake.Swap(&wake)) // after head: a reader holding the old one sees the entry
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
// past cursor are already there (then it returns nil). It takes no lock:
// the channel is loaded before head, and publish moves head before it
// closes that channel, so a reader that found head at its cursor is woken
// by the publish that moves it. (Under mu, every idle reader of a busy
// node queued behind the publishers at every message.)
func (h *hub) waitChan(cursor uint64) <-chan struct{} {
	wake := h.wake.Load()
	if h.head.Load() != cursor {
		return nil
	}
	return *wake
}

// read returns the entry at seq.
func (h *hub) read(seq uint64) *entry { return h.ring[seq&(h.size-1)].Load() }
