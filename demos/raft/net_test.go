package raft

import (
	"context"
	"net"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// netCluster is a TCP cluster on loopback for a test: its nodes, each
// node's addresses and data folder, kept so a killed node restarts where
// it was.
type netCluster struct {
	t     *testing.T
	peers map[uint64]TCPPeer
	dirs  map[uint64]string
	nodes map[uint64]*TCPNode // nil for a killed node
}

// The test cluster's timing: 20 ms ticks make an election timeout of 200
// to 400 ms, quick to wait for and slow enough for -race on two cores.
const netTestTick = 20 * time.Millisecond

// startNetCluster binds 127.0.0.1:0 twice for each of n nodes, then starts
// them with the ports learnt. It checks, when the test ends, that every
// goroutine a node started has ended.
func startNetCluster(t *testing.T, n int) *netCluster {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
	c := &netCluster{t: t, peers: map[uint64]TCPPeer{}, dirs: map[uint64]string{}, nodes: map[uint64]*TCPNode{}}
	lns := map[uint64][2]net.Listener{}
	for i := uint64(1); i <= uint64(n); i++ {
		r, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		cl, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		lns[i] = [2]net.Listener{r, cl}
		c.peers[i] = TCPPeer{Raft: r.Addr().String(), Client: cl.Addr().String()}
		c.dirs[i] = filepath.Join(t.TempDir(), "node"+strconv.Itoa(int(i)))
	}
	t.Cleanup(func() {
		for _, node := range c.nodes {
			if node != nil {
				node.Close()
			}
		}
	})
	for i := uint64(1); i <= uint64(n); i++ {
		c.start(i, lns[i][0], lns[i][1])
	}
	return c
}

// start starts node id on the listeners given, or binds its addresses
// again (a restart).
func (c *netCluster) start(id uint64, raftLn, clientLn net.Listener) *TCPNode {
	c.t.Helper()
	node, err := StartTCPNode(TCPConfig{
		ID: id, Peers: c.peers, Data: c.dirs[id], RaftListener: raftLn, ClientListener: clientLn,
		Tick: netTestTick, RequestTimeout: 2 * time.Second,
	})
	if err != nil {
		c.t.Fatalf("node %d: %v", id, err)
	}
	c.nodes[id] = node
	return node
}

// kill stops node id as a crash would for its peers (its sockets close).
func (c *netCluster) kill(id uint64) {
	c.t.Helper()
	if err := c.nodes[id].Close(); err != nil {
		c.t.Fatalf("close node %d: %v", id, err)
	}
	c.nodes[id] = nil
}

// leader waits until exactly one running node leads, in a term every
// running node has reached, and returns it.
func (c *netCluster) leader(d time.Duration) uint64 {
	c.t.Helper()
	var lead uint64
	netWaitFor(c.t, d, "a leader", func() bool {
		lead = 0
		var leaders int
		var term uint64
		for id, n := range c.nodes {
			if n == nil {
				continue
			}
			if st := n.Status(); st.Role == "leader" && st.Term >= term {
				lead, term = id, st.Term
				leaders++
			}
		}
		return leaders == 1
	})
	return lead
}

// netWaitFor polls cond until it holds or d passes: real sockets and real
// ticks leave no fake clock to advance.
func netWaitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %v", what, d)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// do sends cmd to node via's client address, following redirects.
func (c *netCluster) do(via uint64, cmd Command) TCPAnswer {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
	defer cancel()
	a, err := TCPClient{Wait: 3 * time.Second}.Do(ctx, c.peers[via].Client, cmd)
	if err != nil {
		c.t.Fatalf("%s through node %d: %v", cmd, via, err)
	}
	return a
}

// everyNodeHas waits until every running node has applied key=value.
func (c *netCluster) everyNodeHas(key, value string) {
	c.t.Helper()
	netWaitFor(c.t, 3*time.Second, key+"="+value+" on every node", func() bool {
		for _, n := range c.nodes {
			if n == nil {
				continue
			}
			if v, _ := n.Value(key); v != value {
				return false
			}
		}
		return true
	})
}

// Three nodes on loopback elect one leader; a put through a follower is
// redirected to it, committed, and applied on every node; a get through
// the other follower reads it.
func TestTCPClusterReplicates(t *testing.T) {
	c := startNetCluster(t, 3)
	lead := c.leader(3 * time.Second)
	follower := lead%3 + 1
	if a := c.do(follower, Command{Op: "put", Key: "x", Value: "3"}); a.Kind != "ok" || a.Value != "3" {
		t.Fatalf("put x 3 through follower %d: %+v", follower, a)
	}
	if got := c.peers[lead].Client; c.do(follower, Command{Op: "get", Key: "x"}).From != got {
		t.Errorf("the get was not answered by the leader's address %s", got)
	}
	c.everyNodeHas("x", "3")
	other := follower%3 + 1
	if other == lead {
		other = other%3 + 1
	}
	if a := c.do(other, Command{Op: "get", Key: "x"}); a.Kind != "ok" || a.Value != "3" {
		t.Fatalf("get x through node %d: %+v", other, a)
	}
	if a := c.do(other, Command{Op: "get", Key: "nothing"}); a.Kind != "ok" || a.Value != "" {
		t.Fatalf("get of a key with no value: %+v", a)
	}
}

// Killing the leader (its process gone: sockets closed) makes the other
// two elect a new leader in a later term, and a new put commits there.
// The killed node, restarted from its data folder, comes back with the
// term and vote it had persisted, catches up with the put it missed, and
// holds the old one too (it applied its log again).
func TestTCPFailoverAndRestart(t *testing.T) {
	c := startNetCluster(t, 3)
	old := c.leader(3 * time.Second)
	if a := c.do(old, Command{Op: "put", Key: "a", Value: "1"}); a.Kind != "ok" {
		t.Fatalf("put a 1: %+v", a)
	}
	c.everyNodeHas("a", "1")
	before := c.nodes[old].Status()
	killed := time.Now()
	c.kill(old)

	lead := c.leader(3 * time.Second)
	t.Logf("new leader %d elected %v after the old one was killed", lead, time.Since(killed).Round(time.Millisecond))
	if st := c.nodes[lead].Status(); st.Term <= before.Term {
		t.Fatalf("new leader %d in term %d, not after the old leader's term %d", lead, st.Term, before.Term)
	}
	survivor := lead%3 + 1
	if survivor == old {
		survivor = survivor%3 + 1
	}
	if a := c.do(survivor, Command{Op: "put", Key: "b", Value: "2"}); a.Kind != "ok" {
		t.Fatalf("put b 2 after the failover: %+v", a)
	}

	back := c.start(old, nil, nil) // binds its addresses again
	st := back.Status()
	if st.Term != before.Term || st.Vote != before.Vote || st.Commit < before.Commit {
		t.Fatalf("restarted node %d: term %d vote %d commit %d, persisted term %d vote %d commit %d",
			old, st.Term, st.Vote, st.Commit, before.Term, before.Vote, before.Commit)
	}
	c.everyNodeHas("b", "2")
	c.everyNodeHas("a", "1")
	netWaitFor(t, 3*time.Second, "the restarted node in the new term", func() bool {
		s := back.Status()
		return s.Term >= c.nodes[lead].Status().Term && s.Lead != 0
	})
}

// Close ends every goroutine even while a client is connected and a peer
// cannot be reached; a node with no leader answers "error no leader".
func TestTCPCloseWithClientAndPeerDown(t *testing.T) {
	c := startNetCluster(t, 3)
	c.kill(2)
	c.kill(3)
	conn, err := net.Dial("tcp", c.peers[1].Client)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if got := netRoundTrip(t, conn, "get x"); got != "error no leader" {
		t.Fatalf("a lone node answered %q, want error no leader", got)
	}
}

// A second process started with a running node's id finds its ports
// taken and stops before it opens the data folder, which the running node
// goes on writing.
func TestTCPSecondNodeWithTheSameID(t *testing.T) {
	c := startNetCluster(t, 1)
	c.leader(3 * time.Second)
	if n, err := StartTCPNode(TCPConfig{ID: 1, Peers: c.peers, Data: c.dirs[1], Tick: netTestTick}); err == nil {
		n.Close()
		t.Fatal("a second node 1 started on the first one's ports")
	}
	if a := c.do(1, Command{Op: "put", Key: "k", Value: "v"}); a.Kind != "ok" {
		t.Fatalf("the first node after the second one failed: %+v", a)
	}
	c.kill(1)
	d, err := openNetDisk(c.dirs[1], 1, netPeersText(c.peers))
	if err != nil {
		t.Fatal(err)
	}
	defer d.close()
	if got := netLogText(d.entries); got != " put k v " {
		t.Errorf("the first node's log: %q, want its empty entry and put k v", got)
	}
}
