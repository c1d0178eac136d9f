package chat

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"distlab/demos/locale"
)

// BenchConfig is a load test: Clients plain TCP clients spread over Addrs,
// the first Senders of which send Msgs messages each as fast as they can.
type BenchConfig struct {
	Addrs   []string
	Clients int
	Senders int
	Msgs    int
	Timeout time.Duration // give up waiting for deliveries after this long without progress; default 5s
}

// BenchResult is what a load test measured.
type BenchResult struct {
	Expected, Delivered int64 // deliveries: every message to every client but its sender
	Duplicates          int64 // a message a client got more than once
	Reordered           int64 // a message that came after a later one from the same sender
	Elapsed             time.Duration
	P50, P99            time.Duration // from send to receipt
}

// PerSecond is deliveries a second.
func (r BenchResult) PerSecond() float64 { return float64(r.Delivered) / r.Elapsed.Seconds() }

// String is the result in English.
func (r BenchResult) String() string { return r.In(nil) }

// In is the result in p's language.
func (r BenchResult) In(p *locale.Printer) string {
	return p.T("delivered %d/%d (%.2f%%) in %s: %.0f deliveries/s; latency p50 %s p99 %s; %s, %d reordered",
		r.Delivered, r.Expected, 100*float64(r.Delivered)/max(float64(r.Expected), 1), p.Duration(r.Elapsed),
		r.PerSecond(), p.Duration(r.P50), p.Duration(r.P99), p.T("%d duplicates", r.Duplicates), r.Reordered)
}

// benchClient is one connection of the load generator.
type benchClient struct {
	nc        net.Conn
	br        *bufio.Reader
	last      []int64         // per sender: highest seq seen
	seen      [][]bool        // per sender, per seq: seen
	lat       []time.Duration // sampled latencies
	got       atomic.Int64
	lastAt    atomic.Int64 // UnixNano of the last delivery (of the latest sampled one, until the last)
	dups, reo int64

	want     int64         // deliveries this client should get
	complete chan struct{} // closed when it got them all
}

// Bench runs a load test against running nodes.
func Bench(ctx context.Context, cfg BenchConfig) (BenchResult, error) {
	if len(cfg.Addrs) == 0 || cfg.Clients < 2 || cfg.Senders < 1 || cfg.Senders > cfg.Clients || cfg.Msgs < 1 {
		return BenchResult{}, locale.Errorf("chat: bench needs addresses, at least 2 clients, 1..clients senders and 1+ messages")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 5 * time.Second
	}
	clients := make([]*benchClient, cfg.Clients)
	for i := range clients {
		nc, err := net.Dial("tcp", cfg.Addrs[i%len(cfg.Addrs)])
		if err != nil {
			for _, c := range clients[:i] {
				c.nc.Close()
			}
			return BenchResult{}, locale.Errorf("chat: bench: %w", err)
		}
		want := int64(cfg.Senders) * int64(cfg.Msgs)
		if i < cfg.Senders {
			want -= int64(cfg.Msgs) // no echo of its own
		}
		c := &benchClient{nc: nc, br: bufio.NewReaderSize(nc, 256<<10), last: make([]int64, cfg.Senders),
			seen: make([][]bool, cfg.Senders), want: want, complete: make(chan struct{})}
		for s := range c.seen {
			c.last[s] = -1
			c.seen[s] = make([]bool, cfg.Msgs)
		}
		clients[i] = c
	}
	defer func() {
		for _, c := range clients {
			c.nc.Close()
		}
	}()
	// A client that got its welcome is registered on its node: it will
	// receive every message sent from now on.
	for _, c := range clients {
		c.nc.SetReadDeadline(time.Now().Add(cfg.Timeout))
		if _, err := c.br.ReadSlice('\n'); err != nil {
			return BenchResult{}, locale.Errorf("chat: bench: no welcome: %w", err)
		}
		c.nc.SetReadDeadline(time.Time{})
	}
	var readers sync.WaitGroup
	for _, c := range clients {
		readers.Add(1)
		go func() { defer readers.Done(); c.read() }()
	}

	start := time.Now()
	var senders sync.WaitGroup
	for s := range cfg.Senders {
		senders.Add(1)
		go func() {
			defer senders.Done()
			w := bufio.NewWriterSize(clients[s].nc, 32<<10)
			for i := range cfg.Msgs {
				fmt.Fprintf(w, "b%d-%d-%d\n", s, i, time.Now().UnixNano())
				if i%64 == 63 {
					w.Flush()
				}
			}
			w.Flush()
		}()
	}
	senders.Wait()
	expected := int64(cfg.Senders) * int64(cfg.Msgs) * int64(cfg.Clients-1)
	lastDelivery := func() time.Time {
		end := start
		for _, c := range clients {
			if ns := c.lastAt.Load(); ns != 0 && time.Unix(0, ns).After(end) {
				end = time.Unix(0, ns)
			}
		}
		return end
	}
	// Wait for every delivery, or for Timeout without one: a watchdog
	// wakes when Timeout would have passed since the latest delivery.
	watchdog := time.NewTimer(cfg.Timeout)
	defer watchdog.Stop()
wait:
	for _, c := range clients {
		for {
			select {
			case <-c.complete:
				continue wait
			case <-ctx.Done():
				break wait
			case <-watchdog.C:
				idle := time.Since(lastDelivery())
				if idle >= cfg.Timeout {
					break wait
				}
				watchdog.Reset(cfg.Timeout - idle)
			}
		}
	}
	end := lastDelivery()
	for _, c := range clients {
		c.nc.Close()
	}
	readers.Wait()
	r := BenchResult{Expected: expected, Elapsed: end.Sub(start)}
	var lat []time.Duration
	for _, c := range clients {
		r.Delivered += c.got.Load()
		r.Duplicates += c.dups
		r.Reordered += c.reo
		lat = append(lat, c.lat...)
	}
	slices.Sort(lat)
	if len(lat) > 0 {
		r.P50, r.P99 = lat[len(lat)/2], lat[len(lat)*99/100]
	}
	return r, nil
}

