// Package chattest runs chat nodes, clients and demos without sockets: an
// in-memory network for tests inside a testing/synctest bubble, where fake
// time moves only while every goroutine waits on something of the bubble
// (a goroutine blocked on a real socket never counts as waiting).
package chattest

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"syscall"
	"time"
)

// Net is an in-memory network for tests in a testing/synctest bubble,
// where a goroutine blocked on a real socket does not count as blocked and
// fake time would never move. Its connections behave like loopback TCP
// where the node cares: a bounded buffer each way (a reader that stops
// reading fills it, and the writer blocks), deadlines, EOF after the peer
// closes, and a listener's backlog that takes connections nobody accepts
// yet. Everything blocks on channels made in the bubble.
//
// Plug it in with chat.Config{Listen: m.Listen, Dial: m.Dial},
// chat.ClientConfig{Dial: m.Dial} or chat.DemoConfig{Listen: m.Listen,
// Dial: m.Dial}.
type Net struct {
	BufSize int // bytes each direction of a connection holds; set before the first Dial

	mu   sync.Mutex // guards port, lns
	port int
	lns  map[string]*memListener
}

// NewNet is an empty network whose connections hold 64 KiB each way.
func NewNet() *Net {
	return &Net{BufSize: 64 << 10, port: 40000, lns: map[string]*memListener{}}
}

type memAddr string

func (a memAddr) Network() string { return "tcp" }
func (a memAddr) String() string  { return string(a) }

// Listen listens on addr; port 0 picks a free one. A port taken is
// EADDRINUSE, as from the kernel.
func (m *Net) Listen(addr string) (net.Listener, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if port == "0" {
		m.port++
		port = fmt.Sprint(m.port)
	}
	addr = net.JoinHostPort(host, port)
	if m.lns[addr] != nil {
		return nil, &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", syscall.EADDRINUSE)}
	}
	l := &memListener{net: m, addr: memAddr(addr), backlog: make(chan net.Conn, 128), done: make(chan struct{})}
	m.lns[addr] = l
	return l, nil
}

// Dial connects to a listener; none there is ECONNREFUSED. The context is
// not looked at: a dial succeeds or fails at once.
func (m *Net) Dial(ctx context.Context, addr string) (net.Conn, error) {
	m.mu.Lock()
	l := m.lns[addr]
	m.mu.Unlock()
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	if l == nil {
		return nil, refused
	}
	client, server := m.pipe(memAddr("127.0.0.1:1"), l.addr)
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil, refused
	}
	select {
	case l.backlog <- server:
		return client, nil
	default:
		return nil, refused
	}
}

// pipe is a connected pair of connections.
func (m *Net) pipe(clientAddr, serverAddr net.Addr) (*memConn, *memConn) {
	up, down := newMemBuf(m.BufSize), newMemBuf(m.BufSize)
	c := &memConn{in: down, out: up, local: clientAddr, remote: serverAddr, rd: newDeadline(), wd: newDeadline(), done: make(chan struct{})}
	s := &memConn{in: up, out: down, local: serverAddr, remote: clientAddr, rd: newDeadline(), wd: newDeadline(), done: make(chan struct{})}
	return c, s
}

type memListener struct {
	net     *Net
	addr    memAddr
	backlog chan net.Conn
	done    chan struct{}

	mu     sync.Mutex // guards closed
	closed bool
}

