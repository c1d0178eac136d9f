package scale

import (
	"bufio"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"distlab/demos/locale"
)

// connLoop is one connection to a worker: it serves jobs until the
// channel closes.
func (b *benchRun) connLoop(t *target) {
	var (
		c       net.Conn
		r       *bufio.Reader
		lat     Hist
		checked bool
		buf     []byte
	)
	defer func() {
		if c != nil {
			b.forget(c)
		}
		b.mu.Lock()
		b.lat.Merge(&lat)
		b.mu.Unlock()
	}()
	for j := range t.jobs {
		now := time.Now()
		if now.After(b.end) { // queued past the end: not sent
			signal(j)
			continue
		}
		if t.down(now) && !j.probe { // queued before its worker failed
			if j.done == nil {
				b.dropped.Add(1) // open loop: that arrival is lost
			}
			signal(j) // closed loop: its client picks another worker
			continue
		}
		if c == nil {
			var err error
			if c, err = b.dial(t.addr); err != nil {
				b.fail(t, err)
				time.Sleep(50 * time.Millisecond) // a dead worker must not spin the clients
				signal(j)
				continue
			}
			r, checked = bufio.NewReaderSize(c, 256), false
		}
		buf = strconv.AppendUint(buf[:0], j.n, 10)
		buf = append(buf, '\n')
		answer, err := b.roundTrip(c, r, buf)
		switch {
		case err != nil:
			b.fail(t, err)
			b.forget(c)
			c = nil
		case strings.HasPrefix(answer, BusyPrefix):
			// Full: this connection is closed, and dialling again at once
			// would only be refused again, thousands of times a second.
			b.fail(t, busyError(t.addr, answer))
			b.forget(c)
			c = nil
			select {
			case <-time.After(healthPause):
			case <-b.done:
			}
		case strings.HasPrefix(answer, "ERR"):
			b.fail(t, fmt.Errorf("%s: %s", t.addr, answer)) // the worker's own words
		case len(answer) != 64:
			b.fail(t, locale.Errorf("%s: answered %q, not a SHA-256 digest", t.addr, answer))
		case !checked && b.cfg.Rounds > 0 && answer != WorkHex(j.n, b.cfg.Rounds):
			b.fail(t, locale.Errorf("%s: wrong digest: is it running %s rounds a request?", t.addr, strconv.Itoa(b.cfg.Rounds)))
			checked = true
		default:
			checked = true
			if t.suspect.Load() { // the probe came back: in the rotation again
				t.suspect.Store(false)
				t.downUntil.Store(0)
			}
			if now := time.Now(); !now.After(b.end) {
				lat.Add(now.Sub(j.due))
				t.ok.Add(1)
			}
		}
		signal(j)
	}
}

// busyError is a worker's BusyPrefix line as the reader's words: why the
// connection ended, where a bare EOF said nothing.
func busyError(addr, answer string) error {
	var limit int
	if _, err := fmt.Sscanf(answer, BusyPrefix+" connection limit %d", &limit); err != nil {
		return fmt.Errorf("%s: %s", addr, answer) // the worker's own words
	}
	return locale.Errorf("%s: the worker refused the connection: it serves %d at most (--max-conns)", addr, limit)
}

func signal(j job) {
	if j.done != nil {
		j.done <- struct{}{}
	}
}

func (b *benchRun) roundTrip(c net.Conn, r *bufio.Reader, req []byte) (string, error) {
	deadline := time.Now().Add(b.cfg.Timeout)
	if hard := b.end.Add(5 * time.Second); hard.Before(deadline) {
		deadline = hard // a run never outlasts its end by much
	}
	_ = c.SetDeadline(deadline)
	if _, err := c.Write(req); err != nil {
		return "", err
	}
	line, err := r.ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(line), nil
}

func (b *benchRun) dial(addr string) (net.Conn, error) {
	c, err := net.DialTimeout("tcp", addr, b.cfg.DialTimeout)
	if err != nil {
		return nil, err
	}
	// A hung worker must not hold the bench past its end for long.
	_ = c.SetDeadline(b.end.Add(5 * time.Second))
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stopping {
		c.Close()
		return nil, net.ErrClosed
	}
	b.conns[c] = struct{}{}
	return c, nil
}

func (b *benchRun) forget(c net.Conn) {
	b.mu.Lock()
	delete(b.conns, c)
	b.mu.Unlock()
	c.Close()
}

func (b *benchRun) closeConns() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.stopping = true
	for c := range b.conns {
		c.Close()
	}
}

func (b *benchRun) fail(t *target, err error) {
	t.errors.Add(1)
	t.suspect.Store(true)
	t.downUntil.Store(time.Now().Add(healthPause).UnixNano())
	b.mu.Lock()
	if b.firstErr == nil && !b.stopping {
		b.firstErr = err
	}
	b.mu.Unlock()
}
