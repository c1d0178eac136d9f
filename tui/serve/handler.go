package serve

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"

	"distlab/demos/locale"
	"distlab/tui"
	"distlab/tui/progress"
	"distlab/tui/theme"
)

// handle runs one session: the entry screen, then the app, until the
// student quits or the session is ended.
func (s *Server) handle(sess ssh.Session) {
	env := sess.Environ()
	getenv := envGetter(env)
	lang, langKnown := langOf(getenv)
	p := locale.For(lang)
	pty, _, ok := sess.Pty()
	tc, tracked := sess.Context().Value(connKey).(*trackedConn)
	if !ok || !tracked || pty.Slave == nil {
		say(sess, p.T("distlab needs a terminal: connect with ssh -t"))
		_ = sess.Exit(1)
		return
	}
	if !s.enter() {
		say(sess, p.T("The class server is stopping."))
		_ = sess.Exit(1)
		return
	}
	defer s.handlers.Done()
	// The instructor always gets in, and takes no student's place: a full
	// class is when the instructor is needed most.
	instructor := sess.PublicKey() != nil && slices.Contains(s.cfg.Instructors, fingerprint(sess.PublicKey()))
	if !instructor {
		select {
		case s.slots <- struct{}{}:
			defer func() { <-s.slots }()
		default:
			say(sess, p.T("The class is full (%d sessions): try again in a while, or ask your teacher.", s.cfg.Max))
			s.logf("refused %s: the class is full", remoteHost(sess.RemoteAddr()))
			_ = sess.Exit(1)
			return
		}
	}

	ss := &Session{
		Lang: lang, Remote: remoteHost(sess.RemoteAddr()), Started: time.Now(),
		srv: s, tc: tc, user: sess.User(),
		wake: make(chan struct{}, 1), done: make(chan struct{}),
	}
	// The program has the PTY's slave opened anew, twice: the library
	// closes its own files when the client leaves, which may be before the
	// program has stopped reading, and Bubble Tea's Fd() would make the
	// output blocking (no write deadline) if both were one file.
	in, outFile, err := openSlave(pty.Slave.Name())
	if err != nil {
		s.logf("%s: %v", remoteHost(sess.RemoteAddr()), err)
		say(sess, p.T("distlab needs a terminal: connect with ssh -t"))
		return
	}
	defer in.Close()
	defer outFile.Close()
	// The program ends by quitting, not by its context: a killed Bubble
	// Tea program closes its input reader under its read loop. A lost
	// connection asks it to quit; its context is cancelled only past
	// killGrace.
	ss.ctx, ss.cancel = context.WithCancel(context.Background())
	defer ss.cancel()
	lost := context.AfterFunc(sess.Context(), func() { ss.end(endLost) })
	defer lost()
	ss.out = &output{f: outFile, timeout: s.cfg.WriteTimeout, stuck: func() { ss.end(endStuck) }}
	if key := sess.PublicKey(); key != nil {
		ss.ID, ss.Fingerprint = keyID(key), fingerprint(key)
		ss.Name, _ = s.students.name(ss.ID)
		if s.instructor(ss) {
			// The instructor is on no roster and in no student's way: no
			// name to ask (the class was greeted with "What name should
			// the class see?") and none claimed (admit).
			ss.Name = p.T("instructor")
		}
	}
	s.mu.Lock()
	s.sessions[ss] = struct{}{}
	closing := s.closing
	s.mu.Unlock()
	if closing {
		// Close did not see this session among those it ended, and waits
		// for its handler: it ends at once, told like the others.
		ss.end(endStopped)
	}
	tc.attach(ss)
	w, h := tc.size()
	if w == 0 || h == 0 {
		w, h = pty.Window.Width, pty.Window.Height
	}

	askLang := !langKnown
	if askLang && ss.ID != "" && ss.Name != "" {
		// A student who chose before is not asked again.
		if st, err := progress.Read(s.students.progressPath(ss.ID)); err == nil && st.Lang != "" {
			ss.Lang, askLang = locale.Match(st.Lang), false
		}
	}
	g := newGate(ss, newEntry(ss.Lang, askLang, ss.Name, ss.user), langKnown, getenv, w, h)
	prog := tea.NewProgram(g,
		tea.WithInput(in), tea.WithOutput(ss.out),
		tea.WithEnvironment(append(env, "TERM="+pty.Term)),
		tea.WithWindowSize(w, h),
		tea.WithColorProfile(profileFor(env, pty.Term)),
		tea.WithContext(ss.ctx),
		tea.WithFPS(tui.FrameRate),
		tea.WithoutSignals(), // the server's signals are not the student's
		// ctrl+z would stop the whole server.
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			if _, ok := msg.(tea.SuspendMsg); ok {
				return nil
			}
			return msg
		}),
	)
	_, runErr := prog.Run()
	ss.cancel()      // ends an admission still waiting for an older session
	ss.admits.Wait() // an admission under way has built its app, or given up
	why := ss.reason()
	ss.mu.Lock()
	app := ss.app
	ss.mu.Unlock()
	var saveErr error
	if app != nil {
		if saveErr = app.Finish(); saveErr != nil {
			s.logf("%s: progress not saved: %v", ss.Name, saveErr)
		}
	}
	killed := errors.Is(runErr, tea.ErrProgramKilled)
	if runErr != nil && !killed {
		s.logf("%s: %v", ss.Name, runErr)
	}
	if app != nil {
		s.logf("%s left after %s (%s)", ss.Name, time.Since(ss.Started).Round(time.Second).String(), why.String(s.p, s.instructor(ss)))
	}
	s.leave(ss)
	close(ss.done)
	told := false
	if why != endStuck && why != endFlood {
		line := goodbye(locale.For(ss.Lang), why, app != nil, saveErr)
		if killed {
			// A program stopped (it did not quit in time) could not put
			// the terminal back: the goodbye would land on the app's
			// screen, and the student's shell after it.
			line = restoreTerminal + line
		}
		told = s.sayLast(tc, pty.Slave.Name(), pty.Master, line)
	}
	if why == endStopped {
		s.noteStopped(ss.Name, told, app != nil, saveErr)
	}
}

