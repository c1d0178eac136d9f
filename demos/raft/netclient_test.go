package raft

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"distlab/demos/locale"
)

// netRoundTrip sends line on conn and returns the answer line.
func netRoundTrip(t *testing.T, conn net.Conn, line string) string {
	t.Helper()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := conn.Write([]byte(line + "\n")); err != nil {
		t.Fatalf("write %q: %v", line, err)
	}
	answer, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		t.Fatalf("answer to %q: %v", line, err)
	}
	return strings.TrimSuffix(answer, "\n")
}

// A node answers lines that are no command, and lines longer than
// TCPMaxLine, with an error, and goes on serving the connection: the
// next good line is answered. A line of escape sequences is refused too
// (keys and values are printable), so it never reaches a log or a store.
func TestTCPClientBadLines(t *testing.T) {
	c := startNetCluster(t, 1)
	c.leader(3 * time.Second)
	conn, err := net.Dial("tcp", c.peers[1].Client)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, line := range []string{
		"hello", "put x", "get", "put x 1 2", "PUT x 1", "",
		"put \x1b[31mred 1", "put x \x1b]0;title\x07",
		"put " + strings.Repeat("k", MaxKey+1) + " 1",
		"put \u009b2J 1", "put x \u202eok", "put x\u200b 1", "put \xff 1",
	} {
		if got := netRoundTrip(t, conn, line); got != "error bad command" {
			t.Errorf("%q: answered %q, want error bad command", line, got)
		}
	}
	long := "put x " + strings.Repeat("v", TCPMaxLine)
	if got := netRoundTrip(t, conn, long); got != "error line too long" {
		t.Errorf("a %d-byte line: answered %q, want error line too long", len(long), got)
	}
	huge := strings.Repeat("z", 100_000) // many times the reader's buffer
	if got := netRoundTrip(t, conn, huge); got != "error line too long" {
		t.Errorf("a 100000-byte line: answered %q", got)
	}
	if got := netRoundTrip(t, conn, "put x 7\r"); got != "ok 7" {
		t.Errorf("put x 7 after the bad lines (CRLF): answered %q, want ok 7", got)
	}
	if got := netRoundTrip(t, conn, "get x"); got != "ok 7" {
		t.Errorf("get x: answered %q, want ok 7", got)
	}
}

