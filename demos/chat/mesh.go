package chat

import (
	"bufio"
	"context"
	"crypto/hmac"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
)

// The mesh: links dialed and accepted, what arrives on them, and what
// every node sends every peer (relays and heartbeats).

// Pauses before a peer is dialed again: after a link ends, and at most
// after handshakes that keep failing (the pause doubles each time, so a
// peer with another key is not tried, and logged, four times a second).
const (
	redialPause    = 250 * time.Millisecond
	maxRedialPause = 8 * time.Second
)

// dialLoop keeps a link to addr up until ctx ends, redialing after a
// failure with a pause.
func (n *Node) dialLoop(ctx context.Context, addr string) {
	pause := redialPause
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
			s, br, err := n.dialHandshake(ctx, nc)
			if err != nil {
				if ctx.Err() == nil { // logged before the close, which the other side sees
					n.refused(n.txt.printer().T("%s: link to peer %s refused: %v", n.cfg.ID, addr, err))
				}
				nc.Close()
				pause = min(2*pause, maxRedialPause)
			} else if n.runLink(ctx, nc, br, s) {
				pause = redialPause
				// Linked to this peer the other way (the pair keeps one
				// link): dial again only once that link is gone.
				if other := n.linkTo(s.remote.id); other != nil {
					select {
					case <-other.done:
					case <-ctx.Done():
						return
					}
				}
			} else {
				pause = min(2*pause, maxRedialPause) // someone on the path forges lines
			}
		}
		t := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// adoptPeer turns an accepted connection whose first line was /peer into a
// peer link, if the handshake succeeds. The client that conn was
// registered as disappears quietly.
func (n *Node) adoptPeer(c *conn, first string, lr *lineReader) {
	n.mu.Lock()
	delete(n.conns, c)
	n.releaseNickLocked(c)
	ctx := n.ctx
	up := n.up
	n.mu.Unlock()
	n.hub.unsubscribe(c)
	// Stop the client's writer without closing the socket, and wait until
	// it has stopped: a welcome it flushed after the handshake began would
	// break the link. A writer stuck on a socket nobody reads (no peer of
	// ours) is not waited for beyond the handshake's time.
	c.once.Do(func() { close(c.done) })
	n.progress.notify() // a Shutdown draining its clients need not wait for this one
	t := time.NewTimer(handshakeTimeout)
	defer t.Stop()
	select {
	case <-c.wrote:
	case <-ctx.Done():
		up = false
	case <-t.C:
		up = false
	}
	if !up {
		c.nc.Close()
		return
	}
	// Bytes the line reader already buffered belong to the link.
	n.acceptPeer(ctx, c.nc, first, bufio.NewReaderSize(io2(lr.buf[lr.r:lr.w], c.nc), 16<<10))
}

// acceptPeer runs the listener's side of the handshake on nc, and the
// link if it succeeds.
func (n *Node) acceptPeer(ctx context.Context, nc net.Conn, first string, br *bufio.Reader) {
	s, err := n.acceptHandshake(ctx, nc, first, br)
	if err != nil {
		if ctx.Err() == nil { // logged before the close, which the other side sees
			n.refused(n.txt.printer().T("%s: link from %s refused: %v", n.cfg.ID, nc.RemoteAddr(), err))
		}
		nc.Close()
		return
	}
	n.runLink(ctx, nc, br, s)
}

// refused logs why a peer link was refused or closed, and counts it.
func (n *Node) refused(line string) {
	n.refusals.Add(1)
	if n.cfg.Log != nil {
		n.cfg.Log(line)
	}
}

// linkQueue is how many lines wait for a link's writer (and as many in its
// delay line); a variable so that a test can make a burst overflow it.
var linkQueue = 1 << 14

