package main

import (
	"bytes"
	"context"
	"net"
	"regexp"
	"strings"
	"testing"
	"time"

	"distlab/demos/chat"
)

// A chat server with --peer and no --key refuses to start, says what to
// do in the CLI's language, and offers a fresh key to copy; with --key it
// starts.
func TestChatServerPeerNeedsKey(t *testing.T) {
	t.Parallel()
	fresh := regexp.MustCompile(`--key [0-9a-f]{32}$`)
	for lang, want := range map[string]string{
		"en":    "--peer needs --key: nodes link only with peers that prove they know the same secret.\nGive every node of the cluster the same --key, for example: --key ",
		"pt-BR": "--peer precisa de --key: os nós só se ligam a pares que provam conhecer o mesmo segredo.\nDê a todos os nós do cluster a mesma --key, por exemplo: --key ",
	} {
		_, _, err := execute(t, "--lang", lang, "chat", "server", "127.0.0.1", "0", "--peer", "127.0.0.1:1")
		if err == nil {
			t.Fatalf("%s: a server with --peer and no --key started", lang)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, want) || !fresh.MatchString(msg) {
			t.Errorf("%s: the error is %q, want %q and a fresh key", lang, msg, want)
		}
	}
	out := firstLines(t, "--lang", "en", "chat", "server", "127.0.0.1", "0", "--peer", "127.0.0.1:1", "--key", "k")
	if !strings.Contains(out, "listening on 127.0.0.1:") {
		t.Fatalf("with --key: %q", out)
	}
}

// startNode starts a chat node on a free loopback port for one test.
func startNode(t *testing.T) *chat.Node {
	t.Helper()
	n := chat.NewNode(chat.Config{ID: "n1", Addr: "127.0.0.1:0", Lang: "en"})
	if err := n.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = n.Shutdown(ctx)
	})
	return n
}

// Into a pipe, chat client is a plain line filter: each line read is a
// message sent, each line received a line written, with no terminal
// sequences and no carriage returns.
func TestChatClientPipe(t *testing.T) {
	t.Parallel()
	n := startNode(t)
	host, port, _ := net.SplitHostPort(n.Addr())
	got := make(chan string, 64)
	watcher, err := chat.Dial(chat.ClientConfig{Addrs: []string{n.Addr()}, Nick: "watcher", OnLine: func(l string) { got <- l }})
	if err != nil {
		t.Fatal(err)
	}
	defer watcher.Close()
	cmd := newRootCmd([]string{"--lang", "en", "chat", "client", host, port, "--nick", "ana"})
	var out bytes.Buffer
	cmd.SetIn(strings.NewReader("hello from a pipe\n/quit\n"))
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.After(5 * time.Second); ; {
		select {
		case l := <-got:
			if !strings.Contains(l, "ana@n1: hello from a pipe") {
				continue
			}
		case <-deadline:
			t.Fatal("the piped line never reached another client")
		}
		break
	}
	s := out.String()
	if !strings.Contains(s, "*** welcome to n1") || strings.ContainsAny(s, "\r\x1b") {
		t.Fatalf("piped output is not plain lines: %q", s)
	}
}
