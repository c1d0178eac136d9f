package raft

import (
	"bufio"
	"context"
	"errors"
	"net"
	"strconv"
	"strings"
	"time"

	"distlab/demos/locale"
)

// TCPAnswer is a TCPNode's answer to a command (see the client protocol
// in netclient.go). Its strings come from the network: clean them before
// they reach a terminal.
type TCPAnswer struct {
	Kind   string // ok, redirect or error
	Value  string // ok: the value (empty for a key with none); error: the reason (no leader, timeout, …)
	Leader uint64 // redirect: the leader's id
	Addr   string // redirect: the leader's client address
	From   string // the address that answered
}

// ParseTCPAnswer reads an answer line; ok is false for a line that is no
// answer.
func ParseTCPAnswer(line string) (a TCPAnswer, ok bool) {
	kind, rest, _ := strings.Cut(line, " ")
	switch kind {
	case "ok", "error":
		return TCPAnswer{Kind: kind, Value: rest}, kind == "ok" || rest != ""
	case "redirect":
		idText, addr, _ := strings.Cut(rest, " ")
		id, err := strconv.ParseUint(idText, 10, 64)
		if err != nil || netCheckAddr(addr) != nil {
			return TCPAnswer{}, false
		}
		return TCPAnswer{Kind: kind, Leader: id, Addr: addr}, true
	}
	return TCPAnswer{}, false
}

// TCPClient sends commands to a TCP cluster, following redirects to the
// leader and retrying while an election is on.
type TCPClient struct {
	Hops int // redirects followed for one command (default 3)
	// Wait is how long a command may take in all (default 5s): "no
	// leader" and a leader gone are asked again until then, and a node
	// silent until then is given up on.
	Wait time.Duration
	// OnRedirect, when set, hears of each redirect followed.
	OnRedirect func(leader uint64, addr string)
}

// Do sends cmd to the node at addr and returns the answer that ends it:
// ok, an error the node gave, or the last redirect when Hops are used up
// in a row. "no leader", and a leader it was redirected to that cannot be
// reached (killed, say), send it back to addr after a pause, until Wait
// has passed; a node that has not answered when Wait has passed is an
// error that says so.
func (c TCPClient) Do(ctx context.Context, addr string, cmd Command) (TCPAnswer, error) {
	hops, wait := c.Hops, c.Wait
	if hops <= 0 {
		hops = 3
	}
	if wait <= 0 {
		wait = 5 * time.Second
	}
	deadline := time.Now().Add(wait)
	line := string(cmd.Encode())
	cur, used := addr, 0
	for {
		a, err := netAsk(ctx, cur, line, deadline, wait)
		retry := time.Now().Add(netRetryPause).Before(deadline)
		switch {
		case err == nil && a.Kind == "redirect" && used < hops:
			used++
			if c.OnRedirect != nil {
				c.OnRedirect(a.Leader, a.Addr)
			}
			cur = a.Addr
			continue
		case err == nil && a.Kind == "error" && a.Value == "no leader" && retry:
			cur, used = addr, 0
		case err != nil && cur != addr && retry:
			cur, used = addr, 0 // the leader named is gone: until the others notice, they name it still
		default:
			return a, err
		}
		select {
		case <-ctx.Done():
			return a, ctx.Err()
		case <-time.After(netRetryPause):
		}
	}
}

// netRetryPause is how long the client waits before it asks again.
const netRetryPause = 200 * time.Millisecond

// netAsk sends one line to addr and reads the answer, which must come by
// deadline (the command's Wait, said in the error).
func netAsk(ctx context.Context, addr, line string, deadline time.Time, wait time.Duration) (TCPAnswer, error) {
	d := net.Dialer{Timeout: 2 * time.Second, Deadline: deadline}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return TCPAnswer{}, locale.Errorf("cannot reach %w", err) // the error names addr
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	conn.SetDeadline(deadline)
	if _, err := conn.Write([]byte(line + "\n")); err != nil {
		return TCPAnswer{}, locale.Errorf("cannot reach %w", err) // the error names addr
	}
	text, tooLong, err := netReadLine(bufio.NewReaderSize(conn, TCPMaxLine+2), TCPMaxLine)
	var ne net.Error
	switch {
	case err != nil && errors.As(err, &ne) && ne.Timeout():
		return TCPAnswer{}, locale.Errorf("%s did not answer within %s (--wait): is it a distlab raft node's client address?", addr, netDuration(wait))
	case err != nil:
		return TCPAnswer{}, locale.Errorf("%s closed the connection without an answer", addr)
	case tooLong:
		return TCPAnswer{}, locale.Errorf("%s is not a distlab raft node: it answered a line longer than %d bytes", addr, TCPMaxLine)
	}
	a, ok := ParseTCPAnswer(text)
	if !ok {
		return TCPAnswer{}, notRaftNode(addr, text)
	}
	a.From = addr
	return a, nil
}

// notRaftNode is the error for a server at addr whose answer, text, is
// none of the protocol's: a web server is named as one, since a port of
// one is the likeliest mistake (its status line, or the bare HTML page a
// server such as python -m http.server sends a line that is no request);
// any other answer is quoted (escaped, and cut: it comes from the
// network).
func notRaftNode(addr, text string) error {
	lower := strings.ToLower(strings.TrimSpace(text))
	if strings.HasPrefix(text, "HTTP/") || strings.HasPrefix(lower, "<!doctype html") || strings.HasPrefix(lower, "<html") {
		return locale.Errorf("%s is not a distlab raft node: it answers like a web server (HTTP)", addr)
	}
	if r := []rune(text); len(r) > 40 {
		text = string(r[:40]) + "…"
	}
	return locale.Errorf("%s is not a distlab raft node: it answered %s, and a node answers ok, redirect or error", addr, strconv.Quote(text))
}

// netDuration is a duration written in the reader's language.
type netDuration time.Duration

func (d netDuration) Localize(p *locale.Printer) string { return p.Duration(time.Duration(d)) }
func (d netDuration) String() string                    { return (*locale.Printer)(nil).Duration(time.Duration(d)) }
