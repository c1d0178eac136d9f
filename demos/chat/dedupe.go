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
// as seen. The number of clients remembered is bounded too.
type dedupe struct {
	mu      sync.Mutex
	clients map[string]*seqWindow
	order   []string // clients in the order first seen, to forget the oldest
}

const (
	window     = 4096
	maxClients = 1 << 14
)

type seqWindow struct {
	top  uint64
	bits [window / 64]uint64
}

func newDedupe() *dedupe { return &dedupe{clients: map[string]*seqWindow{}} }

// add records id and reports whether it is new.
func (d *dedupe) add(client string, seq uint64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	w := d.clients[client]
	if w == nil {
		if len(d.order) >= maxClients {
			delete(d.clients, d.order[0])
			d.order = d.order[1:]
		}
		w = &seqWindow{}
		d.clients[client] = w
		d.order = append(d.order, client)
	}
	return w.add(seq)
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
