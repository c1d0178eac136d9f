package raft

import (
	"bufio"
	"context"
	"errors"
	"net"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/time/rate"
)

// The client protocol of a TCPNode, one line each way (nc works):
//
//	put KEY VALUE        → ok VALUE, once the entry is committed and applied here
//	get KEY              → ok VALUE, or ok when KEY has none (reads go through the log)
//	                     → redirect N ADDR: node N leads; its clients' address is ADDR
//	                     → error no leader: no leader known yet (an election is on)
//	                     → error timeout: not applied within the node's RequestTimeout
//	                     → error not committed: a new leader's entry took its place
//	                     → error bad command, error line too long, error too many clients
//
// The answers are the protocol's, the same in every language; distlab
// raft client says them in the reader's. Lines are at most
// TCPMaxLine bytes, each connection sends at most Rate lines a second
// (more wait), and one silent for IdleTimeout is closed.

// TCPMaxLine is the longest line a client may send, in bytes.
const TCPMaxLine = 256

// serveClients accepts client connections, at most MaxClients at once.
func (n *TCPNode) serveClients() {
	defer n.wg.Done()
	var active atomic.Int64
	for {
		conn, err := n.client.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) || n.ctx.Err() != nil {
				return
			}
			select {
			case <-n.ctx.Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
			continue
		}
		if active.Add(1) > int64(n.cfg.MaxClients) {
			active.Add(-1)
			conn.SetWriteDeadline(time.Now().Add(time.Second))
			conn.Write([]byte("error too many clients\n"))
			conn.Close()
			continue
		}
		n.wg.Add(1)
		go func() {
			defer n.wg.Done()
			defer active.Add(-1)
			n.serveClient(conn)
		}()
	}
}

// serveClient answers one connection's lines in order.
func (n *TCPNode) serveClient(conn net.Conn) {
	stop := context.AfterFunc(n.ctx, func() { conn.Close() }) // a read does not hold Close up
	defer stop()
	defer conn.Close()
	r := bufio.NewReaderSize(conn, TCPMaxLine+2)
	lim := rate.NewLimiter(rate.Limit(n.cfg.Rate), max(1, int(n.cfg.Rate)))
	for {
		conn.SetReadDeadline(time.Now().Add(n.cfg.IdleTimeout))
		line, tooLong, err := netReadLine(r, TCPMaxLine)
		if err != nil {
			return
		}
		if err := lim.Wait(n.ctx); err != nil {
			return
		}
		answer := "error line too long"
		if !tooLong {
			answer = n.do(line)
		}
		conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
		if _, err := conn.Write([]byte(answer + "\n")); err != nil {
			return
		}
	}
}

// do answers one line.
func (n *TCPNode) do(line string) string {
	cmd, err := ParseCommand([]byte(line))
	if err != nil || !netPrintable(cmd.Key+cmd.Value) {
		return "error bad command"
	}
	req := netRequest{cmd: cmd, reply: make(chan string, 1)}
	timer := time.NewTimer(n.cfg.RequestTimeout)
	defer timer.Stop()
	select {
	case n.reqs <- req:
	case <-timer.C:
		return "error timeout"
	case <-n.ctx.Done():
		return "error shutting down"
	case <-n.done:
		return "error shutting down"
	}
	select {
	case a := <-req.reply:
		return a
	case <-timer.C:
		return "error timeout"
	case <-n.ctx.Done():
		return "error shutting down"
	case <-n.done:
		return "error shutting down"
	}
}

// netPrintable reports whether s is valid UTF-8 made of graphic runes
// only: what is stored is answered to nc and printed in nodes' logs, so
// C1 controls, bidi overrides and zero-width runes stay out.
func netPrintable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsGraphic(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// netReadLine reads one line of at most limit bytes (without its \n or
// \r\n). A longer line is read to its end and discarded: tooLong.
func netReadLine(r *bufio.Reader, limit int) (line string, tooLong bool, err error) {
	var b []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(b)+len(chunk) <= limit+2 { // room for \r\n
			b = append(b, chunk...)
		} else {
			tooLong = true
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return "", false, err
		}
		break
	}
	s := strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
	if tooLong || len(s) > limit {
		return "", true, nil
	}
	return s, false, nil
}
