package chat

import (
	"bufio"
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"distlab/demos/locale"
)

// ClientConfig sets up a distlab client.
type ClientConfig struct {
	Addrs []string // nodes to try, in order; the cluster's members are learned on connect
	Nick  string
	// OnLine receives every line to show, already cleaned: messages,
	// notices, and the client's own reports of failovers. It is called from
	// the client's reader goroutine, one line at a time.
	OnLine func(string)
	// Backoff is the first pause between reconnection attempts (doubling up
	// to MaxBackoff). Defaults 50ms and 1s.
	Backoff, MaxBackoff time.Duration
	// Lang is the language of the client's own notices; English by default.
	Lang locale.Lang
	// Silence is how long the node may say nothing before the client
	// takes it for dead and fails over (default 3s). A node that hangs
	// (stopped, swapping, deadlocked) keeps its sockets open: only a
	// timeout tells it from a slow one. The client pings every Silence/3,
	// and the node answers, so an idle chat is not silence.
	Silence time.Duration
	// ResendAfter is how long a message may wait for its acknowledgement
	// before the client sends it again on the same connection (default
	// 2s): the node acks only once a peer has it, and relays a resend
	// again.
	ResendAfter time.Duration
	// Dial, if set, replaces TCP (at most 500 ms an address): tests run
	// the client on an in-memory network with it. Nil in production.
	Dial func(ctx context.Context, addr string) (net.Conn, error)

	// For the demo's challenges (challenges.go), from the reader
	// goroutine: shown gets the id (its sender's public id and seq) and
	// line of each message shown, once; silent the node it took for dead
	// when Silence passed without a word.
	shown  func(pub string, seq uint64, line string)
	silent func(addr string, after time.Duration)
}

// Client is a chat client that survives the loss of its node: it numbers
// its messages, keeps those not yet acknowledged, reconnects to another
// member of the cluster and sends them again. Nodes deliver each (client
// id, seq) once, and the client shows each message once.
type Client struct {
	cfg    ClientConfig
	secret string // proves id on /hello; never shown
	id     string
	join   int64 // Unix ms when it started: a replay of origins it never heard from starts there
	txt    speaker
	asked  atomic.Bool // a language was given: the node is asked to speak it (/lang)

	mu      sync.Mutex // guards the fields below
	nc      net.Conn
	addr    string
	members []string             // addresses, learned from /members
	loads   map[string]int       // clients per address, from the last /members
	seq     uint64               // last sequence number used
	unacked map[uint64]*outgoing // until the node acknowledges
	shown   *dedupe              // message ids already shown
	cursors map[string]uint64    // per origin run (SRC): the highest OSEQ received
	srcs    []string             // the runs in cursors, the most recent last
	greeted bool                 // the node answered this connection's /hello
	closed  bool

	ctx        context.Context
	cancel     context.CancelFunc
	done       chan struct{} // closed when the reader goroutine ends
	out        chan string   // lines for the writer goroutine
	writerDone chan struct{}
}

// outgoing is a message waiting for its acknowledgement.
type outgoing struct {
	text string
	sent time.Time // when last sent
}

// ErrNoNode is returned when no node of the cluster could be reached.
var ErrNoNode = locale.Errorf("chat: no node reachable")

// Dial connects to the first reachable address and starts the client.
func Dial(cfg ClientConfig) (*Client, error) {
	if cfg.Backoff <= 0 {
		cfg.Backoff = 50 * time.Millisecond
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = time.Second
	}
	if cfg.OnLine == nil {
		cfg.OnLine = func(string) {}
	}
	if cfg.Silence <= 0 {
		cfg.Silence = 3 * time.Second
	}
	if cfg.ResendAfter <= 0 {
		cfg.ResendAfter = 2 * time.Second
	}
	var b [secretSize]byte
	rand.Read(b[:])
	secret := hex.EncodeToString(b[:])
	ctx, cancel := context.WithCancel(context.Background())
	c := &Client{cfg: cfg, secret: secret, id: clientID(secret), join: time.Now().UnixMilli(), members: slices.Clone(cfg.Addrs),
		unacked: map[uint64]*outgoing{}, cursors: map[string]uint64{}, shown: newDedupe(), ctx: ctx, cancel: cancel, done: make(chan struct{}),
		out: make(chan string, 1024), writerDone: make(chan struct{})}
	c.txt.set(cfg.Lang)
	c.asked.Store(cfg.Lang != "")
	s, err := c.connect("")
	if err != nil {
		cancel()
		return nil, err
	}
	go c.run(s)
	go func() { defer close(c.writerDone); c.writeLoop() }()
	return c, nil
}

