package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"flag"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/vt"
	"go.uber.org/goleak"
	gossh "golang.org/x/crypto/ssh"

	"distlab/demos/testwait"
	"distlab/lessons"
	"distlab/tui"
)

func TestMain(m *testing.M) {
	// Most of these tests wait on SSH round trips and timeouts rather than
	// compute: four run at a time even on two cores.
	flag.Parse()
	testwait.Parallel(4)
	// regexp2 (the lessons' code highlighting) keeps a clock goroutine for a
	// while after a match timeout: not ours.
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("github.com/dlclark/regexp2.runClock"))
}

// course is the embedded course, loaded once for every test.
var course = sync.OnceValue(func() *lessons.Catalog {
	d := tui.Demos()
	return lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix, KnownDemo: d.Known, KnownStart: d.KnownStart})
})

// testCode is the class code of the test servers.
const testCode = "abc-def"

// logBuffer is a log the server writes from many goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// testServer is a server on a free loopback port, in a temporary folder.
type testServer struct {
	*Server
	dir  string
	log  *logBuffer
	apps chan *spyApp // every app built, in order
	// stop ends Serve's context (as ctrl+c does distlab serve's); served
	// waits for Serve to return, and is its error.
	stop   context.CancelFunc
	served func() error
}

// spyApp is the real app, recording the window sizes it is given.
type spyApp struct {
	*tui.Model
	mu     sync.Mutex
	sizes  []tea.WindowSizeMsg
	ss     *Session
	served bool // the app was told it is served (tui.Config.Served)
	// hold, when not nil, holds Finish back until it is closed (a session
	// slow to save); saved, when not nil, is closed once Finish has saved.
	hold, saved chan struct{}
	// failSave makes Finish fail with errSaveFailed, as a full disk would.
	failSave atomic.Bool
}

// errSaveFailed is the error of a save failSave makes fail.
var errSaveFailed = errors.New("no space left on device")

// Finish saves as the real app does, once hold lets it.
func (a *spyApp) Finish() error {
	if a.hold != nil {
		<-a.hold
	}
	err := a.Model.Finish()
	if a.saved != nil {
		close(a.saved)
	}
	if a.failSave.Load() {
		return errSaveFailed
	}
	return err
}

func (a *spyApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(tea.WindowSizeMsg); ok {
		a.mu.Lock()
		a.sizes = append(a.sizes, m)
		a.mu.Unlock()
	}
	m, cmd := a.Model.Update(msg)
	a.Model = m.(*tui.Model)
	return a, cmd
}

func (a *spyApp) lastSize() tea.WindowSizeMsg {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.sizes) == 0 {
		return tea.WindowSizeMsg{}
	}
	return a.sizes[len(a.sizes)-1]
}

// startServer serves the real app with test settings, changed by change;
// the server is closed when the test ends. dir, when not "", is the folder
// to keep its files in (a restart); else a new temporary one.
func startServer(t *testing.T, dir string, change func(*Config)) *testServer {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	ts := &testServer{dir: dir, log: &logBuffer{}, apps: make(chan *spyApp, 16)}
	cfg := Config{
		Listen: "127.0.0.1:0", Code: testCode,
		HostKeyPath: dir + "/config/ssh_host_ed25519_key", StudentsDir: dir + "/students",
		App: tui.Config{Load: course, Demos: tui.Demos(), Source: "lessons", QuizSeed: 1},
		Log: ts.log,
		NewApp: func(s *Session, cfg tui.Config) (App, error) {
			a := &spyApp{Model: tui.NewSession(cfg), ss: s, served: cfg.Served}
			select {
			case ts.apps <- a:
			default:
			}
			return a, nil
		},
	}
	if change != nil {
		change(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts.Server = s
	served := make(chan error, 1)
	ctx, stop := context.WithCancel(context.Background())
	ts.stop, ts.served = stop, sync.OnceValue(func() error { return <-served })
	go func() { served <- s.Serve(ctx) }()
	t.Cleanup(func() {
		stop()
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		if err := ts.served(); err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return ts
}

// newKey is a fresh ed25519 key for a client.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// withKey, keyOnly and withCode are ways to sign in: withKey offers the
// class code after the key, as a student with a new key types it at ssh's
// prompt (a known key is let in without it); keyOnly has no code to give.
func withKey(k gossh.Signer) []gossh.AuthMethod { return append(keyOnly(k), withCode(testCode)...) }

func keyOnly(k gossh.Signer) []gossh.AuthMethod { return []gossh.AuthMethod{gossh.PublicKeys(k)} }

func withCode(code string) []gossh.AuthMethod {
	return []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
		ans := make([]string, len(qs))
		for i := range qs {
			ans[i] = code
		}
		return ans, nil
	})}
}

// dial connects to the server as user.
func dial(t *testing.T, addr, user string, auth []gossh.AuthMethod) (*gossh.Client, error) {
	t.Helper()
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         10 * time.Second,
	})
}

