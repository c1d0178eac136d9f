package serve

import (
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"distlab/demos/locale"
)

// connKey holds a connection's *trackedConn in its ssh.Context.
var connKey = &struct{ name string }{"distlab-conn"}

// noSessionTimeout is how long a connection may stay without opening its
// session (authenticated or not) before it is closed.
const noSessionTimeout = 30 * time.Second

// maxPendingPerHost is how many connections from one address may be
// without their session at once: handshaking, typing the class code. Those
// in a session do not count, so a classroom behind one NAT fits; a host
// opening connections and never signing in holds this many. Connections
// from this machine (loopback: the instructor's, a load test, a tunnel)
// are not counted.
const maxPendingPerHost = 16

// trackedConn is one TCP connection: the server can close it whatever the
// state of its handshake, and it carries its one session's state: the
// window size the client last sent, the input limiter and the idle timer.
type trackedConn struct {
	net.Conn
	s *Server

	opened    atomic.Bool // its session channel was opened
	closeOnce sync.Once
	noSession *time.Timer
	host      string      // the client's address, as counted in Server.pending
	pending   bool        // counted in Server.pending; guarded by Server.mu
	shell     atomic.Bool // the session asked for its shell
	setup     *time.Timer // the session channel open without a shell for SetupTimeout
	signed    *time.Timer // signed in without a session channel for SetupTimeout; guarded by mu

	lim     *rate.Limiter
	flooded time.Duration // time the current flood was held back; read goroutine only
	done    chan struct{} // closed with the connection

	mu   sync.Mutex
	w, h int               // the window size last sent
	env  map[string]string // the locale variables the client sent
	sess *Session          // the session running on it, once its handler runs
	ch   *channel          // its session channel, once accepted
	idle *time.Timer       // no input for IdleTimeout; armed once the session channel is open
}

// trackConn registers every new connection (see track).
func (s *Server) trackConn(ctx ssh.Context, c net.Conn) net.Conn {
	tc := s.track(c)
	if tc == nil {
		return nil // the library closes it
	}
	ctx.SetValue(connKey, tc)
	return tc
}

// track registers a new connection, or refuses it (nil) past the server's
// limit (twice the sessions, plus room for handshakes) or past
// maxPendingPerHost connections of its host not yet in a session.
func (s *Server) track(c net.Conn) *trackedConn {
	host := remoteHost(c.RemoteAddr())
	ip := net.ParseIP(host)
	counted := ip == nil || !ip.IsLoopback()
	s.mu.Lock()
	if s.closing || len(s.conns) >= 2*s.cfg.Max+16 || counted && s.pending[host] >= maxPendingPerHost {
		s.mu.Unlock()
		return nil
	}
	tc := &trackedConn{
		Conn: c, s: s, done: make(chan struct{}), env: map[string]string{}, host: host, pending: counted,
		lim: rate.NewLimiter(rate.Limit(s.cfg.InputRate), s.cfg.InputBurst),
	}
	s.conns[tc] = struct{}{}
	if counted {
		s.pending[host]++
	}
	s.mu.Unlock()
	tc.noSession = time.AfterFunc(noSessionTimeout, func() {
		if !tc.opened.Load() {
			_ = tc.Close()
		}
	})
	return tc
}

// settled stops counting the connection against its host's pending
// connections: it is in a session, or closed.
func (tc *trackedConn) settled() {
	s := tc.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if !tc.pending {
		return
	}
	tc.pending = false
	if s.pending[tc.host]--; s.pending[tc.host] <= 0 {
		delete(s.pending, tc.host)
	}
}

// Close closes the connection and forgets it.
func (tc *trackedConn) Close() error {
	err := tc.Conn.Close()
	tc.closeOnce.Do(func() {
		close(tc.done)
		tc.noSession.Stop()
		tc.settled()
		tc.mu.Lock()
		if tc.idle != nil {
			tc.idle.Stop()
		}
		if tc.setup != nil {
			tc.setup.Stop()
		}
		if tc.signed != nil {
			tc.signed.Stop()
		}
		tc.mu.Unlock()
		tc.s.mu.Lock()
		delete(tc.s.conns, tc)
		tc.s.mu.Unlock()
	})
	return err
}

