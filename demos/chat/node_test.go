package chat

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

var lineRE = regexp.MustCompile(`^\d\d:\d\d:\d\d guest\d+@n1: hello there$`)

func TestNetcatChat(t *testing.T) {
	n := startNode(t, testConfig("n1"))
	a, b := dialRaw(t, n.Addr()), dialRaw(t, n.Addr())
	a.send("hello there\r\n") // CRLF, as telnet sends
	if l := b.expect("hello"); !lineRE.MatchString(l) {
		t.Fatalf("b got %q", l)
	}
	a.send("/nick alice\n")
	a.expect("you are now alice")
	b.send("/nick ALICE\n")
	b.expect("taken")
	b.send("/nick bob\n")
	b.expect("you are now bob")
	a.send("/me waves\n")
	if l := b.expect("waves"); !strings.HasSuffix(l, "* alice@n1 waves") {
		t.Fatalf("/me: %q", l)
	}
	a.send("/who\n")
	if l := a.expect("online"); !strings.Contains(l, "alice@n1") || !strings.Contains(l, "bob@n1") {
		t.Fatalf("/who: %q", l)
	}
	a.send("/nodes\n")
	a.expect("n1 127.0.0.1:")
	a.send("/help\n")
	a.expect("/nick NAME")
	a.send("/bogus\n")
	a.expect("unknown command /bogus")
	a.send("/nick this-nick-is-far-too-long\n")
	a.expect("at most 16")
	a.send("/quit\n")
	a.expect("bye")
	if !a.closed() {
		t.Fatal("/quit did not close the connection")
	}
}

func TestHostileInputIsCleaned(t *testing.T) {
	n := startNode(t, testConfig("n1"))
	a, b := dialRaw(t, n.Addr()), dialRaw(t, n.Addr())
	a.send("/nick \x1b[31mevil\u202e\n")
	a.expect("you are now evil")
	a.send("hi \x1b]52;c;aGVsbG8=\x07there\x1b[2J\r\x08\x07 \xff\xfb\x01ok\u200b\n")
	l := b.expect("evil@n1")
	if strings.ContainsAny(l, "\x1b\x07\x08\r\u202e\u200b") || !strings.HasSuffix(l, "evil@n1: hi there ok") {
		t.Fatalf("b got %q", l)
	}
}

func TestLongLinesAreDroppedNotTheConnection(t *testing.T) {
	n := startNode(t, testConfig("n1"))
	a, b := dialRaw(t, n.Addr()), dialRaw(t, n.Addr())
	a.send(strings.Repeat("x", 5000) + "\n")
	a.expect("line too long")
	a.send(strings.Repeat("y", MaxLine) + "\n") // exactly the limit passes
	if l := b.expect("yyyy"); !strings.HasSuffix(l, strings.Repeat("y", MaxLine)) {
		t.Fatalf("a line of %d bytes was cut: %d", MaxLine, len(l))
	}
	a.send("still here\n")
	b.expect("still here")
}

// Shutdown says goodbye, drains what clients were sent, and closes.
func TestGracefulShutdown(t *testing.T) {
	n := NewNode(testConfig("n1"))
	if err := n.Start(); err != nil {
		t.Fatal(err)
	}
	a, b := dialRaw(t, n.Addr()), dialRaw(t, n.Addr())
	a.send("last words\n")
	b.expect("last words")
	done := make(chan error)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		done <- n.Shutdown(ctx)
	}()
	b.expect("shutting down")
	if !b.closed() {
		t.Fatal("connection kept after shutdown")
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := n.Start(); !errors.Is(err, ErrStopped) {
		t.Fatalf("start after shutdown: %v", err)
	}
	if n.running.Load() != 0 {
		t.Fatalf("%d goroutines left", n.running.Load())
	}
}