func (l *memListener) Accept() (net.Conn, error) {
	select {
	case <-l.done:
		return nil, net.ErrClosed
	default:
	}
	select {
	case c := <-l.backlog:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

// Close frees the port and resets the connections nobody accepted.
func (l *memListener) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	close(l.done)
	l.net.mu.Lock()
	delete(l.net.lns, string(l.addr))
	l.net.mu.Unlock()
	for {
		select {
		case c := <-l.backlog:
			c.Close()
		default:
			return nil
		}
	}
}

func (l *memListener) Addr() net.Addr { return l.addr }

// memBuf is one direction of a connection.
type memBuf struct {
	max int

	mu      sync.Mutex // guards the fields below; never held while blocking
	data    []byte
	eof     bool          // the writer closed: reads end after data
	reset   bool          // the reader closed: writes fail
	changed chan struct{} // closed and replaced at every change
}

func newMemBuf(max int) *memBuf { return &memBuf{max: max, changed: make(chan struct{})} }

func (b *memBuf) signalLocked() {
	close(b.changed)
	b.changed = make(chan struct{})
}

// memConn is one end of an in-memory connection.
type memConn struct {
	in, out       *memBuf
	local, remote net.Addr
	rd, wd        *deadline
	done          chan struct{} // closed by Close
	once          sync.Once
}

func (c *memConn) Read(p []byte) (int, error) {
	for {
		select {
		case <-c.done:
			return 0, net.ErrClosed
		case <-c.rd.wait():
			return 0, os.ErrDeadlineExceeded
		default:
		}
		b := c.in
		b.mu.Lock()
		if len(b.data) > 0 {
			n := copy(p, b.data)
			b.data = b.data[n:]
			b.signalLocked()
			b.mu.Unlock()
			return n, nil
		}
		if b.eof {
			b.mu.Unlock()
			return 0, io.EOF
		}
		ch := b.changed
		b.mu.Unlock()
		select {
		case <-ch:
		case <-c.rd.wait():
		case <-c.done:
		}
	}
}

func (c *memConn) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		select {
		case <-c.done:
			return n, net.ErrClosed
		case <-c.wd.wait():
			return n, os.ErrDeadlineExceeded
		default:
		}
		b := c.out
		b.mu.Lock()
		if b.reset {
			b.mu.Unlock()
			return n, os.NewSyscallError("write", syscall.EPIPE)
		}
		if k := min(b.max-len(b.data), len(p)); k > 0 {
			b.data = append(b.data, p[:k]...)
			p, n = p[k:], n+k
			b.signalLocked()
			b.mu.Unlock()
			continue
		}
		ch := b.changed
		b.mu.Unlock()
		select {
		case <-ch:
		case <-c.wd.wait():
		case <-c.done:
		}
	}
	return n, nil
}

// Close ends both directions: the peer reads what was sent, then EOF, and
// its writes fail.
func (c *memConn) Close() error {
	c.once.Do(func() {
		close(c.done)
		c.out.mu.Lock()
		c.out.eof = true
		c.out.signalLocked()
		c.out.mu.Unlock()
		c.in.mu.Lock()
		c.in.reset, c.in.data = true, nil
		c.in.signalLocked()
		c.in.mu.Unlock()
	})
	return nil
}

func (c *memConn) LocalAddr() net.Addr  { return c.local }
func (c *memConn) RemoteAddr() net.Addr { return c.remote }

func (c *memConn) SetDeadline(t time.Time) error {
	c.rd.set(t)
	c.wd.set(t)
	return nil
}
func (c *memConn) SetReadDeadline(t time.Time) error  { c.rd.set(t); return nil }
func (c *memConn) SetWriteDeadline(t time.Time) error { c.wd.set(t); return nil }

// deadline is a channel closed when the deadline passes, as net.Pipe's.
type deadline struct {
	mu     sync.Mutex // guards timer, cancel
	timer  *time.Timer
	cancel chan struct{}
}

func newDeadline() *deadline { return &deadline{cancel: make(chan struct{})} }

func (d *deadline) set(t time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil && !d.timer.Stop() {
		<-d.cancel // the timer fired: wait until its func has closed cancel
	}
	d.timer = nil
	closed := isClosed(d.cancel)
	if t.IsZero() {
		if closed {
			d.cancel = make(chan struct{})
		}
		return
	}
	if dur := time.Until(t); dur > 0 {
		if closed {
			d.cancel = make(chan struct{})
		}
		cancel := d.cancel
		d.timer = time.AfterFunc(dur, func() { close(cancel) })
		return
	}
	if !closed {
		close(d.cancel)
	}
}

func (d *deadline) wait() <-chan struct{} {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cancel
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// Pending is what arrived on c, a connection of a Net, and was not read
// yet: how many bytes, and whether the other end closed after them.
func Pending(c net.Conn) (bytes int, eof bool) {
	in := c.(*memConn).in
	in.mu.Lock()
	defer in.mu.Unlock()
	return len(in.data), in.eof
}
