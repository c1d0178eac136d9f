package raft

import (
	"bytes"
	"context"
	"io"
	"log"
	"net"
	"slices"
	"strconv"
	"sync"
	"time"

	etcdraft "go.etcd.io/raft/v3"
	"go.etcd.io/raft/v3/raftpb"

	"distlab/demos/locale"
)

// TCPPeer is where one node of a TCP cluster listens: Raft is the address
// of its raft transport, Client the address of its line protocol.
type TCPPeer struct {
	Raft, Client string
}

// TCPConfig configures one TCPNode.
type TCPConfig struct {
	ID    uint64             // 1 to MaxTCPNodes
	Peers map[uint64]TCPPeer // every node of the cluster, this one too
	Data  string             // the folder of the node's persisted state
	// Listen, when set, is the host the node binds instead of the one its
	// own Peers entry names (0.0.0.0 while the peers name the laptop's
	// address on the classroom's network).
	Listen string
	// RaftListener and ClientListener, when set, are already bound and
	// used instead of binding (tests bind 127.0.0.1:0 first, to learn the
	// ports that go into Peers).
	RaftListener, ClientListener net.Listener

	Tick           time.Duration // one raft tick (default 100ms)
	ElectionTicks  int           // ticks without a leader before a campaign (default 10)
	HeartbeatTicks int           // ticks between a leader's heartbeats (default 1)
	RequestTimeout time.Duration // a client's command unanswered this long is "error timeout" (default 3s)
	MaxClients     int           // client connections at once (default 64)
	Rate           float64       // lines a second per client connection (default 20)
	IdleTimeout    time.Duration // a client silent this long is disconnected (default 5m)

	// OnEvent, when set, hears of role changes and applied commands, from
	// the node's loop: it must return quickly.
	OnEvent func(TCPEvent)
}

// MaxTCPNodes is the largest cluster a TCPNode joins.
const MaxTCPNodes = 7

// TCPStatus is what a TCPNode knows of itself.
type TCPStatus struct {
	ID, Term, Vote, Commit, Applied uint64
	Lead                            uint64 // 0 when it knows no leader
	Role                            string // follower, pre-candidate, candidate or leader
}

// TCPDisk is what a TCPNode found in its data folder when it started: a
// restarted node's term, vote, commit index and log.
type TCPDisk struct {
	Term, Vote, Commit uint64
	Entries            int
}

// Resumed reports whether the folder held a node's state, rather than
// nothing yet.
func (d TCPDisk) Resumed() bool { return d.Term > 0 || d.Entries > 0 }

// TCPEvent is something a TCPNode did: became a leader or follower (Role),
// or applied a command (Index and Command set).
type TCPEvent struct {
	Status  TCPStatus
	Index   uint64
	Command *Command // nil for a role change
}

// TCPNode is one node of a Raft cluster over real TCP, as a classroom's
// laptop runs it: etcd's RawNode, driven by a single goroutine (its loop:
// ticks, messages from peers, clients' commands, then each Ready:
// persist HardState and entries, send messages, apply committed entries
// to a Store, Advance). A RawNode rather than raft.Node: one goroutine
// owns all of raft's state, as the simulated engine's does, so the order
// "persist before send" is plain code rather than a channel protocol,
// and a proposal's index is read from the Ready that follows it.
type TCPNode struct {
	cfg    TCPConfig
	rn     *etcdraft.RawNode
	mem    *etcdraft.MemoryStorage
	disk   *netDisk
	tr     *netTransport
	client net.Listener
	reqs   chan netRequest
	cancel context.CancelFunc
	ctx    context.Context
	wg     sync.WaitGroup
	done   chan struct{} // closed when the loop ends
	once   sync.Once

	waiting map[uint64]netWaiter // proposals by index; the loop's alone
	found   TCPDisk              // what the data folder held at the start

	mu     sync.Mutex // guards what follows
	status TCPStatus
	store  Store
	err    error // why the loop stopped early (a disk that fails)
}

