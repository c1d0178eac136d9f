package serve

import (
	"net"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"distlab/tui"
)

// named gives key a name on ts, as a first visit would: the key is known
// from then on.
func (ts *testServer) named(t *testing.T, key gossh.Signer, name string) {
	t.Helper()
	if err := ts.students.claim(keyID(key.PublicKey()), name, fingerprint(key.PublicKey())); err != nil {
		t.Fatal(err)
	}
}

// A window larger than MaxWidth×MaxHeight, asked for at pty-req or in a
// window change, reaches the app cut to that size (Bubble Tea keeps cells
// for the whole screen: 3000×3000 took the heap to 2 GB).
func TestWindowSizeBounded(t *testing.T) {
	ts := startServer(t, "", nil)
	key := newKey(t)
	ts.named(t, key, "Big")
	c, err := dial(t, ts.Addr(), "student", keyOnly(key))
	if err != nil {
		t.Fatal(err)
	}
	tm := openSized(t, c, 1200, 700, 100, 30, english, true)
	app := ts.takeApp(t)
	bounded := tea.WindowSizeMsg{Width: MaxWidth, Height: MaxHeight}
	if err := tm.await(func() bool { return app.lastSize() == bounded }, 10*time.Second); err != nil {
		t.Fatalf("a 1200×700 pty-req: the app's size is %+v, want %+v", app.lastSize(), bounded)
	}
	if err := tm.sess.WindowChange(5000, 4000); err != nil {
		t.Fatal(err)
	}
	got := func() (int, int) {
		app.ss.mu.Lock()
		defer app.ss.mu.Unlock()
		return app.ss.w, app.ss.h
	}
	if err := tm.await(func() bool { w, h := got(); return w == MaxWidth && h == MaxHeight }, 10*time.Second); err != nil {
		w, h := got()
		t.Fatalf("a 4000×5000 window change reached the session as %d×%d", w, h)
	}
	if w, h := app.ss.tc.size(); w != MaxWidth || h != MaxHeight {
		t.Fatalf("the connection keeps %d×%d", w, h)
	}
	app.mu.Lock()
	defer app.mu.Unlock()
	for _, s := range app.sizes {
		if s.Width > MaxWidth || s.Height > MaxHeight {
			t.Fatalf("the app was given %+v", s)
		}
	}
}

// addrConn is a connection from addr.
type addrConn struct {
	net.Conn
	addr net.Addr
}

func (c addrConn) RemoteAddr() net.Addr { return c.addr }

// One address may hold at most maxPendingPerHost connections not yet in
// a session; those in a session do not count (a classroom behind one
// NAT), nor do closed ones, nor connections from this machine.
func TestPendingConnectionsPerHost(t *testing.T) {
	ts := startServer(t, "", nil)
	from := func(ip string) *trackedConn {
		a, b := net.Pipe()
		t.Cleanup(func() { a.Close(); b.Close() })
		tc := ts.track(addrConn{Conn: a, addr: &net.TCPAddr{IP: net.ParseIP(ip), Port: 40000}})
		if tc != nil {
			t.Cleanup(func() { _ = tc.Close() })
		}
		return tc
	}
	var first []*trackedConn
	for i := range maxPendingPerHost {
		tc := from("10.0.0.7")
		if tc == nil {
			t.Fatalf("connection %d of one host refused", i+1)
		}
		first = append(first, tc)
	}
	if from("10.0.0.7") != nil {
		t.Fatalf("a host got %d connections without a session", maxPendingPerHost+1)
	}
	if from("10.0.0.8") == nil {
		t.Fatal("another host was refused")
	}
	for i := range 2 * maxPendingPerHost {
		if from("127.0.0.1") == nil {
			t.Fatalf("connection %d from this machine refused", i+1)
		}
	}
	for _, tc := range first[:4] { // in a session now
		tc.settled()
	}
	for i := range 4 {
		if from("10.0.0.7") == nil {
			t.Fatalf("connection %d after four went into their sessions refused", i+1)
		}
	}
	if from("10.0.0.7") != nil {
		t.Fatal("the host is over its limit again")
	}
	_ = first[5].Close()
	if from("10.0.0.7") == nil {
		t.Fatal("a closed connection still counts")
	}
}

