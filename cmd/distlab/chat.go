package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"distlab/demos/chat"
)

func newChatCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "chat",
		Short: "The chat cluster demo on the command line: servers, clients, a local cluster, a load test",
	}
	cmd.AddCommand(newChatServerCmd(g), newChatClientCmd(g), newChatClusterCmd(g), newChatBenchCmd())
	return cmd
}

// untilSignal returns a context ended by ctrl+c or SIGTERM.
func untilSignal(parent context.Context) (context.Context, context.CancelFunc) {
	if parent == nil {
		parent = context.Background()
	}
	return signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
}

func newChatServerCmd(g *globals) *cobra.Command {
	cfg := chat.Config{ID: "n1"}
	cmd := &cobra.Command{
		Use:   "server [HOST] [PORT]",
		Short: "Run one chat node (default 127.0.0.1 25000); nc HOST PORT to join",
		Long: "Run one chat node. netcat and telnet can join as they are: nc HOST PORT.\n" +
			"It listens on 127.0.0.1 unless you give another host; 0.0.0.0 lets a classroom join.",
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			host, port := "127.0.0.1", "25000"
			if len(args) > 0 {
				host = args[0]
			}
			if len(args) > 1 {
				if _, err := strconv.Atoi(args[1]); err != nil {
					return fmt.Errorf("port %q is not a number", args[1])
				}
				port = args[1]
			}
			lang, err := g.language() // of the notices people read
			if err != nil {
				return err
			}
			cfg.Addr, cfg.Lang = net.JoinHostPort(host, port), lang
			if cfg.ID == "" {
				cfg.ID = "n" + port
			}
			node := chat.NewNode(cfg)
			if err := node.Start(); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%s listening on %s; join with:\n", node.ID(), node.Addr())
			for _, a := range chat.JoinAddrs(node.Addr()) {
				fmt.Fprintf(out, "  nc %s    or    distlab chat client %s\n", ncAddr(a), ncAddr(a))
			}
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			<-ctx.Done()
			fmt.Fprintln(out, "shutting down…")
			sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			return node.Shutdown(sctx)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.ID, "id", "", "the node's name in the cluster (default n<port>; nodes of a cluster need different names)")
	f.StringVar(&cfg.Key, "key", "", "the cluster's shared secret: peers must present it (set the same on every node)")
	f.StringArrayVar(&cfg.Peers, "peer", nil, "another node's address (host:port), repeatable")
	f.IntVar(&cfg.MaxClients, "max-clients", 256, "clients this node accepts")
	f.Float64Var(&cfg.Rate, "rate", 0, "messages a second per client (0: no limit)")
	return cmd
}

func newChatClientCmd(g *globals) *cobra.Command {
	var nick string
	cmd := &cobra.Command{
		Use:   "client HOST PORT",
		Short: "Chat from this terminal; fails over to another node when its node dies",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			lines := make(chan string, 256)
			c, err := chat.Dial(chat.ClientConfig{
				Addrs: []string{net.JoinHostPort(args[0], args[1])}, Nick: nick, Lang: lang,
				OnLine: func(l string) { lines <- l },
			})
			if err != nil {
				return err
			}
			defer c.Close()
			go func() { // the client's lines, printed in order
				for l := range lines {
					fmt.Fprintln(out, l)
				}
			}()
			in := bufio.NewReader(cmd.InOrStdin())
			for {
				text, err := in.ReadString('\n')
				if len(text) > chat.MaxLine+2 { // the node would drop it: say so here
					lines <- fmt.Sprintf("*** line too long: at most %d bytes; not sent", chat.MaxLine)
				} else if text != "" {
					c.Send(strings.TrimRight(text, "\r\n"))
				}
				if err != nil || strings.TrimSpace(text) == "/quit" {
					break
				}
			}
			time.Sleep(100 * time.Millisecond) // let the last lines arrive
			return nil
		},
	}
	cmd.Flags().StringVar(&nick, "nick", "", "your nick (default: a guest name)")
	return cmd
}

func newChatClusterCmd(g *globals) *cobra.Command {
	var nodes, basePort int
	var host string
	cmd := &cobra.Command{
		Use:   "cluster",
		Short: "Run a cluster of chat nodes in this process, each peered with the others",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			cl, err := chat.StartCluster(nodes, host, basePort, chat.Config{Lang: lang})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			for _, n := range cl.Nodes {
				fmt.Fprintf(out, "%s  %s   nc %s\n", n.ID(), n.Addr(), ncAddr(chat.JoinAddrs(n.Addr())[0]))
			}
			fmt.Fprintln(out, "ctrl+c stops the cluster")
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			<-ctx.Done()
			sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			return cl.Shutdown(sctx)
		},
	}
	f := cmd.Flags()
	f.IntVar(&nodes, "nodes", 3, "how many nodes")
	f.StringVar(&host, "host", "127.0.0.1", "the address to listen on (0.0.0.0: the whole network)")
	f.IntVar(&basePort, "base-port", 25000, "the first node's port; the others follow (0: any free ports)")
	return cmd
}

func newChatBenchCmd() *cobra.Command {
	var cfg chat.BenchConfig
	var addrs string
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Load test running nodes: deliveries a second, latency, losses, duplicates, reorderings",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg.Addrs = strings.Split(addrs, ",")
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			r, err := chat.Bench(ctx, cfg)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), r)
			if r.Delivered < r.Expected {
				return errQuiet{errors.New("messages lost")}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&addrs, "addr", "", "node addresses, comma-separated")
	_ = cmd.MarkFlagRequired("addr")
	f.IntVar(&cfg.Clients, "clients", 200, "connections")
	f.IntVar(&cfg.Senders, "senders", 20, "of which send")
	f.IntVar(&cfg.Msgs, "msgs", 500, "messages per sender")
	return cmd
}

// ncAddr is host:port as netcat wants it: "host port".
func ncAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	return host + " " + port
}
