package chat

import (
	"bufio"
	"math/rand/v2"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// peerLink is a TCP link to another node, once it passed the handshake.
// Either side may have dialed it; both run the same code. Lines go out
// through a bounded queue so that a slow peer never blocks the node; with
// a link delay they first wait in a FIFO delay line, so a link delays but
// never reorders (like TCP). The writer tags every line it sends.
type peerLink struct {
	node   *Node
	nc     net.Conn
	remote string // the peer's node id, as its handshake proved
	dialed bool   // this node dialed it (the pair keeps one link: extraLinkLocked)
	// replaced is set before the link is closed for a newer one to the same
	// peer (extraLinkLocked): its end loses nothing, so passOn is skipped.
	replaced atomic.Bool
	tags     *tagger // of the lines sent; the writer's only
	out      chan outLine
	taken    atomic.Uint64 // lines the writer took from out: enqueue sees it move
	heard    atomic.Int64  // Unix ns when the peer was last heard, about (runLink)
	delayed  chan outLine
	done     chan struct{}
	once     sync.Once

	mu      sync.Mutex // guards lastDue, waiting
	lastDue time.Time
	waiting int // lines in the delay line, not yet in out
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
// written. A full queue holds the sender back; one that stays full with
// the peer silent, or too long (see queueWait, maxHold), drops the link:
// the peer will reconnect, and the catch-up of the link that comes up
// (catchUp) covers the gap.
func (l *peerLink) send(text string, delay time.Duration, sent func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if delay <= 0 && l.waiting == 0 {
		l.enqueue(outLine{text: text, sent: sent})
		return
	}
	// Through the delay line, also without a delay while lines sent with
	// one still wait there (the delay was just turned off).
	due := time.Now().Add(delay)
	if due.Before(l.lastDue) {
		due = l.lastDue // never overtake the line before: FIFO
	}
	l.lastDue = due
	select {
	case l.delayed <- outLine{text: text, due: due, sent: sent}:
		l.waiting++
	case <-l.done:
	default:
		l.close()
	}
}

// offer is send for a line that may be skipped, a heartbeat: when the
// queue is full it is dropped at once rather than wait for room. A
// node's beats go to its peers one after another, and one slow peer's
// full queue must not hold back the beats to the others (they would take
// a healthy node for down); the slow peer has plenty of lines queued.
func (l *peerLink) offer(text string, delay time.Duration) {
	l.mu.Lock()
	direct := delay <= 0 && l.waiting == 0
	if direct {
		select {
		case l.out <- outLine{text: text}:
		default:
		}
	}
	l.mu.Unlock()
	if !direct {
		l.send(text, delay, nil)
	}
}

// burstReserve is the part of a link's queue that a replay burst
// (catchUp, passOn) leaves to the traffic of the moment.
const burstReserve = 1 << 12

// room is how many more lines a burst may queue on l now: the queue's
// free room, counting the lines still in the delay line, which will pass
// through it, less burstReserve.
func (l *peerLink) room() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return max(cap(l.out)-len(l.out)-l.waiting-burstReserve, 0)
}

// sendBurst queues a replay (lines oldest first): the newest of them that
// fit in l.room(). A replay is a safety net; it must never drop the link
// it travels on (see send).
func (l *peerLink) sendBurst(lines []string, delay, jitter time.Duration) {
	lines = lines[len(lines)-min(len(lines), l.room()):]
	for _, line := range lines {
		l.send(line, lineDelay(delay, jitter), nil)
	}
}

// queueWait is how long a full queue may stand still, its peer unheard,
// before the link is dropped. A sender waits for room while the link's
// writer takes lines or its peer is heard, held back as TCP holds back a
// writer: a peer that is slow but alive slows its senders and loses
// nothing. (A live peer's reader can stand still for seconds: publishing,
// it waits for its slowest client, up to 2×EvictAfter. Dropping the link
// after a second of that, or the writer's write after two, lost a tenth
// of a long flood at three nodes, more than a catch-up has room for.) A
// queue that stands still while the peer is silent means a peer that is
// gone or hung: its writer's deadline (writeGrace after the later of the
// write's start and the peer's last word) ends the link, the peer
// reconnects, and its catch-up covers the gap.
const queueWait = time.Second

// maxHold bounds how long a sender waits for room even while the peer is
// heard: the longest a live peer's reader waits for its slowest client
// (2×EvictAfter), and a PeerTimeout more. A peer whose reader is wedged
// while it still beats holds its senders back no longer.
func (l *peerLink) maxHold() time.Duration {
	return 2*l.node.cfg.EvictAfter + l.node.cfg.PeerTimeout
}

// enqueue puts o in the queue, waiting for room while the writer takes
// lines (see queueWait). Called with l.mu held, so lines keep their order.
func (l *peerLink) enqueue(o outLine) {
	select {
	case l.out <- o:
		return
	case <-l.done:
		return
	default:
	}
	t := time.NewTimer(queueWait)
	defer t.Stop()
	start := time.Now()
	for {
		taken := l.taken.Load()
		select {
		case l.out <- o:
			return
		case <-l.done:
			return
		case <-t.C:
			stuck := l.taken.Load() == taken && time.Since(time.Unix(0, l.heard.Load())) > queueWait
			if stuck || time.Since(start) > l.maxHold() {
				l.close() // the queue stood still, the peer silent; or it was held too long
				return
			}
			t.Reset(queueWait)
		}
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
			l.mu.Lock()
			l.enqueue(o)
			l.waiting--
			l.mu.Unlock()
		}
	}
}

