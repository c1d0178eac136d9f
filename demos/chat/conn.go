package chat

import (
	"bufio"
	"errors"
	"fmt"
	"hash/maphash"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"distlab/demos/locale"
)

// conn is one client connection: a reader goroutine that parses its lines
// and a writer goroutine that sends it notices and the hub's messages.
type conn struct {
	node *Node
	nc   net.Conn
	num  int

	cursor atomic.Uint64 // next hub entry to send
	queued atomic.Uint64 // direct lines queued
	sent   atomic.Uint64 // direct lines flushed to the socket
	direct chan string   // lines for this client only (notices, acks)
	replay chan sinceReq // a distlab client's /since, for the writer
	done   chan struct{} // closed when the connection ends
	wrote  chan struct{} // closed when the writer goroutine has ended
	once   sync.Once
	limit  *rate.Limiter // nil: no rate limit

	// Guarded by node.mu.
	id      string // message ids: random for distlab clients, node.cN otherwise
	nick    string
	nickKey string    // NickKey(nick): what look-alikes share
	nickAt  time.Time // when nick was claimed: the earlier claim keeps it
	seq     uint64    // for clients that do not number their messages

	distlab   atomic.Bool // spoke /hello: gets control lines
	sinceDone atomic.Bool // asked for its replay (/since): once per connection
	idCopy    atomic.Pointer[clientKey]

	lastWarn time.Time // reader goroutine only: throttles rate notices

	txt speaker // the language it asked for with /lang; the node's until then

	joined time.Time     // when it connected; set before its goroutines start
	posts  atomic.Uint64 // messages it sent
}

// printer speaks to this client: in the language it asked for with
// /lang, else in its node's.
func (c *conn) printer() *locale.Printer {
	if p := c.txt.p.Load(); p != nil {
		return p
	}
	return c.node.txt.printer()
}

// say queues a line for this client only. Notices to a client that does
// not read are dropped rather than block the node.
func (c *conn) say(line string) {
	select {
	case c.direct <- line:
		c.queued.Add(1)
	default:
	}
}

// flushed reports whether everything queued for c has been written.
func (c *conn) flushed(head uint64) bool {
	return c.sent.Load() == c.queued.Load() && c.cursor.Load() >= head
}

// kill closes the connection at once.
func (c *conn) kill() {
	c.once.Do(func() {
		close(c.done)
		c.nc.Close()
		c.node.progress.notify() // a drain need not wait for it any more
	})
}

// readLoop reads lines until the client leaves, breaks a limit or the node
// stops.
func (c *conn) readLoop() {
	defer c.kill()
	n := c.node
	lr := newLineReader(c.nc, MaxLine, n.cfg.IdleTimeout, n.cfg.LineTimeout)
	first := true
	for {
		// A frozen node neither reads nor acts on what it read, timeouts
		// included: they fire, if due, once it is thawed, as a stopped
		// process's timers do when it resumes.
		if !n.gate.pass(c.done) {
			return
		}
		line, err := lr.next()
		if !n.gate.pass(c.done) {
			return
		}
		switch {
		case errors.Is(err, errLineTooLong):
			c.say(notice(c.printer(), "line too long: at most %d bytes; it was discarded", MaxLine))
			continue
		case errors.Is(err, os.ErrDeadlineExceeded):
			if !lr.midLine() {
				p := c.printer()
				c.say(notice(p, "idle for %s: disconnecting", p.Duration(n.cfg.IdleTimeout)))
			} else {
				p := c.printer()
				c.say(notice(p, "a line was started but not finished within %s: disconnecting", p.Duration(n.cfg.LineTimeout)))
			}
			c.drainSoon()
			return
		case err != nil:
			return
		}
		if first && strings.HasPrefix(line, ctlPeer+" ") {
			if !n.peerAllowed() {
				n.refused(n.txt.printer().T("%s: link from %s refused: %v", n.cfg.ID, c.nc.RemoteAddr(), whyNoKey))
				c.say(notice(c.printer(), "not a peer of this cluster"))
				c.drainSoon()
				return
			}
			n.adoptPeer(c, line, lr)
			return
		}
		first = false
		if !c.handle(line) {
			c.drainSoon()
			return
		}
	}
}

// drainSoon gives the writer up to 200 ms to send the last notices: it
// returns as soon as they are written, or the connection is gone.
func (c *conn) drainSoon() {
	t := time.NewTimer(200 * time.Millisecond)
	defer t.Stop()
	for {
		progress := c.node.progress.wait()
		if c.sent.Load() == c.queued.Load() {
			return
		}
		select {
		case <-progress:
		case <-c.done:
			return
		case <-t.C:
			return
		}
	}
}

