package present

import (
	"bufio"
	"encoding/json"
	"errors"
	"net"
	"sync"
	"syscall"
	"time"

	"distlab/demos/locale"
)

// Client is the console's end.
type Client struct {
	c      net.Conn
	states chan State
	ops    chan Op // to send, in the order asked
	done   chan struct{}
	once   sync.Once
	wg     sync.WaitGroup
}

// Dial attaches to the app presenting on this machine, through the socket
// at path: ErrNoPresenter when none is, ErrFull when it has MaxConsoles.
func Dial(path string) (*Client, error) {
	if err := checkPath(path); err != nil {
		return nil, err
	}
	c, err := net.DialTimeout("unix", path, time.Second)
	switch {
	case errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ECONNREFUSED):
		return nil, ErrNoPresenter // no socket, or one left by an app that ended
	case err != nil:
		return nil, locale.Errorf("present: %w", err)
	}
	cl := &Client{c: c, states: make(chan State, 1), ops: make(chan Op, 64), done: make(chan struct{})}
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
	cl.wg.Go(cl.write)
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

// Send asks the app to do op, after every op asked before it; it never
// blocks. Ops asked faster than they can be sent are dropped (the app takes
// 20 a second).
func (cl *Client) Send(op Op) error {
	select {
	case <-cl.done:
		return ErrNoPresenter
	default:
	}
	select {
	case cl.ops <- op:
		return nil
	default:
		return ErrBusyConsole
	}
}

// write sends the ops in order, until the link ends.
func (cl *Client) write() {
	enc := json.NewEncoder(cl.c)
	for {
		select {
		case <-cl.done:
			return
		case op := <-cl.ops:
			_ = cl.c.SetWriteDeadline(time.Now().Add(writeTimeout))
			if enc.Encode(Command{Op: op}) != nil {
				cl.c.Close() // the app went: read ends the states
				return
			}
		}
	}
}

// Close detaches and returns when the client's goroutines are gone.
func (cl *Client) Close() error {
	var err error
	cl.once.Do(func() {
		close(cl.done)
		err = cl.c.Close()
	})
	cl.wg.Wait()
	return err
}
