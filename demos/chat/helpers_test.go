package chat

import (
	"bufio"
	"context"
	"flag"
	"net"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"distlab/demos/testwait"
)

// Most of these tests wait on timers, sockets and real processes rather
// than compute: four run at a time even on two cores.
func TestMain(m *testing.M) {
	flag.Parse()
	testwait.Parallel(4)
	goleak.VerifyTestMain(m)
}

// testConfig is a node on an ephemeral loopback port with short timeouts.
func testConfig(id string) Config {
	return Config{ID: id, Addr: "127.0.0.1:0", EvictAfter: 300 * time.Millisecond,
		Heartbeat: 50 * time.Millisecond, LineTimeout: time.Second}
}

// startNode starts a node that shuts down with the test.
func startNode(t *testing.T, cfg Config) *Node {
	t.Helper()
	n := NewNode(cfg)
	if err := n.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n.Shutdown(ctx)
	})
	return n
}

// raw is a netcat: a plain TCP client that writes lines and reads lines.
type raw struct {
	t       *testing.T
	nc      net.Conn
	br      *bufio.Reader
	welcome string        // the node's first line
	wait    time.Duration // how long line waits for one; default 3 s
}

func dialRaw(t *testing.T, addr string) *raw {
	t.Helper()
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	return newRaw(t, nc)
}

// newRaw is a netcat on nc, closed with the test, that has read the
// node's welcome.
func newRaw(t *testing.T, nc net.Conn) *raw {
	t.Helper()
	t.Cleanup(func() { nc.Close() })
	r := &raw{t: t, nc: nc, br: bufio.NewReader(nc)}
	r.welcome = r.expect("*** ") // in the node's language
	return r
}

func (r *raw) send(s string) {
	r.t.Helper()
	if _, err := r.nc.Write([]byte(s)); err != nil {
		r.t.Fatal(err)
	}
}

// line reads one line, failing after a timeout.
func (r *raw) line() (string, error) {
	wait := r.wait
	if wait == 0 {
		wait = 3 * time.Second
	}
	r.nc.SetReadDeadline(time.Now().Add(wait))
	l, err := r.br.ReadString('\n')
	return strings.TrimRight(l, "\r\n"), err
}

// expect reads lines until one contains want, and returns it.
func (r *raw) expect(want string) string {
	r.t.Helper()
	for {
		l, err := r.line()
		if err != nil {
			r.t.Fatalf("waiting for %q: %v", want, err)
		}
		if strings.Contains(l, want) {
			return l
		}
	}
}

// closed reports whether the node closed the connection (after any lines).
func (r *raw) closed() bool {
	for {
		_, err := r.line()
		if err != nil {
			return !isTimeout(err)
		}
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// eventually polls cond until it holds or the time runs out.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	if !within(20*time.Second, cond) { // generous: -race on two loaded cores is slow
		t.Fatalf("timed out waiting for %s", what)
	}
}

// within polls cond until it holds or d has passed, and says which.
func within(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}
