package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"distlab/demos/chat"
	"distlab/demos/locale"
	"distlab/demos/raft"
)

// raftDefaultPeers is a cluster of three nodes in three terminals of one
// machine: distlab raft node --id 1, --id 2 and --id 3.
const raftDefaultPeers = "1=127.0.0.1:7001,2=127.0.0.1:7002,3=127.0.0.1:7003"

func newRaftNodeCmd(g *globals) *cobra.Command {
	p := g.p
	var id uint64
	var peers, data, listen string
	var tick time.Duration
	cmd := &cobra.Command{
		Use:   "node",
		Short: p.T("Run one Raft node over TCP; a cluster is one node per laptop or terminal"),
		Long: p.T("Run one node of a Raft cluster (etcd's raft library) over real TCP. Every node of the\n"+
			"cluster gets the same --peers and its own --id; a majority of them up elects a leader.\n"+
			"--peers lists every node as ID=HOST:PORT, separated by commas: the raft address, and the\n"+
			"clients' address on the same host %d ports higher (7001 → 7101), or given after a slash:\n"+
			"ID=HOST:PORT/HOST:PORT. Three laptops of a classroom:\n\n"+
			"\tdistlab raft node --id 1 --peers 1=10.0.0.5:7001,2=10.0.0.6:7001,3=10.0.0.7:7001\n\n"+
			"Three terminals of one machine need only --id 1, 2 or 3. The node keeps its term, vote,\n"+
			"commit index and log in --data, and a node restarted from it comes back with them, as Raft\n"+
			"assumes. The folder records the node's id and the cluster's --peers, and is locked while\n"+
			"the node runs: another cluster's folder, or one a running node holds, is refused. It\n"+
			"listens on the host its own --peers entry names; --listen 0.0.0.0 binds every interface.",
			raft.TCPClientPortOffset),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			if err := checkHost(g, "--listen", listen); err != nil {
				return err
			}
			if err := checkAtLeast(g, "tick", tick, time.Millisecond); err != nil {
				return err
			}
			list, err := raft.ParseTCPPeers(peers)
			if err != nil {
				return chatErr(p, err)
			}
			if data == "" {
				base, err := os.UserConfigDir()
				if err != nil {
					return g.errorf("no folder for the node's state: give --data")
				}
				data = filepath.Join(base, "distlab", "raft", "node-"+strconv.FormatUint(id, 10))
			}
			out := cmd.OutOrStdout()
			var mu sync.Mutex // the node reports from its loop; the messages below from here
			say := func(line string) {
				mu.Lock()
				defer mu.Unlock()
				fmt.Fprintln(out, line)
			}
			node, err := raft.StartTCPNode(raft.TCPConfig{
				ID: id, Peers: list, Data: data, Listen: listen, Tick: tick,
				OnEvent: func(e raft.TCPEvent) { say(raftEventLine(p, e)) },
			})
			if err != nil {
				return chatErr(p, err)
			}
			say(p.T("raft node %d of %d: raft on %s, clients on %s, state in %s", id, len(list), node.RaftAddr(), node.ClientAddr(), data))
			if d := node.Disk(); d.Resumed() {
				say("  " + p.T("resuming term %d, %d entries", d.Term, d.Entries))
			} else {
				say("  " + p.T("a new node: the folder holds no term, vote or log yet"))
			}
			say("  " + p.T("write: distlab raft client %s put KEY VALUE", list[id].Client))
			say("  " + p.T("read:  distlab raft client %s get KEY", list[id].Client))
			say("  " + p.T("ctrl+c stops this node; its state stays for the next start"))
			say(raftEventLine(p, raft.TCPEvent{Status: node.Status()})) // a restarted node's term and vote
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			select {
			case <-ctx.Done():
			case <-node.Done():
			}
			if err := node.Close(); err != nil {
				return chatErr(p, err)
			}
			return chatErr(p, node.Err())
		},
	}
	f := cmd.Flags()
	f.Uint64Var(&id, "id", 0, p.T("this node's `id` among the peers, 1 to %d", raft.MaxTCPNodes))
	_ = cmd.MarkFlagRequired("id")
	f.StringVar(&peers, "peers", raftDefaultPeers, p.T("every node of the cluster, this one too: ID=HOST:PORT[/HOST:PORT],…"))
	f.StringVar(&data, "data", "", p.T("the `folder` of the node's term, vote and log (default: distlab/raft/node-ID in the user's config folder)"))
	f.StringVar(&listen, "listen", "", p.T("the `host` to bind instead of the one in --peers (0.0.0.0: every interface)"))
	f.DurationVar(&tick, "tick", 100*time.Millisecond, p.T("one raft tick: a heartbeat each tick, an election after 10 to 20 ticks without one"))
	return cmd
}

