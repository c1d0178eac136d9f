package chat

import (
	"errors"
	"net"
	"time"

	"golang.org/x/time/rate"
)

// newLimiter is a client's message rate limit: rate messages a second,
// with a burst of rate (at least one). Rate 0 means no limit: nil.
func newLimiter(r float64) *rate.Limiter {
	if r <= 0 {
		return nil
	}
	return rate.NewLimiter(rate.Limit(r), max(int(r), 1))
}

// errLineTooLong is returned by lineReader.next for a line over the limit;
// the rest of that line has been discarded and the connection stays usable.
var errLineTooLong = errors.New("chat: line too long")

// lineReader reads lines of at most max bytes from a connection, accepting
// LF and CRLF. Read deadlines guard both ends of the slowloris attack: a
// connection that sends nothing for idle is closed, and so is one that
// starts a line and does not finish it within lineTime.
type lineReader struct {
	conn     net.Conn
	max      int
	idle     time.Duration
	lineTime time.Duration

	buf        []byte // read buffer
	r, w       int    // unread bytes are buf[r:w]
	line       []byte // the partial line
	discarding bool   // inside a line that was too long
	started    time.Time
}

func newLineReader(c net.Conn, max int, idle, lineTime time.Duration) *lineReader {
	return &lineReader{conn: c, max: max, idle: idle, lineTime: lineTime, buf: make([]byte, 4096), line: make([]byte, 0, max)}
}

// next returns the next line without its line ending. A too-long line gives
// errLineTooLong once, after its end has been read and dropped.
func (lr *lineReader) next() (string, error) {
	for {
		for i := lr.r; i < lr.w; i++ {
			if lr.buf[i] != '\n' {
				continue
			}
			chunk := lr.buf[lr.r:i]
			lr.r = i + 1
			if lr.discarding {
				lr.discarding = false
				lr.line = lr.line[:0]
				return "", errLineTooLong
			}
			if len(lr.line)+len(chunk) > lr.max+1 { // +1: a CR before the LF does not count
				lr.line = lr.line[:0]
				return "", errLineTooLong
			}
			lr.line = append(lr.line, chunk...)
			n := len(lr.line)
			if n > 0 && lr.line[n-1] == '\r' {
				n--
			}
			if n > lr.max {
				lr.line = lr.line[:0]
				return "", errLineTooLong
			}
			s := string(lr.line[:n])
			lr.line = lr.line[:0]
			return s, nil
		}
		// No newline in the buffer: keep what there is and read more.
		if !lr.discarding {
			lr.line = append(lr.line, lr.buf[lr.r:lr.w]...)
			if len(lr.line) > lr.max+1 {
				lr.discarding = true
				lr.line = lr.line[:0]
			}
		}
		lr.r, lr.w = 0, 0
		if err := lr.fill(); err != nil {
			return "", err
		}
	}
}

// fill reads more bytes, with the deadline the reader's state calls for.
// A line's clock starts when the node first waits for the rest of it, not
// when its first bytes arrived: a busy node must not blame a fast client
// for its own delay.
func (lr *lineReader) fill() error {
	now := time.Now()
	if len(lr.line) == 0 && !lr.discarding {
		lr.started = time.Time{}
		if lr.idle > 0 {
			lr.conn.SetReadDeadline(now.Add(lr.idle))
		}
	} else {
		if lr.started.IsZero() {
			lr.started = now
		}
		if lr.lineTime > 0 {
			lr.conn.SetReadDeadline(lr.started.Add(lr.lineTime))
		}
	}
	n, err := lr.conn.Read(lr.buf)
	lr.w = n
	if n > 0 {
		return nil
	}
	return err
}

// midLine reports whether a line was started and not finished.
func (lr *lineReader) midLine() bool { return len(lr.line) > 0 || lr.discarding }
