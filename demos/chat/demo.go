package chat

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	"distlab/demos/locale"
)

// DemoConfig sets up the classroom demo.
type DemoConfig struct {
	Host    string      // where the nodes listen; default 127.0.0.1 (0.0.0.0: a classroom can join)
	Port    int         // the first node's port, the others following it; 0: any free ports
	Nodes   int         // default 3
	Bots    int         // chatting bots at start; default 2
	BotRate float64     // messages a second per bot; default 0.5
	Lang    locale.Lang // language of notices and bots' messages; default English
	// You is the nick of your client; "" is "you" in Lang. A class's
	// cluster (StartClass) gives the instructor's, which every student
	// sees beside the lines the instructor types.
	You string

	// Listen and Dial, if set, replace TCP for the nodes and every client
	// of the demo (see Config): tests run it on chattest.Net.
	Listen func(addr string) (net.Listener, error)
	Dial   func(ctx context.Context, addr string) (net.Conn, error)
}

// Demo is the chat cluster demo as the TUI runs it: a cluster of nodes on
// ephemeral ports, one watching client per node whose screens show what
// each received (and in which order), bots that chat, and "you". All of it
// is real: TCP sockets, goroutines, failover. The pane samples the nodes'
// Stats and the Views on its frame tick; Reset puts it all back as it
// started.
type Demo struct {
	cluster *Cluster
	views   []*View    // views[0] is you
	cfg     DemoConfig // as started, defaults filled in: what Reset goes back to

	txt speaker // of the bots' messages

	mu      sync.Mutex // guards bots, botRate, paused, links, closed, said
	bots    []*bot
	pending int // bots being dialed
	botRate float64
	paused  bool
	links   LinkSpeed
	closed  bool

	said []string // what you typed while Reset replaced your client (see Say)

	// resetMu is held by Reset, and by what changes the nodes or the bots
	// or ends the demo (Kill, Restart, ToggleFreeze, AddBot, RemoveBot,
	// Close): those wait for a reset to finish.
	resetMu sync.Mutex
	// closing is closed by Close before it waits for resetMu: a Reset
	// under way stops waiting for the cluster to settle and dials no one
	// more, so that closing the pane right after R does not hang the app.
	closing     chan struct{}
	closingOnce sync.Once

	adding   sync.WaitGroup // AddBot calls under way; Close waits for them
	finished chan struct{}  // closed when Close is done

	ch checks // what the challenges are checked from (challengelog.go)
}

var (
	// ErrNoSuchNode is returned for a node index the demo does not have.
	ErrNoSuchNode = locale.Errorf("chat: no such node")
	// ErrClosed is returned by a demo that was closed.
	ErrClosed = locale.Errorf("chat: demo closed")
	// ErrTooManyBots is returned by AddBot at MaxBots.
	ErrTooManyBots = locale.Errorf("chat: too many bots (at most %d)", MaxBots)
	// ErrNoBot is returned by RemoveBot when no bot is left.
	ErrNoBot = locale.Errorf("chat: no bot to remove")
)

// MaxBots is how many bots a demo runs at most.
const MaxBots = 50

// bot is a client that chats on its own.
type bot struct {
	client *Client
	stop   chan struct{}
	done   chan struct{}
}

// StartDemo starts the cluster, the watching clients and the bots.
func StartDemo(cfg DemoConfig) (*Demo, error) {
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	if cfg.Nodes <= 0 {
		cfg.Nodes = 3
	}
	if cfg.Bots < 0 {
		cfg.Bots = 0
	} else if cfg.Bots == 0 {
		cfg.Bots = 2
	}
	if cfg.BotRate <= 0 {
		cfg.BotRate = 0.5
	}
	cl, err := StartCluster(cfg.Nodes, cfg.Host, cfg.Port, Config{Lang: cfg.Lang, Listen: cfg.Listen, Dial: cfg.Dial})
	if err != nil {
		return nil, err
	}
	d := &Demo{cluster: cl, cfg: cfg, botRate: cfg.BotRate, finished: make(chan struct{}), closing: make(chan struct{})}
	d.txt.set(cfg.Lang)
	names := []string{d.youNick(cfg.Lang), "ana", "bruno", "carla", "davi"}
	for i := range min(cfg.Nodes, 3) { // all of them before any client reports what it was shown
		d.views = append(d.views, &View{name: names[i]})
	}
	for i := range d.views {
		if err := d.dialView(i, cfg.Lang); err != nil {
			d.Close()
			return nil, err
		}
	}
	for range cfg.Bots {
		if err := d.AddBot(); err != nil {
			d.Close()
			return nil, err
		}
	}
	return d, nil
}

