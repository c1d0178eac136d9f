package chat

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"distlab/demos/chat/chattest"
)

// The engine's timers, tested in synctest bubbles on a memNet: time is
// fake, so a 10-minute idle timeout takes no time, and the instant each
// timer fires is exact, not a guess with a margin.

// memNode starts a node on m, shut down with the test (inside the bubble).
func memNode(t *testing.T, m *memNet, cfg Config) *Node {
	t.Helper()
	cfg.Listen, cfg.Dial = m.Listen, m.Dial
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	return startNode(t, cfg)
}

// memRaw is a netcat on m that waits for lines as long as a test may need.
func memRaw(t *testing.T, m *memNet, addr string) *raw {
	t.Helper()
	nc, err := m.Dial(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	r := newRaw(t, nc)
	r.wait = time.Hour
	return r
}

// notYet fails if anything arrived for r (which must be on a memNet).
func notYet(t *testing.T, r *raw, what string) {
	t.Helper()
	synctest.Wait()
	pending, _ := chattest.Pending(r.nc)
	if n := pending + r.br.Buffered(); n > 0 {
		t.Fatalf("%s came early: %d bytes waiting", what, n)
	}
}

// available reads the lines r has received by now, without waiting for
// more.
func available(t *testing.T, r *raw) []string {
	t.Helper()
	var lines []string
	for {
		synctest.Wait()
		pending, _ := chattest.Pending(r.nc)
		if pending+r.br.Buffered() == 0 {
			return lines
		}
		l, err := r.line()
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l)
	}
}

// count is how many of lines contain s.
func count(lines []string, s string) int {
	n := 0
	for _, l := range lines {
		if strings.Contains(l, s) {
			n++
		}
	}
	return n
}

// Rate 5/s with a burst of 5: of 20 messages at once, 5 pass and the
// sender is told to slow down once; a second later, 5 more may pass.
func TestRateLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		n := memNode(t, m, Config{ID: "n1", Rate: 5})
		a, b := memRaw(t, m, n.Addr()), memRaw(t, m, n.Addr())
		for round := range 2 {
			for i := range 20 {
				a.send(fmt.Sprintf("msg %d-%d\n", round, i))
			}
			a.send("/who\n") // commands are not rate limited
			told := available(t, a)
			if count(told, "slow down") != 1 || count(told, "online") != 1 {
				t.Fatalf("round %d: the sender was told %q", round, told)
			}
			if got := count(available(t, b), "msg "); got != 5 {
				t.Fatalf("round %d: %d messages passed a limit of 5/s with a burst of 5", round, got)
			}
			time.Sleep(time.Second + time.Millisecond) // a notice at most once a second
		}
	})
}

// A full node tells a third client so, after the second it gives a
// connection to say whether it is a peer, and closes it.
func TestServerFull(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		n := memNode(t, m, Config{ID: "n1", MaxClients: 2})
		memRaw(t, m, n.Addr())
		memRaw(t, m, n.Addr())
		nc, err := m.Dial(context.Background(), n.Addr())
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		third := &raw{t: t, nc: nc, br: bufio.NewReader(nc), wait: time.Hour}
		start := time.Now()
		third.expect("server full")
		if d := time.Since(start); d != time.Second {
			t.Fatalf("told after %v, want 1s", d)
		}
		if !third.closed() {
			t.Fatal("third client kept")
		}
	})
}

func TestIdleTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		n := memNode(t, m, Config{ID: "n1"}) // the default: 10 minutes
		a := memRaw(t, m, n.Addr())
		start := time.Now()
		time.Sleep(10*time.Minute - time.Nanosecond)
		notYet(t, a, "the idle notice")
		a.expect("idle for")
		if d := time.Since(start); d != 10*time.Minute {
			t.Fatalf("idle notice after %v, want 10m", d)
		}
		if !a.closed() {
			t.Fatal("idle connection kept open")
		}
	})
}

// Slowloris: a line started and never finished is cut off LineTimeout
// after the node began waiting for its end, however quiet it was before.
func TestSlowloris(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		n := memNode(t, m, Config{ID: "n1"}) // the default: 10 s
		a := memRaw(t, m, n.Addr())
		time.Sleep(time.Minute) // idle, but not for 10 minutes
		a.send("a line that never ends")
		start := time.Now()
		time.Sleep(10*time.Second - time.Nanosecond)
		notYet(t, a, "the unfinished-line notice")
		a.expect("not finished within")
		if d := time.Since(start); d != 10*time.Second {
			t.Fatalf("cut off after %v, want 10s", d)
		}
		if !a.closed() {
			t.Fatal("slowloris connection kept open")
		}
	})
}