// handle acts on one line; false ends the connection.
func (c *conn) handle(line string) bool {
	n := c.node
	if !strings.HasPrefix(line, "/") {
		c.post(KindSay, line, 0, nil)
		return true
	}
	cmd, arg, _ := strings.Cut(line, " ")
	switch cmd {
	case "/nick":
		c.say(n.rename(c, CleanNick(arg)))
	case "/who":
		c.say(n.who(c.printer()))
	case "/nodes":
		for _, l := range n.nodesLines(c.printer()) {
			c.say(forClient(l, c.nc))
		}
	case "/me":
		c.post(KindMe, arg, 0, nil)
	case ctlPing: // a distlab client: not idle, and wants to know the node is not either
		if c.distlab.Load() {
			c.say(ctlPong)
		}
	case "/help":
		help := c.printer().T("commands:\n" +
			"  /nick NAME   change your nick (printable, at most 16 characters, unique)\n" +
			"  /who         who is on the cluster\n" +
			"  /nodes       the cluster's nodes and their state\n" +
			"  /me TEXT     say TEXT as an action\n" +
			"  /lang CODE   the language this node speaks to you: en or pt-BR\n" +
			"  /help        this help\n" +
			"  /quit        leave\n" +
			"anything else is a message to everyone")
		for _, l := range strings.Split(help, "\n") {
			c.say("*** " + l)
		}
	case "/lang":
		c.lang(arg)
	case "/quit":
		c.say(notice(c.printer(), "bye"))
		return false
	case ctlHello: // distlab client: /hello SECRET NICK
		secret, nick, _ := strings.Cut(arg, " ")
		return n.hello(c, secret, CleanNick(nick))
	case ctlSince: // distlab client: /since JOINMS SRC=OSEQ,...
		if !c.distlab.Load() {
			c.say(notice(c.printer(), "unknown command %s: try /help", Clean(cmd)))
			break
		}
		if c.sinceDone.Swap(true) {
			break // once per connection, as the client asks: a replay is a scan of the whole ring
		}
		c.since(arg)
	case ctlMsg: // distlab client: /msg SEQ TEXT
		s, text, _ := strings.Cut(arg, " ")
		seq, err := strconv.ParseUint(s, 10, 64)
		if err != nil || seq == 0 {
			c.say(notice(c.printer(), "bad %s line", ctlMsg))
			return true
		}
		if top := n.seen.top(c.clientID()); top > 0 && seq > top+maxSeqStep {
			// A client numbers its messages one by one: a jump this far
			// would make all its later ones look old. Refused, and acked
			// so that it is not sent again.
			c.say(notice(c.printer(), "%s %d refused: more than %d past your last message", ctlMsg, seq, maxSeqStep))
			c.say(fmt.Sprintf("%s %d", ctlAck, seq))
			return true
		}
		// The ack waits until a peer has the message (acks.go): a crash
		// before that must leave it unacknowledged, to be sent again.
		ack := fmt.Sprintf("%s %d", ctlAck, seq)
		if c.post(KindSay, text, seq, func() { c.say(ack) }) == postEmpty {
			c.say(ack) // nothing to send: done with
		} // over the rate limit: no ack, so the client sends it again later

	default:
		c.say(notice(c.printer(), "unknown command %s: try /help", Clean(cmd)))
	}
	return true
}

// postResult says what post did with a message.
type postResult int

const (
	posted      postResult = iota
	postEmpty              // nothing printable in it: dropped
	postLimited            // over the rate limit: dropped, the sender told to slow down
)

// post cleans text and, unless it is empty or over the rate limit, sends
// it to the cluster. seq 0 numbers it with the connection's own counter
// (clients that do not number their messages). sent runs once the
// message is acknowledged (see Node.accept).
func (c *conn) post(kind Kind, text string, seq uint64, sent func()) postResult {
	text = Clean(text)
	if strings.TrimSpace(text) == "" {
		return postEmpty
	}
	if c.limited() {
		return postLimited
	}
	n := c.node
	n.mu.Lock()
	if seq == 0 {
		c.seq++
		seq = c.seq
	}
	m := Message{Client: c.id, Seq: seq, Epoch: n.epoch, Kind: kind, Nick: c.nick, Text: text}
	n.mu.Unlock()
	c.posts.Add(1)
	n.accept(m, c, sent)
	return posted
}

