package raft

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"go.etcd.io/raft/v3/raftpb"
	"google.golang.org/protobuf/proto"
)

// The transport between TCPNodes: one TCP connection for each direction
// of each pair of nodes (a node dials every peer it sends to, and reads
// what peers send on the connections they dialled). A frame is a 4-byte
// big-endian length and a protobuf-marshalled raftpb.Message. Raft
// tolerates lost messages, so every bound drops: a peer's queue that is
// full, a peer that cannot be dialled (its queue is emptied and raft is
// told with ReportUnreachable), the node's inbox when its loop is behind.
// There is no authentication: a class's cluster runs on a network it
// trusts, and a frame from a stranger is at worst a message raft ignores.
const (
	netMaxFrame       = 1 << 20 // bytes of one message
	netPeerQueue      = 256     // messages waiting for one peer
	netInbox          = 1024    // messages waiting for the node's loop
	netDialTimeout    = time.Second
	netWriteTimeout   = 2 * time.Second
	netPeerIdle       = time.Minute // an inbound connection with no frame is closed
	netBackoffMin     = 50 * time.Millisecond
	netBackoffMax     = 2 * time.Second
	netInboundPerPeer = 4
)

// netTransport sends and receives one node's raft messages.
type netTransport struct {
	id    uint64
	ctx   context.Context
	wg    *sync.WaitGroup
	ln    net.Listener
	peers map[uint64]*netPeer   // the others, by id
	inbox chan *raftpb.Message  // read by the node's loop
	unrch chan uint64           // peers that could not be reached, for ReportUnreachable
	mu    sync.Mutex            // guards conns
	conns map[net.Conn]struct{} // inbound connections, closed by stop
}

// netPeer is one peer's queue of marshalled frames and the goroutine that
// writes them.
type netPeer struct {
	id   uint64
	addr string
	q    chan []byte
}

func newNetTransport(ctx context.Context, wg *sync.WaitGroup, id uint64, ln net.Listener, raftAddrs map[uint64]string) *netTransport {
	t := &netTransport{
		id: id, ctx: ctx, wg: wg, ln: ln,
		peers: map[uint64]*netPeer{},
		inbox: make(chan *raftpb.Message, netInbox),
		unrch: make(chan uint64, 2*len(raftAddrs)),
		conns: map[net.Conn]struct{}{},
	}
	for pid, addr := range raftAddrs {
		if pid != id {
			t.peers[pid] = &netPeer{id: pid, addr: addr, q: make(chan []byte, netPeerQueue)}
		}
	}
	return t
}

// start runs the accept loop and one sender per peer.
func (t *netTransport) start() {
	t.wg.Add(1 + len(t.peers))
	go t.accept()
	for _, p := range t.peers {
		go t.sender(p)
	}
}

// send queues m for its peer, marshalled now: the node's loop calls it
// before Advance, while m's entries are still the loop's alone.
func (t *netTransport) send(m *raftpb.Message) {
	p, ok := t.peers[m.GetTo()]
	if !ok {
		return
	}
	b, err := proto.Marshal(m)
	if err != nil || len(b) > netMaxFrame {
		return
	}
	frame := binary.BigEndian.AppendUint32(make([]byte, 0, 4+len(b)), uint32(len(b)))
	select {
	case p.q <- append(frame, b...):
	default: // full: dropped, raft sends again
	}
}

// unreachable tells the node's loop that p could not be reached, unless
// it already has a note waiting.
func (t *netTransport) unreachable(p *netPeer) {
	select {
	case t.unrch <- p.id:
	default:
	}
}

// sender dials p and writes its queue, redialling with backoff while p is
// down.
func (t *netTransport) sender(p *netPeer) {
	defer t.wg.Done()
	backoff := netBackoffMin
	d := net.Dialer{Timeout: netDialTimeout}
	for {
		conn, err := d.DialContext(t.ctx, "tcp", p.addr)
		if err != nil {
			if t.ctx.Err() != nil {
				return
			}
			t.unreachable(p)
			netDrain(p.q)
			select {
			case <-t.ctx.Done():
				return
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, netBackoffMax)
			continue
		}
		backoff = netBackoffMin
		unblock := context.AfterFunc(t.ctx, func() { conn.Close() }) // a write stuck on a slow peer
		t.write(p, conn)
		unblock()
		conn.Close()
		if t.ctx.Err() != nil {
			return
		}
	}
}

// write sends p's frames on conn until it fails or the node stops.
func (t *netTransport) write(p *netPeer, conn net.Conn) {
	w := bufio.NewWriter(conn)
	for {
		var frame []byte
		select {
		case <-t.ctx.Done():
			return
		case frame = <-p.q:
		}
		conn.SetWriteDeadline(time.Now().Add(netWriteTimeout))
		_, err := w.Write(frame)
		for more := true; more && err == nil; { // what else is queued goes in the same flush
			select {
			case frame = <-p.q:
				_, err = w.Write(frame)
			default:
				more = false
			}
		}
		if err == nil {
			err = w.Flush()
		}
		if err != nil {
			t.unreachable(p)
			return
		}
	}
}

// netDrain empties q.
func netDrain(q chan []byte) {
	for {
		select {
		case <-q:
		default:
			return
		}
	}
}

// accept takes the peers' connections, at most netInboundPerPeer for each
// peer.
func (t *netTransport) accept() {
	defer t.wg.Done()
	for {
		conn, err := t.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) || t.ctx.Err() != nil {
				return
			}
			select { // out of descriptors, say: wait a little
			case <-t.ctx.Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
			continue
		}
		t.mu.Lock()
		// Once stop has run (the context is done first) no connection
		// joins: stop could not close it.
		full := len(t.conns) >= netInboundPerPeer*len(t.peers) || t.ctx.Err() != nil
		if !full {
			t.conns[conn] = struct{}{}
		}
		t.mu.Unlock()
		if full {
			conn.Close()
			continue
		}
		t.wg.Add(1)
		go t.read(conn)
	}
}

// read hands the node's loop the messages of one inbound connection. It
// closes the connection at a frame too long, a frame that is no message,
// or a message that is not from a peer to this node, or that claims
// another sender than the connection's first message did.
func (t *netTransport) read(conn net.Conn) {
	defer t.wg.Done()
	defer func() {
		t.mu.Lock()
		delete(t.conns, conn)
		t.mu.Unlock()
		conn.Close()
	}()
	r := bufio.NewReader(conn)
	var from uint64
	var hdr [4]byte
	for {
		conn.SetReadDeadline(time.Now().Add(netPeerIdle))
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			return
		}
		n := binary.BigEndian.Uint32(hdr[:])
		if n > netMaxFrame {
			return
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return
		}
		m := &raftpb.Message{}
		if proto.Unmarshal(b, m) != nil || m.GetTo() != t.id {
			return
		}
		if _, ok := t.peers[m.GetFrom()]; !ok || (from != 0 && m.GetFrom() != from) {
			return
		}
		from = m.GetFrom()
		select {
		case t.inbox <- m:
		case <-t.ctx.Done():
			return
		default: // the loop is behind: dropped
		}
	}
}

// stop closes the listener and the inbound connections; the senders stop
// with the context. The caller then waits on the WaitGroup.
func (t *netTransport) stop() {
	t.ln.Close()
	t.mu.Lock()
	for c := range t.conns {
		c.Close()
	}
	t.mu.Unlock()
}