// A node takes at most MaxClients connections (the next is told and
// closed) and closes one that stays silent for IdleTimeout.
func TestTCPClientLimits(t *testing.T) {
	c := startNetCluster(t, 1)
	c.nodes[1].Close()
	node, err := StartTCPNode(TCPConfig{ID: 1, Peers: c.peers, Data: c.dirs[1], Tick: netTestTick, MaxClients: 1, IdleTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c.nodes[1] = node
	c.leader(3 * time.Second)
	first, err := net.Dial("tcp", c.peers[1].Client)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if got := netRoundTrip(t, first, "put y 1"); got != "ok 1" {
		t.Fatalf("first client: %q", got)
	}
	second, err := net.Dial("tcp", c.peers[1].Client)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	second.SetDeadline(time.Now().Add(5 * time.Second))
	if got, _ := bufio.NewReader(second).ReadString('\n'); got != "error too many clients\n" {
		t.Errorf("second client of at most 1: %q", got)
	}
	first.SetDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	if _, err := first.Read(make([]byte, 1)); err == nil {
		t.Errorf("an idle client was not disconnected")
	} else if waited := time.Since(start); waited > 3*time.Second {
		t.Errorf("an idle client was disconnected after %v, want about 300ms", waited)
	}
}

func TestParseTCPAnswer(t *testing.T) {
	for line, want := range map[string]TCPAnswer{
		"ok 3":                     {Kind: "ok", Value: "3"},
		"ok":                       {Kind: "ok"},
		"error no leader":          {Kind: "error", Value: "no leader"},
		"redirect 2 10.0.0.6:7101": {Kind: "redirect", Leader: 2, Addr: "10.0.0.6:7101"},
		"redirect 2 [::1]:7101":    {Kind: "redirect", Leader: 2, Addr: "[::1]:7101"},
	} {
		if got, ok := ParseTCPAnswer(line); !ok || got != want {
			t.Errorf("%q: %+v %v, want %+v", line, got, ok, want)
		}
	}
	for _, line := range []string{"", "error", "redirect", "redirect x 1.2.3.4:5", "redirect 2 nowhere", "hello 1"} {
		if got, ok := ParseTCPAnswer(line); ok {
			t.Errorf("%q read as %+v", line, got)
		}
	}
}

func TestParseTCPPeers(t *testing.T) {
	got, err := ParseTCPPeers("1=127.0.0.1:7001, 2=10.0.0.6:7001/10.0.0.6:9000,3=[::1]:7003")
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64]TCPPeer{
		1: {"127.0.0.1:7001", "127.0.0.1:7101"},
		2: {"10.0.0.6:7001", "10.0.0.6:9000"},
		3: {"[::1]:7003", "[::1]:7103"},
	}
	if len(got) != len(want) {
		t.Fatalf("%v, want %v", got, want)
	}
	for id, p := range want {
		if got[id] != p {
			t.Errorf("node %d: %+v, want %+v", id, got[id], p)
		}
	}
	for _, bad := range []string{"x=1.2.3.4:5", "1=1.2.3.4", "1=1.2.3.4:0", "1=:7001", "1=1.2.3.4:65500", "1=1.2.3.4:5/nowhere", "1=a:1,1=b:2", "1"} {
		if _, err := ParseTCPPeers(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// netNoLeaks checks, once the test and its other cleanups are done, that
// every goroutine it started has ended.
func netNoLeaks(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
}

// netFakeServer listens on loopback and hands each connection to serve.
func netFakeServer(t *testing.T, serve func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer conn.Close()
				serve(conn)
			}()
		}
	}()
	return ln.Addr().String()
}

// A server that takes the command and never answers is given up on once
// Wait has passed, and the error says it did not answer within it (not
// that it closed the connection, after twice as long).
func TestTCPClientSilentServer(t *testing.T) {
	netNoLeaks(t)
	addr := netFakeServer(t, func(conn net.Conn) {
		io.Copy(io.Discard, conn) // reads the line, says nothing, until the client hangs up
	})
	start := time.Now()
	_, err := TCPClient{Wait: 300 * time.Millisecond}.Do(context.Background(), addr, Command{Op: "get", Key: "x"})
	took := time.Since(start)
	if err == nil {
		t.Fatal("a silent server answered")
	}
	if want := addr + " did not answer within 300ms (--wait)"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("%q, want it to start %q", err, want)
	}
	if pt := locale.For(locale.Portuguese).Err(err); !strings.HasPrefix(pt, addr+" não respondeu em 300ms (--wait)") {
		t.Errorf("in Portuguese: %q", pt)
	}
	if took > 2*time.Second {
		t.Errorf("gave up after %v, want about --wait, 300ms", took)
	}
}

// A server that answers with none of the protocol's answers is said to be
// no raft node: a web server as one, anything else quoted, its escapes
// kept from the terminal.
func TestTCPClientNotANode(t *testing.T) {
	netNoLeaks(t)
	web := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(web.Close)
	other := netFakeServer(t, func(conn net.Conn) {
		bufio.NewReader(conn).ReadString('\n')
		conn.Write([]byte("SSH-2.0-OpenSSH_9.6 \x1b[2J\n"))
	})
	page := netFakeServer(t, func(conn net.Conn) { // python3 -m http.server's answer to put x 1
		bufio.NewReader(conn).ReadString('\n')
		conn.Write([]byte("<!DOCTYPE HTML>\n<html lang=\"en\">\n"))
	})
	long := netFakeServer(t, func(conn net.Conn) {
		bufio.NewReader(conn).ReadString('\n')
		conn.Write([]byte(strings.Repeat("x", TCPMaxLine+1) + "\n"))
	})
	webAddr := strings.TrimPrefix(web.URL, "http://")
	for addr, want := range map[string]string{
		webAddr: webAddr + " is not a distlab raft node: it answers like a web server (HTTP)",
		page:    page + " is not a distlab raft node: it answers like a web server (HTTP)",
		other:   other + ` is not a distlab raft node: it answered "SSH-2.0-OpenSSH_9.6 \x1b[2J", and a node answers ok, redirect or error`,
		long:    long + " is not a distlab raft node: it answered a line longer than 256 bytes",
	} {
		_, err := TCPClient{Wait: 2 * time.Second}.Do(context.Background(), addr, Command{Op: "put", Key: "x", Value: "1"})
		if err == nil || err.Error() != want {
			t.Errorf("%v, want %q", err, want)
		}
	}
}
