// Package load is a load generator for `distlab serve`: it opens many SSH
// sessions at once (golang.org/x/crypto/ssh, each with a PTY), types keys in
// all of them concurrently and measures what a class of students feels and
// what the server pays:
//
//   - sessions up, and for each the time from dialing to its first screen
//     and to the course on screen (the title in the first row), answering
//     the entry's questions (language, name) with enter as they come;
//   - key → frame: from writing a key to reading the end of the frame the
//     server drew for it, for every key of every session, as p50, p90, p99
//     and max;
//   - the server's CPU while the sessions type and while they sit idle, and
//     its memory per session, read from /proc/<pid> of the server process
//     (Config.PID): run the server in another process, so that the load
//     generator's own work is not counted (Spawn does that).
//
// # How a key's frame is recognized
//
// Each session answers Bubble Tea's query for synchronized output (DEC mode
// 2026) as a modern terminal does, so the server brackets every frame in
// CSI ?2026h … CSI ?2026l. After a key is written, the first frame that
// begins after it is the key's frame, and the latency is the time the read
// holding its closing CSI ?2026l returned. Keys alternate (j, k by
// default: scroll down, scroll back up) so that every key changes the
// screen. The method counts the whole round trip a student sees except the
// terminal's own drawing: client encryption, loopback, the server's SSH,
// PTY, Bubble Tea's input, Update, View, the cell diff, the PTY again and
// the client's decryption. Its errors: the load generator shares the
// machine's cores with the server, so a busy generator reads late (its
// own CPU is reported); a frame the server drew for something else than
// the key would be taken for the key's (none are drawn while idle: the
// idle phase counts the frames it receives to show it); reads are
// timestamped when they return, so a frame split over several SSH packets
// is timed at its last. A server that never brackets its frames (it did
// not ask, or asked and was not believed) is timed by quiet instead: the
// frame ends at the last byte before Config.Gap without output, which
// times a frame written in pieces further apart than Gap by its first
// piece.
package load

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// Config says what load to put on which server. Zero fields take the
// defaults below.
type Config struct {
	Addr     string // the server, host:port
	Code     string // the class code, answered to keyboard-interactive and password
	User     string // user names are User and a number (bench001…): the names the class sees
	Sessions int
	Width    int
	Height   int // at least 15: the entry screen must not reach the first row
	// Keys are typed in turn, one byte each; each must change the screen.
	Keys string
	// Rate is keys a second, in each session; sessions start at random
	// phases of the interval, so keys arrive spread, not in lockstep.
	Rate       float64
	Typing     time.Duration // how long the sessions type
	Idle       time.Duration // the window over which idle CPU is measured
	Connect    time.Duration // the most a session may take to show the course
	KeyTimeout time.Duration // a key with no frame after this is counted as missed
	Gap        time.Duration // quiet that ends a frame when frames are not bracketed
	// PID is the server's process, for its CPU and memory; 0 for none.
	PID int
	// Progress, when not nil, is told as each phase begins.
	Progress func(Phase)
}

// Phase is a step of a run, for Config.Progress.
type Phase int

// The phases of a run, in order.
const (
	Connecting Phase = iota
	Typing
	Idling
)

// Defaults of Config.
const (
	DefaultSessions   = 60
	DefaultWidth      = 100
	DefaultHeight     = 30
	DefaultKeys       = "jk"
	DefaultRate       = 5
	DefaultTyping     = 20 * time.Second
	DefaultIdle       = 10 * time.Second
	DefaultConnect    = 60 * time.Second
	DefaultKeyTimeout = 3 * time.Second
	DefaultGap        = 5 * time.Millisecond
	DefaultUser       = "bench"
)