// raftEventLine is one line of a node's log: the time, then its new role
// or the command it applied.
func raftEventLine(p *locale.Printer, e raft.TCPEvent) string {
	at := time.Now().Format("15:04:05.000")
	st := e.Status
	if c := e.Command; c != nil {
		// A client's key and value: printable for ParseCommand, which lets
		// C1 controls and bidi overrides through; Clean does not.
		if c.Op == "put" {
			return p.T("%s applied entry %d: %s=%s", at, e.Index, chat.Clean(c.Key), chat.Clean(c.Value))
		}
		return p.T("%s applied entry %d: get %s", at, e.Index, chat.Clean(c.Key))
	}
	switch {
	case st.Role == "leader":
		return p.T("%s term %d: leader", at, st.Term)
	case st.Role == "candidate":
		return p.T("%s term %d: candidate, asking for votes", at, st.Term)
	case st.Role == "pre-candidate":
		return p.T("%s term %d: pre-candidate, asking whether it could win", at, st.Term)
	case st.Lead != 0:
		return p.T("%s term %d: follower of node %d", at, st.Term, st.Lead)
	}
	return p.T("%s term %d: follower, no leader known", at, st.Term)
}

func newRaftClientCmd(g *globals) *cobra.Command {
	p := g.p
	var wait time.Duration
	cmd := &cobra.Command{
		Use:   "client " + p.T("ADDR put KEY VALUE | ADDR get KEY"),
		Short: p.T("Write or read a key through any node of a Raft cluster"),
		Long: p.T("Send one command to a node's client address: put KEY VALUE writes, get KEY reads. Both go\n" +
			"through the log, so the answer comes once the leader has committed the command and applied\n" +
			"it. A follower names the leader, and the client asks it there; while the cluster has no\n" +
			"leader (an election, a killed leader), it asks again for --wait. nc HOST PORT speaks the\n" +
			"same protocol."),
		Args: cobra.RangeArgs(3, 4),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			if err := checkAddr(g, p.T("address"), args[0]); err != nil {
				return err
			}
			if err := checkPositive(g, "wait", wait, 5*time.Second); err != nil {
				return err
			}
			c, err := raft.ParseCommand([]byte(strings.Join(args[1:], " ")))
			if err != nil || len(args) != map[string]int{"put": 4, "get": 3}[c.Op] {
				return g.errorf("want ADDR put KEY VALUE or ADDR get KEY (keys up to %d bytes, values up to %d, printable, no spaces)", raft.MaxKey, raft.MaxValue)
			}
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			var said string // while a killed leader is still named, the same redirect comes again
			client := raft.TCPClient{Wait: wait, OnRedirect: func(lead uint64, addr string) {
				if line := p.T("node %d leads: asking it at %s", lead, chat.Clean(addr)); line != said {
					fmt.Fprintln(cmd.ErrOrStderr(), line)
					said = line
				}
			}}
			a, err := client.Do(ctx, args[0], c)
			if err != nil {
				return chatErr(p, err)
			}
			switch a.Kind {
			case "ok":
				v := chat.Clean(a.Value)
				switch {
				case c.Op == "put":
					fmt.Fprintln(cmd.OutOrStdout(), p.T("ok: %s=%s, committed and applied", c.Key, v))
				case v == "":
					fmt.Fprintln(cmd.ErrOrStderr(), p.T("%s has no value", c.Key))
					return errQuiet{g.errorf("%s has no value", c.Key)}
				default:
					fmt.Fprintln(cmd.OutOrStdout(), v)
				}
				return nil
			case "redirect":
				return g.errorf("redirected too many times (last to node %d at %s)", a.Leader, chat.Clean(a.Addr))
			}
			return raftAnswerError(g, a)
		},
	}
	cmd.Flags().DurationVar(&wait, "wait", 5*time.Second, p.T("how long to wait for the answer, asking again while the cluster has no leader"))
	return cmd
}

// raftAnswerError is a node's error answer, said in the CLI's language.
func raftAnswerError(g *globals, a raft.TCPAnswer) error {
	switch a.Value {
	case "no leader":
		return g.errorf("no leader: the cluster is electing one, or fewer than a majority of its nodes are up")
	case "timeout":
		return g.errorf("no answer in time: the command may have been applied or not")
	case "not committed":
		return g.errorf("the leader lost its place before the command committed: try again")
	case "bad command":
		return g.errorf("the node refused the command: want put KEY VALUE or get KEY")
	case "line too long":
		return g.errorf("the node refused the line: longer than %d bytes", raft.TCPMaxLine)
	case "too many clients":
		return g.errorf("the node has too many clients: try another node")
	case "shutting down":
		return g.errorf("the node is shutting down: try another node")
	}
	return g.errorf("the node answered: %s", chat.Clean(a.Value))
}