// signedIn starts the wait for the session channel once the client has
// signed in: a client that opens none (ssh -N) is closed after
// SetupTimeout, as one whose session asks for no shell is. Before, only
// noSessionTimeout, counted from the connection's start to leave room for
// typing the class code, closed it.
func (tc *trackedConn) signedIn() {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	if tc.signed != nil || tc.opened.Load() {
		return
	}
	tc.signed = time.AfterFunc(tc.s.cfg.SetupTimeout, func() {
		if !tc.opened.Load() {
			_ = tc.Close()
		}
	})
}

// refuseForward turns down a channel that would forward a port (ssh -L,
// -D: direct-tcpip; a Unix socket's forward) with a line OpenSSH prints
// whole ("channel 3: open failed: administratively prohibited: …") in
// the client's language, then has the session draw its screen anew: the
// line was printed over the app.
func (s *Server) refuseForward(_ *ssh.Server, _ *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	tc, _ := ctx.Value(connKey).(*trackedConn)
	getenv := func(string) string { return "" }
	if tc != nil {
		getenv = tc.getenv
	}
	lang, _ := langOf(getenv)
	_ = nc.Reject(gossh.Prohibited, locale.For(lang).T("distlab serve forwards no ports (ssh -L, -R, -D): only the course is served here"))
	if tc != nil {
		tc.repaint(noForwards)
	}
}

// noForwards is what a client asking for a forward is told, in the
// client's words (refuseForward's literal, which the text checks find)
// and, once the app draws again, in its status line.
const noForwards = "distlab serve forwards no ports (ssh -L, -R, -D): only the course is served here"

// refuseRemoteForward turns down a remote forward (ssh -R), then has the
// session, if any, draw its screen anew over OpenSSH's warning.
func (s *Server) refuseRemoteForward(ctx ssh.Context, _ *ssh.Server, _ *gossh.Request) (bool, []byte) {
	if tc, ok := ctx.Value(connKey).(*trackedConn); ok {
		tc.repaint(noForwards)
	}
	return false, nil
}

// repaint has the connection's session, if it runs, draw its whole screen
// again, with notice (a registered message) in the app's status line.
func (tc *trackedConn) repaint(notice string) {
	tc.mu.Lock()
	ss := tc.sess
	tc.mu.Unlock()
	if ss != nil {
		ss.Send(repaintMsg{notice})
	}
}

// repaintMsg asks a session's program to draw its whole screen again
// (the client printed a line of its own over it) and the app to say
// notice in its status line.
type repaintMsg struct{ notice string }

// closeConns closes every connection left.
func (s *Server) closeConns() {
	s.mu.Lock()
	left := make([]*trackedConn, 0, len(s.conns))
	for tc := range s.conns {
		left = append(left, tc)
	}
	s.mu.Unlock()
	for _, tc := range left {
		_ = tc.Close()
	}
}

// sessionChannel accepts one session channel per connection, through a
// filter of its requests and a wrapper of its data (channel).
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	tc, ok := ctx.Value(connKey).(*trackedConn)
	if !ok || !tc.opened.CompareAndSwap(false, true) {
		_ = nc.Reject(gossh.Prohibited, "one session per connection")
		return
	}
	tc.noSession.Stop()
	tc.settled()
	tc.mu.Lock()
	tc.idle = time.AfterFunc(s.cfg.IdleTimeout, func() { tc.end(endIdle) })
	// A session channel that asks for no shell (the app) in time would
	// hold its connection, unlimited, for the whole idle timeout.
	tc.setup = time.AfterFunc(s.cfg.SetupTimeout, func() {
		if !tc.shell.Load() {
			_ = tc.Close()
		}
	})
	tc.mu.Unlock()
	ssh.DefaultSessionHandler(srv, conn, &newChannel{NewChannel: nc, tc: tc}, ctx)
}

// end ends the connection's session for why, or the connection when no
// session runs on it yet.
func (tc *trackedConn) end(why endReason) {
	tc.mu.Lock()
	ss := tc.sess
	tc.mu.Unlock()
	if ss == nil {
		_ = tc.Close()
		return
	}
	ss.end(why)
}

