package present

import (
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// sockPath is a socket path in a fresh folder of the test's; short, since
// a Unix socket's path has a small limit (108 bytes on Linux).
func sockPath(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "dl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "run", "present.sock")
}

func listen(t *testing.T, path string) *Server {
	t.Helper()
	s, err := Listen(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func dial(t *testing.T, path string) *Client {
	t.Helper()
	c, err := Dial(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func recv(t *testing.T, c *Client) State {
	t.Helper()
	select {
	case st, ok := <-c.States():
		if !ok {
			t.Fatal("the states ended")
		}
		return st
	case <-time.After(5 * time.Second):
		t.Fatal("no state")
	}
	return State{}
}

func command(t *testing.T, s *Server) Command {
	t.Helper()
	select {
	case c := <-s.Commands():
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("no command")
	}
	return Command{}
}

// A console attaches, gets the state at once and every change after it,
// and drives the app; the app sees its commands in order.
func TestConsoleFollowsAndDrives(t *testing.T) {
	path := sockPath(t)
	s := listen(t, path)
	s.Publish(State{Presenting: true, Slide: 1, Slides: 3, Title: "One", Notes: []string{"say hi"}})
	c := dial(t, path)
	if st := recv(t, c); st.Slide != 1 || st.Title != "One" || st.Notes[0] != "say hi" || st.Consoles != 1 {
		t.Fatalf("first state %+v", st)
	}
	s.Publish(State{Presenting: true, Slide: 2, Slides: 3, Blank: true})
	if st := recv(t, c); st.Slide != 2 || !st.Blank {
		t.Fatalf("second state %+v", st)
	}
	for _, op := range []Op{Next, Prev, Blank, Demo} {
		if err := c.Send(op); err != nil {
			t.Fatal(err)
		}
	}
	for _, op := range []Op{Next, Prev, Blank, Demo} {
		if got := command(t, s); got.Op != op {
			t.Fatalf("command %q, want %q", got.Op, op)
		}
	}
	if s.Consoles() != 1 {
		t.Fatalf("%d consoles", s.Consoles())
	}
}

// The socket is the user's alone: the file 0600 in a folder 0700, and a
// folder others could enter is closed to them first.
func TestSocketIsTheUsersOnly(t *testing.T) {
	path := sockPath(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Dir(path), 0o777)
	listen(t, path)
	for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700} {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want %v", p, fi.Mode().Perm(), err, want)
		}
	}
}

// A second app finds the first one's socket live; one left by an app that
// died is taken over; with none, a console is told so.
func TestBusyStaleAndNone(t *testing.T) {
	path := sockPath(t)
	if _, err := Dial(path); !errors.Is(err, ErrNoPresenter) {
		t.Fatalf("no app: %v", err)
	}
	s := listen(t, path)
	if _, err := Listen(path); !errors.Is(err, ErrBusy) {
		t.Fatalf("second app: %v", err)
	}
	s.Close()
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Close left the socket: %v", err)
	}
	// A socket file nobody answers on, as a killed app leaves it.
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
	listen(t, path)
}

// Past MaxConsoles a console is turned away with ErrFull; one that leaves
// makes room, and the others' count follows.
func TestConsolesAreBounded(t *testing.T) {
	path := sockPath(t)
	s := listen(t, path)
	s.Publish(State{Presenting: true})
	var cs []*Client
	for range MaxConsoles {
		c := dial(t, path)
		recv(t, c)
		cs = append(cs, c)
	}
	if _, err := Dial(path); !errors.Is(err, ErrFull) {
		t.Fatalf("console %d: %v", MaxConsoles+1, err)
	}
	for recv(t, cs[1]).Consoles != MaxConsoles { // each console hears of the others
	}
	cs[0].Close()
	for recv(t, cs[1]).Consoles != MaxConsoles-1 {
	}
	c := dial(t, path)
	if st := recv(t, c); st.Consoles != MaxConsoles {
		t.Fatalf("consoles %d", st.Consoles)
	}
}

// Lines that are not commands are dropped and the console stays; a line
// past MaxLine ends it; a flood is cut to the rate.
func TestHostileConsole(t *testing.T) {
	path := sockPath(t)
	s := listen(t, path)
	s.Publish(State{Presenting: true})
	conn, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, l := range []string{"not json", `{"op":"rm -rf"}`, `{"op":""}`, "\x1b[2J", `{"op":"next"}`} {
		if _, err := conn.Write([]byte(l + "\n")); err != nil {
			t.Fatal(err)
		}
	}
	if got := command(t, s); got.Op != Next {
		t.Fatalf("got %q", got.Op)
	}
	var flood strings.Builder
	for range 200 {
		flood.WriteString(`{"op":"next"}` + "\n")
	}
	conn.Write([]byte(flood.String()))
	n := 0
	for done := false; !done; {
		select {
		case <-s.Commands():
			n++
		case <-time.After(300 * time.Millisecond):
			done = true
		}
	}
	if n > 30 {
		t.Fatalf("%d of 200 commands in a burst went through", n)
	}
	conn.Write([]byte(strings.Repeat("x", MaxLine+10) + "\n"))
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	dec := json.NewDecoder(conn)
	for {
		var l serverLine
		if err := dec.Decode(&l); err != nil {
			break // the app hung up
		}
	}
	if s.Consoles() != 0 {
		t.Fatalf("%d consoles after an overlong line", s.Consoles())
	}
}

// When the app stops presenting, the consoles' states end; a closed
// console sends nothing.
func TestCloseEndsConsoles(t *testing.T) {
	path := sockPath(t)
	s := listen(t, path)
	s.Publish(State{Presenting: true})
	c := dial(t, path)
	recv(t, c)
	s.Close()
	select {
	case _, ok := <-c.States():
		if ok {
			t.Fatal("a state after Close")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the states did not end")
	}
	c.Close()
	if err := c.Send(Next); !errors.Is(err, ErrNoPresenter) {
		t.Fatalf("sending on a closed console: %v", err)
	}
}

// Ops reach the app in the order they were asked, however fast.
func TestOpsKeepTheirOrder(t *testing.T) {
	path := sockPath(t)
	s := listen(t, path)
	s.Publish(State{Presenting: true})
	c := dial(t, path)
	want := []Op{BlankToggle, Next, Prev, WhiteToggle, Next, First, Last, Demo}
	for _, op := range want {
		if err := c.Send(op); err != nil {
			t.Fatal(err)
		}
	}
	for i, op := range want {
		if got := command(t, s); got.Op != op {
			t.Fatalf("op %d: %q, want %q", i, got.Op, op)
		}
	}
}

// A socket path too long for a Unix socket's address is refused with
// words that say what to do, by both ends.
func TestPathTooLong(t *testing.T) {
	long := "/tmp/" + strings.Repeat("x", 120) + "/present.sock"
	if _, err := Listen(long); err == nil || !strings.Contains(err.Error(), EnvDir) {
		t.Fatalf("Listen: %v", err)
	}
	if _, err := Dial(long); err == nil || !strings.Contains(err.Error(), "too long") {
		t.Fatalf("Dial: %v", err)
	}
}

// A socket replaced by a newer app's is left alone when the old one
// closes.
func TestCloseLeavesANewerSocket(t *testing.T) {
	path := sockPath(t)
	old := listen(t, path)
	os.Remove(path) // as if the old one had been taken for dead
	newer := listen(t, path)
	old.Close()
	newer.Publish(State{Presenting: true, Slide: 7})
	if st := recv(t, dial(t, path)); st.Slide != 7 {
		t.Fatalf("state %+v", st)
	}
}
