package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"distlab/demos/locale"
	"distlab/demos/raft"
)

// distlab raft node's first lines and its role lines, and the errors of
// node and client, are in the language asked for: no English in pt-BR,
// no Portuguese in English.
func TestRaftNodeLanguage(t *testing.T) {
	t.Parallel()
	_, commands := commandTree(newRootCmd(nil))
	for _, lang := range []string{"en", "pt-BR"} {
		words, language := foreignWords(lang)
		addrs := freeAddrs(t, 2)
		out := firstLines(t, "--lang", lang, "raft", "node", "--id", "1",
			"--peers", "1="+addrs[0]+"/"+addrs[1], "--data", filepath.Join(t.TempDir(), "n1"))
		p := locale.For(locale.Match(lang))
		for _, st := range []raft.TCPStatus{{Term: 3, Role: "leader"}, {Term: 3, Role: "candidate"}, {Term: 3, Role: "pre-candidate"}, {Term: 3, Lead: 2}, {Term: 3}} {
			out += raftEventLine(p, raft.TCPEvent{Status: st}) + "\n"
		}
		out += raftEventLine(p, raft.TCPEvent{Index: 4, Command: &raft.Command{Op: "put", Key: "x", Value: "1"}}) + "\n"
		out += raftEventLine(p, raft.TCPEvent{Index: 5, Command: &raft.Command{Op: "get", Key: "x"}}) + "\n"
		if line := raftEventLine(p, raft.TCPEvent{Index: 6, Command: &raft.Command{Op: "put", Key: "\u009b2J", Value: "\u202eok"}}); strings.ContainsAny(line, "\u009b\u202e") {
			t.Errorf("a C1 control or a bidi override reaches the terminal: %q", line)
		}
		if found := wordsIn(out, words, commands); len(found) > 0 {
			t.Errorf("%s: %s %q in:\n%s", lang, language, found, out)
		}
		for _, args := range [][]string{
			{"raft", "node", "--id", "9"},
			{"raft", "node", "--id", "1", "--peers", "1=nowhere"},
			{"raft", "node", "--id", "1", "--peers", "2=127.0.0.1:7002"},
			{"raft", "node"},
			{"raft", "client", "127.0.0.1:1", "put", "x"},
			{"raft", "client", "127.0.0.1:1", "get", "x", "--wait", "10ms"},
		} {
			args = append([]string{"--lang", lang}, args...)
			_, _, err := execute(t, args...)
			if err == nil {
				t.Errorf("distlab %s: no error", strings.Join(args, " "))
				continue
			}
			if found := wordsIn(err.Error(), words, commands); len(found) > 0 {
				t.Errorf("distlab %s: %s %q in the error %q", strings.Join(args, " "), language, found, err)
			}
		}
		for _, reason := range []string{"no leader", "timeout", "not committed", "bad command", "line too long", "too many clients", "shutting down", "\x1b[2Jodd"} {
			err := raftAnswerError(&globals{p: p}, raft.TCPAnswer{Kind: "error", Value: reason})
			if found := wordsIn(err.Error(), words, commands); len(found) > 0 {
				t.Errorf("answer %q: %s %q in %q", reason, language, found, err)
			}
			if strings.ContainsRune(err.Error(), '\x1b') {
				t.Errorf("answer %q: an escape reaches the terminal: %q", reason, err)
			}
		}
	}
}

// The client follows a follower's redirect to the leader and prints the
// value it reads; a key with no value fails with status 1.
func TestRaftClientReadsAndWrites(t *testing.T) {
	t.Parallel()
	addrs := freeAddrs(t, 2)
	node, err := raft.StartTCPNode(raft.TCPConfig{ID: 1, Peers: map[uint64]raft.TCPPeer{1: {Raft: addrs[0], Client: addrs[1]}},
		Data: t.TempDir(), Tick: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	out, _, err := execute(t, "--lang", "pt-BR", "raft", "client", addrs[1], "put", "cor", "azul")
	if err != nil || !strings.Contains(out, "ok: cor=azul, efetivado (commit) e aplicado") {
		t.Fatalf("put: %v\n%s", err, out)
	}
	if out, _, err := execute(t, "raft", "client", addrs[1], "get", "cor"); err != nil || out != "azul\n" {
		t.Fatalf("get: %v %q", err, out)
	}
	_, errOut, err := execute(t, "--lang", "en", "raft", "client", addrs[1], "get", "size")
	if err == nil || errOut != "size has no value\n" {
		t.Fatalf("get of a key with no value: %v %q", err, errOut)
	}
}

// distlab raft node says whether it starts afresh or resumes a term and a
// log from --data; the same folder with another cluster's --peers, or
// while a node runs on it, is refused in the language asked for.
func TestRaftNodeData(t *testing.T) {
	t.Parallel()
	data := filepath.Join(t.TempDir(), "n1")
	addrs := freeAddrs(t, 2)
	peers := "1=" + addrs[0] + "/" + addrs[1]
	out := firstLines(t, "--lang", "en", "raft", "node", "--id", "1", "--peers", peers, "--data", data)
	if !strings.Contains(out, "a new node: the folder holds no term, vote or log yet") {
		t.Errorf("a first start:\n%s", out)
	}
	// A one-node cluster elects itself and appends its leader's entry.
	node, err := raft.StartTCPNode(raft.TCPConfig{ID: 1, Peers: map[uint64]raft.TCPPeer{1: {Raft: addrs[0], Client: addrs[1]}},
		Data: data, Tick: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	for start := time.Now(); node.Status().Role != "leader" || node.Status().Commit < 1; time.Sleep(10 * time.Millisecond) {
		if time.Since(start) > 5*time.Second {
			t.Fatalf("no leader: %+v", node.Status())
		}
	}
	term := node.Status().Term
	other := freeAddrs(t, 2)
	_, _, err = execute(t, "--lang", "pt-BR", "raft", "node", "--id", "1", "--peers", "1="+other[0]+"/"+other[1], "--data", data)
	if want := "está em uso por outro nó (processo " + strconv.Itoa(os.Getpid()) + ")"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a second node on a folder in use: %v", err)
	}
	node.Close()
	out = firstLines(t, "--lang", "pt-BR", "raft", "node", "--id", "1", "--peers", peers, "--data", data)
	if want := "retomando o mandato " + strconv.FormatUint(term, 10) + ", 1 entrada\n"; !strings.Contains(out, want) {
		t.Errorf("a restart: want %q in\n%s", want, out)
	}
	if want := "ctrl+c encerra este nó; o seu estado fica para o próximo início"; !strings.Contains(out, want) {
		t.Errorf("how to stop it: want %q in\n%s", want, out)
	}
	_, _, err = execute(t, "--lang", "en", "raft", "node", "--id", "1", "--peers", "1="+other[0], "--data", data)
	if err == nil || !strings.Contains(err.Error(), "holds the log of node 1 of another cluster, whose peers were 1="+addrs[0]+", not 1="+other[0]) {
		t.Errorf("another cluster's --peers: %v", err)
	}
}