// youNick is the nick of your client when the demo speaks lang.
func (d *Demo) youNick(lang locale.Lang) string {
	if d.cfg.You != "" {
		return d.cfg.You
	}
	return locale.For(lang).T("you")
}

// Nodes are the cluster's nodes.
func (d *Demo) Nodes() []*Node { return d.cluster.Nodes }

// SetLang changes the language of what the nodes, the watching clients and
// the bots say from now on; lines already shown stay as they were.
func (d *Demo) SetLang(l locale.Lang) {
	d.txt.set(l)
	for _, n := range d.cluster.Nodes {
		n.SetLang(l)
	}
	for _, v := range d.views {
		if c := v.current(); c != nil {
			c.SetLang(l)
		}
	}
}

// Views are the watching clients' screens, "you" first.
func (d *Demo) Views() []*View { return d.views }

// node is node i, or an error that says there is none.
func (d *Demo) node(i int) (*Node, error) {
	if i < 0 || i >= len(d.cluster.Nodes) {
		return nil, locale.Errorf("node %d: %w", i, ErrNoSuchNode)
	}
	return d.cluster.Nodes[i], nil
}

// ToggleFreeze freezes node i (it hangs, sockets open, as under SIGSTOP)
// or lets a frozen one go on. A node that is down cannot freeze
// (ErrNodeDown).
func (d *Demo) ToggleFreeze(i int) error {
	d.resetMu.Lock() // after a reset under way
	defer d.resetMu.Unlock()
	n, err := d.node(i)
	if err != nil {
		return err
	}
	if n.Frozen() {
		n.Thaw()
		return nil
	}
	return n.Freeze()
}

// Kill crashes node i, and returns once its goroutines and sockets are
// gone; Restart brings it back.
func (d *Demo) Kill(i int) error {
	d.resetMu.Lock() // after a reset under way
	defer d.resetMu.Unlock()
	n, err := d.node(i)
	if err != nil {
		return err
	}
	d.crash(n) // n.Kill, and the watch of LoseNothing
	return nil
}

// Restart starts node i again, on the same port. The error names the node
// and the cause; a port taken meanwhile is a *PortInUseError
// (errors.Is(err, ErrPortInUse)).
func (d *Demo) Restart(i int) error {
	d.resetMu.Lock() // after a reset under way
	defer d.resetMu.Unlock()
	return d.restart(i)
}

func (d *Demo) restart(i int) error {
	n, err := d.node(i)
	if err != nil {
		return err
	}
	if err := n.start(); err != nil {
		return locale.Errorf("restart %s: %w", n.ID(), err)
	}
	return nil
}

// LinkSpeed is how slow the demo's links between nodes are.
type LinkSpeed int

const (
	// LinksFast adds no delay.
	LinksFast LinkSpeed = iota
	// LinksSlow adds 150–450 ms to every line between nodes, relays and
	// heartbeats: concurrent messages reach nodes in different orders,
	// which the views show. The heartbeats' gaps stay under the peer
	// timeout, so no node is suspected for it.
	LinksSlow
	// LinksVerySlow adds 0.3–3.3 s: gaps between heartbeats pass the 1 s
	// peer timeout now and then, so nodes that are up are suspected, then
	// cleared when a late heartbeat lands (see Node.Suspects).
	LinksVerySlow
)

// SetLinks makes the links between nodes as slow as s.
func (d *Demo) SetLinks(s LinkSpeed) {
	d.mu.Lock()
	d.links = s
	d.mu.Unlock()
	delay, jitter := s.delays()
	for _, n := range d.cluster.Nodes {
		n.SetLinkDelay(delay, jitter)
	}
}

// delays are the delay every line between nodes waits and the most jitter
// added to it (see Node.SetLinkDelay).
func (s LinkSpeed) delays() (delay, jitter time.Duration) {
	switch s {
	case LinksSlow:
		return 150 * time.Millisecond, 300 * time.Millisecond
	case LinksVerySlow:
		// Heartbeats come over both links of a pair (each node dials the
		// other), so a gap needs both late at once: with up to 3 s of
		// jitter, about three suspicions in 30 s.
		return 300 * time.Millisecond, 3 * time.Second
	}
	return 0, 0
}

