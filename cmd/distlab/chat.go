package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"distlab/demos/chat"
	"distlab/demos/locale"
	"distlab/tui/banner"
)

func newChatCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "chat",
		Short: g.p.T("The chat cluster demo on the command line: servers, clients, a local cluster, a load test"),
	}
	cmd.AddCommand(newChatServerCmd(g), newChatClientCmd(g), newChatClusterCmd(g), newChatBenchCmd(g))
	return cmd
}

// chatError is an error of the chat commands in the CLI's language; it
// wraps the errors among its arguments (errors.Is sees through it).
type chatError struct {
	p   *locale.Printer
	err error
}

func (e chatError) Error() string { return e.p.Err(e.err) }
func (e chatError) Unwrap() error { return e.err }

// chatErr is err — the engine's errors are locale Errors — printed in p's
// language (nil stays nil).
func chatErr(p *locale.Printer, err error) error {
	if err == nil {
		return nil
	}
	return chatError{p, err}
}

// untilSignal returns a context ended by ctrl+c or SIGTERM.
func untilSignal(parent context.Context) (context.Context, context.CancelFunc) {
	if parent == nil {
		parent = context.Background()
	}
	return signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
}

// chatLang is the language the nodes and clients speak to people: the
// CLI's, once --lang is known to be valid.
func chatLang(g *globals) (locale.Lang, error) {
	if _, err := g.language(); err != nil {
		return "", err
	}
	return g.p.Lang(), nil
}

func newChatServerCmd(g *globals) *cobra.Command {
	p := g.p
	cfg := chat.Config{ID: "n1"}
	cmd := &cobra.Command{
		Use:   "server " + p.T("[HOST] [PORT]"),
		Short: p.T("Run one chat node (default 127.0.0.1 25000); nc HOST PORT to join"),
		Long: p.T("Run one chat node. netcat and telnet can join as they are: nc HOST PORT.\n" +
			"It listens on 127.0.0.1 unless you give another host; 0.0.0.0 lets a classroom join.\n" +
			"PORT is from 1 to 65535, or 0 for any free port."),
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			host, port := "127.0.0.1", "25000"
			if len(args) > 0 {
				host = args[0]
			}
			if len(args) > 1 {
				if err := checkPort(g, args[1], true); err != nil {
					return err
				}
				port = args[1]
			}
			for _, a := range cfg.Peers {
				if err := checkAddr(g, "--peer", a); err != nil {
					return err
				}
			}
			if cfg.MaxClients < 1 {
				return g.errorf("--max-clients %d: want 1 or more clients", cfg.MaxClients)
			}
			if !finite(cfg.Rate) || cfg.Rate < 0 {
				return g.errorf("--rate %g: want 0 or more messages a second (0: no limit)", cfg.Rate)
			}
			lang, err := chatLang(g) // of the notices people read
			if err != nil {
				return err
			}
			if len(cfg.Peers) > 0 && cfg.Key == "" {
				return g.errorf("--peer needs --key: nodes link only with peers that prove they know the same secret.\n"+
					"Give every node of the cluster the same --key, for example: --key %s", chat.NewKey())
			}
			cfg.Addr, cfg.Lang = net.JoinHostPort(host, port), lang
			cfg.Log = func(line string) { fmt.Fprintln(cmd.ErrOrStderr(), line) }
			var logMu sync.Mutex // the node reports from its goroutines
			cfg.Presence = func(e chat.Presence) {
				logMu.Lock()
				defer logMu.Unlock()
				fmt.Fprintln(cmd.OutOrStdout(), presenceLine(p, e))
			}
			if cfg.ID == "" {
				cfg.ID = "n" + port
			}
			node := chat.NewNode(cfg)
			if err := node.Start(); err != nil {
				return chatErr(p, err)
			}
			out := cmd.OutOrStdout()
			fmt.Fprintln(out, p.T("%s listening on %s; join with:", node.ID(), node.Addr()))
			joins := chat.JoinAddrs(node.Addr())
			for _, a := range joins {
				fmt.Fprintln(out, "  "+p.T("nc %s    or    distlab chat client %s", chat.NetcatAddr(a), chat.NetcatAddr(a)))
			}
			if tty, _ := terminal(out); tty {
				joinBanner(out, joins[0]) // on a screen the class can see: big, and as a QR code
			}
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			<-ctx.Done()
			fmt.Fprintln(out, p.T("shutting down…"))
			sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			return chatErr(p, node.Shutdown(sctx))
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.ID, "id", "", p.T("the node's name in the cluster (default n<port>; nodes of a cluster need different names)"))
	f.StringVar(&cfg.Key, "key", "", p.T("the cluster's shared `secret`, needed with --peer: nodes link only if each proves it knows it (the same on every node; it never goes over the network)"))
	f.StringArrayVar(&cfg.Peers, "peer", nil, p.T("another node's `address` (host:port), repeatable"))
	f.IntVar(&cfg.MaxClients, "max-clients", 256, p.T("clients this node accepts"))
	f.Float64Var(&cfg.Rate, "rate", 0, p.T("messages a second per client (0: no limit)"))
	return cmd
}

