package chat

import (
	"sync"
	"time"

	"distlab/demos/locale"
)

// settleWithin is how long Reset waits for the cluster to settle: the
// nodes it restarted linked to their peers, the nicks of the clients it
// replaced let go of.
const settleWithin = 5 * time.Second

// Reset puts the demo back as it started, so that a class can run a step
// again: every node up and thawed, fast links, the bots unpaused at their
// first rate, and fresh clients — each watching client on its own node
// with an empty screen, the bots as many as at start, spread over the
// nodes in turn and counting from message 1. It returns once the new
// clients are connected; the error is the first thing that failed (a
// node's port taken meanwhile, say), after the rest was done.
func (d *Demo) Reset() error {
	d.resetMu.Lock()
	defer d.resetMu.Unlock()
	d.mu.Lock()
	if d.closed || d.isClosing() {
		d.mu.Unlock()
		return ErrClosed
	}
	bots := d.bots
	d.bots = nil
	d.paused, d.botRate = false, d.cfg.BotRate
	d.mu.Unlock()

	var first error
	keep := func(err error) {
		if first == nil {
			first = err
		}
	}
	// Nodes first: a frozen node reads nothing, so it would not see the
	// old clients leave and would keep their nicks taken.
	d.SetLinks(LinksFast)
	for i, n := range d.cluster.Nodes {
		switch {
		case !n.Stats().Up:
			if err := d.restart(i); err != nil {
				keep(err)
			}
		case n.Frozen():
			n.Thaw()
		}
	}
	var wg sync.WaitGroup
	for _, b := range bots {
		wg.Go(b.halt)
	}
	for _, v := range d.views {
		if c := v.setClient(nil); c != nil {
			wg.Go(c.Close)
		}
	}
	wg.Wait()
	for _, v := range d.views {
		v.clear()
	}
	d.ch.reset()
	// You come back under your name in the language spoken now, which
	// may not be the one the demo started in.
	lang := d.txt.printer().Lang()
	d.views[0].setName(d.youNick(lang))
	d.settle()
	for i := range d.views {
		if d.isClosing() {
			return ErrClosed // Close is waiting: it closes whatever is left
		}
		if err := d.dialView(i, lang); err != nil {
			keep(err)
		} else if i == 0 {
			d.sendSaid()
		}
	}
	for range d.cfg.Bots {
		if err := d.addBot(); err != nil {
			keep(err)
			break
		}
	}
	return first
}

// dialView connects view i's client to node i, the others to fail over to.
func (d *Demo) dialView(i int, lang locale.Lang) error {
	v := d.views[i]
	addrs := []string{LocalAddr(d.cluster.Nodes[i].Addr())}
	for j, n := range d.cluster.Nodes {
		if j != i {
			addrs = append(addrs, LocalAddr(n.Addr()))
		}
	}
	c, err := Dial(ClientConfig{Addrs: addrs, Nick: v.Name(), OnLine: v.add, Lang: lang, Dial: d.cfg.Dial,
		shown:  func(pub string, seq uint64, line string) { d.shown(i, pub, seq, line) },
		silent: func(addr string, after time.Duration) { d.silent(i, addr, after) }})
	if err != nil {
		return err
	}
	if i == 0 {
		d.ch.setYou(publicID(c.ID()))
	}
	v.setClient(c)
	return nil
}

// settle waits, at most settleWithin and until Close begins, until every node that is up hears
// from all its peers, and each new client's node no longer takes its nick
// for held: a nick a peer's heartbeat still lists (the old client's) would
// be refused, and the client shown as a guest.
func (d *Demo) settle() {
	nodes := d.cluster.Nodes
	home := map[string]*Node{} // nick → the node its client will ask
	for i, v := range d.views {
		home[v.Name()] = nodes[i]
	}
	for i := range d.cfg.Bots {
		home[botNick(i)] = nodes[i%len(nodes)]
	}
	settled := func() bool {
		var up []NodeStats // a node that failed to restart is Reset's error, not waited for
		for _, n := range nodes {
			if st := n.Stats(); st.Up {
				up = append(up, st)
			}
		}
		for _, st := range up {
			if st.Peers < len(up)-1 {
				return false
			}
		}
		for nick, n := range home {
			if !n.Stats().Up {
				continue
			}
			n.mu.Lock()
			taken := n.nickTakenLocked(nick, nil)
			n.mu.Unlock()
			if taken {
				return false
			}
		}
		return true
	}
	poll := time.NewTicker(10 * time.Millisecond)
	defer poll.Stop()
	for deadline := time.Now().Add(settleWithin); !settled() && time.Now().Before(deadline); {
		select {
		case <-d.closing:
			return
		case <-poll.C:
		}
	}
}