// term is a client's session drawn on a terminal emulator, whose answers
// to the program's queries go back as a real terminal's would.
type term struct {
	t      *testing.T
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser

	mu      sync.Mutex
	emu     *vt.Emulator
	changed chan struct{} // capacity one: the screen changed
	ended   chan struct{} // the output ended
	paused  chan struct{} // closed: the client stops reading
	gone    chan struct{} // closed by close
	raw     bytes.Buffer  // everything the server wrote
}

// open opens a w×h session with env on client; read false leaves its
// output unread (a client that stopped reading).
func open(t *testing.T, client *gossh.Client, w, h int, env map[string]string, read bool) *term {
	t.Helper()
	return openSized(t, client, w, h, w, h, env, read)
}

// openSized is open with a PTY of ptyW×ptyH asked for, drawn on a w×h
// emulator.
func openSized(t *testing.T, client *gossh.Client, ptyW, ptyH, w, h int, env map[string]string, read bool) *term {
	t.Helper()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range env {
		if err := sess.Setenv(k, v); err != nil {
			t.Fatalf("setenv %s: %v", k, err)
		}
	}
	if err := sess.RequestPty("xterm-256color", ptyH, ptyW, gossh.TerminalModes{gossh.ECHO: 1}); err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, client: client, sess: sess, emu: vt.NewEmulator(w, h), changed: make(chan struct{}, 1), ended: make(chan struct{}),
		paused: make(chan struct{}), gone: make(chan struct{})}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if tm.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if read {
		go tm.readLoop(stdout)
		go func() { _, _ = io.Copy(tm.stdin, tm.emu) }() // the emulator's answers; ends when it is closed
	} else {
		close(tm.ended)
	}
	t.Cleanup(tm.close)
	return tm
}

func (tm *term) readLoop(r io.Reader) {
	defer close(tm.ended)
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			tm.raw.Write(buf[:n])
			_, _ = tm.emu.Write(buf[:n])
			tm.mu.Unlock()
			select {
			case tm.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
		select {
		case <-tm.paused: // reads no more, until the end
			<-tm.gone
			return
		default:
		}
	}
}

// stopReading makes the client stop reading its output, as a client whose
// terminal hangs.
func (tm *term) stopReading() { close(tm.paused) }

func (tm *term) close() {
	close(tm.gone)
	_ = tm.sess.Close()
	_ = tm.client.Close()
	<-tm.ended
	// Closing the emulator's input ends the copy of its answers; its own
	// Close would race with the Read under way.
	_ = tm.emu.InputPipe().(io.Closer).Close()
}

// screen is what the terminal shows.
func (tm *term) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

// output is everything the server wrote so far.
func (tm *term) output() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.raw.String()
}

var errNotShown = errors.New("not shown")

// waitFor waits until the screen, or the output when it ended, holds text.
func (tm *term) waitFor(text string) {
	tm.t.Helper()
	if err := tm.await(func() bool { return strings.Contains(tm.screen(), text) || strings.Contains(tm.output(), text) }, 20*time.Second); err != nil {
		tm.t.Fatalf("waiting for %q: %v; the screen:\n%s", text, err, tm.screen())
	}
}

// await waits until ok holds, each time the output changes.
func (tm *term) await(ok func() bool, timeout time.Duration) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		if ok() {
			return nil
		}
		select {
		case <-tm.changed:
		case <-tm.ended:
			if ok() {
				return nil
			}
			return errors.New("the session ended")
		case <-deadline.C:
			return errNotShown
		}
	}
}

// keys types s.
func (tm *term) keys(s string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.stdin, s); err != nil {
		tm.t.Fatal(err)
	}
}

// resize changes the window, on the client's side and the emulator's.
func (tm *term) resize(w, h int) {
	tm.t.Helper()
	tm.mu.Lock()
	tm.emu.Resize(w, h)
	tm.mu.Unlock()
	if err := tm.sess.WindowChange(h, w); err != nil {
		tm.t.Fatal(err)
	}
}

// wait waits for the session to end and returns its error (an exit status
// other than 0 is an *gossh.ExitError).
func (tm *term) wait() error {
	done := make(chan error, 1)
	go func() { done <- tm.sess.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		tm.t.Fatal("the session did not end")
		return nil
	}
}

// english is the environment of an English-speaking client.
var english = map[string]string{"LANG": "en_US.UTF-8"}

// readFile is a file's content, "" when missing.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return string(b)
}
