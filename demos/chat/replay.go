package chat

import (
	"bufio"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Replays: a distlab client that comes back (to this node or another)
// says what it has, per origin run (/since), and the node sends it what
// it missed from its ring before anything new. See protocol.go.

const (
	// catchUpAge and catchUpMax bound what a node sends a peer when their
	// link comes up: the messages of its ring accepted in the last
	// catchUpAge, at most catchUpMax of them, and no more than the link's
	// queue has room for (peerLink.room).
	catchUpAge = 30 * time.Second
	catchUpMax = 8192
	// passOnMargin is added to what could still have been in flight when
	// a peer's link ended (passOnAge): clocks and schedulers are not exact.
	passOnMargin = time.Second
	// replayMargin is how far below a client's cursor a replay starts: a
	// message may overtake an earlier one of the same origin on another
	// path, so the highest number a client saw does not prove it saw the
	// ones below. The client drops what it already showed.
	replayMargin = 64
	// maxCursors is how many origin runs a client lists in /since, the
	// most recent first; older runs fall back to JOINMS.
	maxCursors = 32
)

// sinceReq is a client's /since: when it joined (Unix ms, its clock) and
// the highest OSEQ it was sent per origin run.
type sinceReq struct {
	join    int64
	cursors map[string]uint64
}

// parseSince reads "/since JOINMS SRC=OSEQ,...".
func parseSince(arg string) (sinceReq, bool) {
	ms, list, _ := strings.Cut(arg, " ")
	join, err := strconv.ParseInt(ms, 10, 64)
	if err != nil {
		return sinceReq{}, false
	}
	r := sinceReq{join: join, cursors: map[string]uint64{}}
	for _, kv := range strings.Split(list, ",") {
		src, s, ok := strings.Cut(kv, "=")
		if !ok || len(r.cursors) >= maxCursors {
			continue
		}
		if seq, err := strconv.ParseUint(s, 10, 64); err == nil {
			r.cursors[src] = seq
		}
	}
	return r, true
}

// srcName is an origin's run as clients' cursors name it (Message.src).
type srcName struct{ epoch, src string }

// noteRun records that message oseq of origin's run epoch was delivered
// here, and returns the run's name, ORIGIN.EPOCH: built once a run, not
// once a message.
func (n *Node) noteRun(origin, epoch string, oseq uint64) string {
	n.srcMu.Lock()
	defer n.srcMu.Unlock()
	name, ok := n.srcNames[origin]
	if !ok || name.epoch != epoch {
		if len(n.srcNames) >= maxRunNames {
			clear(n.srcNames) // only a cache: names are built again
		}
		name = srcName{epoch, Message{Origin: origin, Epoch: epoch}.src()}
		n.srcNames[origin] = name
	}
	if oseq > n.srcTops[name.src] {
		n.srcTops[name.src] = oseq
	}
	return name.src
}

// maxRunNames bounds noteRun's cache.
const maxRunNames = 1024

func (n *Node) srcTop(src string) (uint64, bool) {
	n.srcMu.Lock()
	defer n.srcMu.Unlock()
	t, ok := n.srcTops[src]
	return t, ok
}

// since queues a client's replay request for its writer.
func (c *conn) since(arg string) {
	r, ok := parseSince(arg)
	if !ok {
		c.say(notice(c.printer(), "bad %s line", ctlSince))
		return
	}
	select {
	case <-c.replay: // an older request not served yet: this one replaces it
	default:
	}
	c.replay <- r
}

// writeReplay writes to w every message in the ring that r says the
// client has not had, and one notice if some are no longer kept. Messages
// published meanwhile come again from the writer's cursor; the client
// drops the copies.
func (c *conn) writeReplay(w *bufio.Writer, r sinceReq) {
	n := c.node
	h := n.hub
	head := h.head.Load()
	start := head - min(head, h.size)
	self := c.clientID()
	lowest := map[string]uint64{} // per listed run: the lowest OSEQ above its cursor found
	for i := start; i < head; i++ {
		e := h.read(i)
		if e == nil || e.src == "" {
			continue
		}
		cur, listed := r.cursors[e.src]
		if listed {
			if e.oseq > cur {
				if l, ok := lowest[e.src]; !ok || e.oseq < l {
					lowest[e.src] = e.oseq
				}
			}
			if e.oseq+replayMargin <= cur {
				continue
			}
		}
		if e.at < r.join {
			continue // said before the client came: not missed, though a cursor's margin may reach back that far
		}
		if e.client == self {
			continue // its own: never echoed
		}
		w.Write(e.ctl)
		n.delivered.Add(1)
		if w.Buffered() > 48<<10 && !c.flush(w) {
			return
		}
	}
	var lost uint64
	for src, cur := range r.cursors {
		if l, ok := lowest[src]; ok {
			lost += l - cur - 1
		} else if top, ok := n.srcTop(src); ok && top > cur {
			lost += top - cur
		}
	}
	if lost > 0 {
		p := c.printer()
		w.WriteString(notice(p, "%d messages sent while you were away are older than what %s keeps: you will not see them", int(min(lost, 1<<31)), n.cfg.ID))
		w.WriteByte('\n')
	}
}

// catchUp sends a peer whose link just came up the recent messages of the
// ring, as relays it drops if it has them. A node that was down, or cut
// off, lacks what was said meanwhile, and a client that fails over to it
// must find there what it missed on the node it left (which may be hung,
// or dead): so every node keeps what its peers have seen lately.
func (n *Node) catchUp(l *peerLink) {
	lines := n.recentLines(ctlRecent, catchUpAge, func(*entry) bool { return true })
	n.mu.Lock()
	delay, jitter := n.delay, n.jitter
	n.mu.Unlock()
	l.sendBurst(lines, delay, jitter)
}

// passOn sends every other peer the recent messages that came from origin,
// whose link just ended. An origin sends each peer its own copy and the
// peers do not pass them on (see relay), so one that dies between two
// sends leaves a peer without a message the other has, and its sender,
// acknowledged, does not send it again: the survivors trade what they got
// from it, and drop what they already have.
//
// Only what could still have been on its way when the link ended is
// passed on (passOnAge), and each peer gets no more than its link's queue
// has room for, newest first: a link ends for other reasons too (a frozen
// peer, a peer that is only slow), and a burst that filled a healthy
// link's queue would drop that link, whose end would send another burst.
func (n *Node) passOn(origin string) {
	n.mu.Lock()
	delay, jitter := n.delay, n.jitter
	n.mu.Unlock()
	lines := n.recentLines(ctlRelay, n.passOnAge(delay, jitter), func(e *entry) bool { return e.msg.Origin == origin })
	if len(lines) == 0 {
		return
	}
	n.mu.Lock()
	var links []*peerLink
	for l := range n.links {
		if l.remote != origin {
			links = append(links, l)
		}
	}
	n.mu.Unlock()
	for _, l := range links {
		l.sendBurst(lines, delay, jitter)
	}
}

// relinkGrace is how long a node whose link to a peer ended waits for
// another link to that peer before it takes the peer for lost: when a
// newer link replaces a link, the end that closes it (extraLinkLocked)
// may finish the new link's handshake before the other end does, which
// then sees its old link end first.
const relinkGrace = 200 * time.Millisecond

// relinked reports whether a live link to peer id is up, or comes up
// within relinkGrace: the link that ended was replaced, not lost.
func (n *Node) relinked(ctx context.Context, id string) bool {
	poll := time.NewTicker(10 * time.Millisecond)
	defer poll.Stop()
	for deadline := time.Now().Add(relinkGrace); ; {
		if n.linkTo(id) != nil {
			return true
		}
		if !time.Now().Before(deadline) {
			return false
		}
		select {
		case <-ctx.Done():
			return true // shutting down: nothing to pass on
		case <-poll.C:
		}
	}
}

// passOnAge is how old a message from a peer can be and still have been
// in flight when the link from it ended: a link ends at the latest
// 4×PeerTimeout after its last line (runLink's read deadline), and a
// line waits in the delay line for up to delay+jitter before it leaves.
func (n *Node) passOnAge(delay, jitter time.Duration) time.Duration {
	return 4*n.cfg.PeerTimeout + delay + jitter + passOnMargin
}

// recentLines is the ring's messages of the last age that keep accepts, at most catchUpMax, oldest first, as lines of cmd: /recent for a
// peer that was away (its distlab clients replay what they missed, its
// netcats were not there), /relay for messages the peer should have had
// by now, which all its clients must see.
func (n *Node) recentLines(cmd string, age time.Duration, keep func(*entry) bool) []string {
	h := n.hub
	head := h.head.Load()
	start := head - min(head, h.size)
	since := time.Now().Add(-age).UnixMilli()
	var lines []string
	for i := head; i > start && len(lines) < catchUpMax; i-- {
		e := h.read(i - 1)
		if e == nil || e.src == "" {
			continue
		}
		if e.at < since {
			break // older ones follow; near enough, as clocks go
		}
		if keep(e) {
			lines = append(lines, cmd+strings.TrimPrefix(relayLine(e.msg), ctlRelay))
		}
	}
	slices.Reverse(lines)
	return lines
}