// limited applies the rate limit, warning at most once a second.
func (c *conn) limited() bool {
	now := time.Now()
	if c.limit == nil || c.limit.AllowN(now, 1) {
		return false
	}
	if now.Sub(c.lastWarn) > time.Second {
		c.lastWarn = now
		c.say(notice(c.printer(), "slow down: at most %g messages a second; that one was dropped", c.node.cfg.Rate))
	}
	return true
}

// writeLoop sends notices and hub messages, batching whatever is ready into
// one write. A client whose socket stays full for EvictAfter is dropped with
// a notice: it stopped reading.
func (c *conn) writeLoop() {
	defer c.kill()
	n := c.node
	w := bufio.NewWriterSize(c.nc, 64<<10)
	var batch uint64 // direct lines in the buffer
	for {
		batch += c.writeDirect(w)
		if !n.gate.pass(c.done) {
			return
		}
		select {
		case r := <-c.replay: // before anything new
			c.writeReplay(w, r)
		default:
		}
		cur, head := c.cursor.Load(), n.hub.head.Load()
		distlab, self := c.distlab.Load(), c.key()
		var delivered uint64 // counted once a pass: every writer adding 1 a line to the node's one counter made its cache line a queue (a tenth of the CPU at 200 clients)
		for ; cur < head; cur++ {
			e := n.hub.read(cur)
			if e == nil || e.from == c || self.mine(e) || (e.quiet && !distlab) {
				continue
			}
			if distlab {
				w.Write(e.ctl)
			} else {
				w.Write(e.plain)
			}
			delivered++
			if w.Buffered() > 48<<10 {
				n.delivered.Add(delivered)
				delivered = 0
				if !c.flush(w) {
					return
				}
			}
		}
		n.delivered.Add(delivered)
		if w.Buffered() > 0 && !c.flush(w) {
			return
		}
		if prev := c.cursor.Swap(cur); prev != cur {
			n.hub.advanced(prev)
		}
		c.sent.Add(batch)
		batch = 0
		n.progress.notify()
		wait := n.hub.waitChan(cur)
		if wait == nil {
			continue
		}
		select {
		case <-wait:
		case r := <-c.replay:
			batch += c.writeDirect(w) // what it was told before it asked (its welcome, its nick) comes first
			c.writeReplay(w, r)
		case l := <-c.direct:
			w.WriteString(l)
			w.WriteByte('\n')
			batch++
		case <-c.done:
			return
		}
	}
}

// writeDirect writes to w the lines queued for this client only, and
// says how many.
func (c *conn) writeDirect(w *bufio.Writer) uint64 {
	var n uint64
	for {
		select {
		case l := <-c.direct:
			w.WriteString(l)
			w.WriteByte('\n')
			n++
		default:
			return n
		}
	}
}

// flush writes the batch; a client that does not take it within
// EvictAfter is told why and disconnected.
func (c *conn) flush(w *bufio.Writer) bool {
	c.nc.SetWriteDeadline(time.Now().Add(c.node.cfg.EvictAfter))
	if err := w.Flush(); err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) {
			c.node.evicted.Add(1)
			c.node.hub.unsubscribe(c) // the senders it held back go on now, not after the notice
			c.nc.SetWriteDeadline(time.Now().Add(100 * time.Millisecond))
			p := c.printer()
			fmt.Fprintf(c.nc, "\n%s\n", notice(p, "you stopped reading for %s: disconnected", p.Duration(c.node.cfg.EvictAfter)))
		}
		return false
	}
	return true
}

// clientID is the connection's id; a distlab client sets it once, at
// hello, so an atomic copy spares the writer the node's lock.
func (c *conn) clientID() string { return c.key().id }

// key is the connection's id and its hash.
func (c *conn) key() clientKey {
	if p := c.idCopy.Load(); p != nil {
		return *p
	}
	return clientKey{h: idHash("")}
}

// setID gives the connection its id (at accept, and a distlab client's at
// hello).
func (c *conn) setID(id string) { c.idCopy.Store(&clientKey{id: id, h: idHash(id)}) }

// A clientKey is a client's id and its hash: the writer compares every
// message's sender with its own client by hash first (an id is some twenty
// bytes alike at the front, and at 200 clients the comparison of the
// strings was a twentieth of a cluster's CPU).
type clientKey struct {
	id string
	h  uint64
}

// mine reports whether e was sent by the client k is.
func (k clientKey) mine(e *entry) bool { return e.clientH == k.h && e.client == k.id }

var idSeed = maphash.MakeSeed()

func idHash(id string) uint64 { return maphash.String(idSeed, id) }