// A client that signs in and opens no session channel at all (ssh -N) is
// closed SetupTimeout after signing in, as the README says (10 s by
// default), with a known key and with the class code alike; it was left
// for noSessionTimeout (30 s) from the connection's start.
func TestSignedInWithoutSession(t *testing.T) {
	t.Parallel()
	ts := startServer(t, "", func(c *Config) { c.SetupTimeout = 300 * time.Millisecond })
	for name, auth := range map[string][]gossh.AuthMethod{"the class code": withCode(testCode), "a new key and the code": withKey(newKey(t))} {
		c, err := dial(t, ts.Addr(), "student", auth)
		if err != nil {
			t.Fatal(err)
		}
		closed := make(chan error, 1)
		go func() { closed <- c.Wait() }()
		select {
		case <-closed:
		case <-time.After(noSessionTimeout / 3):
			t.Errorf("%s: signed in with no session channel, still open after %s", name, noSessionTimeout/3)
		}
		c.Close()
	}
}

// A session channel that asks for no shell is closed after SetupTimeout;
// a session that did ask is not.
func TestSessionChannelWithoutShell(t *testing.T) {
	ts := startServer(t, "", func(c *Config) { c.SetupTimeout = 300 * time.Millisecond })
	live, _ := enter(t, ts, withKey(newKey(t)), "Rita")
	c, err := dial(t, ts.Addr(), "student", withKey(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	closed := make(chan error, 1)
	go func() { closed <- c.Wait() }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("a session channel without a shell is still open")
	}
	live.keys("n")
	live.waitFor(course().Lessons("en")[1].Title)
}

// A key the server has never seen must give the class code once (ssh's
// prompt after the key); then the key alone lets its student in. The
// instructor's keys never give it. The session is the key's either way.
func TestNewKeyTypesTheCodeOnce(t *testing.T) {
	t.Parallel()
	prof := newKey(t)
	ts := startServer(t, "", func(c *Config) { c.Instructors = []string{fingerprint(prof.PublicKey())} })
	key := newKey(t)
	if c, err := dial(t, ts.Addr(), "student", keyOnly(key)); err == nil {
		c.Close()
		t.Fatal("a new key got in without the class code")
	}
	wrong := append(keyOnly(key), withCode("abc-xyz")...)
	if c, err := dial(t, ts.Addr(), "student", wrong); err == nil {
		c.Close()
		t.Fatal("a new key got in with a wrong code")
	}
	asPassword := append(keyOnly(key), gossh.Password("ABC-DEF"))
	c, err := dial(t, ts.Addr(), "student", asPassword)
	if err != nil {
		t.Fatalf("a new key and the code as a password: %v", err)
	}
	c.Close()
	tm, app := enter(t, ts, withKey(key), "Ana")
	if app.ss.Fingerprint != fingerprint(key.PublicKey()) || app.ss.ID != keyID(key.PublicKey()) {
		t.Fatalf("signed in with key and code as %q %q, not as the key", app.ss.ID, app.ss.Fingerprint)
	}
	if !app.served {
		t.Fatal("the app was not told it is served")
	}
	tm.quit()
	c, err = dial(t, ts.Addr(), "student", keyOnly(key))
	if err != nil {
		t.Fatalf("a known key was asked the code again: %v", err)
	}
	back := open(t, c, 100, 30, english, true)
	back.waitFor(inTheApp)
	if a := ts.takeApp(t); a.ss.Name != "Ana" || a.ss.ID != app.ss.ID {
		t.Fatalf("came back as %q %q", a.ss.Name, a.ss.ID)
	}
	if c, err := dial(t, ts.Addr(), "prof", keyOnly(prof)); err != nil {
		t.Fatalf("the instructor's key was asked the code: %v", err)
	} else {
		c.Close()
	}
}

// A key student with a name kept, whose terminal names no language
// (C.UTF-8), chooses it and comes in under the name kept, not the SSH
// user name the entry's field offers; the name file keeps it.
func TestSavedNameKeptWhenTheLanguageIsAsked(t *testing.T) {
	ts := startServer(t, "", nil)
	key := newKey(t)
	ts.named(t, key, "Ana Lima")
	c, err := dial(t, ts.Addr(), "joao", keyOnly(key))
	if err != nil {
		t.Fatal(err)
	}
	tm := open(t, c, 100, 30, map[string]string{"LANG": "C.UTF-8"}, true)
	tm.waitFor("Choose your language:")
	tm.keys("\r")
	tm.waitFor(inTheApp)
	app := ts.takeApp(t)
	if app.ss.Name != "Ana Lima" {
		t.Fatalf("came in as %q, want Ana Lima", app.ss.Name)
	}
	if got, _ := ts.students.name(app.ss.ID); got != "Ana Lima" {
		t.Fatalf("the name kept is now %q", got)
	}
	if got := readFile(t, ts.dir+"/students/"+app.ss.ID+".name.json"); !strings.Contains(got, `"Ana Lima"`) {
		t.Fatalf("name file: %q", got)
	}
}

// The same key again while its older session is slow to save: the new
// session's progress is loaded only once the older one has saved (else it
// would load older progress, and overwrite the older session's save).
func TestReconnectWaitsForTheOlderSave(t *testing.T) {
	t.Parallel()
	var (
		mu          sync.Mutex
		built       int
		apps        = make(chan *spyApp, 4)
		hold        = make(chan struct{})
		firstSaved  = make(chan struct{})
		loadedEarly atomic.Bool
	)
	ts := startServer(t, "", func(c *Config) {
		c.NewApp = func(s *Session, cfg tui.Config) (App, error) {
			a := &spyApp{Model: tui.NewSession(cfg), ss: s}
			mu.Lock()
			built++
			switch built {
			case 1:
				a.hold, a.saved = hold, firstSaved
			case 2:
				select {
				case <-firstSaved:
				default:
					loadedEarly.Store(true)
				}
			}
			mu.Unlock()
			apps <- a
			return a, nil
		}
	})
	key := newKey(t)
	ts.named(t, key, "Ivo")
	come := func() *term {
		c, err := dial(t, ts.Addr(), "student", keyOnly(key))
		if err != nil {
			t.Fatal(err)
		}
		tm := open(t, c, 100, 30, english, true)
		tm.waitFor(inTheApp)
		return tm
	}
	first := come()
	first.keys("n")
	second := course().Lessons("en")[1]
	first.waitFor(second.Title)
	// Past the old bound on the wait (twice the kill grace).
	free := sync.OnceFunc(func() { close(hold) })
	defer free() // a failed test still lets the first session end
	time.AfterFunc(2*killGrace+time.Second, free)
	again := come()
	if len(apps) != 2 {
		t.Fatalf("%d apps built, want 2", len(apps))
	}
	if loadedEarly.Load() {
		t.Fatal("the new session loaded the progress before the older one had saved")
	}
	again.waitFor(second.Title)
	first.waitFor("You connected again from another terminal")
}

// A wrong class code is said wrong at ssh's prompt, which asks again (it
// was asked again silently); the right one then lets in. Three wrong codes
// are told so in a banner and the connection is closed: the client never
// goes on to a password prompt asking the same under another name.
func TestWrongCodeIsSaid(t *testing.T) {
	t.Parallel()
	ts := startServer(t, "", nil)
	var prompts []string
	answers := []string{"abc-xyz", "nope", testCode}
	asked := gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
		prompts = append(prompts, qs...)
		a := answers[0]
		answers = answers[1:]
		return []string{a}, nil
	})
	c, err := dial(t, ts.Addr(), "student", []gossh.AuthMethod{asked})
	if err != nil {
		t.Fatalf("the right code after two wrong ones: %v", err)
	}
	c.Close()
	if want := []string{codePrompt, wrongCodePrompt, wrongCodePrompt}; !slices.Equal(prompts, want) {
		t.Fatalf("prompts %q, want %q", prompts, want)
	}
	for _, p := range []string{codePrompt, wrongCodePrompt} {
		for _, r := range p {
			if r > 0x7e {
				t.Fatalf("the prompt %q is not ASCII: OpenSSH shows octal escapes outside a UTF-8 locale", p)
			}
		}
	}

	var banner string
	_, err = gossh.Dial("tcp", ts.Addr(), &gossh.ClientConfig{
		User: "student", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second,
		BannerCallback: func(m string) error { banner += m; return nil },
		Auth:           []gossh.AuthMethod{withCode("abc-xyz")[0], gossh.Password(testCode)},
	})
	if err == nil {
		// The password is the right code: only a closed connection
		// keeps it out.
		t.Fatal("after three wrong codes the connection went on to a password")
	}
	if !strings.Contains(banner, "Wrong class code 3 times") || !strings.Contains(banner, "Senha da turma errada 3 vezes") {
		t.Errorf("the banner: %q", banner)
	}
}
