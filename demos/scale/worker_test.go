package scale

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"net"
	"strings"
	"testing"
	"time"

	"distlab/demos/locale"
)

// startWorker starts an in-process worker on a free loopback port and
// closes it when the test ends.
func startWorker(t *testing.T, rounds int) *Worker {
	t.Helper()
	w, err := StartWorker(WorkerConfig{Addr: "127.0.0.1:0", Rounds: rounds})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// talk sends lines to addr on one connection and returns the answers.
func talk(t *testing.T, addr string, lines ...string) []string {
	t.Helper()
	answers, err := exchange(addr, lines...)
	if err != nil {
		t.Fatalf("after %q: %v", answers, err)
	}
	return answers
}

// exchange sends lines all at once — pipelined requests are answered in
// order — and reads an answer for each line that is not blank.
func exchange(addr string, lines ...string) ([]string, error) {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Write([]byte(strings.Join(lines, "\n") + "\n")); err != nil {
		return nil, err
	}
	r := bufio.NewReader(c)
	var answers []string
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue // a blank line gets no answer
		}
		a, err := r.ReadString('\n')
		if err != nil {
			return answers, err
		}
		answers = append(answers, strings.TrimSuffix(a, "\n"))
	}
	return answers, nil
}

func TestWork(t *testing.T) {
	// Computed independently: the block is n big-endian eight times,
	// hashed, then the digest hashed again rounds−1 times.
	want := func(n uint64, rounds int) string {
		block := make([]byte, 0, 64)
		for range 8 {
			block = binary.BigEndian.AppendUint64(block, n)
		}
		h := sha256.Sum256(block)
		for i := 1; i < rounds; i++ {
			h = sha256.Sum256(h[:])
		}
		return hex.EncodeToString(h[:])
	}
	for _, c := range []struct {
		n      uint64
		rounds int
	}{{0, 1}, {42, 1}, {42, 2}, {7, 1000}, {1<<64 - 1, 3}} {
		if got := WorkHex(c.n, c.rounds); got != want(c.n, c.rounds) {
			t.Errorf("WorkHex(%d, %d) = %s", c.n, c.rounds, got)
		}
	}
	// One round of 0 is the SHA-256 of 64 zero bytes, a known value.
	if got := WorkHex(0, 1); got != "f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b" {
		t.Errorf("SHA-256 of 64 zero bytes = %s", got)
	}
	if WorkHex(5, 0) != WorkHex(5, 1) {
		t.Error("rounds 0 is not 1")
	}
}

