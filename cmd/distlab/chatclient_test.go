package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// When chat client returns, nothing of it still reads its input: the
// keyboard's reader ended with the command, so the next key is the
// shell's (a reader left blocked would swallow it once the terminal is
// given back) and a test that runs the command in-process leaks nothing.
// Not parallel: the other tests that run the client wait meanwhile, so
// every goroutine of the command found here is this one's.
func TestChatClientLeavesTheInput(t *testing.T) {
	n := startNode(t)
	host, port, _ := net.SplitHostPort(n.Addr())
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	cmd := newRootCmd([]string{"--lang", "en", "chat", "client", host, port, "--nick", "ana"})
	var out bytes.Buffer
	cmd.SetIn(r)
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	io.WriteString(w, "hello\n/quit\n")
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	// A goroutine that has done its last work may still be on its way
	// out for a moment (runnable at its closing brace): look again, as
	// goleak does, before calling it a leak.
	buf := make([]byte, 1<<20)
	var left string
	for try := 0; try < 200; try++ {
		left = ""
		for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
			if strings.Contains(g, "newChatClientCmd") {
				left = g
			}
		}
		if left == "" {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if left != "" {
		t.Errorf("a goroutine of chat client outlived it:\n%s", left)
	}
	io.WriteString(w, "ls\n")
	_ = r.SetReadDeadline(time.Now().Add(5 * time.Second))
	if got, err := bufio.NewReader(r).ReadString('\n'); got != "ls\n" {
		t.Fatalf("after chat client returned, the next reader got %q, %v", got, err)
	}
}
