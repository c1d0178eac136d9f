package chat

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/time/rate"

	"distlab/demos/locale"
)

// Config sets up a node. Zero durations and limits take the defaults.
type Config struct {
	ID          string   // node name, e.g. "n1"
	Addr        string   // listen address; default 127.0.0.1:25000 ("127.0.0.1:0" for any port)
	Peers       []string // other nodes' addresses, dialed and kept connected
	MaxClients  int      // default 256
	Rate        float64  // messages a second per client; 0: no limit
	IdleTimeout time.Duration
	LineTimeout time.Duration // to finish a line once started
	EvictAfter  time.Duration // a client whose socket stays full this long is dropped
	Heartbeat   time.Duration // between heartbeats to peers
	PeerTimeout time.Duration // silence after which a peer is down
	// Key is the cluster's shared secret: two nodes link only if each
	// proves to the other that it knows it (a challenge and response;
	// the key itself never goes over the wire, see protocol.go). A node
	// with Peers needs one (Start refuses with ErrNoKey); one without a
	// key accepts no peer at all. Give every node of a cluster the same
	// long random Key: a short one could be guessed offline from a
	// recorded handshake.
	Key string
	// Log, if set, receives the node's reports for whoever runs it, one
	// line at a time in the node's language: a peer link refused or
	// closed, and why. It is called from the node's goroutines.
	Log func(line string)
	// Presence, if set, receives each client's arrival, nick change and
	// departure, on one of the node's goroutines (see Presence).
	Presence func(Presence)
	// Lang is the language of the node's notices ("en", "pt-BR"); English
	// by default. SetLang changes it while the node runs.
	Lang locale.Lang
	// Listen and Dial, if set, replace TCP: Listen for the node's own
	// address, Dial for its peers. Tests run nodes on an in-memory network
	// with them, where testing/synctest can wait on every socket. Nil in
	// production.
	Listen func(addr string) (net.Listener, error)
	Dial   func(ctx context.Context, addr string) (net.Conn, error)

	ringSize int // messages the hub keeps, a power of two; 0: ringSize. For tests.
}

func (c *Config) defaults() {
	if c.ID == "" {
		c.ID = "n1"
	}
	if c.Addr == "" {
		c.Addr = "127.0.0.1:25000"
	}
	if c.MaxClients <= 0 {
		c.MaxClients = 256
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = 10 * time.Minute
	}
	if c.LineTimeout <= 0 {
		c.LineTimeout = 10 * time.Second
	}
	if c.EvictAfter <= 0 {
		c.EvictAfter = 3 * time.Second
	}
	if c.Heartbeat <= 0 {
		c.Heartbeat = 250 * time.Millisecond
	}
	if c.PeerTimeout <= 0 {
		c.PeerTimeout = 4 * c.Heartbeat
	}
	if c.ringSize <= 0 || c.ringSize&(c.ringSize-1) != 0 {
		c.ringSize = ringSize
	}
}

var (
	// ErrStopped is returned when starting a node that was shut down for good.
	ErrStopped = locale.Errorf("chat: node stopped")
	// ErrNodeDown is returned for what only a running node can do.
	ErrNodeDown = locale.Errorf("chat: node is down")
	// ErrPortInUse is what a PortInUseError is: a node cannot listen
	// because something else holds its port (after a restart, often the
	// process that took the port while the node was down).
	ErrPortInUse = locale.Errorf("chat: port in use")
	// ErrNoKey is returned when starting a node that has peers but no
	// cluster key (Config.Key).
	ErrNoKey = locale.Errorf("chat: a node with peers needs a cluster key")
	// ErrBadID is returned when starting a node whose id its peers would
	// refuse.
	ErrBadID = locale.Errorf("chat: a node id is at most 64 printable characters, without spaces or any of , = @")
)

// PortInUseError says which node could not listen on which port.
// errors.Is(err, ErrPortInUse) recognises it.
type PortInUseError struct {
	Node string
	Port string
	Err  error // from the listener
}

func (e *PortInUseError) Error() string { return e.Localize(nil) }

// Localize says the error in p's language.
func (e *PortInUseError) Localize(p *locale.Printer) string { return p.T("port %s in use", e.Port) }

func (e *PortInUseError) Is(target error) bool { return target == ErrPortInUse }
func (e *PortInUseError) Unwrap() error        { return e.Err }

