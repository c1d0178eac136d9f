package chat

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"
)

// peerLink is a TCP link to another node. Either side may have dialed it;
// both run the same code. Lines go out through a bounded queue so that a
// slow peer never blocks the node; with a link delay they first wait in a
// FIFO delay line, so a link delays but never reorders (like TCP).
type peerLink struct {
	node    *Node
	nc      net.Conn
	remote  string // the peer's node id, once it said /peer
	out     chan outLine
	delayed chan outLine
	done    chan struct{}
	once    sync.Once

	mu      sync.Mutex // guards lastDue
	lastDue time.Time
}

// outLine is a line for a peer, and what to do once it is on the wire.
type outLine struct {
	text string
	due  time.Time
	sent func() // may be nil
}

func (l *peerLink) close() {
	l.once.Do(func() {
		close(l.done)
		l.nc.Close()
	})
}

// send queues a line for the peer after delay; sent runs once it has been
// written. A full queue drops the link: the peer will reconnect, and the
// relays through the other peers cover the gap.
func (l *peerLink) send(text string, delay time.Duration, sent func()) {
	if delay <= 0 {
		l.enqueue(outLine{text: text, sent: sent})
		return
	}
	l.mu.Lock()
	due := time.Now().Add(delay)
	if due.Before(l.lastDue) {
		due = l.lastDue // never overtake the line before: FIFO
	}
	l.lastDue = due
	l.mu.Unlock()
	select {
	case l.delayed <- outLine{text: text, due: due, sent: sent}:
	case <-l.done:
	default:
		l.close()
	}
}

func (l *peerLink) enqueue(o outLine) {
	select {
	case l.out <- o:
	case <-l.done:
	default:
		l.close()
	}
}

// delayLoop releases delayed lines when they are due, in order.
func (l *peerLink) delayLoop() {
	for {
		select {
		case <-l.done:
			return
		case o := <-l.delayed:
			t := time.NewTimer(time.Until(o.due))
			select {
			case <-l.done:
				t.Stop()
				return
			case <-t.C:
			}
			l.enqueue(o)
		}
	}
}