// ID is the client's id in the cluster.
func (c *Client) ID() string { return c.id }

// SetLang changes the language of the client's own notices, and of its
// node's: the node says its welcome again in it.
func (c *Client) SetLang(l locale.Lang) {
	if c.asked.Load() && c.txt.printer().Lang() == locale.For(l).Lang() {
		return // asked already
	}
	c.txt.set(l)
	c.asked.Store(true)
	select {
	case c.out <- "/lang " + l.String():
	default: // the queue is full: the next connection asks again
	}
}

// Node is the address of the node the client is on ("" while reconnecting).
func (c *Client) Node() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.addr
}

// Pending is how many messages wait for an acknowledgement.
func (c *Client) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.unacked)
}

// Send sends a chat line: a /command as it is, text as a numbered message
// that will reach everyone once even if the node dies on the way. It never
// blocks: a writer goroutine does the socket writes.
func (c *Client) Send(text string) {
	text = Clean(text)
	cmd, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	switch {
	case strings.TrimSpace(text) == "":
		return
	case cmd == "/quit":
		c.shut() // Close without the wait: Send never blocks
		return
	case isControl(cmd):
		c.cfg.OnLine(notice(c.txt.printer(), "%s is the protocol's, not a command for people", cmd))
		return
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	line := text
	if !strings.HasPrefix(text, "/") {
		c.seq++
		c.unacked[c.seq] = &outgoing{text: text, sent: time.Now()}
		line = fmt.Sprintf("%s %d %s", ctlMsg, c.seq, text)
	}
	c.mu.Unlock()
	select {
	case c.out <- line:
	default: // a queue this full means the node is gone: numbered lines are resent anyway
	}
}

// isControl reports whether cmd is a protocol line people must not send.
func isControl(cmd string) bool {
	switch cmd {
	case ctlHello, ctlSince, ctlMsg, ctlAck, ctlMembers, ctlM, ctlPeer, ctlProof, ctlOK, ctlBeat, ctlRelay, ctlGot, ctlRecent:
		return true
	}
	return false
}

// writeLoop writes queued lines to the current connection, and a ping
// every Silence/3 whatever else it sends: the node's answers prove it
// alive. With the ping go the messages unacknowledged for ResendAfter. A
// failed write closes that connection; the reader then fails over.
func (c *Client) writeLoop() {
	t := time.NewTicker(max(min(c.cfg.Silence/3, c.cfg.ResendAfter/2), time.Millisecond))
	defer t.Stop()
	for {
		var line string
		select {
		case <-c.ctx.Done():
			return
		case line = <-c.out:
		case <-t.C:
			line = c.overdue() + ctlPing
		}
		c.mu.Lock()
		nc := c.nc
		c.mu.Unlock()
		if nc == nil {
			continue // reconnecting: numbered messages go again on connect
		}
		nc.SetWriteDeadline(time.Now().Add(2 * time.Second))
		if _, err := fmt.Fprintf(nc, "%s\n", line); err != nil {
			nc.Close()
		}
	}
}

// overdue is the messages unacknowledged for ResendAfter, as /msg lines
// each ending in a newline, marked sent now.
func (c *Client) overdue() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.nc == nil {
		return ""
	}
	var b strings.Builder
	now := time.Now()
	for _, s := range c.pendingSeqs(0) {
		if o := c.unacked[s]; now.Sub(o.sent) >= c.cfg.ResendAfter {
			fmt.Fprintf(&b, "%s %d %s\n", ctlMsg, s, o.text)
			o.sent = now
		}
	}
	return b.String()
}

// sinceLine is the /since that asks the node for what the client missed;
// c.mu must be held.
func (c *Client) sinceLine() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d ", ctlSince, c.join)
	for i := len(c.srcs) - 1; i >= 0; i-- { // the most recent first, while the line is short enough for a node
		kv := fmt.Sprintf("%s=%d", c.srcs[i], c.cursors[c.srcs[i]])
		if b.Len()+len(kv)+1 > MaxLine {
			break
		}
		if i < len(c.srcs)-1 {
			b.WriteByte(',')
		}
		b.WriteString(kv)
	}
	return b.String()
}

// Close leaves the cluster, and returns once the client's goroutines have
// ended and its socket is closed.
func (c *Client) Close() {
	c.shut()
	<-c.done
	<-c.writerDone
}

