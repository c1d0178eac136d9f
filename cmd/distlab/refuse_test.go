package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// refusal is a command line distlab must refuse before it starts
// anything, and the error it says in Portuguese.
type refusal struct {
	args []string
	pt   string
}

// checkRefusals runs each command line under --lang pt-BR and --lang en:
// it must fail at once (a command that starts instead is stopped after a
// few seconds, and fails the test), in Portuguese with the words given,
// and with no word of the other language in either.
func checkRefusals(t *testing.T, cases []refusal) {
	t.Helper()
	_, commands := commandTree(newRootCmd(nil))
	for _, c := range cases {
		for _, lang := range []string{"pt-BR", "en"} {
			args := append([]string{"--lang", lang}, c.args...)
			line := "distlab " + strings.Join(args, " ")
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			cmd := newRootCmd(args)
			var out bytes.Buffer
			cmd.SetOut(&out)
			cmd.SetErr(&out)
			err := cmd.ExecuteContext(ctx)
			started := ctx.Err() != nil
			cancel()
			switch {
			case started:
				t.Errorf("%s: started instead of refusing:\n%s", line, out.String())
				continue
			case err == nil:
				t.Errorf("%s: no error:\n%s", line, out.String())
				continue
			}
			words, language := englishWords, "English"
			if lang == "en" {
				words, language = portugueseWords, "Portuguese"
			} else if err.Error() != c.pt {
				t.Errorf("%s: %q, want %q", line, err, c.pt)
			}
			if found := wordsIn(err.Error(), words, commands); len(found) > 0 {
				t.Errorf("%s: %s %q in the error %q", line, language, found, err)
			}
		}
	}
}

// Ports out of range are refused before anything listens or dials, in the
// reader's language: a server's PORT, a cluster's whole range of ports,
// the addresses of peers, of a load test's nodes, of a Raft node.
func TestPortsOutOfRange(t *testing.T) {
	t.Parallel()
	checkRefusals(t, []refusal{
		{[]string{"chat", "server", "127.0.0.1", "99999"}, "porta 99999: use de 1 a 65535, ou 0 para qualquer porta livre"},
		{[]string{"chat", "server", "127.0.0.1", "--", "-1"}, "porta -1: use de 1 a 65535, ou 0 para qualquer porta livre"},
		{[]string{"chat", "server", "127.0.0.1", "0", "--key", "k", "--peer", "127.0.0.1:70000"},
			`--peer "127.0.0.1:70000": use uma porta de 1 a 65535`},
		{[]string{"chat", "cluster", "--base-port", "65535"}, "--base-port 65535: use uma porta de 1 a 65533 para 3 nós, ou 0 para quaisquer portas livres"},
		{[]string{"chat", "cluster", "--base-port", "-5"}, "--base-port -5: use uma porta de 1 a 65533 para 3 nós, ou 0 para quaisquer portas livres"},
		{[]string{"chat", "cluster", "--nodes", "1", "--base-port", "65536"}, "--base-port 65536: use uma porta de 1 a 65535 para 1 nó, ou 0 para quaisquer portas livres"},
		{[]string{"chat", "client", "127.0.0.1", "0"}, "porta 0: use de 1 a 65535"},
		{[]string{"chat", "client", "127.0.0.1", "99999"}, "porta 99999: use de 1 a 65535"},
		{[]string{"chat", "bench", "--addr", "127.0.0.1:25000,127.0.0.1:99999"}, `--addr "127.0.0.1:99999": use uma porta de 1 a 65535`},
		{[]string{"chat", "bench", "--addr", "nowhere"}, `--addr "nowhere": use HOST:PORTA`},
		{[]string{"raft", "client", "127.0.0.1:99999", "get", "x"}, `endereço "127.0.0.1:99999": use uma porta de 1 a 65535`},
		{[]string{"raft", "client", "nowhere", "get", "x"}, `endereço "nowhere": use HOST:PORTA`},
		{[]string{"raft", "node", "--id", "1", "--listen", "0.0.0.0:7001"},
			`--listen "0.0.0.0:7001": use um host sem porta: o nó escuta nas portas da sua entrada em --peers`},
		{[]string{"raft", "node", "--id", "1", "--peers", "1=127.0.0.1:99999"}, `par "1=127.0.0.1:99999": "127.0.0.1:99999": use uma porta de 1 a 65535`},
	})
}

// A cluster's range may end on the last port.
func TestBasePortRange(t *testing.T) {
	g := &globals{}
	for _, c := range []struct{ base, nodes int }{{0, 3}, {1, 3}, {65533, 3}, {65535, 1}} {
		if err := checkBasePort(g, "--base-port", c.base, c.nodes); err != nil {
			t.Errorf("base %d, %d nodes: %v", c.base, c.nodes, err)
		}
	}
}