// joinBanner prints addr in block letters and as a QR code, for a
// terminal projected to the class.
func joinBanner(w io.Writer, addr string) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return
	}
	fmt.Fprintln(w)
	for _, r := range append(banner.Render(host, 200), banner.Render(":"+port, 200)...) {
		fmt.Fprintln(w, "  "+r)
	}
	fmt.Fprintln(w)
	for _, r := range banner.QR(addr) {
		fmt.Fprintln(w, "  "+r)
	}
	fmt.Fprintln(w)
}

// presenceLine is one line of a node's log of its clients: the time, who
// came, changed nick or left, and how many clients it has now.
func presenceLine(p *locale.Printer, e chat.Presence) string {
	at := e.At.Format("15:04:05")
	switch e.Kind {
	case chat.Joined:
		return p.T("%s %s joined (%d clients)", at, e.Nick, e.Clients)
	case chat.Renamed:
		return p.T("%s %s is now %s (%d clients)", at, e.Old, e.Nick, e.Clients)
	default:
		return p.T("%s %s left (%d clients)", at, e.Nick, e.Clients)
	}
}

func newChatClusterCmd(g *globals) *cobra.Command {
	p := g.p
	var nodes, basePort int
	var host string
	cmd := &cobra.Command{
		Use:   "cluster",
		Short: p.T("Run a cluster of chat nodes in this process, each peered with the others"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lang, err := chatLang(g)
			if err != nil {
				return err
			}
			if nodes < 1 {
				return g.errorf("--nodes %d: want 1 or more nodes", nodes)
			}
			if err := checkBasePort(g, "--base-port", basePort, nodes); err != nil {
				return err
			}
			logf := func(line string) { fmt.Fprintln(cmd.ErrOrStderr(), line) } // a stranger refused as a peer
			cl, err := chat.StartCluster(nodes, host, basePort, chat.Config{Lang: lang, Log: logf})
			if err != nil {
				return chatErr(p, err)
			}
			out := cmd.OutOrStdout()
			for _, n := range cl.Nodes {
				fmt.Fprintf(out, "%s  %s   nc %s\n", n.ID(), n.Addr(), chat.NetcatAddr(chat.JoinAddrs(n.Addr())[0]))
			}
			fmt.Fprintln(out, p.T("ctrl+c stops the cluster"))
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			<-ctx.Done()
			sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			return chatErr(p, cl.Shutdown(sctx))
		},
	}
	f := cmd.Flags()
	f.IntVar(&nodes, "nodes", 3, p.T("how many nodes"))
	f.StringVar(&host, "host", "127.0.0.1", p.T("the address to listen on (0.0.0.0: the whole network)"))
	f.IntVar(&basePort, "base-port", 25000, p.T("the first node's port; the others follow (0: any free ports)"))
	return cmd
}