// Node is one chat server. Start it, then Kill (a crash) and Restart it as
// often as the demo likes; Shutdown ends it gracefully.
type Node struct {
	cfg  Config
	hub  *hub
	txt  speaker // what the node says to people, in their language
	gate gate    // closed while the node is frozen
	// progress is notified when a client's writer has flushed a batch, or
	// a connection ended: what drains wait for.
	progress signal

	mu      sync.Mutex // guards everything below
	ln      net.Listener
	addr    string
	up      bool
	stopped bool
	ctx     context.Context // of the current run
	epoch   string          // random per run: part of plain clients' ids
	cancel  context.CancelFunc
	conns   map[*conn]struct{}
	nicks   map[string]*conn // NickKey(nick) → local client
	links   map[*peerLink]struct{}
	remote  map[string]*remoteNode // node id → what its heartbeats said
	connNum int
	delay   time.Duration // added to every line sent to a peer, for the lessons on time and failures
	jitter  time.Duration

	wg        *sync.WaitGroup    // every goroutine of the current run; a new one each Start
	seen      *dedupe            // (client, seq) of delivered messages
	newIDs    *rate.Limiter      // distlab client ids this node has not seen, taken a second
	acks      *pendingAcks       // messages accepted here that no peer has confirmed yet
	oseq      atomic.Uint64      // the last number given to a message accepted here, this run
	srcMu     sync.Mutex         // guards srcTops, srcNames
	srcTops   map[string]uint64  // per origin run: the highest OSeq delivered here
	srcNames  map[string]srcName // per origin: its latest run's name (noteRun)
	received  atomic.Uint64      // messages accepted from local clients
	relayed   atomic.Uint64      // messages received from peers and delivered
	copies    atomic.Uint64      // relay lines received from peers, duplicates included
	delivered atomic.Uint64      // lines written to clients
	evicted   atomic.Uint64      // clients dropped for not reading
	pubIDs    pubIDs             // publicID of recent senders
	refusals  atomic.Uint64      // peer links refused at the handshake or closed for a bad line
	running   atomic.Int64       // goroutines alive
}

// remoteNode is a peer as its heartbeats describe it.
type remoteNode struct {
	addr    string
	clients int
	nicks   []remoteNick
	last    time.Time
}

// NewNode returns a node; Start makes it listen.
func NewNode(cfg Config) *Node {
	cfg.defaults()
	n := &Node{cfg: cfg, hub: newHub(cfg.ringSize), seen: newDedupe(), acks: newPendingAcks(),
		newIDs:  rate.NewLimiter(newIDRate, newIDBurst),
		srcTops: map[string]uint64{}, srcNames: map[string]srcName{}, remote: map[string]*remoteNode{}}
	n.txt.set(cfg.Lang)
	return n
}

// SetLang changes the language of the node's notices from now on.
func (n *Node) SetLang(l locale.Lang) { n.txt.set(l) }

// ID is the node's name.
func (n *Node) ID() string { return n.cfg.ID }

// Addr is the address the node listens on (with the real port once
// started on port 0).
func (n *Node) Addr() string {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.addr != "" {
		return n.addr
	}
	return n.cfg.Addr
}

// AddPeer adds a peer address to dial on every Start; a node without a
// Key then refuses to start (ErrNoKey).
func (n *Node) AddPeer(addr string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.cfg.Peers = append(n.cfg.Peers, addr)
}

// startDial dials addr now, on a running node.
func (n *Node) startDial(addr string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.up {
		return
	}
	if n.cfg.Key == "" {
		return
	}
	ctx := n.ctx
	n.goLocked(func() { n.dialLoop(ctx, addr) })
}

// SetLinkDelay delays every line this node sends its peers, relays and
// heartbeats alike, by d plus a random part of up to jitter: concurrent
// messages then reach nodes in different orders, and a delay or jitter
// above the peer timeout gets this node suspected by its peers although
// it is healthy (see heartbeat).
func (n *Node) SetLinkDelay(d, jitter time.Duration) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.delay, n.jitter = d, jitter
}

// Start listens and dials the peers. On a node that was killed it is a
// restart, on the same address. When that address is taken, the error is
// a *PortInUseError.
func (n *Node) Start() error {
	if err := n.start(); err != nil {
		return locale.Errorf("node %s: %w", n.cfg.ID, err)
	}
	return nil
}