// read counts the bench messages a client receives: "… guestN@n1: bS-I-T".
func (c *benchClient) read() {
	br := c.br
	n := 0
	if c.want == 0 {
		close(c.complete)
	}
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			return
		}
		s, seq, ts, ok := parseBench(line, len(c.seen), len(c.seen[0]))
		if !ok {
			continue
		}
		if c.seen[s][seq] {
			c.dups++
			continue
		}
		c.seen[s][seq] = true
		if int64(seq) < c.last[s] {
			c.reo++
		} else {
			c.last[s] = int64(seq)
		}
		// A sample is enough for percentiles, and cheaper: reading the
		// clock costs as much as the rest of this loop.
		if n%16 == 0 {
			now := time.Now()
			c.lat = append(c.lat, now.Sub(time.Unix(0, ts)))
			c.lastAt.Store(now.UnixNano())
		}
		n++
		if c.got.Add(1) == c.want {
			c.lastAt.Store(time.Now().UnixNano())
			close(c.complete)
		}
	}
}

// parseBench reads "… : bS-I-T" (sender, seq, send time) off the end of a
// delivered line without allocating: the load generator shares the CPU
// with the nodes it measures, so its own cost must stay small.
func parseBench(line []byte, senders, msgs int) (s, seq int, ts int64, ok bool) {
	line = bytes.TrimRight(line, "\r\n")
	var f [3]uint64
	for k := 2; k >= 0; k-- {
		var mul uint64 = 1
		digits := 0
		for ; len(line) > 0 && '0' <= line[len(line)-1] && line[len(line)-1] <= '9'; digits++ {
			if digits == 19 { // more than an int64 holds
				return 0, 0, 0, false
			}
			f[k] += uint64(line[len(line)-1]-'0') * mul
			mul *= 10
			line = line[:len(line)-1]
		}
		sep := byte('-')
		if k == 0 {
			sep = 'b'
		}
		if digits == 0 || len(line) == 0 || line[len(line)-1] != sep {
			return 0, 0, 0, false
		}
		line = line[:len(line)-1]
	}
	if !bytes.HasSuffix(line, []byte(": ")) || f[0] >= uint64(senders) || f[1] >= uint64(msgs) || f[2] > math.MaxInt64 {
		return 0, 0, 0, false
	}
	return int(f[0]), int(f[1]), int64(f[2]), true
}
