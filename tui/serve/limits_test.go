package serve

import (
	"bytes"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// dialKey connects with a new key.
func dialKey(t *testing.T, ts *testServer) *gossh.Client {
	t.Helper()
	c, err := dial(t, ts.Addr(), "student", withKey(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// exec runs nothing: the client reads a line saying how to connect (the
// server's own port and address) and
// exit status 1. The request is answered yes, as OpenSSH shows nothing but
// "exec request failed" for a refused one (it leaves before printing what
// came on stderr).
func TestExecRefused(t *testing.T) {
	ts := startServer(t, "", nil)
	c := dialKey(t, ts)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	sess.Stdout, sess.Stderr = &stdout, &stderr
	if err := sess.Start("cat /etc/passwd"); err != nil {
		t.Fatalf("exec refused outright, so OpenSSH shows no line: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case err := <-done:
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
			t.Fatalf("exec ended with %v, want exit status 1", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("exec left open")
	}
	host, port, _ := net.SplitHostPort(ts.Addr())
	want := "connect with ssh -p " + port + " " + host + " and nothing after it."
	if !strings.Contains(stderr.String(), want) || stdout.Len() != 0 {
		t.Fatalf("exec: stderr %q, stdout %q; want the command to type, %q", stderr.String(), stdout.String(), want)
	}
	sess.Close()
}

// sftp and scp (a subsystem, or scp -O's command "scp -t …") start
// nothing: the client reads, in the language of the LANG it sent, that
// only the interactive course is served and the command to type instead,
// and exit status 1. A refused subsystem request showed only OpenSSH's
// "subsystem request failed on channel 0".
func TestFilesRefused(t *testing.T) {
	ts := startServer(t, "", nil)
	host, port, _ := net.SplitHostPort(ts.Addr())
	for _, c := range []struct {
		name string
		env  map[string]string
		exec string // the command, or "" for the sftp subsystem
		want string
	}{
		{"sftp", map[string]string{"LANG": "pt_BR.UTF-8"}, "",
			"o distlab serve serve só o curso interativo, nenhum arquivo: sftp e scp não funcionam aqui. Conecte com ssh -p " + port + " " + host + " e nada depois."},
		{"scp -O", english, "scp -t /tmp/x",
			"distlab serve serves only the interactive course, no files: sftp and scp do not work here. Connect with ssh -p " + port + " " + host + " and nothing after it."},
	} {
		sess, err := dialKey(t, ts).NewSession()
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range c.env {
			if err := sess.Setenv(k, v); err != nil {
				t.Fatal(err)
			}
		}
		stderr, err := sess.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if c.exec == "" {
			if err := sess.RequestSubsystem("sftp"); err != nil {
				t.Fatalf("sftp refused outright, so OpenSSH shows no line: %v", err)
			}
		} else if err := sess.Start(c.exec); err != nil {
			t.Fatalf("%s refused outright, so OpenSSH shows no line: %v", c.name, err)
		}
		got, _ := io.ReadAll(stderr) // to the channel's end
		if c.exec != "" {
			var exit *gossh.ExitError
			if err := sess.Wait(); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
				t.Errorf("%s ended with %v, want exit status 1", c.name, err)
			}
		}
		if s := strings.TrimSpace(string(got)); s != c.want {
			t.Errorf("%s: stderr %q; want %q", c.name, s, c.want)
		}
		sess.Close()
	}
}

// A student in the app who asks for a port forward (ssh -L: a
// direct-tcpip channel) is told in plain words, which OpenSSH prints after
// "administratively prohibited", and the app draws its whole screen again,
// the same words in its status line: the line was printed over the app,
// and nothing redrew it. A remote forward (ssh -R) repaints too.
func TestForwardRefusedClearly(t *testing.T) {
	ts := startServer(t, "", nil)
	c, err := dial(t, ts.Addr(), "student", withKey(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	tm := open(t, c, 100, 30, map[string]string{"LANG": "pt_BR.UTF-8"}, true)
	tm.waitFor("Que nome a turma deve ver?")
	tm.keys("Vera\r")
	tm.waitFor("? ajuda")
	before := len(tm.output())
	_, err = c.Dial("tcp", "127.0.0.1:22")
	var open *gossh.OpenChannelError
	if !errors.As(err, &open) || open.Reason != gossh.Prohibited ||
		open.Message != "o distlab serve não encaminha portas (ssh -L, -R, -D): aqui só o curso é servido" {
		t.Fatalf("a local forward: %v, want it prohibited with the words in the student's language", err)
	}
	tm.waitFor("o distlab serve não encaminha portas")
	if err := tm.await(func() bool { return strings.Contains(tm.output()[before:], "\x1b[2J") }, 10*time.Second); err != nil {
		t.Errorf("the screen was not drawn anew after the refusal: %v: %q", err, tm.output()[before:])
	}
	before = len(tm.output())
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Fatal("remote forwarding was accepted")
	}
	if err := tm.await(func() bool { return strings.Contains(tm.output()[before:], "\x1b[2J") }, 10*time.Second); err != nil {
		t.Errorf("the screen was not drawn anew after a remote forward: %v", err)
	}
}

// Port forwarding is refused both ways, and so are agent and X11
// forwarding (subsystems: TestFilesRefused).
func TestForwardingAndSubsystemsRefused(t *testing.T) {
	ts := startServer(t, "", nil)
	c := dialKey(t, ts)
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil { // tcpip-forward
		ln.Close()
		t.Fatal("remote forwarding was accepted")
	}
	if conn, err := c.Dial("tcp", ts.Addr()); err == nil { // direct-tcpip
		conn.Close()
		t.Fatal("local forwarding was accepted")
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := agent.RequestAgentForwarding(sess); err == nil {
		t.Fatal("agent forwarding was accepted")
	}
	x11 := gossh.Marshal(struct {
		Single        bool
		Proto, Cookie string
		Screen        uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00", 0})
	if ok, err := sess.SendRequest("x11-req", true, x11); ok || err != nil {
		t.Fatalf("x11-req: %v %v", ok, err)
	}
}

// A second session on one connection is refused: one connection, one
// student.
func TestOneSessionPerConnection(t *testing.T) {
	ts := startServer(t, "", nil)
	c := dialKey(t, ts)
	first, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if second, err := c.NewSession(); err == nil {
		second.Close()
		t.Fatal("a second session on the connection was accepted")
	}
}

// A shell without a PTY is told the app needs a terminal.
func TestShellWithoutPTY(t *testing.T) {
	ts := startServer(t, "", nil)
	sess, err := dialKey(t, ts).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sess.Stdout = &out
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Wait(); err == nil || !strings.Contains(out.String(), "ssh -t") {
		t.Fatalf("no PTY: %v, %q", err, out.String())
	}
}

// A wrong class code is refused; the right one, typed with other case and
// no dash, lets in.
func TestClassCode(t *testing.T) {
	t.Parallel()
	ts := startServer(t, "", nil)
	if c, err := dial(t, ts.Addr(), "student", withCode("abc-xyz")); err == nil {
		c.Close()
		t.Fatal("a wrong code was let in")
	}
	pw := []gossh.AuthMethod{gossh.Password("nope")}
	if c, err := dial(t, ts.Addr(), "student", pw); err == nil {
		c.Close()
		t.Fatal("a wrong password was let in")
	}
	c, err := dial(t, ts.Addr(), "student", []gossh.AuthMethod{gossh.Password(" ABCDEF ")})
	if err != nil {
		t.Fatalf("the right code as a password: %v", err)
	}
	c.Close()
	if code := NewCode(); len(code) != 7 || code[3] != '-' || strings.ContainsAny(code, "01ilo") {
		t.Fatalf("a made code %q", code)
	}
}

// At --max 2 the third student is told the class is full, in their
// language, and the session ends; once one leaves, a place is free.
func TestClassFull(t *testing.T) {
	ts := startServer(t, "", func(c *Config) { c.Max = 2 })
	a := open(t, dialKey(t, ts), 80, 24, english, true)
	a.waitFor("What name should the class see?")
	b := open(t, dialKey(t, ts), 80, 24, english, true)
	b.waitFor("What name should the class see?")
	full := open(t, dialKey(t, ts), 80, 24, map[string]string{"LANG": "pt_BR.UTF-8"}, true)
	full.waitFor("A turma está lotada (2 sessões)")
	var exit *gossh.ExitError
	if err := full.wait(); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Fatalf("a full class ends the session with status 1: %v", err)
	}
	if !strings.Contains(ts.log.String(), "the class is full") {
		t.Fatalf("log: %s", ts.log.String())
	}
	a.keys("\x1b")
	if err := a.wait(); err != nil {
		t.Fatal(err)
	}
	c := open(t, dialKey(t, ts), 80, 24, english, true)
	c.waitFor("What name should the class see?")
}

// The instructor's key gets in when the class is full, and takes no
// student's place: at --max 1 with the instructor in, a student still
// gets in, and the instructor gets in again past a full class.
func TestInstructorPastAFullClass(t *testing.T) {
	t.Parallel()
	prof := newKey(t)
	ts := startServer(t, "", func(c *Config) { c.Max = 1; c.Instructors = []string{fingerprint(prof.PublicKey())} })
	c, err := dial(t, ts.Addr(), "prof", keyOnly(prof))
	if err != nil {
		t.Fatal(err)
	}
	first := open(t, c, 80, 24, english, true)
	first.waitFor(inTheApp)
	student := open(t, dialKey(t, ts), 80, 24, english, true)
	student.waitFor("What name should the class see?") // the instructor took no place
	full := open(t, dialKey(t, ts), 80, 24, english, true)
	full.waitFor("The class is full (1 session)")
	c2, err := dial(t, ts.Addr(), "prof", keyOnly(prof))
	if err != nil {
		t.Fatal(err)
	}
	again := open(t, c2, 80, 24, english, true)
	again.waitFor(inTheApp)
	if strings.Contains(again.screen(), "The class is full") {
		t.Fatalf("the instructor was refused:\n%s", again.screen())
	}
}

// A client that stops reading is disconnected after the write timeout,
// while another session still gets its frames.
func TestStuckClientIsDisconnected(t *testing.T) {
	ts := startServer(t, "", func(c *Config) { c.WriteTimeout = 300 * time.Millisecond })
	stuck, stuckApp := enter(t, ts, withKey(newKey(t)), "Stu")
	stuck.stopReading()
	live, _ := enter(t, ts, withKey(newKey(t)), "Lena")
	// The stuck one's app draws screen after screen, until the SSH window
	// and the PTY are full.
	go func() {
		tick := time.NewTicker(4 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			w, h := 200, 60
			if i%2 == 1 {
				w, h = 90, 30
			}
			if stuck.sess.WindowChange(h, w) != nil {
				return
			}
			if _, err := io.WriteString(stuck.stdin, "np"[i%2:i%2+1]); err != nil {
				return
			}
			<-tick.C
		}
	}()
	done := make(chan error, 1)
	go func() { done <- stuck.sess.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the stuck client is still connected")
	}
	<-stuckApp.ss.Done()
	if !strings.Contains(ts.log.String(), "Stu left after") || !strings.Contains(ts.log.String(), "stopped reading") {
		t.Fatalf("log: %s", ts.log.String())
	}
	live.keys("n") // the other session still answers
	live.waitFor(course().Lessons("en")[1].Title)
}

// A client that is gone mid-frame (its connection cut while the app
// draws) frees its session, and the log says the connection was lost (not
// that the student quit); goleak (TestMain) checks nothing is left.
func TestKilledMidFrame(t *testing.T) {
	ts := startServer(t, "", nil)
	c := dialKey(t, ts)
	tm := open(t, c, 120, 40, english, true)
	tm.waitFor("What name should the class see?")
	tm.keys("Mia\r")
	app := ts.takeApp(t)
	tm.resize(200, 60)
	_ = c.Close() // mid-frame: the resize's redraw under way
	select {
	case <-app.ss.Done():
	case <-time.After(20 * time.Second):
		t.Fatal("the session of a cut connection did not end")
	}
	if log := ts.log.String(); !strings.Contains(log, "Mia left after") || !strings.Contains(log, "(connection lost)") {
		t.Fatalf("the log says why the session ended: %s", log)
	}
	ts.mu.Lock()
	n := len(ts.sessions) + len(ts.live)
	ts.mu.Unlock()
	if n != 0 {
		t.Fatalf("%d sessions left", n)
	}
}

// No key for the idle timeout closes the session, with a word; input
// keeps it open.
func TestIdleTimeout(t *testing.T) {
	t.Parallel()
	ts := startServer(t, "", func(c *Config) { c.IdleTimeout = 600 * time.Millisecond })
	tm, _ := enter(t, ts, withKey(newKey(t)), "Noa")
	tm.waitFor("Closed after a long time without a key. Your progress is saved")
	if err := tm.wait(); err != nil {
		t.Fatal(err)
	}
}

// A paste passes whole; a flood past the flood limit ends the session.
func TestInputFlood(t *testing.T) {
	ts := startServer(t, "", func(c *Config) {
		c.InputRate, c.InputBurst, c.FloodLimit = 1000, 4096, 300*time.Millisecond
	})
	tm, app := enter(t, ts, withKey(newKey(t)), "Oto")
	tm.keys(strings.Repeat("j", 3000)) // a paste, within the burst
	flood := bytes.Repeat([]byte("j"), 64<<10)
	done := make(chan error, 1)
	go func() {
		_, err := io.Copy(tm.stdin, bytes.NewReader(flood))
		done <- err
	}()
	_ = tm.wait() // cut off: no exit status
	<-app.ss.Done()
	if !strings.Contains(ts.log.String(), "input flood") {
		t.Fatalf("log: %s", ts.log.String())
	}
	<-done
}

// Close tells every session the server is stopping and saves it.
func TestCloseTellsSessions(t *testing.T) {
	t.Parallel()
	ts := startServer(t, "", nil)
	tm, app := enter(t, ts, withKey(newKey(t)), "Pia")
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("The class server is stopping. Your progress is saved")
	if st := ts.state(t, app.ss.ID); st.LastLesson == "" {
		t.Fatalf("progress not saved on stop: %+v", st)
	}
}
