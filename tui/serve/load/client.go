package load

import (
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// ReadyMark is in the first row of the screen once the course is up
// (" distlab · Fundamentals of Distributed Systems"; the floor's own title
// also begins so) and no entry text is on it: the entry is centered, but
// its first frame, drawn before the window's size is known, is not.
const ReadyMark = "distlab"

// entryPrompts are the entry screen's questions, each answered once with
// enter: the language offered and the name offered (the user name) are
// taken as they are. The client says LANG=en_US.UTF-8, so they are English.
var entryPrompts = []string{"Choose your language:", "What name should the class see?"}

// entryBusy is what the entry shows once the name is sent.
const entryBusy = "Opening the course"

// ready reports whether screen is the course (or the floor), not the entry.
func ready(screen string) bool {
	row, _, _ := strings.Cut(screen, "\n")
	if !strings.Contains(row, ReadyMark) || strings.Contains(screen, entryBusy) {
		return false
	}
	for _, q := range entryPrompts {
		if strings.Contains(screen, q) {
			return false
		}
	}
	return true
}

// modeReply says mode 2026 (synchronized output) is supported and reset,
// as a terminal answers DECRQM.
const modeReply = "\x1b[?2026;2$y"

// sample is one key's times: to the first byte after it, to its frame.
type sample struct{ first, frame time.Duration }

// client is one session of the load.
type client struct {
	conn  *gossh.Client
	sess  *gossh.Session
	in    io.Writer
	inMu  sync.Mutex
	start time.Time

	// Set by the reader before ready is closed; the emulator is the
	// reader's until then, and nil after.
	emu                 *vt.Emulator
	answered            map[string]bool
	firstScreen, course time.Duration
	ready               chan struct{}
	readDone            chan struct{}
	reading             bool           // the reader was started
	wg                  sync.WaitGroup // the reader and the copy of the emulator's answers; close waits

	bytes, frames atomic.Int64
	bracketed     atomic.Bool   // a frame was bracketed in mode 2026
	sig           chan struct{} // capacity one: output arrived
	got           chan sample   // capacity one: the pending key's frame

	mu      sync.Mutex // guards what follows
	last    time.Time  // the last output
	sc      scanner
	sentAt  time.Time // the pending key was written; zero when none
	firstAt time.Time // the first output after it
	inFrame bool      // a frame began after it
}

// connect dials cfg.Addr as user, opens a session with a PTY and waits until
// the course is on screen.
func connect(ctx context.Context, cfg Config, user string) (*client, error) {
	start := time.Now()
	var d net.Dialer
	nc, err := d.DialContext(ctx, "tcp", cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", user, err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = nc.SetDeadline(dl) // the handshake does not watch ctx
	}
	answer := func(_, _ string, qs []string, _ []bool) ([]string, error) {
		ans := make([]string, len(qs))
		for i := range qs {
			ans[i] = cfg.Code
		}
		return ans, nil
	}
	conn, chans, reqs, err := gossh.NewClientConn(nc, cfg.Addr, &gossh.ClientConfig{
		User: user,
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(answer), gossh.Password(cfg.Code)},
		// A benchmark on a server of one's own: its key is not checked.
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("%s: %w", user, err)
	}
	_ = nc.SetDeadline(time.Time{})
	c := &client{
		conn: gossh.NewClient(conn, chans, reqs), start: start,
		emu: vt.NewEmulator(cfg.Width, cfg.Height), answered: map[string]bool{},
		ready: make(chan struct{}), readDone: make(chan struct{}),
		sig: make(chan struct{}, 1), got: make(chan sample, 1),
	}
	// The emulator's answers to the server's queries are not sent: this
	// client answers the one it needs itself (got).
	emu := c.emu
	c.wg.Go(func() { _, _ = io.Copy(io.Discard, emu) })
	if err := c.open(cfg); err != nil {
		c.close()
		return nil, fmt.Errorf("%s: %w", user, err)
	}
	select {
	case <-c.ready:
		return c, nil
	case <-c.readDone:
		err = fmt.Errorf("the session ended before the course was on screen")
	case <-ctx.Done():
		err = fmt.Errorf("no course on screen after %s", time.Since(start).Round(time.Millisecond))
	}
	c.close() // the reader has ended: its screen can be read
	return nil, fmt.Errorf("%s: %w; the screen: %q", user, err, c.screenText())
}

// open starts the session: the environment, the PTY, the shell, the reader.
func (c *client) open(cfg Config) error {
	var err error
	if c.sess, err = c.conn.NewSession(); err != nil {
		return err
	}
	if err := c.sess.Setenv("LANG", "en_US.UTF-8"); err != nil {
		return err
	}
	if err := c.sess.RequestPty("xterm-256color", cfg.Height, cfg.Width, gossh.TerminalModes{}); err != nil {
		return err
	}
	out, err := c.sess.StdoutPipe()
	if err != nil {
		return err
	}
	if c.in, err = c.sess.StdinPipe(); err != nil {
		return err
	}
	if err := c.sess.Shell(); err != nil {
		return err
	}
	c.reading = true
	c.wg.Go(func() { c.read(out) })
	return nil
}

// read reads the session's output until it ends.
func (c *client) read(r io.Reader) {
	defer close(c.readDone)
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			c.output(buf[:n], time.Now())
		}
		if err != nil {
			return
		}
	}
}

