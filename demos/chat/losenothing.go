package chat

import (
	"time"

	"distlab/demos/locale"
)

// The check of LoseNothing: a crash of the node you are on (Kill) starts
// a watch if the node went before acknowledging a line you typed, and
// Done ends it once the lines you typed around the crash are acknowledged
// and shown to every other watching client exactly once. A crash after
// every ack is no test: a peer had each line, and nothing was sent again.

// crash kills node n, and watches the crash if it may meet LoseNothing:
// you were on n, the bots were talking, and n went before acknowledging a
// line you typed lately, as your client's own records of acks tell.
func (d *Demo) crash(n *Node) {
	w, atRisk := d.atRisk(n)
	n.Kill()
	if w == nil {
		return
	}
	// An ack that came in while n went was n's: that line was safe.
	if w.unacked = len(w.client.unackedFrom(w.addr, atRisk)); w.unacked == 0 {
		return
	}
	c := &d.ch
	c.mu.Lock()
	c.crash = w
	c.mu.Unlock()
}

// atRisk is the watch that a crash of n now may start, and your lines
// that n has not acknowledged (nil, nil if none, or if you are not on n
// while the bots talk).
func (d *Demo) atRisk(n *Node) (*crashWatch, []uint64) {
	if len(d.views) == 0 {
		return nil, nil
	}
	you := d.views[0].current()
	if you == nil || !n.Stats().Up || !samePort(you.Node(), n.Addr()) {
		return nil, nil
	}
	d.mu.Lock()
	talking := len(d.bots) > 0 && !d.paused
	d.mu.Unlock()
	if !talking {
		return nil, nil
	}
	now := time.Now()
	c := &d.ch
	c.mu.Lock()
	seqs := c.yoursSinceLocked(now.Add(-crashWindow))
	c.mu.Unlock()
	atRisk := you.unackedFrom(n.Addr(), seqs)
	if len(atRisk) == 0 {
		return nil, nil
	}
	return &crashWatch{node: n.ID(), addr: n.Addr(), client: you, at: now}, atRisk
}

// checkCrash meets LoseNothing once the crash watched is over: you are on
// another node, every line you typed since crashWindow before the crash
// is acknowledged, and every other watching client was shown each once.
func (d *Demo) checkCrash() {
	c := &d.ch
	c.mu.Lock()
	w := c.crash
	c.mu.Unlock()
	if w == nil || len(d.views) < 2 || c.log.Met(LoseNothing) {
		return
	}
	you := d.views[0].current()
	if you != w.client {
		return // Reset replaced your client: the watch is over
	}
	if at := you.Node(); at == "" || samePort(at, w.addr) {
		return // still failing over
	}
	c.mu.Lock()
	seqs := c.yoursSinceLocked(w.at.Add(-crashWindow))
	c.mu.Unlock()
	if you.unackedAmong(seqs) > 0 {
		return
	}
	var others []string
	c.mu.Lock()
	for i := 1; i < len(d.views); i++ {
		if i >= len(c.views) {
			c.mu.Unlock()
			return
		}
		for _, s := range seqs {
			if c.views[i].yours[s] != 1 {
				c.mu.Unlock()
				return // not yet, or (never seen so far) twice
			}
		}
		others = append(others, d.views[i].Name())
	}
	c.crash = nil
	c.mu.Unlock()
	node, total, unacked := w.node, len(seqs), w.unacked
	c.log.Mark(LoseNothing, func(p *locale.Printer) string {
		names := joinNames(p, others)
		if total > 1 {
			return p.T("%s crashed with %d of your %d recent lines unacked; each reached %s exactly once.", node, unacked, total, names)
		}
		return p.T("%s crashed before your line was acked; it reached %s exactly once.", node, names) // unacked is 1
	})
}

// joinNames is "ana", "ana and bruno", "ana, bruno and carla".
func joinNames(p *locale.Printer, names []string) string {
	if len(names) == 0 {
		return ""
	}
	out := names[0]
	for i, n := range names[1:] {
		if i == len(names)-2 {
			return p.T("%s and %s", out, n)
		}
		out += ", " + n
	}
	return out
}

// lastSeq is the seq of the last message the client numbered.
func (c *Client) lastSeq() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seq
}

// unackedAmong is how many of seqs the client numbered and has not had
// acknowledged (a seq it never numbered counts as not acknowledged).
func (c *Client) unackedAmong(seqs []uint64) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, s := range seqs {
		if c.unackedLocked(s) {
			n++
		}
	}
	return n
}

// unackedFrom is those of seqs that the node at addr did not acknowledge:
// those the client still waits on while it is on that node or on none,
// and every one of them once it is on another node, which is where any
// ack since came from (the client reads the old node's last lines before
// it connects anew).
func (c *Client) unackedFrom(addr string, seqs []uint64) []uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.addr != "" && !samePort(c.addr, addr) {
		return seqs
	}
	var out []uint64
	for _, s := range seqs {
		if c.unackedLocked(s) {
			out = append(out, s)
		}
	}
	return out
}

// unackedLocked reports whether seq is not acknowledged (or not yet
// numbered); c.mu held.
func (c *Client) unackedLocked(seq uint64) bool { return seq > c.seq || c.unacked[seq] != nil }