// A client that stops reading is dropped once its socket has been full for
// EvictAfter, with a notice, while one that keeps reading gets every
// message.
func TestSlowReaderEvicted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		n := memNode(t, m, Config{ID: "n1"}) // the default: 3 s
		stuck := memRaw(t, m, n.Addr())      // reads its welcome, then nothing
		reader := memRaw(t, m, n.Addr())
		sender := memRaw(t, m, n.Addr())
		const msgs = 2000 // 1 MB: far more than the stuck socket holds
		got := make(chan int, 1)
		go func() { got <- readPads(reader, msgs) }()
		start := time.Now()
		go func() {
			w := bufio.NewWriter(sender.nc)
			for i := range msgs {
				fmt.Fprintf(w, "pad %d %s\n", i, strings.Repeat("p", 500))
			}
			w.Flush()
		}()
		if c := <-got; c != msgs {
			t.Fatalf("the reading client got %d of %d", c, msgs)
		}
		time.Sleep(3*time.Second - time.Since(start) - time.Nanosecond)
		synctest.Wait()
		if n.evicted.Load() != 0 {
			t.Fatal("evicted before its socket was full for 3 s")
		}
		time.Sleep(time.Nanosecond)
		synctest.Wait()
		if n.evicted.Load() != 1 {
			t.Fatalf("%d evicted after 3 s full", n.evicted.Load())
		}
		// What it had not read is still there, then the notice, then EOF.
		stuck.expect("you stopped reading for 3s")
		if !stuck.closed() {
			t.Fatal("evicted client kept open")
		}
	})
}

// readPads counts "pad" messages r receives, up to want.
func readPads(r *raw, want int) int {
	c := 0
	for c < want {
		l, err := r.line()
		if err != nil {
			return c
		}
		if strings.Contains(l, "@n1: pad ") {
			c++
		}
	}
	return c
}

// A reader a whole ring behind holds every sender back (nothing is lost
// or overwritten) until it reads again, or its writer gives up on it after
// EvictAfter; then the senders go on at once.
func TestBackPressure(t *testing.T) {
	for _, resumes := range []bool{false, true} {
		t.Run(map[bool]string{false: "evicted", true: "resumes"}[resumes], func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { backPressure(t, resumes) })
		})
	}
}

func backPressure(t *testing.T, resumes bool) {
	m := newMemNet()
	m.BufSize = 4 << 10  // a socket that fills after ~150 messages
	const ring = 1 << 10 // small, or -race spends seconds filling it
	n := memNode(t, m, Config{ID: "n1", ringSize: ring})
	slow := memRaw(t, m, n.Addr())
	reader := memRaw(t, m, n.Addr())
	sender := memRaw(t, m, n.Addr())
	const msgs = ring + 1000 // more than the ring and the slow socket hold
	got := make(chan int, 1)
	go func() { got <- readPads(reader, msgs) }()
	go func() {
		w := bufio.NewWriter(sender.nc)
		for i := range msgs {
			fmt.Fprintf(w, "pad %d\n", i)
		}
		w.Flush()
	}()
	start := time.Now()
	time.Sleep(time.Second)
	synctest.Wait()
	n.hub.mu.Lock()
	head := n.hub.head.Load()
	_, low := n.hub.slowest(head)
	n.hub.mu.Unlock()
	if r := n.received.Load(); head-low != ring || r != head+1 {
		t.Fatalf("while a reader is a ring behind: %d published, the slowest at %d, %d accepted; want a full ring and one waiting", head, low, r)
	}
	if resumes {
		slowGot := make(chan int, 1)
		go func() { slowGot <- readPads(slow, msgs) }()
		if c := <-got; c != msgs {
			t.Fatalf("the reading client got %d of %d", c, msgs)
		}
		if c := <-slowGot; c != msgs {
			t.Fatalf("the slow client got %d of %d", c, msgs)
		}
		if d := time.Since(start); d != time.Second || n.evicted.Load() != 0 {
			t.Fatalf("done after %v with %d evicted; want at once when the slow reader resumed at 1s, none evicted", d, n.evicted.Load())
		}
		return
	}
	if c := <-got; c != msgs {
		t.Fatalf("the reading client got %d of %d", c, msgs)
	}
	if d := time.Since(start); d != 3*time.Second || n.evicted.Load() != 1 {
		t.Fatalf("done after %v with %d evicted; want the slow reader evicted at 3s", d, n.evicted.Load())
	}
}