// output takes what the server sent at now: it answers the query for mode
// 2026, times the pending key's frame, and until the course is up draws
// the screen and answers the entry.
func (c *client) output(p []byte, now time.Time) {
	c.bytes.Add(int64(len(p)))
	var query bool
	var done *sample
	c.mu.Lock()
	c.last = now
	if !c.sentAt.IsZero() && c.firstAt.IsZero() {
		c.firstAt = now
	}
	c.sc.feed(p, func(ev byte) {
		switch ev {
		case queryMode:
			query = true
		case beginFrame:
			c.bracketed.Store(true)
			c.inFrame = !c.sentAt.IsZero()
		case endFrame:
			c.frames.Add(1)
			if c.inFrame {
				done = &sample{first: c.firstAt.Sub(c.sentAt), frame: now.Sub(c.sentAt)}
				c.sentAt, c.inFrame = time.Time{}, false
			}
		}
	})
	c.mu.Unlock()
	if query {
		_ = c.write(modeReply)
	}
	if done != nil {
		select {
		case c.got <- *done:
		default:
		}
	}
	select {
	case c.sig <- struct{}{}:
	default:
	}
	if c.emu != nil {
		c.setup(p, now)
	}
}

// setup draws p on the emulator, answers the entry's questions and notes
// when the first screen and the course appear.
func (c *client) setup(p []byte, now time.Time) {
	_, _ = c.emu.Write(p)
	screen := c.emu.String()
	if c.firstScreen == 0 && strings.TrimSpace(screen) != "" {
		c.firstScreen = now.Sub(c.start)
	}
	if ready(screen) {
		c.course = now.Sub(c.start)
		_ = c.emu.InputPipe().(io.Closer).Close() // ends the copy of its answers
		c.emu = nil
		close(c.ready)
		return
	}
	for _, q := range entryPrompts {
		if strings.Contains(screen, q) && !c.answered[q] {
			c.answered[q] = true
			_ = c.write("\r")
		}
	}
}

// screenText is the emulator's screen, for an error; the reader must have
// ended.
func (c *client) screenText() string {
	if c.emu == nil {
		return ""
	}
	return strings.Join(strings.Fields(c.emu.String()), " ")
}

func (c *client) write(s string) error {
	c.inMu.Lock()
	defer c.inMu.Unlock()
	_, err := io.WriteString(c.in, s)
	return err
}

func (c *client) lastOutput() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