// sayLast writes the goodbye line through the PTY, after what the program
// wrote (leaving the alt screen, among others), so that it cannot overtake
// it: written straight to the channel it did, under load, and the
// library's copy of the PTY, cut off when the handler returned, lost the
// rest. It then waits for the PTY to be empty and the copy to have written
// it all, at most WriteTimeout, and reports whether it did.
func (s *Server) sayLast(tc *trackedConn, slaveName string, master *os.File, line string) bool {
	deadline := time.Now().Add(s.cfg.WriteTimeout)
	// Opened anew: the program's files may be closed (a stopped program
	// closes its input) or dead (output.kill).
	slave, err := os.OpenFile(slaveName, os.O_WRONLY|syscall.O_NOCTTY, 0)
	if err != nil {
		return false
	}
	defer slave.Close()
	_ = slave.SetWriteDeadline(deadline) // a client that stopped reading holds nobody
	if _, err := io.WriteString(slave, line+"\r\n"); err != nil {
		return false
	}
	drain(master, time.Until(deadline))
	tc.mu.Lock()
	ch := tc.ch
	tc.mu.Unlock()
	return ch == nil || ch.settle(50*time.Millisecond, deadline)
}

// restoreTerminal puts a terminal a program left in its own modes back as
// a shell expects it: the main screen, the cursor shown, no mouse
// reports, no bracketed paste, plain text.
const restoreTerminal = "\x1b[?1049l\x1b[?25h\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[0m\r\n"

// openSlave opens the PTY slave at name for the program's input and output.
func openSlave(name string) (in, out *os.File, err error) {
	if in, err = os.OpenFile(name, os.O_RDWR|syscall.O_NOCTTY, 0); err != nil {
		return nil, nil, locale.Errorf("serve: %w", err)
	}
	if out, err = os.OpenFile(name, os.O_WRONLY|syscall.O_NOCTTY, 0); err != nil {
		in.Close()
		return nil, nil, locale.Errorf("serve: %w", err)
	}
	return in, out, nil
}