// start is Start with errors that do not name the node, for callers that
// add their own context.
func (n *Node) start() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.stopped {
		return ErrStopped
	}
	if n.up {
		return nil
	}
	if len(n.cfg.Peers) > 0 && n.cfg.Key == "" {
		return ErrNoKey
	}
	if !validID(n.cfg.ID) {
		return ErrBadID
	}
	addr := n.cfg.Addr
	if n.addr != "" {
		addr = n.addr // a restart keeps its port
	}
	network := "tcp"
	if host, _, _ := net.SplitHostPort(addr); host == "0.0.0.0" {
		network = "tcp4" // what was asked for: IPv4 on every interface, not IPv6 too
	}
	ln, err := n.listen(network, addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			_, port, _ := net.SplitHostPort(addr)
			return &PortInUseError{Node: n.cfg.ID, Port: port, Err: err}
		}
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	n.ln, n.addr, n.up, n.ctx, n.cancel = ln, ln.Addr().String(), true, ctx, cancel
	n.epoch = newEpoch()
	n.oseq.Store(0)           // a new epoch counts from 1 again
	n.acks = newPendingAcks() // what the last run waited for died with it: its senders send it again
	n.wg = &sync.WaitGroup{}  // a Kill may still be waiting on the last run's
	n.conns, n.nicks, n.links = map[*conn]struct{}{}, map[string]*conn{}, map[*peerLink]struct{}{}
	n.remote = map[string]*remoteNode{}
	n.goLocked(func() { n.acceptLoop(ctx, ln) })
	n.goLocked(func() { n.heartbeat(ctx) })
	for _, p := range n.cfg.Peers {
		n.goLocked(func() { n.dialLoop(ctx, p) })
	}
	return nil
}

func (n *Node) listen(network, addr string) (net.Listener, error) {
	if n.cfg.Listen != nil {
		return n.cfg.Listen(addr)
	}
	return net.Listen(network, addr)
}

// dial reaches a peer.
func (n *Node) dial(ctx context.Context, addr string) (net.Conn, error) {
	if n.cfg.Dial != nil {
		return n.cfg.Dial(ctx, addr)
	}
	var d net.Dialer
	return d.DialContext(ctx, "tcp", addr)
}

// goLocked runs f on a goroutine counted in wg and running.
func (n *Node) goLocked(f func()) {
	wg := n.wg
	wg.Add(1)
	n.running.Add(1)
	go func() {
		defer wg.Done()
		defer n.running.Add(-1)
		f()
	}()
}

// Kill crashes the node: the listener and every connection close at once,
// without a word, as when a machine loses power. Start brings it back.
func (n *Node) Kill() {
	defer n.gate.thaw() // its goroutines left on their stop channels; a restart is not frozen
	n.mu.Lock()
	if !n.up {
		wg := n.wg // a kill in progress: wait for it too
		n.mu.Unlock()
		if wg != nil {
			wg.Wait()
		}
		return
	}
	n.up = false
	n.cancel()
	n.ln.Close()
	for c := range n.conns {
		c.kill()
	}
	for l := range n.links {
		l.close()
	}
	wg := n.wg
	n.mu.Unlock()
	wg.Wait()
}

// Shutdown stops the node gracefully: no new connections, a goodbye to
// every client, their queues drained until ctx is done, then everything
// closed and every goroutine gone.
func (n *Node) Shutdown(ctx context.Context) error {
	n.gate.thaw() // a frozen node cannot say goodbye
	n.mu.Lock()
	n.stopped = true
	if !n.up {
		n.mu.Unlock()
		return nil
	}
	n.ln.Close()
	conns := make([]*conn, 0, len(n.conns))
	for c := range n.conns {
		conns = append(conns, c)
		c.say(notice(c.printer(), "node %s is shutting down: goodbye", n.cfg.ID))
	}
	n.mu.Unlock()
	// Drain: wait until every writer has sent what it has, or time is up.
	for {
		progress := n.progress.wait()
		if n.drained(conns) {
			break
		}
		select {
		case <-ctx.Done():
			n.Kill()
			return ctx.Err()
		case <-progress:
		}
	}
	n.Kill()
	return nil
}

func (n *Node) drained(conns []*conn) bool {
	head := n.hub.head.Load()
	for _, c := range conns {
		select {
		case <-c.done:
			continue
		default:
		}
		if !c.flushed(head) {
			return false
		}
	}
	return true
}

func (n *Node) acceptLoop(ctx context.Context, ln net.Listener) {
	for {
		nc, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				return
			}
			// E.g. out of file descriptors: pause, unless the node stops.
			t := time.NewTimer(10 * time.Millisecond)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
			continue
		}
		if !n.gate.pass(ctx.Done()) { // frozen: the kernel accepted it, nobody serves it yet
			nc.Close()
			return
		}
		n.serve(nc)
	}
}