// attach ties the session ss to the connection: resizes and endings reach it.
func (tc *trackedConn) attach(ss *Session) {
	tc.mu.Lock()
	tc.sess = ss
	tc.mu.Unlock()
}

// size is the window size the client last sent.
func (tc *trackedConn) size() (w, h int) {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	return tc.w, tc.h
}

// getenv is one of the locale variables the client sent.
func (tc *trackedConn) getenv(k string) string {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	return tc.env[k]
}

// newChannel hands the session library a wrapped channel and filtered
// requests.
type newChannel struct {
	gossh.NewChannel
	tc *trackedConn
}

// Accept accepts the channel and starts the request filter, which ends
// when the channel's requests do (the channel closed); the server's Close
// waits for it.
func (nc *newChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := nc.NewChannel.Accept()
	if err != nil {
		return nil, nil, err
	}
	out := make(chan *gossh.Request)
	nc.tc.s.filters.Go(func() { nc.tc.filter(ch, reqs, out) })
	c := &channel{Channel: ch, tc: nc.tc}
	nc.tc.mu.Lock()
	nc.tc.ch = c
	nc.tc.mu.Unlock()
	return c, out, nil
}

// Limits on what a client may set in its session's environment.
const (
	maxEnv      = 64
	maxEnvBytes = 4 << 10
)

// filter passes the session library only what distlab serves: the PTY,
// the shell, a bounded environment and window changes (which it also
// hands to the session). exec and subsystems (sftp) run nothing: each
// gets a line saying why and what to type instead, and exit status 1;
// agent and X11 forwarding, signals and anything else are refused.
func (tc *trackedConn) filter(ch gossh.Channel, in <-chan *gossh.Request, out chan<- *gossh.Request) {
	defer close(out)
	envs := 0
	for req := range in {
		switch req.Type {
		case "pty-req":
			req.Payload = clampPty(req.Payload)
		case "shell":
			tc.shell.Store(true)
		case "env":
			var kv struct{ Key, Value string }
			if envs++; envs > maxEnv || len(req.Payload) > maxEnvBytes || gossh.Unmarshal(req.Payload, &kv) != nil {
				_ = req.Reply(false, nil)
				continue
			}
			if isLocaleVar(kv.Key) {
				tc.mu.Lock()
				tc.env[kv.Key] = kv.Value
				tc.mu.Unlock()
			}
		case "window-change":
			var win window
			if gossh.Unmarshal(req.Payload, &win) == nil {
				win.clamp()
				req.Payload = gossh.Marshal(win)
				if win.W > 0 && win.H > 0 {
					tc.resized(int(win.W), int(win.H))
				}
			}
		case "exec", "subsystem":
			// No command runs, no subsystem (sftp, and scp, which runs
			// over sftp) starts. The request is answered yes only so that
			// the line reaches the student: OpenSSH leaves at once on a
			// refused request, dropping what came on stderr before the
			// refusal ("exec request failed on channel 0", "subsystem
			// request failed on channel 0" was all it showed). The
			// channel then ends with exit status 1.
			_ = req.Reply(true, nil)
			_, _ = ch.Stderr().Write([]byte(tc.s.refuseExec(tc.getenv, tc.LocalAddr(), refusedWhat(req)) + "\r\n"))
			_, _ = ch.SendRequest("exit-status", false, gossh.Marshal(struct{ Status uint32 }{1}))
			_ = ch.CloseWrite()
			_ = ch.Close()
			continue
		default:
			_ = req.Reply(false, nil)
			continue
		}
		out <- req
	}
}

// refusedWhat says whether an exec or subsystem request asked for files
// (sftp; scp, over sftp or, with -O, as the command "scp -t …") or for a
// command.
func refusedWhat(req *gossh.Request) refused {
	var name struct{ Value string }
	if gossh.Unmarshal(req.Payload, &name) != nil {
		return refusedCommand
	}
	switch {
	case req.Type == "subsystem", name.Value == "scp" || strings.HasPrefix(name.Value, "scp "):
		return refusedFiles
	}
	return refusedCommand
}