// enter counts a session handler in, unless the server is stopping.
func (s *Server) enter() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.handlers.Add(1)
	return true
}

// leave forgets a session that ended.
func (s *Server) leave(ss *Session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, ss)
	if s.live[ss.ID] == ss {
		delete(s.live, ss.ID)
	}
}

// say writes a line straight to the session, before any program runs.
func say(sess ssh.Session, line string) { _ = sayErr(sess, line) }

// sayErr is say, reporting whether the line was written.
func sayErr(sess ssh.Session, line string) error {
	_, err := io.WriteString(sess, line+"\r\n")
	return err
}

// profileFor is the color profile of a client that sent env and term: SSH
// clients send TERM, not COLORTERM, so the profile is what TERM names (256
// colors for xterm-256color), and a terminal that names none gets 16
// colors rather than none.
func profileFor(env []string, term string) colorprofile.Profile {
	p := colorprofile.Env(append(append([]string(nil), env...), "TERM="+term))
	if p < colorprofile.ASCII || p < colorprofile.ANSI && term != "dumb" && envGetter(env)("NO_COLOR") == "" {
		p = colorprofile.ANSI
	}
	return p
}

// themeFor is the theme a client's COLORFGBG asks for ("15;0" is light
// text on a dark background), dark when it says nothing.
func themeFor(getenv func(string) string) theme.Theme {
	v := getenv("COLORFGBG")
	if i := strings.LastIndexByte(v, ';'); i >= 0 {
		switch v[i+1:] {
		case "7", "15":
			return theme.Light
		}
	}
	return theme.Dark
}

// goodbye is the line a student reads once the app has closed; admitted:
// they were in the course, whose progress was saved unless saveErr says
// otherwise.
func goodbye(p *locale.Printer, why endReason, admitted bool, saveErr error) string {
	saved := ""
	switch {
	case admitted && saveErr != nil:
		saved = " " + p.T("Your progress could not be saved on the server: tell your teacher.")
	case admitted:
		saved = " " + p.T("Your progress is saved: connect again to go on.")
	}
	switch why {
	case endStopped:
		return p.T("The class server is stopping.") + saved
	case endIdle:
		return p.T("Closed after a long time without a key.") + saved
	case endReplaced:
		return p.T("You connected again from another terminal: this session is closed.") + saved
	}
	return p.T("Bye!") + saved
}

// String names why in the server's log; instructor: the session was the
// instructor's.
func (r endReason) String(p *locale.Printer, instructor bool) string {
	switch r {
	case endStopped:
		return p.T("server stopped")
	case endIdle:
		return p.T("no key for too long")
	case endFlood:
		return p.T("input flood")
	case endStuck:
		return p.T("stopped reading")
	case endReplaced:
		return p.T("connected again")
	case endLost:
		return p.T("connection lost")
	}
	if instructor {
		return p.T("the instructor quit")
	}
	return p.T("the student quit")
}