// netRequest is a client's command on its way to the loop.
type netRequest struct {
	cmd   Command
	reply chan string // buffered: the loop never waits on it
}

// netWaiter is a proposal waiting to be applied: answered if the entry
// applied at its index has its term.
type netWaiter struct {
	term  uint64
	reply chan string
}

// StartTCPNode opens the node's data folder, binds its addresses and
// starts it. Close stops it.
func StartTCPNode(cfg TCPConfig) (*TCPNode, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	cfg.defaults()
	n := &TCPNode{cfg: cfg, reqs: make(chan netRequest), done: make(chan struct{}), waiting: map[uint64]netWaiter{}}
	// Bind first: a second process started with the same --id finds its
	// ports taken before it touches the first one's data folder.
	if err := n.listen(); err != nil {
		return nil, err
	}
	disk, err := openNetDisk(cfg.Data, cfg.ID, netPeersText(cfg.Peers))
	if err == nil {
		n.disk = disk
		h := disk.hard
		n.found = TCPDisk{Term: h.GetTerm(), Vote: h.GetVote(), Commit: h.GetCommit(), Entries: len(disk.entries)}
		if err = n.startRaft(); err != nil {
			disk.close()
		}
	}
	if err != nil {
		n.cfg.RaftListener.Close()
		n.cfg.ClientListener.Close()
		return nil, err
	}
	n.ctx, n.cancel = context.WithCancel(context.Background())
	addrs := map[uint64]string{}
	for id, p := range cfg.Peers {
		addrs[id] = p.Raft
	}
	n.tr = newNetTransport(n.ctx, &n.wg, cfg.ID, n.cfg.RaftListener, addrs)
	n.tr.start()
	n.wg.Add(2)
	go n.loop()
	go n.serveClients()
	return n, nil
}

// startRaft makes the RawNode from what the disk holds. Every node starts
// from the same configuration, the peers as voters, put in its storage as
// an empty snapshot's ConfState (the bootstrap etcd's README recommends
// over Bootstrap's conf-change entries), so no conf change is ever
// applied and a restart needs nothing but the log and the HardState.
func (n *TCPNode) startRaft() error {
	n.mem = etcdraft.NewMemoryStorage()
	voters := make([]uint64, 0, len(n.cfg.Peers))
	for id := range n.cfg.Peers {
		voters = append(voters, id)
	}
	slices.Sort(voters)
	snap := &raftpb.Snapshot{Metadata: &raftpb.SnapshotMetadata{ConfState: &raftpb.ConfState{Voters: voters}}}
	if err := n.mem.ApplySnapshot(snap); err != nil {
		return err
	}
	n.mem.SetHardState(n.disk.hard)
	if err := n.mem.Append(n.disk.entries); err != nil {
		return err
	}
	rn, err := etcdraft.NewRawNode(&etcdraft.Config{
		ID:                        n.cfg.ID,
		ElectionTick:              n.cfg.ElectionTicks,
		HeartbeatTick:             n.cfg.HeartbeatTicks,
		Storage:                   n.mem,
		MaxSizePerMsg:             64 << 10,
		MaxInflightMsgs:           64,
		PreVote:                   true, // a node back from a partition does not depose a working leader
		CheckQuorum:               true, // a leader cut off from the majority steps down
		DisableProposalForwarding: true, // only the leader proposes; followers redirect
		Logger:                    &etcdraft.DefaultLogger{Logger: log.New(io.Discard, "", 0)},
	})
	if err != nil {
		return err
	}
	n.rn = rn
	n.status = n.readStatus()
	return nil
}