// runLink serves one peer link, whose handshake succeeded, until it
// breaks: a writer goroutine for the queue, and this goroutine reading
// heartbeats and relays. It reports false if a line failed its check.
func (n *Node) runLink(ctx context.Context, nc net.Conn, br *bufio.Reader, s *linkSession) bool {
	l := &peerLink{node: n, nc: nc, remote: s.remote.id, dialed: s.dialed, tags: s.out,
		out: make(chan outLine, linkQueue), delayed: make(chan outLine, linkQueue), done: make(chan struct{})}
	now := time.Now() // the handshake just heard the peer
	l.heard.Store(now.UnixNano())
	nc.SetWriteDeadline(now.Add(writeGrace))
	n.mu.Lock()
	if !n.up {
		n.mu.Unlock()
		nc.Close()
		return true
	}
	n.links[l] = struct{}{}
	extra := n.extraLinkLocked(l)
	_, news := n.heardLocked(s.remote.id, s.remote.addr)
	n.goLocked(l.writeLoop)
	n.goLocked(l.delayLoop)
	n.mu.Unlock()
	if extra != nil {
		extra.replaced.Store(true) // its peer is alive: nothing to pass on
		extra.close()              // one link per pair: its reader ends, and with it its run
	}
	if news {
		n.announceMembers()
	}
	n.catchUp(l)
	defer func() {
		l.close()
		n.mu.Lock()
		delete(n.links, l)
		up := n.up && !n.gate.frozen()
		n.mu.Unlock()
		if up && !l.replaced.Load() && !n.relinked(ctx, l.remote) {
			n.passOn(l.remote)
		}
	}()
	// A link silent for 4 PeerTimeouts is dead, and a write stuck for
	// writeGrace past the peer's last word fails (see queueWait). The
	// deadlines move on at most every eighth of a PeerTimeout, not on
	// every line: setting one is a timer's reset in the runtime, and at
	// thousands of lines a second that was a cost a single node does not
	// pay.
	var set time.Time
	var batch []string // lines whose tag has not come yet: not acted on
	size := 0
	for {
		if now := time.Now(); now.Sub(set) > n.cfg.PeerTimeout/8 {
			nc.SetReadDeadline(now.Add(n.cfg.PeerTimeout * 4))
			nc.SetWriteDeadline(now.Add(writeGrace))
			l.heard.Store(now.UnixNano())
			set = now
		}
		line, err := readLine(br) // bounded by the reader's buffer: a peer cannot grow it
		if err != nil || ctx.Err() != nil {
			return true // including bufio.ErrBufferFull: no valid peer line is that long
		}
		tag, isTag := strings.CutPrefix(line, ctlTag+" ")
		if !isTag {
			if size += len(line) + 1; len(batch) == maxBatchLines || size > maxBatchBytes {
				break // no honest peer leaves so much unchecked
			}
			s.in.add(line)
			batch = append(batch, line)
			continue
		}
		if !hmac.Equal(s.in.sum(), []byte(tag)) {
			break
		}
		for _, line := range batch {
			if !n.gate.pass(l.done) {
				return true
			}
			n.peerLine(l, line)
		}
		clear(batch)
		batch, size = batch[:0], 0
	}
	n.refused(n.txt.printer().T("%s: link with %s closed: %v", n.cfg.ID, l.remote, whyTag))
	return false
}

// peerLine acts on one line from a peer whose tag checked out.
func (n *Node) peerLine(l *peerLink, line string) {
	cmd, _, _ := strings.Cut(line, " ")
	switch cmd {
	case ctlBeat: // /beat ID ADDR CLIENTS NICKS
		f := strings.Fields(line)
		if len(f) < 3 || f[1] != l.remote || !validAddr(f[2]) {
			return // a peer speaks for itself only
		}
		n.mu.Lock()
		r, news := n.heardLocked(l.remote, f[2])
		if news {
			defer n.announceMembers() // a node joined or came back: tell the clients
		}
		if len(f) >= 4 {
			r.clients, _ = strconv.Atoi(f[3])
			r.nicks = nil
			if len(f) >= 5 {
				r.nicks = parseBeatNicks(f[4])
				n.settleNicksLocked(l.remote, r.nicks)
			}
		}
		n.mu.Unlock()
	case ctlRelay:
		m, ok := parseRelay(line)
		if !ok {
			return
		}
		n.copies.Add(1)                                               // every copy, the ones dedupe drops too
		if m.Origin == l.remote && !strings.Contains(m.Client, ".") { // netcats' ids have dots; nobody waits on theirs
			// Straight from its origin, which waits for a peer to have it
			// before it acks its sender: this node has it now (or had).
			n.mu.Lock()
			delay, jitter := n.delay, n.jitter // the way back is as slow
			n.mu.Unlock()
			l.send(gotLine(m), lineDelay(delay, jitter), nil)
		}
		if !n.seen.add(m.Client, m.Seq) {
			// Known here already: its sender failed over and sent it to
			// this node too, which waits for a peer to hold a copy. This
			// peer does: the wait is over, as a /got would end it.
			n.acks.confirm(msgID{m.Client, m.Seq})
			return
		}
		n.relayed.Add(1)
		n.deliver(m, nil) // and no further: its origin sent every peer its own copy (see relay)
	case ctlRecent: // a peer catching this node up (catchUp)
		if m, ok := parseRelay(line); ok && n.seen.add(m.Client, m.Seq) {
			n.relayed.Add(1)
			n.deliverQuiet(m)
		}
	case ctlGot:
		n.got(line)
	}
}