// After losing its node, a client tries again after 50 ms, then doubles
// the pause up to 1 s, and is back as soon as the node is.
func TestReconnectBackoff(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		n := memNode(t, m, Config{ID: "n1"})
		var mu sync.Mutex
		var tries []time.Time
		dial := func(ctx context.Context, addr string) (net.Conn, error) {
			mu.Lock()
			tries = append(tries, time.Now())
			mu.Unlock()
			return m.Dial(ctx, addr)
		}
		rec := &recorder{}
		c, err := Dial(ClientConfig{Addrs: []string{n.Addr()}, Nick: "ana", OnLine: rec.add, Dial: dial})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		synctest.Wait()
		n.Kill()
		killed := time.Now()
		time.Sleep(5 * time.Second)
		synctest.Wait()
		mu.Lock()
		var gaps []time.Duration
		last := killed
		for _, at := range tries[1:] { // tries[0] was the first connect
			gaps = append(gaps, at.Sub(last))
			last = at
		}
		mu.Unlock()
		ms := time.Millisecond
		want := []time.Duration{50 * ms, 100 * ms, 200 * ms, 400 * ms, 800 * ms, time.Second, time.Second, time.Second}
		if fmt.Sprint(gaps) != fmt.Sprint(want) {
			t.Fatalf("pauses between tries %v, want %v", gaps, want)
		}
		if rec.count("connection to") != 1 {
			t.Fatalf("told of the loss %d times", rec.count("connection to"))
		}
		if err := n.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Second)
		synctest.Wait()
		if c.Node() != n.Addr() || rec.count("reconnected to") != 1 {
			t.Fatalf("not back on the node a second after its restart: on %q", c.Node())
		}
	})
}

// fakeNode listens on m and, if welcome, answers each connection's first
// line with one line; then it says nothing more, reading (and recording)
// what it is sent: a node that hangs while its kernel takes the data.
type fakeNode struct {
	mu    sync.Mutex // guards the fields below
	conns []net.Conn
	lines []string
	at    []time.Time
}

func startFakeNode(t *testing.T, m *memNet, addr string, welcome bool) *fakeNode {
	t.Helper()
	ln, err := m.Listen(addr)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeNode{}
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			nc, err := ln.Accept()
			if err != nil {
				return
			}
			f.mu.Lock()
			f.conns = append(f.conns, nc)
			f.mu.Unlock()
			wg.Go(func() { f.serve(nc, welcome) })
		}
	})
	t.Cleanup(func() {
		ln.Close()
		f.mu.Lock()
		for _, nc := range f.conns {
			nc.Close()
		}
		f.mu.Unlock()
		wg.Wait()
	})
	return f
}

func (f *fakeNode) serve(nc net.Conn, welcome bool) {
	br := bufio.NewReader(nc)
	for first := true; ; first = false {
		l, err := br.ReadString('\n')
		if err != nil {
			return
		}
		f.mu.Lock()
		f.lines, f.at = append(f.lines, strings.TrimSpace(l)), append(f.at, time.Now())
		f.mu.Unlock()
		if first && welcome {
			fmt.Fprintf(nc, "*** welcome to the fake node\n")
		}
	}
}

// sent is when f received line, since start.
func (f *fakeNode) sent(line string, start time.Time) []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []time.Duration
	for i, l := range f.lines {
		if l == line {
			out = append(out, f.at[i].Sub(start))
		}
	}
	return out
}

// A node whose kernel accepts but that never answers is skipped on
// connect. A client takes a node that has said nothing for 3 s for dead
// and fails over; it pings every second, and a live node's answers keep
// an idle client where it is.
func TestClientSilence(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newMemNet()
		const hung, silent = "127.0.0.1:7001", "127.0.0.1:7002"
		startFakeNode(t, m, hung, false)
		f := startFakeNode(t, m, silent, true)
		live := memNode(t, m, Config{ID: "n2"})
		rec := &recorder{}
		start := time.Now()
		c, err := Dial(ClientConfig{Addrs: []string{hung, silent, live.Addr()}, Nick: "ana", OnLine: rec.add, Dial: m.Dial})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if d := time.Since(start); c.Node() != silent || d != 3*time.Second {
			t.Fatalf("on %q after %v; want the silent node, after 3 s waiting for the hung one", c.Node(), d)
		}
		time.Sleep(3*time.Second - time.Nanosecond)
		synctest.Wait()
		if rec.count("no word from") != 0 {
			t.Fatal("the silent node taken for dead before 3 s of silence")
		}
		time.Sleep(time.Nanosecond)
		synctest.Wait()
		if rec.count("no word from "+silent+" for 3s") != 1 {
			t.Fatalf("after 3 s of silence: on %q, %d silence notices", c.Node(), rec.count("no word from"))
		}
		if p := f.sent(ctlPing, start); len(p) < 2 || p[0] != 4*time.Second || p[1] != 5*time.Second {
			t.Fatalf("pings at %v; want one a second from the welcome at 3s", p)
		}
		// The lost node is tried last: the hung one costs 3 s again.
		time.Sleep(4 * time.Second)
		synctest.Wait()
		if c.Node() != live.Addr() {
			t.Fatalf("not on the live node: on %q", c.Node())
		}
		// Alive and idle is not silence.
		time.Sleep(time.Minute)
		synctest.Wait()
		if c.Node() != live.Addr() || rec.count("no word from") != 1 {
			t.Fatalf("an idle live node was taken for dead (on %s, %d silences)", c.Node(), rec.count("no word from"))
		}
	})
}