func (c Config) withDefaults() Config {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	defD := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.Sessions, DefaultSessions)
	def(&c.Width, DefaultWidth)
	def(&c.Height, DefaultHeight)
	defD(&c.Typing, DefaultTyping)
	defD(&c.Idle, DefaultIdle)
	defD(&c.Connect, DefaultConnect)
	defD(&c.KeyTimeout, DefaultKeyTimeout)
	defD(&c.Gap, DefaultGap)
	if c.Keys == "" {
		c.Keys = DefaultKeys
	}
	if c.Rate <= 0 {
		c.Rate = DefaultRate
	}
	if c.User == "" {
		c.User = DefaultUser
	}
	if c.Progress == nil {
		c.Progress = func(Phase) {}
	}
	return c
}

// Result is what one run measured. CPU figures are fractions of one core;
// they and the memory figures are zero without Config.PID.
type Result struct {
	Sessions, Up int
	Failures     []string // why sessions did not come up, one line each, the first few

	FirstScreen Stats // dial → anything on screen (the entry, or the course)
	Course      Stats // dial → the course on screen
	Keys        Stats // key → its frame, every key of every session
	FirstByte   Stats // key → the first byte after it
	Missed      int   // keys with no frame within KeyTimeout
	Bracketed   int   // sessions whose frames were bracketed (mode 2026)

	TypingCPU float64 // the server while every session typed
	TypingFor time.Duration
	SelfCPU   float64 // the load generator itself while typing
	IdleCPU   float64 // the server with every session connected, no key
	IdleFor   time.Duration
	BaseCPU   float64 // the server before any session connected
	BaseFor   time.Duration
	// IdleFrames and IdleBytes are what the server sent while idle.
	IdleFrames, IdleBytes int64
	RSSBefore, RSSAfter   int64 // the server's resident memory, bytes: before any session, with all
}

// RSSPerSession is the server's memory growth per session up.
func (r Result) RSSPerSession() int64 {
	if r.Up == 0 || r.RSSAfter == 0 {
		return 0
	}
	return (r.RSSAfter - r.RSSBefore) / int64(r.Up)
}

// CPUPerKey is the server's CPU time per key while typing.
func (r Result) CPUPerKey() time.Duration {
	if r.Keys.N == 0 {
		return 0
	}
	return time.Duration(r.TypingCPU * float64(r.TypingFor) / float64(r.Keys.N))
}

// errNoSession says no session came up.
var errNoSession = errors.New("load: no session came up")

// Run puts cfg's load on the server: every session connects at once and
// comes up; then they type for cfg.Typing; then, once the output has
// settled, they sit idle for cfg.Idle; then they close. The error is for a
// run that could not measure at all; sessions that failed are counted in
// the result.
func Run(ctx context.Context, cfg Config) (Result, error) {
	cfg = cfg.withDefaults()
	res := Result{Sessions: cfg.Sessions}
	var err error
	if cfg.PID > 0 {
		if res.BaseCPU, res.BaseFor, err = cpuOver(ctx, cfg.PID, min(cfg.Idle, baseWindow)); err != nil {
			return res, err
		}
		if res.RSSBefore, err = rss(cfg.PID); err != nil {
			return res, err
		}
	}

	cfg.Progress(Connecting)
	clients := connectAll(ctx, cfg, &res)
	defer closeAll(clients)
	if len(clients) == 0 {
		return res, errNoSession
	}
	res.Up = len(clients)
	var first, course []time.Duration
	for _, c := range clients {
		first, course = append(first, c.firstScreen), append(course, c.course)
	}
	res.FirstScreen, res.Course = statsOf(first), statsOf(course)
	settle(ctx, clients, 500*time.Millisecond, 10*time.Second)

	cfg.Progress(Typing)
	if err := typeAll(ctx, cfg, clients, &res); err != nil {
		return res, err
	}
	for _, c := range clients {
		if c.bracketed.Load() {
			res.Bracketed++
		}
	}
	settle(ctx, clients, 500*time.Millisecond, 10*time.Second)

	cfg.Progress(Idling)
	frames0, bytes0 := totals(clients)
	if res.IdleCPU, res.IdleFor, err = cpuOver(ctx, cfg.PID, cfg.Idle); err != nil {
		return res, err
	}
	frames1, bytes1 := totals(clients)
	res.IdleFrames, res.IdleBytes = frames1-frames0, bytes1-bytes0
	if cfg.PID > 0 {
		if res.RSSAfter, err = rss(cfg.PID); err != nil {
			return res, err
		}
	}
	return res, nil
}