func newChatBenchCmd(g *globals) *cobra.Command {
	p := g.p
	var cfg chat.BenchConfig
	var addrs string
	cmd := &cobra.Command{
		Use:   "bench",
		Short: p.T("Load test running nodes: deliveries a second, latency, losses, duplicates, reorderings"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg.Addrs = strings.Split(addrs, ",")
			for _, a := range cfg.Addrs {
				if err := checkAddr(g, "--addr", a); err != nil {
					return err
				}
			}
			switch {
			case cfg.Clients < 2:
				return g.errorf("--clients %d: want 2 or more connections", cfg.Clients)
			case cfg.Senders < 1 || cfg.Senders > cfg.Clients:
				return g.errorf("--senders %d: want 1 to %d, the connections (--clients)", cfg.Senders, cfg.Clients)
			case cfg.Msgs < 1:
				return g.errorf("--msgs %d: want 1 or more messages", cfg.Msgs)
			}
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			r, err := chat.Bench(ctx, cfg)
			if err != nil {
				return chatErr(p, err)
			}
			fmt.Fprintln(cmd.OutOrStdout(), r.In(p))
			if r.Delivered < r.Expected {
				return errQuiet{g.errorf("messages lost")}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&addrs, "addr", "", p.T("node addresses, comma-separated"))
	_ = cmd.MarkFlagRequired("addr")
	f.IntVar(&cfg.Clients, "clients", 200, p.T("connections"))
	f.IntVar(&cfg.Senders, "senders", 20, p.T("of which send"))
	f.IntVar(&cfg.Msgs, "msgs", 500, p.T("messages per sender"))
	return cmd
}

// The chat commands' words, English beside Brazilian Portuguese (see
// package locale). What the nodes and clients say, and the engine's
// errors, are the engine's (demos/chat/text.go).
func init() {
	locale.Add(
		locale.Str("The chat cluster demo on the command line: servers, clients, a local cluster, a load test",
			"A demonstração do cluster de chat na linha de comando: servidores, clientes, um cluster local, um teste de carga"),
		locale.Str("[HOST] [PORT]", "[HOST] [PORTA]"),
		locale.Str("Run one chat node (default 127.0.0.1 25000); nc HOST PORT to join",
			"Roda um nó de chat (padrão 127.0.0.1 25000); entre com nc HOST PORTA"),
		locale.Str("Run one chat node. netcat and telnet can join as they are: nc HOST PORT.\n"+
			"It listens on 127.0.0.1 unless you give another host; 0.0.0.0 lets a classroom join.\n"+
			"PORT is from 1 to 65535, or 0 for any free port.",
			"Roda um nó de chat. netcat e telnet entram como são: nc HOST PORTA.\n"+
				"Ele escuta em 127.0.0.1, a menos que você dê outro host; 0.0.0.0 deixa uma turma entrar.\n"+
				"PORTA vai de 1 a 65535, ou 0 para qualquer porta livre."),
		locale.Str("port %q is not a number", "a porta %q não é um número"),
		locale.Str("%s listening on %s; join with:", "%s escutando em %s; entre com:"),
		locale.Str("nc %s    or    distlab chat client %s", "nc %s    ou    distlab chat client %s"),
		locale.Str("shutting down…", "desligando…"),
		locale.Str("the node's name in the cluster (default n<port>; nodes of a cluster need different names)",
			"o nome do nó no cluster (padrão n<porta>; os nós de um cluster precisam de nomes diferentes)"),
		locale.Str("the cluster's shared `secret`, needed with --peer: nodes link only if each proves it knows it (the same on every node; it never goes over the network)",
			"o `segredo` compartilhado do cluster, necessário com --peer: os nós só se ligam se cada um provar que o conhece (o mesmo em todos os nós; ele nunca passa pela rede)"),
		locale.Str("--peer needs --key: nodes link only with peers that prove they know the same secret.\n"+
			"Give every node of the cluster the same --key, for example: --key %s",
			"--peer precisa de --key: os nós só se ligam a pares que provam conhecer o mesmo segredo.\n"+
				"Dê a todos os nós do cluster a mesma --key, por exemplo: --key %s"),
		locale.Str("another node's `address` (host:port), repeatable", "o `endereço` de outro nó (host:porta), pode repetir"),
		locale.Str("clients this node accepts", "quantos clientes este nó aceita"),
		locale.Str("messages a second per client (0: no limit)", "mensagens por segundo por cliente (0: sem limite)"),
		locale.Str("--max-clients %d: want 1 or more clients", "--max-clients %d: use 1 ou mais clientes"),
		locale.Str("--rate %g: want 0 or more messages a second (0: no limit)", "--rate %g: use 0 ou mais mensagens por segundo (0: sem limite)"),
		locale.Str("--nodes %d: want 1 or more nodes", "--nodes %d: use 1 ou mais nós"),
		locale.Str("--clients %d: want 2 or more connections", "--clients %d: use 2 ou mais conexões"),
		locale.Str("--senders %d: want 1 to %d, the connections (--clients)", "--senders %d: use de 1 a %d, as conexões (--clients)"),
		locale.Str("--msgs %d: want 1 or more messages", "--msgs %d: use 1 ou mais mensagens"),
		locale.Str("HOST PORT", "HOST PORTA"),
		locale.Str("Chat from this terminal; fails over to another node when its node dies",
			"Conversa deste terminal; passa para outro nó quando o seu cai"),
		locale.Str("Chat from this terminal; fails over to another node when its node dies.\n"+
			"On a terminal, what you type stays whole on the bottom line while messages arrive above it;\n"+
			"ctrl+c, ctrl+d or /quit leaves. Into a pipe it reads and writes plain lines.",
			"Conversa deste terminal; passa para outro nó quando o seu cai.\n"+
				"Num terminal, o que você digita fica inteiro na última linha enquanto as mensagens chegam acima;\n"+
				"ctrl+c, ctrl+d ou /quit sai. Num pipe, lê e escreve linhas simples."),
		locale.Plural("line too long: at most %d bytes; not sent", "line too long: at most %d byte; not sent",
			"linha longa demais: no máximo %d bytes; não enviada", "linha longa demais: no máximo %d byte; não enviada"),
		locale.Str("your nick (default: a guest name)", "seu apelido (padrão: um nome de convidado)"),
		locale.Str("Run a cluster of chat nodes in this process, each peered with the others",
			"Roda um cluster de nós de chat neste processo, cada um ligado aos outros"),
		locale.Str("ctrl+c stops the cluster", "ctrl+c para o cluster"),
		locale.Str("how many nodes", "quantos nós"),
		locale.Str("the address to listen on (0.0.0.0: the whole network)", "o endereço onde escutar (0.0.0.0: a rede inteira)"),
		locale.Str("the first node's port; the others follow (0: any free ports)",
			"a porta do primeiro nó; os outros seguem (0: quaisquer portas livres)"),
		locale.Str("Load test running nodes: deliveries a second, latency, losses, duplicates, reorderings",
			"Teste de carga de nós rodando: entregas por segundo, latência, perdas, duplicatas, reordenações"),
		locale.Str("messages lost", "mensagens perdidas"),
		locale.Str("node addresses, comma-separated", "endereços dos nós, separados por vírgula"),
		locale.Str("connections", "conexões"),
		locale.Str("of which send", "das quais enviam"),
		locale.Str("messages per sender", "mensagens por remetente"),
	)
}
