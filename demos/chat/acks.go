package chat

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"distlab/demos/locale"
)

// End-to-end acknowledgements: a node acks a client's message once a peer
// has confirmed that it holds a copy (/got on the link the relay went
// out on), so the node's crash can no longer take the only copy with it.
// Until then the message waits here, with the acks to send.

// maxPending bounds the messages waiting for a peer. A node that holds
// that many refuses new ones unacknowledged (their senders send them
// again later) rather than grow without bound while its peers are away.
const maxPending = 1 << 16

// msgID is a message's id in the cluster.
type msgID struct {
	client string
	seq    uint64
}

// pendingMsg is a message accepted here that no peer has confirmed.
type pendingMsg struct {
	m     Message
	acks  []func() // one per time its sender sent it; few
	conns []*conn  // the connection each ack goes to
}

// pendingAcks is the set of messages waiting for a peer's /got.
type pendingAcks struct {
	mu sync.Mutex
	m  map[msgID]*pendingMsg
}

func newPendingAcks() *pendingAcks { return &pendingAcks{m: map[msgID]*pendingMsg{}} }

func (p *pendingAcks) len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.m)
}

// add records m as waiting, with ack to run for c when a peer confirms it.
func (p *pendingAcks) add(m Message, c *conn, ack func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.m[msgID{m.Client, m.Seq}] = &pendingMsg{m: m, acks: []func(){ack}, conns: []*conn{c}}
}

// again adds ack (for c) to a waiting message and returns it, or reports
// false if the message is not waiting (a peer has it already).
func (p *pendingAcks) again(id msgID, c *conn, ack func()) (Message, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	w := p.m[id]
	if w == nil {
		return Message{}, false
	}
	if len(w.acks) < 4 { // every ack goes to the same client: a few are plenty
		w.acks, w.conns = append(w.acks, ack), append(w.conns, c)
	}
	return w.m, true
}

// forget drops the acks meant for c, which closed, and the messages left
// with none: nobody waits on them any more. The sender sends them again
// wherever it reconnects; here they were delivered, and the catch-up of a
// link that comes up (/recent) takes them to the peers. Without this, the
// messages of senders that left while no peer answered would pile up to
// maxPending and the node would take no new one.
func (p *pendingAcks) forget(c *conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for id, w := range p.m {
		keep := 0
		for i, to := range w.conns {
			if to != c {
				w.acks[keep], w.conns[keep] = w.acks[i], to
				keep++
			}
		}
		w.acks, w.conns = w.acks[:keep], w.conns[:keep]
		if keep == 0 {
			delete(p.m, id)
		}
	}
}

// confirm runs the acks of id, which a peer now has.
func (p *pendingAcks) confirm(id msgID) {
	p.mu.Lock()
	w := p.m[id]
	delete(p.m, id)
	p.mu.Unlock()
	if w != nil {
		for _, f := range w.acks {
			f()
		}
	}
}

// alone reports whether the node has no peer to confirm anything: none
// configured and none linked. Such a node acks on receipt.
func (n *Node) alone() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.aloneLocked()
}

func (n *Node) aloneLocked() bool { return len(n.cfg.Peers) == 0 && len(n.links) == 0 }

// accept delivers a message from a local client, once, and relays it;
// ack (may be nil) runs once a peer confirmed it has the message, at once
// on a node without peers.
func (n *Node) accept(m Message, from *conn, ack func()) {
	waits := ack != nil // nobody waits on a netcat's message: nothing to keep
	if !waits {
		ack = func() {}
	}
	if n.acks.len() >= maxPending && !n.seen.seen(m.Client, m.Seq) {
		return // unacknowledged: the sender tries again later
	}
	if !n.seen.add(m.Client, m.Seq) {
		// A resend: still waiting for a peer, so relay it again (the link
		// it went out on may have died); otherwise a peer has it, or it
		// came from one, and it is safe.
		if w, waiting := n.acks.again(msgID{m.Client, m.Seq}, from, ack); waiting {
			n.relay(w, nil)
		} else {
			ack()
		}
		return
	}
	m.Origin, m.OSeq, m.At = n.cfg.ID, n.oseq.Add(1), time.Now() // Epoch: set by post
	n.received.Add(1)
	n.deliver(m, from)
	switch {
	case !waits:
	case n.alone():
		ack()
	default:
		n.acks.add(m, from, ack)
	}
	n.relay(m, nil)
}

// gotLine is the answer to a relay received from its origin.
func gotLine(m Message) string { return fmt.Sprintf("%s %s %d", ctlGot, m.Client, m.Seq) }

// got handles /got CLIENT SEQ from a peer: it has that message.
func (n *Node) got(line string) {
	f := strings.Fields(line)
	if len(f) != 3 {
		return
	}
	var seq uint64
	if _, err := fmt.Sscan(f[2], &seq); err != nil {
		return
	}
	n.acks.confirm(msgID{f[1], seq})
}

// ackModeLocked is the /nodes line on how this node acknowledges.
func (n *Node) ackModeLocked(p *locale.Printer) string {
	if n.aloneLocked() {
		return notice(p, "acknowledgements: on receipt, as this node has no peer to keep a copy")
	}
	return notice(p, "acknowledgements: once a peer confirms it has the message (%d waiting)", n.acks.len())
}