// heardLocked records that peer id, listening at addr, was just heard
// from on a link that passed the handshake: the only way a node enters
// the member lists. news reports a node new or back from silence, which
// the clients must be told of (announceMembers, once n.mu is released).
func (n *Node) heardLocked(id, addr string) (r *remoteNode, news bool) {
	r = n.remote[id]
	news = r == nil || time.Since(r.last) > n.cfg.PeerTimeout
	if r == nil {
		r = &remoteNode{}
		n.remote[id] = r
	}
	r.addr, r.last = addr, time.Now()
	return r, news
}

// relay sends m, accepted here, once to every peer: each node holds one
// link to each other (see extraLinkLocked), so each gets one copy, and does
// not pass it on. A peer whose link was down meanwhile gets it when the
// link comes up again (catchUp's last 30 s), and a client that fails over
// gets it in its replay. A peer answers /got, which acknowledges the
// message to its sender (acks.go). from is nil here; it names a link not
// to send on.
func (n *Node) relay(m Message, from *peerLink) {
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
	for _, l := range links {
		l.send(line, lineDelay(delay, jitter), nil)
	}
}

// heartbeat tells every peer, several times a second, that this node is
// alive, who is on it, and where it listens.
//
// Heartbeats wait in the same delay line as relays. A slow link is slow
// for every byte, and a failure detector whose heartbeats took a fast
// lane would vouch for a link that messages crawl through. So a link
// delay, or a jitter, above the peer timeout makes a healthy node
// suspected (down in /nodes and the member lists) until its late beats
// arrive: slow and dead look alike. The demo's slow links (150 ms plus
// up to 300 ms) leave gaps of at most 550 ms between beats, under the
// 1 s timeout, so nothing turns down there; that is why this is not an
// option.
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
		for _, c := range n.nicks { // nick:owner:claimed, so its owner can take it back after a failover
			nicks = append(nicks, c.nick+":"+publicID(c.id)+":"+strconv.FormatInt(c.nickAt.UnixMilli(), 10))
		}
		beat := fmt.Sprintf("%s %s %s %d %s", ctlBeat, n.cfg.ID, n.addr, len(n.conns), strings.Join(nicks, ","))
		links := make([]*peerLink, 0, len(n.links))
		for l := range n.links {
			links = append(links, l)
		}
		delay, jitter := n.delay, n.jitter
		n.mu.Unlock()
		for _, l := range links {
			l.offer(seenAs(beat, l.nc), lineDelay(delay, jitter)) // a wildcard address, as this peer reaches us
		}
	}
}

// extraLinkLocked is the link to close when l makes two with one peer (both
// nodes dial each other): the pair keeps the one the node with the smaller
// id dialed, the same choice at both ends; of two the same way, the newer
// (the older is likely dead). It is nil when l is the only one.
func (n *Node) extraLinkLocked(l *peerLink) *peerLink {
	for o := range n.links {
		if o == l || o.remote != l.remote {
			continue
		}
		preferred := func(x *peerLink) bool { return x.dialed == (n.cfg.ID < x.remote) }
		if preferred(o) && !preferred(l) {
			return l
		}
		return o
	}
	return nil
}

// linkTo is a live link to peer id, or nil.
func (n *Node) linkTo(id string) *peerLink {
	n.mu.Lock()
	defer n.mu.Unlock()
	for l := range n.links {
		if l.remote == id {
			select {
			case <-l.done:
			default:
				return l
			}
		}
	}
	return nil
}