// dialLoop keeps a link to addr up until ctx ends, redialing after a
// failure with a short pause.
func (n *Node) dialLoop(ctx context.Context, addr string) {
	for ctx.Err() == nil {
		if !n.gate.pass(ctx.Done()) { // a frozen node dials no one
			return
		}
		dctx, cancel := context.WithTimeout(ctx, time.Second)
		nc, err := n.dial(dctx, addr)
		cancel()
		if err == nil && !n.gate.pass(ctx.Done()) {
			nc.Close()
			return
		}
		if err == nil {
			fmt.Fprintf(nc, "%s %s %s %s\n", ctlPeer, n.cfg.ID, n.Addr(), n.cfg.Key)
			n.runLink(ctx, nc, bufio.NewReaderSize(nc, 16<<10), "")
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// adoptPeer turns an accepted connection whose first line was /peer into a
// peer link. The client that conn was registered as disappears quietly.
func (n *Node) adoptPeer(c *conn, first string, lr *lineReader) {
	n.mu.Lock()
	delete(n.conns, c)
	delete(n.nicks, strings.ToLower(c.nick))
	ctx := n.ctx
	up := n.up
	n.mu.Unlock()
	n.hub.unsubscribe(c)
	// Stop the client's writer without closing the socket.
	c.once.Do(func() { close(c.done) })
	if !up {
		c.nc.Close()
		return
	}
	fmt.Fprintf(c.nc, "%s %s %s %s\n", ctlPeer, n.cfg.ID, n.Addr(), n.cfg.Key)
	// Bytes the line reader already buffered belong to the link.
	rest := lr.buf[lr.r:lr.w]
	br := bufio.NewReaderSize(io2(rest, c.nc), 16<<10)
	n.runLink(ctx, c.nc, br, first)
}

// runLink serves one peer link until it breaks: a writer goroutine for the
// queue, and this goroutine reading heartbeats and relays.
func (n *Node) runLink(ctx context.Context, nc net.Conn, br *bufio.Reader, first string) {
	l := &peerLink{node: n, nc: nc, out: make(chan outLine, 1<<14), delayed: make(chan outLine, 1<<14), done: make(chan struct{})}
	n.mu.Lock()
	if !n.up {
		n.mu.Unlock()
		nc.Close()
		return
	}
	n.links[l] = struct{}{}
	n.goLocked(l.writeLoop)
	n.goLocked(l.delayLoop)
	n.mu.Unlock()
	defer func() {
		l.close()
		n.mu.Lock()
		delete(n.links, l)
		n.mu.Unlock()
	}()
	if first != "" {
		n.peerLine(l, first)
	}
	for {
		nc.SetReadDeadline(time.Now().Add(n.cfg.PeerTimeout * 4))
		line, err := br.ReadSlice('\n') // bounded by the reader's buffer: a peer cannot grow it
		if err != nil || ctx.Err() != nil {
			return // including bufio.ErrBufferFull: no valid peer line is that long
		}
		if !n.gate.pass(l.done) {
			return
		}
		n.peerLine(l, strings.TrimRight(string(line), "\r\n"))
	}
}

func (l *peerLink) writeLoop() {
	defer l.close()
	w := bufio.NewWriterSize(l.nc, 64<<10)
	var sent []func()
	add := func(o outLine) {
		w.WriteString(o.text)
		w.WriteByte('\n')
		if o.sent != nil {
			sent = append(sent, o.sent)
		}
	}
	for {
		select {
		case <-l.done:
			return
		case o := <-l.out:
			add(o)
		}
		for more := true; more; {
			select {
			case o := <-l.out:
				add(o)
			default:
				more = false
			}
		}
		if !l.node.gate.pass(l.done) {
			return
		}
		l.nc.SetWriteDeadline(time.Now().Add(2 * time.Second))
		if w.Flush() != nil {
			return
		}
		for _, f := range sent {
			f()
		}
		sent = sent[:0]
	}
}

// peerLine acts on one line from a peer.
func (n *Node) peerLine(l *peerLink, line string) {
	cmd, _, _ := strings.Cut(line, " ")
	switch cmd {
	case ctlPeer, ctlBeat: // /peer ID ADDR, /beat ID ADDR CLIENTS NICKS
		f := strings.Fields(line)
		if len(f) < 3 {
			return
		}
		id, addr := CleanNick(f[1]), CleanNick(f[2])
		if id == "" || id == n.cfg.ID {
			return
		}
		n.mu.Lock()
		l.remote = id
		r := n.remote[id]
		if r == nil || time.Since(r.last) > n.cfg.PeerTimeout {
			defer n.announceMembers() // a node joined or came back: tell the clients
		}
		if r == nil {
			r = &remoteNode{}
			n.remote[id] = r
		}
		r.addr, r.last = addr, time.Now()
		if cmd == ctlBeat && len(f) >= 4 {
			r.clients, _ = strconv.Atoi(f[3])
			r.nicks, r.owners = nil, nil
			if len(f) >= 5 {
				for _, item := range strings.Split(f[4], ",") {
					nick, owner, _ := strings.Cut(item, ":")
					if nick = CleanNick(nick); nick != "" {
						r.nicks = append(r.nicks, nick)
						r.owners = append(r.owners, CleanNick(owner))
					}
				}
			}
		}
		n.mu.Unlock()
	case ctlRelay:
		m, ok := parseRelay(line)
		if !ok || !n.seen.add(m.Client, m.Seq) {
			return
		}
		n.relayed.Add(1)
		n.deliver(m, nil)
		n.relay(m, l, nil)
	}
}

// relay floods m to every peer but the one it came from. Every node
// delivers it once (dedupe), so the flood stops by itself and a broken
// link is bridged by the others. sent, if not nil, runs once the relay is
// on the wire to at least one peer (at once when there is no peer): only
// then may a client's message be acknowledged, or a crash could lose it.
func (n *Node) relay(m Message, from *peerLink, sent func()) {
	line := relayLine(m)
	n.mu.Lock()
	links := make([]*peerLink, 0, len(n.links))
	for l := range n.links {
		if l != from {
			links = append(links, l)
		}
	}
	delay, jitter := n.delay, n.jitter
	n.mu.Unlock()
	if sent != nil {
		if len(links) == 0 {
			sent()
		} else {
			var once sync.Once
			f := sent
			sent = func() { once.Do(f) }
		}
	}
	for _, l := range links {
		d := delay
		if jitter > 0 {
			d += rand.N(jitter)
		}
		l.send(line, d, sent)
	}
}

// heartbeat tells every peer, several times a second, that this node is
// alive, who is on it, and where it listens.
func (n *Node) heartbeat(ctx context.Context) {
	t := time.NewTicker(n.cfg.Heartbeat)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if !n.gate.pass(ctx.Done()) {
			return
		}
		n.mu.Lock()
		nicks := make([]string, 0, len(n.nicks))
		for _, c := range n.nicks { // nick:owner, so its owner can take it back after a failover
			nicks = append(nicks, c.nick+":"+publicID(c.id))
		}
		beat := fmt.Sprintf("%s %s %s %d %s", ctlBeat, n.cfg.ID, n.addr, len(n.conns), strings.Join(nicks, ","))
		links := make([]*peerLink, 0, len(n.links))
		for l := range n.links {
			links = append(links, l)
		}
		n.mu.Unlock()
		for _, l := range links {
			l.enqueue(outLine{text: seenAs(beat, l.nc)}) // a wildcard address, as this peer reaches us
		}
	}
}
