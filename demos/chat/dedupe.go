package chat

import (
	"bytes"
	"io"
	"sync"
)

// dedupe remembers which (client, seq) message ids were delivered, so that
// a message that reaches a node twice — over two peer links, or resent by a
// client after a failover — is delivered once. Per client it keeps the
// highest seq and a window of the window seqs below it; an older seq counts
// as seen. Windows are kept for the maxClients clients seen last; of the
// others only the high-water mark is kept (two generations of maxTops/2,
// the older dropped whole when the newer fills), so a client whose window
// was dropped still has every seq up to its mark counted as seen. With new
// ids limited per connection and per second (Node.hello), filling the
// marks takes hours; flushing a window is harmless.
type dedupe struct {
	mu      sync.Mutex
	clients map[string]*seqWindow
	order   []string          // clients in the order first seen, to drop the oldest window
	tops    map[string]uint64 // high-water marks of clients without a window
	oldTops map[string]uint64 // the generation before
	maxTops int
	maxWins int
	dropped uint64 // windows dropped, for tests
}

const (
	window     = 4096
	maxClients = 1 << 14
	maxTops    = 1 << 21 // about 100 MB at most; hours of new ids at the limit
	// maxSeqStep is how far past its high-water mark a client's next seq
	// may go: a client numbers its messages one by one, and a seq far
	// ahead would make every later one look old.
	maxSeqStep = window
)

type seqWindow struct {
	top  uint64
	bits [window / 64]uint64
}

func newDedupe() *dedupe {
	return &dedupe{clients: map[string]*seqWindow{}, tops: map[string]uint64{}, oldTops: map[string]uint64{},
		maxTops: maxTops, maxWins: maxClients}
}

// add records id and reports whether it is new.
func (d *dedupe) add(client string, seq uint64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.windowLocked(client).add(seq)
}

// windowLocked is client's window, made (from its mark, if any) when it
// has none.
func (d *dedupe) windowLocked(client string) *seqWindow {
	if w := d.clients[client]; w != nil {
		return w
	}
	if len(d.order) >= d.maxWins {
		old := d.order[0]
		d.order = d.order[1:]
		if len(d.tops) >= d.maxTops/2 {
			d.oldTops, d.tops = d.tops, map[string]uint64{}
		}
		d.tops[old] = d.clients[old].top
		delete(d.clients, old)
		d.dropped++
	}
	w := &seqWindow{}
	top, ok := d.tops[client]
	if !ok {
		top, ok = d.oldTops[client]
	}
	if ok {
		delete(d.tops, client)
		delete(d.oldTops, client)
		w.top = top
		for i := range w.bits {
			w.bits[i] = ^uint64(0) // all up to the mark counts as seen
		}
	}
	d.clients[client] = w
	d.order = append(d.order, client)
	return w
}

// known reports whether client was seen before.
func (d *dedupe) known(client string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, a := d.clients[client]
	_, b := d.tops[client]
	_, c := d.oldTops[client]
	return a || b || c
}

// top is the highest seq of client seen, 0 if none.
func (d *dedupe) top(client string) uint64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	if w := d.clients[client]; w != nil {
		return w.top
	}
	if t, ok := d.tops[client]; ok {
		return t
	}
	return d.oldTops[client]
}

// seen reports whether id was delivered, without recording it.
func (d *dedupe) seen(client string, seq uint64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	w := d.clients[client]
	if w == nil {
		t, ok := d.tops[client]
		if !ok {
			t, ok = d.oldTops[client]
		}
		return ok && seq <= t
	}
	return seq <= w.top && (w.top-seq >= window || w.has(seq))
}

func (w *seqWindow) add(seq uint64) bool {
	switch {
	case seq > w.top:
		for s := w.top + 1; s < seq && s+window > seq; s++ {
			w.clear(s) // slots that now stand for newer seqs start unseen
		}
		if seq-w.top >= window {
			w.bits = [window / 64]uint64{}
		}
		w.top = seq
		w.set(seq)
		return true
	case w.top-seq >= window:
		return false // too old to tell: treat as seen
	case w.has(seq):
		return false
	}
	w.set(seq)
	return true
}

func (w *seqWindow) set(s uint64)      { w.bits[(s%window)/64] |= 1 << (s % 64) }
func (w *seqWindow) clear(s uint64)    { w.bits[(s%window)/64] &^= 1 << (s % 64) }
func (w *seqWindow) has(s uint64) bool { return w.bits[(s%window)/64]&(1<<(s%64)) != 0 }

// io2 reads first from b, then from r: bytes a reader buffered before the
// connection changed hands.
func io2(b []byte, r io.Reader) io.Reader {
	if len(b) == 0 {
		return r
	}
	return io.MultiReader(bytes.NewReader(bytes.Clone(b)), r)
}
