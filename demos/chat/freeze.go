package chat

import (
	"sync"
	"sync/atomic"

	"distlab/demos/locale"
)

// gate holds a frozen node's goroutines where they stand, as SIGSTOP holds
// a process: its sockets stay open and the kernel keeps accepting and
// buffering, but nothing is read, answered, relayed or sent. From outside,
// a frozen node looks exactly like a very slow one, and only timeouts
// (the clients' Silence, the peers' PeerTimeout) call it dead.
type gate struct {
	mu sync.Mutex                    // serializes freeze and thaw
	ch atomic.Pointer[chan struct{}] // open while frozen; closed by thaw
}

func (g *gate) freeze() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ch.Load() == nil {
		ch := make(chan struct{})
		g.ch.Store(&ch)
	}
}

func (g *gate) thaw() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if ch := g.ch.Load(); ch != nil {
		g.ch.Store(nil)
		close(*ch)
	}
}

func (g *gate) frozen() bool { return g.ch.Load() != nil }

// pass returns true at once unless frozen; then true when thawed, false
// when stop is closed first (the caller's goroutine should end). One
// atomic load on the hot path.
func (g *gate) pass(stop <-chan struct{}) bool {
	if ch := g.ch.Load(); ch != nil {
		select {
		case <-*ch:
		case <-stop:
			return false
		}
	}
	return true
}

// Freeze stops the node in its tracks without closing anything, as
// `kill -STOP` would: the demo of a node that hangs rather than crashes.
// Thaw lets it go on; a killed node comes back thawed. A node that is not
// running cannot freeze: ErrNodeDown.
func (n *Node) Freeze() error {
	n.mu.Lock() // held, so that a Kill cannot slip in between and thaw first
	defer n.mu.Unlock()
	if !n.up {
		return locale.Errorf("freeze %s: %w", n.cfg.ID, ErrNodeDown)
	}
	n.gate.freeze()
	return nil
}

// Thaw lets a frozen node go on where it stopped.
func (n *Node) Thaw() { n.gate.thaw() }

// Frozen reports whether the node is frozen.
func (n *Node) Frozen() bool { return n.gate.frozen() }