// listen binds the raft and client addresses that are not given bound.
func (n *TCPNode) listen() error {
	me := n.cfg.Peers[n.cfg.ID]
	if n.cfg.RaftListener == nil {
		ln, err := net.Listen("tcp", netBindAddr(me.Raft, n.cfg.Listen))
		if err != nil {
			return locale.Errorf("raft address: %w", err)
		}
		n.cfg.RaftListener = ln
	}
	if n.cfg.ClientListener == nil {
		ln, err := net.Listen("tcp", netBindAddr(me.Client, n.cfg.Listen))
		if err != nil {
			n.cfg.RaftListener.Close()
			return locale.Errorf("client address: %w", err)
		}
		n.cfg.ClientListener = ln
	}
	n.client = n.cfg.ClientListener
	return nil
}

// netBindAddr is addr with its host replaced by host, when host is set.
func netBindAddr(addr, host string) string {
	if host == "" {
		return addr
	}
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	return net.JoinHostPort(host, port)
}

// RaftAddr and ClientAddr are where the node listens.
func (n *TCPNode) RaftAddr() string   { return n.cfg.RaftListener.Addr().String() }
func (n *TCPNode) ClientAddr() string { return n.cfg.ClientListener.Addr().String() }

// Disk is what the node's data folder held when it started.
func (n *TCPNode) Disk() TCPDisk { return n.found }

// Status is what the node knows of itself now.
func (n *TCPNode) Status() TCPStatus {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.status
}

// Value is key's value in the node's own Store (what it has applied, which
// a follower may have applied later than the leader).
func (n *TCPNode) Value(key string) (string, bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	v, ok := n.store.Data[key]
	return v, ok
}

// Done is closed when the node has stopped: after Close, or when its disk
// failed (Err says why).
func (n *TCPNode) Done() <-chan struct{} { return n.done }

// Err is why the node stopped by itself, or nil.
func (n *TCPNode) Err() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.err
}

// Close stops the node and returns once its goroutines have ended and its
// sockets and file are closed.
func (n *TCPNode) Close() error {
	var err error
	n.once.Do(func() {
		n.cancel()
		n.tr.stop()
		n.client.Close()
		n.wg.Wait()
		err = n.disk.close()
	})
	return err
}

// loop is the only goroutine that touches the RawNode.
func (n *TCPNode) loop() {
	defer n.wg.Done()
	defer close(n.done)
	tick := time.NewTicker(n.cfg.Tick)
	defer tick.Stop()
	for {
		select {
		case <-n.ctx.Done():
			return
		case <-tick.C:
			n.rn.Tick()
		case m := <-n.tr.inbox:
			_ = n.rn.Step(m) // a stale or unknown message is raft's to ignore
		case id := <-n.tr.unrch:
			n.rn.ReportUnreachable(id)
		case req := <-n.reqs:
			if err := n.propose(req); err != nil {
				n.fail(err)
				return
			}
		}
		for n.rn.HasReady() {
			if err := n.handle(n.rn.Ready()); err != nil {
				n.fail(err)
				return
			}
		}
	}
}

// fail records why the loop stops: the node cannot go on without a disk.
func (n *TCPNode) fail(err error) {
	n.mu.Lock()
	n.err = locale.Errorf("node %d stopped: %w", n.cfg.ID, err)
	n.mu.Unlock()
}

// propose hands a client's command to raft if this node leads, and
// otherwise answers where the leader is.
func (n *TCPNode) propose(req netRequest) error {
	st := n.rn.BasicStatus()
	if st.RaftState != etcdraft.StateLeader {
		req.reply <- n.redirect(st.Lead)
		return nil
	}
	data := req.cmd.Encode()
	if err := n.rn.Propose(data); err != nil {
		req.reply <- "error no leader" // leadership moving
		return nil
	}
	// The entry is the last of the Ready that follows: the loop handled
	// every Ready before this one.
	rd := n.rn.Ready()
	if k := len(rd.Entries); k > 0 && bytes.Equal(rd.Entries[k-1].GetData(), data) {
		e := rd.Entries[k-1]
		n.waiting[e.GetIndex()] = netWaiter{term: e.GetTerm(), reply: req.reply}
	} else {
		req.reply <- "error no leader"
	}
	return n.handle(rd)
}