func TestWorkerAnswers(t *testing.T) {
	checkLeaks(t)
	w := startWorker(t, 100)
	got := talk(t, w.Addr(), "42", " 7 ", "", "x", "-1", "18446744073709551615", "18446744073709551616")
	want := []string{WorkHex(42, 100), WorkHex(7, 100), "ERR", "ERR", WorkHex(1<<64-1, 100), "ERR"}
	if len(got) != len(want) {
		t.Fatalf("answers %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("answer %d = %q, want %q…", i, got[i], want[i])
		}
	}
	if w.Served() != 3 {
		t.Errorf("served %d", w.Served())
	}
	// Connections are served in parallel.
	done := make(chan []string, 4)
	for i := range 4 {
		go func() {
			a, err := exchange(w.Addr(), "1", "2", strings.Repeat("3", i+1))
			if err != nil {
				t.Error(err)
			}
			done <- a
		}()
	}
	for range 4 {
		if a := <-done; len(a) != 3 || a[1] != WorkHex(2, 100) {
			t.Errorf("parallel answers %q", a)
		}
	}
	if err := w.Close(); err != nil {
		t.Error(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestWorkerLongLine(t *testing.T) {
	checkLeaks(t)
	w := startWorker(t, 1)
	c, err := net.Dial("tcp", w.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	c.Write([]byte(strings.Repeat("9", 10000) + "\n"))
	r := bufio.NewReader(c)
	line, _ := r.ReadString('\n')
	if !strings.HasPrefix(line, "ERR line longer") {
		t.Errorf("answer %q", line)
	}
	if _, err := r.ReadString('\n'); err == nil {
		t.Error("connection still open after an over-long line")
	}
	w.Close()
}

// Close ends connections that are idle or half way through a line.
func TestWorkerCloseWithClients(t *testing.T) {
	checkLeaks(t)
	w := startWorker(t, 1)
	var conns []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", w.Addr())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	conns[0].Write([]byte("12")) // no end of line yet
	talk(t, w.Addr(), "1")
	done := make(chan error, 1)
	go func() { done <- w.Close() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close hangs with clients connected")
	}
}

func TestStartWorkerErrors(t *testing.T) {
	if _, err := StartWorker(WorkerConfig{Addr: "127.0.0.1:0", Rounds: -1}); err == nil {
		t.Error("negative rounds accepted")
	}
	w := startWorker(t, 1)
	if _, err := StartWorker(WorkerConfig{Addr: w.Addr()}); err == nil {
		t.Error("two workers on one port")
	}
}

// A worker with no room for another connection says so before closing
// it, and a bench reads why, in the reader's language: not a bare EOF.
func TestWorkerBusy(t *testing.T) {
	checkLeaks(t)
	w, err := StartWorker(WorkerConfig{Addr: "127.0.0.1:0", Rounds: 1, MaxConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	held, err := net.Dial("tcp", w.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	held.SetDeadline(time.Now().Add(5 * time.Second))
	held.Write([]byte("1\n"))
	if line, err := bufio.NewReader(held).ReadString('\n'); err != nil || !strings.HasPrefix(line, WorkHex(1, 1)) {
		t.Fatalf("first connection: %q, %v", line, err)
	}
	answers, err := exchange(w.Addr(), "2")
	if len(answers) != 1 || answers[0] != "ERR busy: connection limit 1 reached" {
		t.Fatalf("second connection: %q, %v", answers, err)
	}

	r, err := Bench(context.Background(), BenchConfig{Addrs: []string{w.Addr()}, Conns: []int{2}, Duration: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	// The connection refused waits a health pause before it tries again:
	// a few errors, not thousands (the one slot is held: none answered).
	if r.Errors == 0 || r.Errors > 3 || r.FirstErr == nil {
		t.Fatalf("%d answered, %d errors, first %v", r.OK, r.Errors, r.FirstErr)
	}
	want := map[locale.Lang]string{
		locale.English:    w.Addr() + ": the worker refused the connection: it serves 1 at most (--max-conns)",
		locale.Portuguese: w.Addr() + ": o worker recusou a conexão: ele atende no máximo 1 (--max-conns)",
	}
	for lang, want := range want {
		if got := locale.For(lang).Err(r.FirstErr); got != want {
			t.Errorf("%s: first error %q, want %q", lang, got, want)
		}
	}
	for _, bad := range []int{-1, MaxMaxConns + 1} {
		if _, err := StartWorker(WorkerConfig{Addr: "127.0.0.1:0", MaxConns: bad}); err == nil {
			t.Errorf("MaxConns %d accepted", bad)
		}
	}
}

func TestListenLine(t *testing.T) {
	line := ListenLine(nil, "127.0.0.1:41234", 2, 8000)
	if addr, ok := ParseListenLine(line + "\n"); !ok || addr != "127.0.0.1:41234" {
		t.Errorf("ParseListenLine(%q) = %q, %v", line, addr, ok)
	}
	if addr, ok := ParseListenLine(ListenLine(locale.For(locale.Portuguese), "[::1]:7000", 1, 1)); !ok || addr != "[::1]:7000" {
		t.Errorf("IPv6: %q, %v", addr, ok)
	}
	for _, bad := range []string{"", "hello", "listening on nowhere", "listening on 127.0.0.1:0 (x)"} {
		if _, ok := ParseListenLine(bad); ok {
			t.Errorf("ParseListenLine(%q) ok", bad)
		}
	}
}
