package scale

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"distlab/demos/locale"
)

// DefaultRounds is how many SHA-256 rounds a request costs by default:
// about a millisecond of one core on a recent laptop.
const DefaultRounds = 8000

// MaxRounds bounds a worker's rounds: a request should take a fraction of
// a second, not minutes.
const MaxRounds = 10_000_000

// Work is the CPU work of one request: the SHA-256 digest of a 64-byte
// block holding n (big-endian, eight times), hashed again rounds−1 times.
// rounds below 1 count as 1.
func Work(n uint64, rounds int) [sha256.Size]byte {
	var block [64]byte
	for i := 0; i < len(block); i += 8 {
		binary.BigEndian.PutUint64(block[i:], n)
	}
	d := sha256.Sum256(block[:])
	for range rounds - 1 {
		d = sha256.Sum256(d[:])
	}
	return d
}

// WorkHex is Work as the worker answers it: lowercase hex.
func WorkHex(n uint64, rounds int) string {
	d := Work(n, rounds)
	return hex.EncodeToString(d[:])
}

// DefaultMaxConns is how many connections a worker serves at once unless
// told otherwise: far more than a classroom's benches open (2 each), few
// enough that a flood of idle connections cannot exhaust its file
// descriptors.
const DefaultMaxConns = 256

// MaxMaxConns bounds WorkerConfig.MaxConns. Each connection holds a file
// descriptor and a goroutine; one bench opens at most MaxUp·ConnsPerCore
// (512) on a worker, and this leaves room for many benches at once while
// still catching a typo's extra zeros.
const MaxMaxConns = 100_000

// WorkerConfig sets up a Worker.
type WorkerConfig struct {
	Addr   string // host:port to listen on; default 127.0.0.1:7000 ("127.0.0.1:0": any free port)
	Rounds int    // SHA-256 rounds a request; default DefaultRounds
	// MaxConns is how many connections it serves at once, 1..MaxMaxConns;
	// default DefaultMaxConns. One more is told so (BusyPrefix) and closed.
	MaxConns int
}

// BusyPrefix starts the line a worker answers on a connection it has no
// room for, before closing it: "ERR busy: connection limit 256 reached". A
// bench reads it as a worker that is full, not one that failed.
const BusyPrefix = "ERR busy:"

// Worker is a server that does real CPU work per request over TCP, with
// a line protocol netcat can speak: a request is a line holding a decimal
// number n; the answer is a line with WorkHex(n, Rounds). A line that is
// not a number gets "ERR …" and the connection stays open. Requests on
// one connection are served in order; connections are served in
// parallel, as many at once as GOMAXPROCS lets run.
type Worker struct {
	ln     net.Listener
	rounds int
	max    int
	served atomic.Uint64

	mu      sync.Mutex // guards conns, refused and closed
	conns   map[net.Conn]struct{}
	refused map[net.Conn]struct{} // told BusyPrefix, waiting for the client to hang up
	closed  bool
	wg      sync.WaitGroup // the accept loop, every connection and every refusal
}

// maxLine bounds a request line: a uint64 is 20 digits.
const maxLine = 64

// StartWorker listens and starts serving.
func StartWorker(cfg WorkerConfig) (*Worker, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:7000"
	}
	if cfg.Rounds == 0 {
		cfg.Rounds = DefaultRounds
	}
	if cfg.Rounds < 1 || cfg.Rounds > MaxRounds {
		return nil, locale.Errorf("scale: %d rounds, want 1..%d", cfg.Rounds, MaxRounds)
	}
	if cfg.MaxConns == 0 {
		cfg.MaxConns = DefaultMaxConns
	}
	if cfg.MaxConns < 1 || cfg.MaxConns > MaxMaxConns {
		return nil, locale.Errorf("scale: %d connections at most, want 1..%d", cfg.MaxConns, MaxMaxConns)
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, locale.Errorf("scale worker: %w", err)
	}
	w := &Worker{ln: ln, rounds: cfg.Rounds, max: cfg.MaxConns, conns: map[net.Conn]struct{}{},
		refused: map[net.Conn]struct{}{}}
	w.wg.Add(1)
	go w.accept()
	return w, nil
}

