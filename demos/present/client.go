package present

import (
	"bufio"
	"encoding/json"
	"net"
	"sync"
	"time"
)

// Client is the console's end.
type Client struct {
	c      net.Conn
	states chan State
	mu     sync.Mutex // one command at a time on the wire
	wg     sync.WaitGroup
}

// Dial attaches to the app presenting on this machine, through the socket
// at path: ErrNoPresenter when none is, ErrFull when it has MaxConsoles.
func Dial(path string) (*Client, error) {
	c, err := net.DialTimeout("unix", path, time.Second)
	if err != nil {
		return nil, ErrNoPresenter
	}
	cl := &Client{c: c, states: make(chan State, 1)}
	// The first line says whether the app takes this console; it sends
	// its state at once, so the wait is short.
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	sc := bufio.NewScanner(c)
	sc.Buffer(make([]byte, 0, 4096), MaxLine)
	first, err := next(sc)
	_ = c.SetReadDeadline(time.Time{})
	switch {
	case err != nil:
		c.Close()
		return nil, ErrNoPresenter
	case first.Full:
		c.Close()
		return nil, ErrFull
	}
	cl.states <- *first.State
	cl.wg.Go(func() { cl.read(sc) })
	return cl, nil
}

// next reads one line of the app's.
func next(sc *bufio.Scanner) (serverLine, error) {
	for sc.Scan() {
		var l serverLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil || (l.State == nil && !l.Full) {
			continue // not a line of ours: skip it
		}
		return l, nil
	}
	if err := sc.Err(); err != nil {
		return serverLine{}, err
	}
	return serverLine{}, ErrNoPresenter // the app closed the socket
}

// read delivers the app's states; a console that is behind gets the
// latest only.
func (cl *Client) read(sc *bufio.Scanner) {
	defer close(cl.states)
	for {
		l, err := next(sc)
		if err != nil {
			return
		}
		if l.State == nil {
			continue
		}
		select {
		case <-cl.states: // drop the one not yet taken
		default:
		}
		cl.states <- *l.State
	}
}

// States delivers what the projector shows, each time it changes; it is
// closed when the app goes (it quit, or left presenter mode).
func (cl *Client) States() <-chan State { return cl.states }

// Send asks the app to do op.
func (cl *Client) Send(op Op) error {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	_ = cl.c.SetWriteDeadline(time.Now().Add(writeTimeout))
	if err := json.NewEncoder(cl.c).Encode(Command{Op: op}); err != nil {
		return ErrNoPresenter
	}
	return nil
}

// Close detaches and returns when the client's goroutine is gone.
func (cl *Client) Close() error {
	err := cl.c.Close()
	cl.wg.Wait()
	return err
}