// baseWindow is the longest the server is measured before any session.
const baseWindow = 5 * time.Second

// cpuOver is the CPU pid uses over the next d, as a fraction of a core, and
// the time it was measured over.
func cpuOver(ctx context.Context, pid int, d time.Duration) (float64, time.Duration, error) {
	cpu0, t0, err := ticks(pid)
	if err != nil {
		return 0, 0, err
	}
	select {
	case <-ctx.Done():
		return 0, 0, ctx.Err()
	case <-time.After(d):
	}
	cpu1, t1, err := ticks(pid)
	if err != nil {
		return 0, 0, err
	}
	return cpuFraction(cpu1-cpu0, t1.Sub(t0)), t1.Sub(t0), nil
}

// connectAll opens every session at once and returns those that came up.
func connectAll(ctx context.Context, cfg Config, res *Result) []*client {
	ctx, cancel := context.WithTimeout(ctx, cfg.Connect)
	defer cancel()
	out := make([]*client, cfg.Sessions)
	errs := make([]error, cfg.Sessions)
	var wg sync.WaitGroup
	for i := range cfg.Sessions {
		wg.Go(func() {
			out[i], errs[i] = connect(ctx, cfg, fmt.Sprintf("%s%03d", cfg.User, i+1))
		})
	}
	wg.Wait()
	up := out[:0]
	for i, c := range out {
		if c != nil {
			up = append(up, c)
		} else if len(res.Failures) < 5 {
			res.Failures = append(res.Failures, errs[i].Error())
		}
	}
	return up
}

// typeAll has every client type at cfg.Rate for cfg.Typing, and measures
// the server's and its own CPU meanwhile.
func typeAll(ctx context.Context, cfg Config, clients []*client, res *Result) error {
	interval := time.Duration(float64(time.Second) / cfg.Rate)
	cpu0, t0, err := ticks(cfg.PID)
	if err != nil {
		return err
	}
	self0 := selfCPU()
	start := time.Now()
	until := start.Add(cfg.Typing)
	samples := make([][]sample, len(clients))
	var missed atomic.Int64
	var wg sync.WaitGroup
	for i, c := range clients {
		phase := time.Duration(rand.Int64N(int64(interval)))
		wg.Go(func() {
			var m int
			samples[i], m = c.typeKeys(ctx, cfg, start.Add(phase), until, interval)
			missed.Add(int64(m))
		})
	}
	wg.Wait()
	cpu1, t1, err := ticks(cfg.PID)
	if err != nil {
		return err
	}
	res.TypingFor = t1.Sub(t0)
	res.TypingCPU = cpuFraction(cpu1-cpu0, res.TypingFor)
	res.SelfCPU = (selfCPU() - self0).Seconds() / time.Since(start).Seconds()
	res.Missed = int(missed.Load())
	var frame, first []time.Duration
	for _, ss := range samples {
		for _, s := range ss {
			frame, first = append(frame, s.frame), append(first, s.first)
		}
	}
	res.Keys, res.FirstByte = statsOf(frame), statsOf(first)
	return ctx.Err()
}

// settle waits until no client has had output for quiet, at most max.
func settle(ctx context.Context, clients []*client, quiet, max time.Duration) {
	deadline := time.Now().Add(max)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		var last time.Time
		for _, c := range clients {
			if t := c.lastOutput(); t.After(last) {
				last = t
			}
		}
		if time.Since(last) >= quiet {
			return
		}
		time.Sleep(quiet / 5)
	}
}

// totals are the frames and bytes every client has received so far.
func totals(clients []*client) (frames, bytes int64) {
	for _, c := range clients {
		frames += c.frames.Load()
		bytes += c.bytes.Load()
	}
	return frames, bytes
}

func closeAll(clients []*client) {
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Go(c.close)
	}
	wg.Wait()
}