// Links reports how slow the links are.
func (d *Demo) Links() LinkSpeed {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.links
}

// AddBot starts one more chatting bot, on the nodes in turn, and returns
// once it is connected.
func (d *Demo) AddBot() error {
	d.resetMu.Lock()
	defer d.resetMu.Unlock()
	return d.addBot()
}

func (d *Demo) addBot() error {
	d.mu.Lock()
	switch {
	case d.closed || d.isClosing():
		d.mu.Unlock()
		return ErrClosed
	case len(d.bots)+d.pending >= MaxBots:
		d.mu.Unlock()
		return ErrTooManyBots
	}
	i := len(d.bots) + d.pending
	d.pending++
	d.adding.Add(1)
	d.mu.Unlock()
	defer d.adding.Done()
	addrs := d.cluster.Addrs()
	for k := range addrs {
		addrs[k] = LocalAddr(addrs[k])
	}
	node := addrs[i%len(addrs)]
	// Dial without the lock: the pane samples the demo meanwhile.
	nick := botNick(i)
	c, err := Dial(ClientConfig{Addrs: append([]string{node}, addrs...), Nick: nick, Dial: d.cfg.Dial})
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending--
	if err != nil {
		return locale.Errorf("add %s: %w", nick, err)
	}
	if d.closed {
		c.Close()
		return ErrClosed
	}
	b := &bot{client: c, stop: make(chan struct{}), done: make(chan struct{})}
	d.bots = append(d.bots, b)
	go d.chat(b, i+1)
	return nil
}

// botNick is the nick of the demo's bot i, from 0.
func botNick(i int) string { return fmt.Sprintf("bot%d", i+1) }

// RemoveBot stops the newest bot, and returns once it has left.
func (d *Demo) RemoveBot() error {
	d.resetMu.Lock()
	defer d.resetMu.Unlock()
	d.mu.Lock()
	if len(d.bots) == 0 {
		d.mu.Unlock()
		return ErrNoBot
	}
	b := d.bots[len(d.bots)-1]
	d.bots = d.bots[:len(d.bots)-1]
	d.mu.Unlock()
	b.halt()
	return nil
}

func (b *bot) halt() {
	close(b.stop)
	<-b.done
	b.client.Close()
}

// chat is a bot's life: a numbered message at the bots' rate, unless paused.
func (d *Demo) chat(b *bot, num int) {
	defer close(b.done)
	n := 0
	for {
		d.mu.Lock()
		rate, paused := d.botRate, d.paused
		d.mu.Unlock()
		wait := time.Duration(float64(time.Second) / rate)
		select {
		case <-b.stop:
			return
		case <-time.After(wait):
		}
		if !paused {
			n++
			b.client.Send(d.txt.printer().T("message %d from bot%s", n, strconv.Itoa(num))) // botSays
		}
	}
}

// Bots is how many bots chat, and at what rate each.
func (d *Demo) Bots() (int, float64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.bots), d.botRate
}

// SetBotRate sets each bot's messages a second (0.1 to 100).
func (d *Demo) SetBotRate(r float64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.botRate = min(max(r, 0.1), 100)
}

// SetPaused stops or resumes the bots.
func (d *Demo) SetPaused(p bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.paused = p
}

// isClosing reports whether Close began.
func (d *Demo) isClosing() bool {
	select {
	case <-d.closing:
		return true
	default:
		return false
	}
}

// Close stops everything: bots, clients, nodes. It returns when nothing
// is left running: every goroutine ended, every socket closed. A second
// Close waits for the first.
func (d *Demo) Close() {
	d.closingOnce.Do(func() { close(d.closing) }) // a Reset under way gives up waiting
	d.resetMu.Lock()                              // and finishes first
	defer d.resetMu.Unlock()
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		<-d.finished
		return
	}
	d.closed = true
	bots := d.bots
	d.bots = nil
	d.mu.Unlock()
	defer close(d.finished)
	d.adding.Wait() // a bot being dialed sees closed and leaves
	for _, b := range bots {
		b.halt()
	}
	for _, v := range d.views {
		if c := v.setClient(nil); c != nil {
			c.Close()
		}
	}
	for _, n := range d.cluster.Nodes {
		n.Kill()
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	d.cluster.Shutdown(ctx)
}
