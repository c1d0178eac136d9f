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
			words, language := foreignWords(lang)
			if lang != "en" && err.Error() != c.pt {
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

// A value out of a flag's range is refused, naming the flag and the range,
// where the engine would have run with its default instead (--events 0
// ran 40 events, --tick 0s the default tick, --r 0 a majority) or
// refused in words that do not name the flag.
func TestFlagsOutOfRange(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	node := []string{"raft", "node", "--id", "1", "--data", data, "--peers", "1=127.0.0.1:1/127.0.0.1:2"}
	checkRefusals(t, []refusal{
		{[]string{"clocks", "run", "--events", "0"}, "--events 0: use de 1 a 1.000.000 eventos"},
		{[]string{"clocks", "run", "--events", "-5"}, "--events -5: use de 1 a 1.000.000 eventos"},
		{[]string{"clocks", "run", "--procs", "1"}, "--procs 1: use de 2 a 8 processos"},
		{[]string{"clocks", "run", "--procs", "0"}, "--procs 0: use de 2 a 8 processos"},
		{[]string{"clocks", "run", "--interval", "0"}, "--interval 0s: use uma duração acima de 0, como 10ms"},
		{append(node, "--tick", "0s"), "--tick 0s: use uma duração de pelo menos 1ms"},
		{append(node, "--tick", "-1s"), "--tick -1s: use uma duração de pelo menos 1ms"},
		{[]string{"raft", "client", "127.0.0.1:1", "get", "x", "--wait", "0s"}, "--wait 0s: use uma duração acima de 0, como 5s"},
		{[]string{"raft", "run", "--nodes", "0"}, "--nodes 0: use de 3 a 7 nós"},
		{[]string{"chat", "server", "127.0.0.1", "0", "--max-clients", "-1"}, "--max-clients -1: use 1 ou mais clientes"},
		{[]string{"chat", "server", "127.0.0.1", "0", "--rate", "-3"}, "--rate -3: use 0 ou mais mensagens por segundo (0: sem limite)"},
		{[]string{"chat", "server", "127.0.0.1", "0", "--rate", "NaN"}, "--rate NaN: use 0 ou mais mensagens por segundo (0: sem limite)"},
		{[]string{"chat", "cluster", "--base-port", "0", "--nodes", "0"}, "--nodes 0: use 1 ou mais nós"},
		{[]string{"chat", "bench", "--addr", "127.0.0.1:1", "--clients", "1"}, "--clients 1: use 2 ou mais conexões"},
		{[]string{"chat", "bench", "--addr", "127.0.0.1:1", "--senders", "300"}, "--senders 300: use de 1 a 200, as conexões (--clients)"},
		{[]string{"chat", "bench", "--addr", "127.0.0.1:1", "--msgs", "0"}, "--msgs 0: use 1 ou mais mensagens"},
		{[]string{"kv", "run", "--r", "0"}, "--r 0: use de 1 a 3, as réplicas de uma chave (--n)"},
		{[]string{"kv", "run", "--n", "5", "--w", "6"}, "--w 6: use de 1 a 5, as réplicas de uma chave (--n)"},
		{[]string{"kv", "run", "--n", "0"}, "--n 0: use de 3 a 5 réplicas"},
		{[]string{"kv", "run", "--clients", "0"}, "--clients 0: use de 1 a 6 clientes"},
		{[]string{"serve", "bench", "--addr", "127.0.0.1:1", "--rate", "0"}, "--rate 0: use mais de 0 teclas por segundo"},
		{[]string{"serve", "bench", "--addr", "127.0.0.1:1", "--typing", "0s"}, "--typing 0s: use uma duração acima de 0, como 20s"},
		{[]string{"lesson", "show", "1", "--width", "0"}, "--width 0: use pelo menos 20 colunas"},
	})
}