// admit lets the student of ss into the course under name (already
// checked by the entry): the name is claimed, an older session of the same
// key is closed (and its progress saved), the progress loaded and the app
// built. why is set, and the error nil, when the name cannot be had.
func (s *Server) admit(ss *Session, name string, lang locale.Lang, langChosen bool, getenv func(string) string) (app App, why string, err error) {
	p := locale.For(lang)
	// Every path cleans the name: the entry's field, the name kept for a
	// key, anything else that reaches here.
	name, _, why = cleanName(name, p)
	if why != "" {
		return nil, why, nil
	}
	id := ss.ID
	if id == "" {
		id = nameID(nameKey(name))
		if kept, ok := s.students.name(id); ok {
			// A student without a key who comes back is the name they
			// joined with, however they spell it this time ("ANA", "ana"
			// for "Ana"): the class and their files know them by it.
			name = kept
		}
	}
	// The instructor claims no name: a student may be called what the
	// instructor's session is.
	if err := s.claim(ss, id, name); err != nil {
		if errors.Is(err, errNameTaken) {
			return nil, p.T("%s is taken: choose another name.", name), nil
		}
		return nil, "", err
	}
	s.mu.Lock()
	old := s.live[id]
	if old != nil && ss.Fingerprint == "" {
		s.mu.Unlock()
		return nil, p.T("Someone is in the class as %s right now: choose another name.", name), nil
	}
	if s.closing {
		s.mu.Unlock()
		return nil, "", errStopping
	}
	s.live[id] = ss
	ss.ID, ss.Name, ss.Lang = id, name, lang
	ss.admitted = true
	s.mu.Unlock()
	if old != nil {
		// The older session's progress is loaded only once it is saved,
		// or it would overwrite this one's later. Its kill grace bounds
		// the wait; meanwhile this student reads "Opening the course…".
		old.end(endReplaced)
		select {
		case <-old.Done():
		case <-ss.ctx.Done(): // this student left first
			s.mu.Lock()
			if s.live[id] == ss {
				s.live[id] = old // still saving: the next reconnect waits for it too
			}
			s.mu.Unlock()
			return nil, "", ss.ctx.Err()
		}
	}
	store := progress.NewStore(s.students.progressPath(id))
	cfg := s.cfg.App
	cfg.Store = store
	cfg.State, cfg.StateErr = store.Load()
	cfg.Lang = string(lang)
	cfg.LangFromEnv = !langChosen // the language remembered wins over LANG, as at home
	cfg.Theme, cfg.ThemeAuto, cfg.ThemeFromDefault = themeFor(getenv), true, true
	cfg.ConsolePath = ""
	cfg.Served = true // the demos run on this machine, which the whole class shares
	newApp := s.cfg.NewApp
	if newApp == nil {
		newApp = func(_ *Session, cfg tui.Config) (App, error) { return tui.NewSession(cfg), nil }
	}
	app, err = newApp(ss, cfg)
	if err != nil {
		return nil, "", err
	}
	s.logf("%s joined from %s (%s)", name, ss.Remote, ss.who(s.p))
	return app, "", nil
}

var errStopping = errors.New("serve: the server is stopping")

// who says how the student signed in, for the log.
func (s *Session) who(p *locale.Printer) string {
	if s.Fingerprint != "" {
		return s.Fingerprint
	}
	return p.T("class code")
}

// claim gives name to student id, unless ss is the instructor's.
func (s *Server) claim(ss *Session, id, name string) error {
	if s.instructor(ss) {
		return nil
	}
	return s.students.claim(id, name, ss.Fingerprint)
}

// instructor reports whether ss signed in with one of the instructor's
// keys (Config.Instructors).
func (s *Server) instructor(ss *Session) bool {
	return ss.Fingerprint != "" && slices.Contains(s.cfg.Instructors, ss.Fingerprint)
}

// refused is what a client asked for instead of the app.
type refused int

const (
	refusedCommand refused = iota // a command (ssh host ls)
	refusedFiles                  // files: sftp, scp
)

// refuseExec is the line a client that asked to run a command, or for
// files, reads in its language, with the command to type instead: the
// address it reached the server at (local, the connection's local
// address).
func (s *Server) refuseExec(getenv func(string) string, local net.Addr, what refused) string {
	lang, _ := langOf(getenv)
	host, port, err := net.SplitHostPort(local.String())
	if err != nil {
		host, port = local.String(), "22"
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	p := locale.For(lang)
	if what == refusedFiles {
		return p.T("distlab serve serves only the interactive course, no files: sftp and scp do not work here. Connect with ssh -p %s %s and nothing after it.", port, host)
	}
	return p.T("distlab serve runs the course, not commands: connect with ssh -p %s %s and nothing after it.", port, host)
}