// redirect is the answer of a node that is not the leader.
func (n *TCPNode) redirect(lead uint64) string {
	if p, ok := n.cfg.Peers[lead]; ok && lead != n.cfg.ID {
		return "redirect " + strconv.FormatUint(lead, 10) + " " + p.Client
	}
	return "error no leader"
}

// handle is one Ready: persist, then send, then apply, then Advance.
func (n *TCPNode) handle(rd etcdraft.Ready) error {
	var hard *raftpb.HardState
	if rd.HardState != nil && !etcdraft.IsEmptyHardState(rd.HardState) {
		hard = rd.HardState
	}
	prev := n.disk.hard
	now := prev
	if hard != nil {
		now = hard
	}
	if err := n.disk.save(hard, rd.Entries, etcdraft.MustSync(now, prev, len(rd.Entries))); err != nil {
		return err
	}
	if hard != nil {
		n.mem.SetHardState(hard)
	}
	if err := n.mem.Append(rd.Entries); err != nil {
		return err
	}
	if !etcdraft.IsEmptySnap(rd.Snapshot) {
		// The log is never compacted, so no leader sends a snapshot.
		return locale.Errorf("a snapshot arrived, which this node cannot store")
	}
	for _, m := range rd.Messages {
		n.tr.send(m)
	}
	n.apply(rd.CommittedEntries)
	n.rn.Advance(rd)
	n.publish()
	return nil
}

// apply runs committed entries on the Store and answers their clients.
func (n *TCPNode) apply(es []*raftpb.Entry) {
	for _, e := range es {
		var answer string
		var cmd *Command
		if e.GetType() == raftpb.EntryType_EntryNormal && len(e.GetData()) > 0 {
			if c, err := ParseCommand(e.GetData()); err == nil {
				cmd = &c
			}
		}
		n.mu.Lock()
		n.store.Applied = e.GetIndex()
		if cmd != nil {
			answer = n.store.Apply(e.GetIndex(), *cmd)
		}
		n.status.Applied = e.GetIndex()
		n.mu.Unlock()
		if w, ok := n.waiting[e.GetIndex()]; ok {
			delete(n.waiting, e.GetIndex())
			if w.term != e.GetTerm() || cmd == nil {
				w.reply <- "error not committed" // another leader's entry took its place
			} else {
				w.reply <- netOK(answer)
			}
		}
		if cmd != nil && n.cfg.OnEvent != nil {
			n.cfg.OnEvent(TCPEvent{Status: n.Status(), Index: e.GetIndex(), Command: cmd})
		}
	}
}

// netOK is the answer to an applied command.
func netOK(value string) string {
	if value == "" {
		return "ok"
	}
	return "ok " + value
}

// publish updates the status others read and reports a change of role,
// term or leader.
func (n *TCPNode) publish() {
	st := n.readStatus()
	n.mu.Lock()
	old := n.status
	st.Applied = old.Applied
	n.status = st
	n.mu.Unlock()
	if n.cfg.OnEvent != nil && (st.Role != old.Role || st.Term != old.Term || st.Lead != old.Lead) {
		n.cfg.OnEvent(TCPEvent{Status: st})
	}
}

func (n *TCPNode) readStatus() TCPStatus {
	b := n.rn.BasicStatus()
	return TCPStatus{
		ID: n.cfg.ID, Term: b.HardState.GetTerm(), Vote: b.HardState.GetVote(), Commit: b.HardState.GetCommit(),
		Lead: b.Lead, Role: netRole(b.RaftState),
	}
}

func netRole(s etcdraft.StateType) string {
	switch s {
	case etcdraft.StateLeader:
		return "leader"
	case etcdraft.StateCandidate:
		return "candidate"
	case etcdraft.StatePreCandidate:
		return "pre-candidate"
	}
	return "follower"
}