// typeKeys types cfg.Keys in turn every interval from first until until,
// each key after the previous one's frame (or its timeout), and returns
// the times of the keys that had a frame and how many had none.
func (c *client) typeKeys(ctx context.Context, cfg Config, first, until time.Time, interval time.Duration) (out []sample, missed int) {
	next := first
	for i := 0; next.Before(until); i++ {
		select {
		case <-ctx.Done():
			return out, missed
		case <-time.After(time.Until(next)):
		}
		c.mu.Lock()
		c.sentAt, c.firstAt, c.inFrame = time.Now(), time.Time{}, false
		c.mu.Unlock()
		if err := c.write(cfg.Keys[i%len(cfg.Keys) : i%len(cfg.Keys)+1]); err != nil {
			return out, missed + 1
		}
		if s, ok := c.await(ctx, cfg); ok {
			out = append(out, s)
		} else {
			missed++
		}
		next = next.Add(interval)
		if now := time.Now(); next.Before(now) {
			next = now // late: the next key goes now, not in a burst
		}
	}
	return out, missed
}

// await waits for the pending key's frame: its closing bracket, or, on a
// server that does not bracket its frames, cfg.Gap without output after
// some.
func (c *client) await(ctx context.Context, cfg Config) (sample, bool) {
	timeout := time.NewTimer(cfg.KeyTimeout)
	defer timeout.Stop()
	var quiet <-chan time.Time
	if !c.bracketed.Load() {
		t := time.NewTicker(cfg.Gap)
		defer t.Stop()
		quiet = t.C
	}
	for {
		select {
		case s := <-c.got:
			return s, true
		case <-quiet:
			c.mu.Lock()
			if !c.firstAt.IsZero() && time.Since(c.last) >= cfg.Gap {
				s := sample{first: c.firstAt.Sub(c.sentAt), frame: c.last.Sub(c.sentAt)}
				c.sentAt = time.Time{}
				c.mu.Unlock()
				return s, true
			}
			c.mu.Unlock()
			continue
		case <-timeout.C:
		case <-ctx.Done():
		case <-c.readDone:
		}
		c.mu.Lock()
		c.sentAt, c.inFrame = time.Time{}, false
		c.mu.Unlock()
		select { // a frame that came as the wait ended
		case <-c.got:
		default:
		}
		return sample{}, false
	}
}

// close ends the session and waits for its reader.
func (c *client) close() {
	if c.sess != nil {
		_ = c.sess.Close()
	}
	_ = c.conn.Close()
	if c.reading {
		<-c.readDone
	}
	if c.emu != nil {
		_ = c.emu.InputPipe().(io.Closer).Close()
	}
	c.wg.Wait()
}

// The events of the scanner.
const (
	beginFrame = 'h' // CSI ?2026h: a frame begins
	endFrame   = 'l' // CSI ?2026l: it ends
	queryMode  = 'p' // CSI ?2026$p: is synchronized output supported?
)

// modePrefix begins each sequence the scanner looks for.
const modePrefix = "\x1b[?2026"

// scanner finds mode 2026's sequences in a stream, also when a read splits
// one.
type scanner struct {
	k      int  // bytes of modePrefix matched
	dollar bool // modePrefix and '$' matched: a query if 'p' follows
}

// feed scans p, calling on for each event found.
func (sc *scanner) feed(p []byte, on func(event byte)) {
	for _, b := range p {
		switch {
		case sc.dollar:
			sc.dollar = false
			if b == 'p' {
				on(queryMode)
				continue
			}
		case sc.k == len(modePrefix):
			sc.k = 0
			switch b {
			case beginFrame, endFrame:
				on(b)
				continue
			case '$':
				sc.dollar = true
				continue
			}
		}
		switch {
		case b == modePrefix[sc.k]:
			sc.k++
		case b == modePrefix[0]:
			sc.k = 1
		default:
			sc.k = 0
		}
	}
}