// shut says goodbye and starts the client's goroutines on their way out.
func (c *Client) shut() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	if c.nc != nil {
		c.nc.SetWriteDeadline(time.Now().Add(200 * time.Millisecond))
		fmt.Fprintf(c.nc, "/quit\n")
		c.nc.Close()
	}
	c.mu.Unlock()
	c.cancel()
}

// session is one connection to a node that has answered.
type session struct {
	nc    net.Conn
	br    *bufio.Reader
	addr  string
	first string // the node's first line, its welcome
}

// connect tries the members (the one just lost last), says hello, resends
// what was not acknowledged, and waits for the node's first line: a hung
// node's kernel still accepts connections, so only an answer proves a
// node is there.
func (c *Client) connect(lost string) (*session, error) {
	c.mu.Lock()
	addrs := slices.Clone(c.members)
	loads := c.loads
	c.mu.Unlock()
	// The node just lost comes last; before it, the least loaded first,
	// as the cluster last said (nodes it said nothing of keep their place
	// after those, in the order learned).
	load := func(a string) int {
		if n, ok := loads[a]; ok {
			return n
		}
		return math.MaxInt
	}
	slices.SortStableFunc(addrs, func(a, b string) int {
		switch {
		case a == lost && b != lost:
			return 1
		case b == lost && a != lost:
			return -1
		}
		return cmp.Compare(load(a), load(b))
	})
	for _, addr := range addrs {
		ctx, cancel := context.WithTimeout(c.ctx, 500*time.Millisecond)
		nc, err := c.dial(ctx, addr)
		cancel()
		if err != nil {
			continue
		}
		// Hello, then every unacknowledged message again, in order. The
		// lock is not held while writing: Send and Node must never wait on
		// a socket.
		c.mu.Lock()
		var b strings.Builder
		if c.asked.Load() {
			fmt.Fprintf(&b, "/lang %s\n", c.txt.printer().Lang())
		}
		fmt.Fprintf(&b, "%s %s %s\n", ctlHello, c.secret, c.cfg.Nick)
		fmt.Fprintf(&b, "%s\n", c.sinceLine())
		c.greeted = false
		upTo := c.seq
		now := time.Now()
		for _, s := range c.pendingSeqs(0) {
			fmt.Fprintf(&b, "%s %d %s\n", ctlMsg, s, c.unacked[s].text)
			c.unacked[s].sent = now
		}
		c.mu.Unlock()
		nc.SetWriteDeadline(time.Now().Add(2 * time.Second))
		if _, err := nc.Write([]byte(b.String())); err != nil {
			nc.Close()
			continue
		}
		br := bufio.NewReaderSize(nc, 64<<10)
		nc.SetReadDeadline(time.Now().Add(c.cfg.Silence))
		// Close need not wait for the node's answer; nor does it return
		// before this goroutine that cuts the wait short has ended.
		cut := make(chan struct{})
		stop := context.AfterFunc(c.ctx, func() { nc.SetReadDeadline(time.Now()); close(cut) })
		first, err := br.ReadString('\n')
		if !stop() {
			<-cut
		}
		if err != nil {
			nc.Close()
			continue
		}
		c.mu.Lock()
		if c.closed {
			c.mu.Unlock()
			nc.Close()
			return nil, ErrNoNode
		}
		c.nc, c.addr = nc, addr
		var late []string // typed while the hello was on its way
		for _, s := range c.pendingSeqs(upTo) {
			late = append(late, fmt.Sprintf("%s %d %s", ctlMsg, s, c.unacked[s].text))
		}
		c.mu.Unlock()
		for _, l := range late {
			select {
			case c.out <- l:
			default:
			}
		}
		return &session{nc: nc, br: br, addr: addr, first: strings.TrimRight(first, "\r\n")}, nil
	}
	return nil, ErrNoNode
}

func (c *Client) dial(ctx context.Context, addr string) (net.Conn, error) {
	if c.cfg.Dial != nil {
		return c.cfg.Dial(ctx, addr)
	}
	var d net.Dialer
	return d.DialContext(ctx, "tcp", addr)
}

// pendingSeqs are the unacknowledged sequence numbers above after, in
// order; c.mu must be held.
func (c *Client) pendingSeqs(after uint64) []uint64 {
	seqs := make([]uint64, 0, len(c.unacked))
	for s := range c.unacked {
		if s > after {
			seqs = append(seqs, s)
		}
	}
	slices.Sort(seqs)
	return seqs
}

