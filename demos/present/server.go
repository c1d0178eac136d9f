package present

import (
	"bufio"
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"distlab/demos/locale"
)

// serverLine is one line the app sends: the state, or that the console was
// turned away.
type serverLine struct {
	State *State `json:"state,omitempty"`
	Full  bool   `json:"full,omitempty"`
}

// writeTimeout is how long a console may take to read a state before the
// app lets it go: a console stopped with ctrl+z must not hold the app.
const writeTimeout = 2 * time.Second

// Server is the app's end: it owns the socket while the app presents.
type Server struct {
	ln   *net.UnixListener
	path string
	file os.FileInfo // the socket made, so Close removes it and no other
	once sync.Once
	cmds chan Command
	done chan struct{}
	wg   sync.WaitGroup

	mu      sync.Mutex
	state   State // the last published
	have    bool
	version uint64 // counts changes to what a console is sent: states, consoles
	conns   map[*serverConn]struct{}
}

type serverConn struct {
	c       net.Conn
	changed chan struct{} // a state to send, capacity 1
}

// Listen takes the socket at path (see DefaultPath). A socket there that
// answers is another presenting app's: ErrBusy. One that does not is left
// from an app that ended without closing it, and is replaced.
func Listen(path string) (*Server, error) {
	if err := checkPath(path); err != nil {
		return nil, err
	}
	if err := ownDir(filepath.Dir(path)); err != nil {
		return nil, err
	}
	if c, err := net.DialTimeout("unix", path, 500*time.Millisecond); err == nil {
		c.Close()
		return nil, ErrBusy
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, locale.Errorf("present: %w", err)
	}
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, locale.Errorf("present: %w", err)
	}
	ln.SetUnlinkOnClose(false) // Close removes the socket only if it is still this one
	fi, err := os.Stat(path)
	if err == nil {
		err = os.Chmod(path, 0o600)
	}
	if err != nil {
		ln.Close()
		os.Remove(path)
		return nil, locale.Errorf("present: %w", err)
	}
	s := &Server{ln: ln, path: path, file: fi, cmds: make(chan Command, 16), done: make(chan struct{}), conns: map[*serverConn]struct{}{}}
	s.wg.Go(s.accept)
	return s, nil
}

// Path is the socket's path.
func (s *Server) Path() string { return s.path }

// Commands delivers the consoles' commands, valid ones only. It is closed
// by Close.
func (s *Server) Commands() <-chan Command { return s.cmds }

// Consoles is how many consoles follow the app.
func (s *Server) Consoles() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// Publish makes st the state every console shows; it never blocks. A
// console that is behind gets only the latest.
func (s *Server) Publish(st State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state, s.have = st, true
	s.version++
	for c := range s.conns {
		c.signal()
	}
}

// Close stops listening, lets every console go and returns when the
// link's goroutines are gone and the socket is removed.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		close(s.done)
		err = s.ln.Close()
		s.mu.Lock()
		for c := range s.conns {
			c.c.Close()
		}
		s.mu.Unlock()
		s.wg.Wait()
		close(s.cmds)
		// A newer app may have replaced the socket since: leave its own.
		if fi, e := os.Stat(s.path); e == nil && os.SameFile(fi, s.file) {
			os.Remove(s.path)
		}
	})
	return err
}

func (s *Server) accept() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return // closed
		}
		s.mu.Lock()
		if len(s.conns) >= MaxConsoles {
			s.mu.Unlock()
			_ = c.SetWriteDeadline(time.Now().Add(writeTimeout))
			_ = json.NewEncoder(c).Encode(serverLine{Full: true})
			c.Close()
			continue
		}
		sc := &serverConn{c: c, changed: make(chan struct{}, 1)}
		s.conns[sc] = struct{}{}
		s.version++
		for other := range s.conns {
			other.signal() // the count of consoles changed
		}
		s.mu.Unlock()
		s.wg.Go(func() { s.write(sc) })
		s.wg.Go(func() { s.read(sc) })
	}
}

func (c *serverConn) signal() {
	select {
	case c.changed <- struct{}{}:
	default:
	}
}

// drop forgets a console and closes its connection.
func (s *Server) drop(c *serverConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.conns[c]; !ok {
		return
	}
	delete(s.conns, c)
	c.c.Close()
	s.version++
	for other := range s.conns {
		other.signal()
	}
}

// write sends the latest state each time it changes.
func (s *Server) write(c *serverConn) {
	defer s.drop(c)
	enc := json.NewEncoder(c.c)
	var sent uint64 // the version last sent; 0: none
	for {
		select {
		case <-s.done:
			return
		case <-c.changed:
		}
		s.mu.Lock()
		st, have, v := s.state, s.have, s.version
		st.Consoles = len(s.conns)
		s.mu.Unlock()
		if !have || v == sent {
			continue
		}
		sent = v
		_ = c.c.SetWriteDeadline(time.Now().Add(writeTimeout))
		if err := enc.Encode(serverLine{State: fitLine(st)}); err != nil {
			return
		}
	}
}

// fitLine is st cut so that it goes in one line a console reads (MaxLine):
// notes of pathological length, a roster of thousands. Nothing is cut from
// a state of a real class.
func fitLine(st State) *State {
	b, err := json.Marshal(st)
	if err == nil && len(b) < MaxLine-1 {
		return &st
	}
	const notesMax, rosterMax, linesMax = 16 << 10, 200, 8
	notes := make([]string, 0, len(st.Notes))
	for _, n := range st.Notes {
		if len(n) > notesMax {
			n = n[:notesMax] + "…"
		}
		notes = append(notes, n)
	}
	st.Notes = notes[:min(len(notes), linesMax)]
	st.NextBody = st.NextBody[:min(len(st.NextBody), linesMax)]
	st.Roster = st.Roster[:min(len(st.Roster), rosterMax)]
	return &st
}

// read takes the console's commands: one JSON object a line, at most
// MaxLine bytes, at most 20 a second (a held key repeats about 30 times
// a second: the slides should not race ahead of the class). What is not a
// known command is dropped.
func (s *Server) read(c *serverConn) {
	defer s.drop(c)
	c.signal() // the state now, before any change
	sc := bufio.NewScanner(c.c)
	sc.Buffer(make([]byte, 0, 4096), MaxLine)
	limit := rate.NewLimiter(20, 10)
	for sc.Scan() {
		var cmd Command
		if json.Unmarshal(sc.Bytes(), &cmd) != nil || !slices.Contains(Ops, cmd.Op) || !limit.Allow() {
			continue
		}
		select {
		case s.cmds <- cmd:
		case <-s.done:
			return
		}
	}
}
