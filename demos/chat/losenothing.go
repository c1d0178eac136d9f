package chat

import (
	"time"

	"distlab/demos/locale"
)

// The check of LoseNothing: a crash of the node you are on (Kill) starts
// a watch, and Done ends it once the lines you typed around the crash are
// acknowledged and shown to every other watching client exactly once.

// watchCrash is called by Kill before node n crashes: if you are on it,
// the bots are talking and you typed lately, the crash may meet
// LoseNothing.
func (d *Demo) watchCrash(n *Node) {
	if len(d.views) == 0 {
		return
	}
	you := d.views[0].current()
	if you == nil || !n.Stats().Up || !samePort(you.Node(), n.Addr()) {
		return
	}
	d.mu.Lock()
	talking := len(d.bots) > 0 && !d.paused
	d.mu.Unlock()
	if !talking {
		return
	}
	now := time.Now()
	c := &d.ch
	c.mu.Lock()
	seqs := c.yoursSinceLocked(now.Add(-crashWindow))
	c.mu.Unlock()
	if len(seqs) == 0 {
		return
	}
	w := &crashWatch{node: n.ID(), addr: n.Addr(), client: you, at: now, unacked: you.unackedAmong(seqs)}
	c.mu.Lock()
	c.crash = w
	c.mu.Unlock()
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
		switch {
		case total > 1:
			return p.T("%s crashed with %d of your %d recent lines unacked; each reached %s exactly once.", node, unacked, total, names)
		case unacked > 0:
			return p.T("%s crashed before your line was acked; it reached %s exactly once.", node, names)
		}
		return p.T("%s crashed after your line was acked; it reached %s exactly once.", node, names)
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
		if s > c.seq || c.unacked[s] != nil {
			n++
		}
	}
	return n
}