// serve registers a new connection as a guest and starts its goroutines.
func (n *Node) serve(nc net.Conn) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.up {
		nc.Close()
		return
	}
	if len(n.conns) >= n.cfg.MaxClients {
		// Full for clients, but a peer's link must still get in: its first
		// line says which it is.
		n.goLocked(func() { n.fullOrPeer(nc) })
		return
	}
	n.connNum++
	c := &conn{node: n, nc: nc, num: n.connNum, direct: make(chan string, 256), replay: make(chan sinceReq, 1), done: make(chan struct{}), wrote: make(chan struct{}),
		limit: newLimiter(n.cfg.Rate)}
	c.id = fmt.Sprintf("%s.%s.c%d", n.cfg.ID, n.epoch, c.num) // the epoch: a restart never reuses an id
	c.setID(c.id)
	n.claimNickLocked(c, n.freeGuestLocked())
	c.joined = time.Now()
	n.conns[c] = struct{}{}
	n.presenceLocked(Joined, c.nick, "")
	n.hub.subscribe(c)
	c.say(notice(c.printer(), "welcome to %s, %s. Type to chat; /help for commands.", n.cfg.ID, c.nick))
	n.goLocked(func() { c.readLoop(); n.drop(c) })
	n.goLocked(func() { c.writeLoop(); close(c.wrote) })
}

// drop forgets a connection that ended.
func (n *Node) drop(c *conn) {
	c.kill()
	n.hub.unsubscribe(c)
	n.mu.Lock()
	defer n.mu.Unlock()
	if _, ok := n.conns[c]; ok {
		delete(n.conns, c)
		n.presenceLocked(Left, c.nick, "")
	}
	n.releaseNickLocked(c)
	n.acks.forget(c)
}

// deliver hands m to the local clients, and keeps it in the ring for
// those that come back asking what they missed.
func (n *Node) deliver(m Message, from *conn) { n.publish(m, from, false) }

// deliverQuiet is deliver for a message from a peer's catch-up: only
// distlab clients get it (they drop what they have); netcat clients would
// see old lines.
func (n *Node) deliverQuiet(m Message) { n.publish(m, nil, true) }

func (n *Node) publish(m Message, from *conn, quiet bool) {
	src := n.noteRun(m.Origin, m.Epoch, m.OSeq)
	// One buffer holds both forms: "/m CLIENT SEQ SRC OSEQ LINE\n", whose
	// tail is the netcat form "LINE\n". Every message passes here on every
	// node, so it is built without fmt.
	b := make([]byte, 0, 64+len(m.Client)+len(src)+len(m.Nick)+len(m.Origin)+len(m.Text))
	b = append(b, ctlM...)
	b = append(b, ' ')
	b = append(b, n.pubIDs.get(m.Client)...)
	b = append(b, ' ')
	b = strconv.AppendUint(b, m.Seq, 10)
	b = append(b, ' ')
	b = append(b, src...)
	b = append(b, ' ')
	b = strconv.AppendUint(b, m.OSeq, 10)
	b = append(b, ' ')
	lineAt := len(b)
	b = m.appendLine(b)
	b = append(b, '\n')
	e := &entry{
		from:    from,
		plain:   b[lineAt:],
		ctl:     b,
		client:  m.Client,
		clientH: idHash(m.Client),
		src:     src,
		oseq:    m.OSeq,
		at:      m.At.UnixMilli(),
		msg:     m,
		quiet:   quiet,
	}
	n.hub.publish(e, 2*n.cfg.EvictAfter)
}

// peerAllowed reports whether this node takes peers at all: only with a
// cluster key, which the handshake then checks.
func (n *Node) peerAllowed() bool { return n.cfg.Key != "" }

// The node-wide limit on ids it has not seen before: enough for a class
// joining at once, far too few to flush the dedupe table (see dedupe).
const (
	newIDRate  = 50
	newIDBurst = 256
)

// secretSize is the bytes of a distlab client's secret.
const secretSize = 16

// clientID is the id a distlab client's secret stands for: nobody can
// present an id without the secret behind it, and the secret never leaves
// the client's connection (peer links and other clients see ids and
// publicIDs only).
func clientID(secret string) string {
	sum := sha256.Sum256([]byte("distlab chat v1 client id\n" + secret))
	return "d" + hex.EncodeToString(sum[:12])
}

func newEpoch() string {
	var b [3]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// fullOrPeer serves a connection that arrived when the node was full: a
// peer's link is let in, anyone else told so and closed.
func (n *Node) fullOrPeer(nc net.Conn) {
	lr := newLineReader(nc, MaxLine, time.Second, time.Second)
	line, err := lr.next()
	if !n.gate.pass(n.runCtx().Done()) {
		nc.Close()
		return
	}
	if err == nil && strings.HasPrefix(line, ctlPeer+" ") && n.peerAllowed() {
		n.acceptPeer(n.runCtx(), nc, line, bufio.NewReaderSize(io2(lr.buf[lr.r:lr.w], nc), 16<<10))
		return
	}
	nc.SetWriteDeadline(time.Now().Add(time.Second))
	fmt.Fprintf(nc, "%s\n", notice(n.txt.printer(), "server full (%d clients): try another node, see /nodes", n.cfg.MaxClients))
	nc.Close()
}

func (n *Node) runCtx() context.Context {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.ctx
}