// Addr is the address the worker listens on, with the port it got.
func (w *Worker) Addr() string { return w.ln.Addr().String() }

// Rounds is the SHA-256 rounds a request costs.
func (w *Worker) Rounds() int { return w.rounds }

// Served is how many requests the worker has answered.
func (w *Worker) Served() uint64 { return w.served.Load() }

// Close stops listening, closes every connection and waits for the
// worker's goroutines to end. A request being computed finishes first.
func (w *Worker) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return nil
	}
	w.closed = true
	err := w.ln.Close()
	for c := range w.conns {
		c.Close()
	}
	for c := range w.refused {
		c.Close()
	}
	w.mu.Unlock()
	w.wg.Wait()
	return err
}

func (w *Worker) accept() {
	defer w.wg.Done()
	var delay time.Duration
	for {
		c, err := w.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			// Out of file descriptors or the like: back off, as net/http does.
			delay = min(max(2*delay, 5*time.Millisecond), time.Second)
			time.Sleep(delay)
			continue
		}
		delay = 0
		w.mu.Lock()
		if w.closed || len(w.conns) >= w.max {
			// Past the limit, the client is told why before the
			// connection closes, as long as few are waiting to be told:
			// a flood of connections gets closed at once.
			refuse := !w.closed && len(w.refused) < maxRefused
			if refuse {
				w.refused[c] = struct{}{}
				w.wg.Add(1)
			}
			w.mu.Unlock()
			if refuse {
				go w.refuse(c)
			} else {
				c.Close()
			}
			continue
		}
		w.conns[c] = struct{}{}
		w.wg.Add(1)
		w.mu.Unlock()
		go w.serve(c)
	}
}

// maxRefused bounds the connections being refused at once, and
// refuseLinger how long each may take.
const (
	maxRefused   = 64
	refuseLinger = time.Second
)

// refuse tells a connection the worker has no room for it, and closes it
// once the client has read that: closing at once, with the client's first
// request unread, would reset the connection, and the client would see a
// bare "connection reset" or EOF instead of the reason.
func (w *Worker) refuse(c net.Conn) {
	defer w.wg.Done()
	defer func() {
		w.mu.Lock()
		delete(w.refused, c)
		w.mu.Unlock()
		c.Close()
	}()
	_ = c.SetDeadline(time.Now().Add(refuseLinger))
	if _, err := fmt.Fprintf(c, "%s connection limit %d reached\n", BusyPrefix, w.max); err != nil {
		return
	}
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.CloseWrite()
	}
	_, _ = io.Copy(io.Discard, c) // until the client hangs up, or the linger is over
}

func (w *Worker) serve(c net.Conn) {
	defer w.wg.Done()
	defer func() {
		w.mu.Lock()
		delete(w.conns, c)
		w.mu.Unlock()
		c.Close()
	}()
	r := bufio.NewReaderSize(c, 4096)
	bw := bufio.NewWriter(c)
	for {
		line, err := readLine(r)
		if err != nil {
			if errors.Is(err, errLineTooLong) {
				fmt.Fprintf(bw, "ERR line longer than %d bytes\n", maxLine)
				bw.Flush()
			}
			return
		}
		if line == "" {
			continue
		}
		n, err := strconv.ParseUint(line, 10, 64)
		if err != nil {
			fmt.Fprintf(bw, "ERR want a number from 0 to %d\n", uint64(1<<64-1))
		} else {
			bw.WriteString(WorkHex(n, w.rounds))
			bw.WriteByte('\n')
			w.served.Add(1)
		}
		// Pipelined requests are answered in one write.
		if r.Buffered() == 0 {
			if bw.Flush() != nil {
				return
			}
		}
	}
}

var errLineTooLong = errors.New("scale: line too long")

// readLine reads one line of at most maxLine bytes, without its end.
func readLine(r *bufio.Reader) (string, error) {
	var sb strings.Builder
	for {
		frag, err := r.ReadSlice('\n')
		if sb.Len()+len(frag) > maxLine+2 {
			return "", errLineTooLong
		}
		sb.Write(frag)
		switch {
		case err == nil:
			return strings.TrimSpace(sb.String()), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return "", err
		}
	}
}