func (l *peerLink) writeLoop() {
	defer l.close()
	w := bufio.NewWriterSize(l.nc, 64<<10)
	var sent []func()
	lines, bytes := 0, 0 // in the batch under way
	tag := func() {
		w.WriteString(ctlTag)
		w.WriteByte(' ')
		w.Write(l.tags.sum())
		w.WriteByte('\n')
		lines, bytes = 0, 0
	}
	add := func(o outLine) {
		w.WriteString(o.text)
		w.WriteByte('\n')
		l.tags.add(o.text)
		if o.sent != nil {
			sent = append(sent, o.sent)
		}
		if lines, bytes = lines+1, bytes+len(o.text)+1; lines >= batchLines || bytes >= batchBytes {
			tag()
		}
	}
	for {
		select {
		case <-l.done:
			return
		case o := <-l.out:
			// A deadline for this pass's writes, bufio's own flushes
			// included: the last one may be long past on an idle link.
			l.nc.SetWriteDeadline(time.Now().Add(writeGrace))
			add(o)
		}
		took := uint64(1)
		for more := true; more; {
			select {
			case o := <-l.out:
				add(o)
				took++
			default:
				more = false
			}
		}
		l.taken.Add(took)
		if lines > 0 {
			tag() // the peer acts on the lines once their tag checks out
		}
		if !l.node.gate.pass(l.done) {
			return
		}
		// writeGrace from now, and runLink moves it on while the peer is
		// heard: a write fails once it has been stuck that long since the
		// later of its start and the peer's last word.
		l.nc.SetWriteDeadline(time.Now().Add(writeGrace))
		if w.Flush() != nil {
			return
		}
		for _, f := range sent {
			f()
		}
		sent = sent[:0]
	}
}

// writeGrace is how long a write to the peer may stay stuck, counted from
// the later of its start and the peer's last word: past it the writer
// gives up and the link ends.
const writeGrace = 2 * time.Second

// A batch of lines under one tag is at most batchLines lines and about
// batchBytes bytes long; a reader takes up to maxBatchLines and
// maxBatchBytes, then closes the link.
const (
	batchLines    = 256
	batchBytes    = 256 << 10
	maxBatchLines = 4 * batchLines
	maxBatchBytes = 4 * batchBytes
)

// lineDelay is how long one line to a peer waits: the link delay plus a
// random part of the jitter.
func lineDelay(delay, jitter time.Duration) time.Duration {
	if jitter > 0 {
		delay += rand.N(jitter)
	}
	return delay
}