// The largest window a session gets, in cells: a client asking for more
// (3000×3000 took the server's heap to 2 GB: Bubble Tea keeps cells for the
// whole screen) gets this. A projector at a small font is about 300×90.
const (
	MaxWidth  = 500
	MaxHeight = 200
)

// window is a window-change request's payload (RFC 4254 6.7).
type window struct{ W, H, PW, PH uint32 }

// clamp bounds the size to MaxWidth×MaxHeight, the pixels with it.
func (w *window) clamp() {
	if w.W > MaxWidth {
		w.PW, w.W = 0, MaxWidth
	}
	if w.H > MaxHeight {
		w.PH, w.H = 0, MaxHeight
	}
}

// clampPty is a pty-req's payload with its window clamped; a payload that
// does not parse is left for the library to refuse.
func clampPty(payload []byte) []byte {
	var req struct {
		Term         string
		W, H, PW, PH uint32
		Modes        string
	}
	if gossh.Unmarshal(payload, &req) != nil {
		return payload
	}
	win := window{req.W, req.H, req.PW, req.PH}
	win.clamp()
	req.W, req.H, req.PW, req.PH = win.W, win.H, win.PW, win.PH
	return gossh.Marshal(req)
}

// resized records the client's new window size and tells its session.
func (tc *trackedConn) resized(w, h int) {
	tc.mu.Lock()
	tc.w, tc.h = w, h
	ss := tc.sess
	tc.mu.Unlock()
	if ss != nil {
		ss.resized(w, h)
	}
}

// channel is a session channel whose input is rate limited and counts as
// activity for the idle timeout, and whose writers take turns.
type channel struct {
	gossh.Channel
	tc  *trackedConn
	wmu sync.Mutex // x/crypto's channel takes one writer at a time

	// writing counts the writes under way, and writes those done: the
	// handler waits for the library's copy of the PTY to be quiet (settle)
	// before the session ends, or its last bytes are lost.
	writing atomic.Int32
	writes  atomic.Int64
}

// Write writes p, after any other writer's write. Two write: the
// library's copy of the PTY and the handler's lines before and after the
// program (say); at once, the race detector caught them sharing the
// channel's packet buffer.
func (c *channel) Write(p []byte) (int, error) {
	c.writing.Add(1)
	defer func() { c.writes.Add(1); c.writing.Add(-1) }()
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.Channel.Write(p)
}

// settle waits, at most until deadline, for the channel to have no write
// under way and none for quiet: the library's copy of the PTY has written
// what it read.
func (c *channel) settle(quiet time.Duration, deadline time.Time) bool {
	last, since := c.writes.Load(), time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		switch n := c.writes.Load(); {
		case n != last || c.writing.Load() > 0:
			last, since = n, time.Now()
		case time.Since(since) >= quiet:
			return true
		}
	}
	return false
}

// Read reads at most a burst of input, then holds it back as long as the
// rate asks: a paste passes at once, a flood is slowed to the rate, and one
// that goes on past the flood limit ends the session.
func (c *channel) Read(p []byte) (int, error) {
	if b := c.tc.lim.Burst(); len(p) > b {
		p = p[:b]
	}
	n, err := c.Channel.Read(p)
	if n > 0 {
		c.tc.mu.Lock()
		if c.tc.idle != nil {
			c.tc.idle.Reset(c.tc.s.cfg.IdleTimeout)
		}
		c.tc.mu.Unlock()
		if ferr := c.tc.throttle(n); ferr != nil {
			return n, ferr
		}
	}
	return n, err
}

// throttle waits as long as the limiter asks for n bytes of input; a flood
// held back for longer than the flood limit ends the session.
func (tc *trackedConn) throttle(n int) error {
	d := tc.lim.ReserveN(time.Now(), n).Delay()
	if d == 0 {
		tc.flooded = 0
		return nil
	}
	if tc.flooded += d; tc.flooded > tc.s.cfg.FloodLimit {
		tc.end(endFlood)
		return errFlood
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-tc.done:
		return net.ErrClosed
	}
}
