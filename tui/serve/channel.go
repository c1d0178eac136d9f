package serve

// The session channel as distlab serve wraps it: its requests filtered
// (a shell and a PTY, nothing else), its window clamped, its writes in
// order and its input throttled.

import (
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

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