// run reads from the node until the connection breaks, then fails over,
// until Close.
func (c *Client) run(s *session) {
	defer close(c.done)
	for {
		if !c.asked.Load() || !isWelcome(s.first) {
			c.handle(s.first) // else the node welcomes it again, in its language
		}
		err := c.read(s)
		addr := s.addr
		s.nc.Close() // the node is gone or the read failed: release the socket before moving on
		c.mu.Lock()
		c.nc, c.addr = nil, ""
		closed := c.closed
		c.mu.Unlock()
		if closed {
			return
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			p := c.txt.printer()
			c.cfg.OnLine(notice(p, "no word from %s for %s: taking it for dead, looking for another node", addr, p.Duration(c.cfg.Silence)))
			if c.cfg.silent != nil {
				c.cfg.silent(addr, c.cfg.Silence)
			}
		} else {
			c.cfg.OnLine(notice(c.txt.printer(), "connection to %s lost: looking for another node", addr))
		}
		wait := c.cfg.Backoff
		for {
			select {
			case <-c.ctx.Done():
				return
			case <-time.After(wait):
			}
			var err error
			if s, err = c.connect(addr); err == nil {
				c.cfg.OnLine(notice(c.txt.printer(), "reconnected to %s; %d unacknowledged messages sent again", s.addr, c.Pending()))
				break
			}
			wait = min(2*wait, c.cfg.MaxBackoff)
		}
	}
}

// read handles the node's lines until the connection ends, or the node
// says nothing for Silence.
func (c *Client) read(s *session) error {
	for {
		s.nc.SetReadDeadline(time.Now().Add(c.cfg.Silence))
		line, err := s.br.ReadString('\n')
		if err != nil {
			return err
		}
		c.handle(strings.TrimRight(line, "\r\n"))
	}
}

// heard moves the cursor of origin run src to oseq.
func (c *Client) heard(src string, oseq uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cur, ok := c.cursors[src]; ok {
		if oseq > cur {
			c.cursors[src] = oseq
		}
		return
	}
	if len(src) > 80 {
		return // no node id is that long: not worth a place in /since
	}
	if len(c.srcs) >= maxCursors {
		delete(c.cursors, c.srcs[0]) // the oldest run falls back to the join time
		c.srcs = c.srcs[1:]
	}
	c.cursors[src] = oseq
	c.srcs = append(c.srcs, src)
}

func (c *Client) handle(line string) {
	cmd, arg, _ := strings.Cut(line, " ")
	switch cmd {
	case ctlPong: // the node is alive: the read deadline moved on
	case ctlAck:
		if s, err := strconv.ParseUint(arg, 10, 64); err == nil {
			c.mu.Lock()
			delete(c.unacked, s)
			c.mu.Unlock()
		}
	case ctlMembers: // /members n1=host:port/clients,…
		var addrs []string
		loads := map[string]int{}
		for _, m := range strings.Split(arg, ",") {
			if _, a, ok := strings.Cut(m, "="); ok && a != "" {
				a, load, _ := strings.Cut(a, "/")
				if n, err := strconv.Atoi(load); err == nil && n >= 0 {
					loads[a] = n
				}
				addrs = append(addrs, a)
			}
		}
		c.mu.Lock()
		c.loads = loads
		c.greeted = true
		for _, a := range addrs { // keep addresses learned before: a node may come back
			if !slices.Contains(c.members, a) {
				c.members = append(c.members, a)
			}
		}
		c.mu.Unlock()
	case ctlM: // /m CLIENT SEQ SRC OSEQ LINE
		f := strings.SplitN(arg, " ", 5)
		if len(f) < 5 {
			return
		}
		s, err1 := strconv.ParseUint(f[1], 10, 64)
		oseq, err2 := strconv.ParseUint(f[3], 10, 64)
		if err1 != nil || err2 != nil {
			return
		}
		c.heard(f[2], oseq)
		if !c.shown.add(f[0], s) {
			return // already shown: it came again after a failover, or in a replay
		}
		line := Clean(f[4])
		c.cfg.OnLine(line)
		if c.cfg.shown != nil {
			c.cfg.shown(f[0], s, line)
		}
	default:
		c.mu.Lock()
		early := !c.greeted
		c.mu.Unlock()
		if early && !strings.HasPrefix(line, "*** ") {
			return // a message sent before the node knew this client: the replay brings it
		}
		if nick, ok := nickNotice(line); ok {
			c.mu.Lock()
			c.cfg.Nick = CleanNick(nick) // a failover asks for it again
			c.mu.Unlock()
		}
		c.cfg.OnLine(Clean(line))
	}
}
