package serve

import (
	"net"
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
