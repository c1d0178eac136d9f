// Package serve is `distlab serve`: the whole app over SSH, one root model
// (tui.NewSession) per session, for a class on its own laptops.
//
// It is a thin layer over charm.land/wish/v2 and charm.land/ssh. Each
// session gets a real PTY (the emulated one mangles Bubble Tea v2's output),
// its own window size and resizes, a color profile forced from the TERM the
// client sends, and the language of the client's LANG/LC_* or the one the
// student picks on entry.
//
// Who is who: a public key is a student's identity (its SHA-256
// fingerprint). A key the server has never seen types the class code once,
// at ssh's prompt right after the key (partial success); once its student
// has a name the key alone lets them in, as it does the instructor's keys
// (Config.Instructors). A student without a key gets in with the class
// code and a name. A student's progress is kept on the server, one file
// per student in Config.StudentsDir, so a reconnect resumes where they
// were.
//
// Only pty-req and shell are accepted on a session: no exec, subsystems
// (sftp), port forwarding either way, agent forwarding or X11. Config.Max
// sessions at once (the next one is told the class is full); at most 16
// connections from one address (other than this machine's) without a
// session yet; a client signed in must open its session (ssh -N never
// does), and the session ask for its shell, within Config.SetupTimeout; a
// port forward is refused with a line saying so; windows are cut to MaxWidth×MaxHeight; a session's
// input is rate limited, a session with no input for Config.IdleTimeout is
// closed, and a client that stops reading is disconnected after
// Config.WriteTimeout without slowing the others.
//
// The class hub reaches each student through a Session (see Config.NewApp).
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"distlab/demos/locale"
	"distlab/tui"
)

// Defaults of Config.
const (
	DefaultListen       = "127.0.0.1:2222"
	DefaultMax          = 80
	DefaultIdleTimeout  = 30 * time.Minute
	DefaultWriteTimeout = 10 * time.Second
	// DefaultInputRate and DefaultInputBurst bound a session's input:
	// typing and mouse motion stay far below the rate, a paste fits in the
	// burst.
	DefaultInputRate  = 4 << 10  // bytes a second
	DefaultInputBurst = 64 << 10 // bytes
	// DefaultFloodLimit is how long a session may keep its input over the
	// rate (its reads held back) before it is closed.
	DefaultFloodLimit = 5 * time.Second
	// DefaultSetupTimeout is how long a session channel may go without
	// asking for its shell.
	DefaultSetupTimeout = 10 * time.Second
)

// Config says how to serve.
type Config struct {
	Listen string // host:port; DefaultListen when ""
	// Code is the class code a student without a key types, and a student
	// whose key is new types once; "" makes one (see Server.Code).
	Code string
	// Instructors are the fingerprints ("SHA256:…", as OpenSSH prints
	// them) of keys that never type the class code: the instructor's.
	Instructors  []string
	Max          int           // sessions at once; DefaultMax when 0
	IdleTimeout  time.Duration // no input for this long closes a session
	WriteTimeout time.Duration // a write blocked this long closes a session
	InputRate    float64       // bytes a second a session may type, sustained
	InputBurst   int           // bytes a session may send at once (a paste)
	FloodLimit   time.Duration // time over InputRate before a session is closed
	SetupTimeout time.Duration // from a session channel's opening to its shell
	// HostKeyPath is the server's ed25519 key, made on first run (0600, its
	// folder 0700); DefaultHostKeyPath when "".
	HostKeyPath string
	// StudentsDir holds one progress file and one name file per student;
	// DefaultStudentsDir when "".
	StudentsDir string
	// App is what every session's app starts from (the course, the demos);
	// each session fills in its own language, theme and progress.
	App tui.Config
	// NewApp builds a session's app once the student is known: the hook
	// for the class hub (join s's student, wrap the model, watch s.Done).
	// nil: tui.NewSession(cfg).
	NewApp func(s *Session, cfg tui.Config) (App, error)
	// Log receives one line per event (a student joined or left, a session
	// refused), in Printer's language; nil for none.
	Log     io.Writer
	Printer *locale.Printer
}

// App is a session's program: the root model, which saves the progress and
// releases its panes in Finish once the program has ended.
type App interface {
	tea.Model
	Finish() error
}

// Server serves the app over SSH. Close stops it.
type Server struct {
	cfg      Config
	ssh      *ssh.Server
	ln       net.Listener
	code     string
	hostKey  string        // its fingerprint
	slots    chan struct{} // one per session running; Max of them
	students *students
	p        *locale.Printer

	mu       sync.Mutex
	conns    map[*trackedConn]struct{} // every TCP connection, also mid-handshake
	pending  map[string]int            // connections of each host not yet in a session
	sessions map[*Session]struct{}     // every session with a handler running
	live     map[string]*Session       // the session of each student in the app
	closing  bool
	logMu    sync.Mutex

	stopMu  sync.Mutex
	stopped StopReport // guarded by stopMu

	handlers  sync.WaitGroup // session handlers
	filters   sync.WaitGroup // the session channels' request filters (newChannel.Accept)
	serving   bool           // Serve was called; guarded by mu
	served    chan struct{}  // closed when Serve returns
	accepting chan struct{}  // closed when the library first accepts: it has counted its listener
	acceptOne sync.Once
	serveOnce sync.Once
	closeOnce sync.Once
	closeErr  error
}

// DefaultHostKeyPath is distlab/ssh_host_ed25519_key in the user's config
// folder.
func DefaultHostKeyPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", locale.Errorf("serve: no config folder: %w", err)
	}
	return filepath.Join(dir, "distlab", "ssh_host_ed25519_key"), nil
}

// DefaultStudentsDir is distlab/students in the user's config folder.
func DefaultStudentsDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", locale.Errorf("serve: no config folder: %w", err)
	}
	return filepath.Join(dir, "distlab", "students"), nil
}

// New prepares a server for cfg and binds its address: the host key is
// loaded (or made), the students' folder opened, and the class code made
// when none is given. Nothing is served until Serve.
func New(cfg Config) (*Server, error) {
	cfg = withDefaults(cfg)
	var err error
	if cfg.HostKeyPath == "" {
		if cfg.HostKeyPath, err = DefaultHostKeyPath(); err != nil {
			return nil, err
		}
	}
	if cfg.StudentsDir == "" {
		if cfg.StudentsDir, err = DefaultStudentsDir(); err != nil {
			return nil, err
		}
	}
	signer, err := LoadHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	st, err := openStudents(cfg.StudentsDir)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg: cfg, code: cfg.Code, students: st, p: cfg.Printer, hostKey: fingerprint(signer.PublicKey()),
		slots:    make(chan struct{}, cfg.Max),
		conns:    map[*trackedConn]struct{}{},
		pending:  map[string]int{},
		sessions: map[*Session]struct{}{},
		live:     map[string]*Session{},
		served:   make(chan struct{}),

		accepting: make(chan struct{}),
	}
	if s.code == "" {
		s.code = NewCode()
	}
	s.ssh, err = wish.NewServer(
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		ssh.AllocatePty(),
		// A connection with no traffic at all, either way; a session's own
		// idle timeout counts input only (conn.go).
		wish.WithIdleTimeout(2*cfg.IdleTimeout+time.Minute),
		func(srv *ssh.Server) error {
			srv.Version = "distlab"
			srv.HandshakeTimeout = handshakeTimeout
			srv.Handler = s.handle
			srv.ConnCallback = s.trackConn
			srv.ServerConfigCallback = s.serverConfig
			// Set explicitly, not left to the library's package-level
			// defaults: a session channel and nothing else (a forward is
			// refused with a line saying so); no global requests
			// (tcpip-forward is refused), no subsystems (sftp).
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel,
				"direct-tcpip": s.refuseForward, "direct-streamlocal@openssh.com": s.refuseForward}
			srv.RequestHandlers = map[string]ssh.RequestHandler{"tcpip-forward": s.refuseRemoteForward,
				"streamlocal-forward@openssh.com": s.refuseRemoteForward}
			srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
			srv.SessionRequestCallback = func(_ ssh.Session, kind string) bool { return kind == "shell" }
			srv.LocalPortForwardingCallback = nil
			srv.ReversePortForwardingCallback = nil
			return nil
		},
	)
	if err != nil {
		return nil, locale.Errorf("serve: %w", err)
	}
	if s.ln, err = net.Listen("tcp", cfg.Listen); err != nil {
		return nil, locale.Errorf("serve: %w", err)
	}
	return s, nil
}

// handshakeTimeout bounds a connection's handshake and authentication.
const handshakeTimeout = 20 * time.Second

func withDefaults(cfg Config) Config {
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	if cfg.Max <= 0 {
		cfg.Max = DefaultMax
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	if cfg.InputRate <= 0 {
		cfg.InputRate = DefaultInputRate
	}
	if cfg.InputBurst <= 0 {
		cfg.InputBurst = DefaultInputBurst
	}
	if cfg.FloodLimit <= 0 {
		cfg.FloodLimit = DefaultFloodLimit
	}
	if cfg.SetupTimeout <= 0 {
		cfg.SetupTimeout = DefaultSetupTimeout
	}
	if cfg.Printer == nil {
		cfg.Printer = locale.For(locale.English)
	}
	return cfg
}

// Addr is the address the server listens on (with the port chosen when
// Listen asked for port 0).
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Code is the class code.
func (s *Server) Code() string { return s.code }

// HostKeyPath is where the host key is kept.
func (s *Server) HostKeyPath() string { return s.cfg.HostKeyPath }

// StudentsDir is where the students' progress is kept.
func (s *Server) StudentsDir() string { return s.cfg.StudentsDir }

// Serve serves until ctx ends or Close is called, then closes the server
// (see Close) and returns nil; any other error of the listener is returned.
func (s *Server) Serve(ctx context.Context) error {
	s.mu.Lock()
	if s.closing { // closed before it served: the library never starts
		s.mu.Unlock()
		s.serveOnce.Do(func() { close(s.served) })
		return nil
	}
	s.serving = true
	s.mu.Unlock()
	stop := context.AfterFunc(ctx, func() { _ = s.Close() })
	defer stop()
	err := s.ssh.Serve(acceptSignal{s.ln, s})
	s.serveOnce.Do(func() { close(s.served) })
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing || errors.Is(err, ssh.ErrServerClosed) {
		// The library stops serving as soon as Close has shut its
		// listener, long before the sessions are told and saved: wait
		// for Close to have done all of it (a second Close waits for the
		// first), or the process that returns from here exits under the
		// sessions' feet (no goodbye, no save, no log line).
		_ = s.Close()
		return nil
	}
	// The listener failed under the library: the sessions still open are
	// told and saved as at a Close, and the report says so.
	return errors.Join(locale.Errorf("serve: %w", err), s.Close())
}

// acceptSignal is the server's listener as the SSH library gets it: its
// first Accept says the library is serving (Server.accepting).
type acceptSignal struct {
	net.Listener
	s *Server
}

func (l acceptSignal) Accept() (net.Conn, error) {
	l.s.acceptOne.Do(func() { close(l.s.accepting) })
	return l.Listener.Accept()
}

// stopGrace is how long Close gives the clients to close their
// connections once every session has said goodbye, before it cuts them.
const stopGrace = 3 * time.Second

// Close stops the server: no new connections; every session is told the
// server is stopping, saves its progress and ends (each bounded by
// killGrace and WriteTimeout); connections still open after a short grace
// are closed. It returns once every session's handler has returned, and
// Stopped says what became of them.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closing = true
		serving := s.serving
		running := make([]*Session, 0, len(s.sessions))
		for ss := range s.sessions {
			running = append(running, ss)
		}
		s.mu.Unlock()
		for _, ss := range running {
			ss.end(endStopped)
		}
		// Each handler quits its program (stopped past killGrace), saves,
		// writes its goodbye and its log line, and returns: before any
		// connection is cut, or the goodbye would be lost.
		s.handlers.Wait()
		if serving {
			// The library counts its listener in a WaitGroup that
			// Shutdown waits on; a Shutdown before Serve has counted it
			// races with the count (the race detector caught it). Wait
			// for its first Accept, or for Serve to have given up.
			select {
			case <-s.accepting:
			case <-s.served:
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), stopGrace)
		defer cancel()
		if err := s.ssh.Shutdown(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			s.closeErr = err
		}
		_ = s.ssh.Close()
		s.closeConns()
		s.handlers.Wait() // a session that began meanwhile was refused
		s.filters.Wait()  // each ends with its connection, closed above
		_ = s.ln.Close()  // also when Serve had not yet handed it to the library
		if serving {
			<-s.served
		}
	})
	return s.closeErr
}

// StopReport is what stopping did to the sessions open then.
type StopReport struct {
	Sessions int // sessions open when the server began to stop
	Told     int // of them, those whose goodbye line was written
	Saved    int // students whose progress was saved
	// Failed names the students whose progress could not be saved, and why.
	Failed []StopFailure
}

// StopFailure is a student whose progress was not saved when the server
// stopped.
type StopFailure struct {
	Name string
	Err  error
}

// Stopped is what Close did to the sessions it ended; complete once Close
// (or Serve) has returned.
func (s *Server) Stopped() StopReport {
	s.stopMu.Lock()
	defer s.stopMu.Unlock()
	r := s.stopped
	r.Failed = slices.Clone(r.Failed)
	return r
}

// noteStopped records how a session ended by the server's stop went:
// whether its goodbye was written, and its save (admitted: it had an app
// to save; saveErr: the save failed).
func (s *Server) noteStopped(name string, told, admitted bool, saveErr error) {
	s.stopMu.Lock()
	defer s.stopMu.Unlock()
	s.stopped.Sessions++
	if told {
		s.stopped.Told++
	}
	switch {
	case admitted && saveErr == nil:
		s.stopped.Saved++
	case admitted:
		s.stopped.Failed = append(s.stopped.Failed, StopFailure{Name: name, Err: saveErr})
	}
}

// logf writes one line to the log, in the server's language.
func (s *Server) logf(format string, args ...any) {
	if s.cfg.Log == nil {
		return
	}
	line := time.Now().Format("15:04:05") + " " + s.p.T(format, args...)
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintln(s.cfg.Log, line)
}

// fingerprint is the SHA-256 fingerprint OpenSSH prints for key.
func fingerprint(key gossh.PublicKey) string { return gossh.FingerprintSHA256(key) }

// HostKeyFingerprint is the host key's SHA-256 fingerprint, which students'
// ssh shows the first time they connect.
func (s *Server) HostKeyFingerprint() string { return s.hostKey }

// Lines say r to the instructor, in p's language: how many sessions were
// told and how many students' progress saved, then each student whose
// progress was not saved, and why.
func (r StopReport) Lines(p *locale.Printer) []string {
	if r.Sessions == 0 {
		return []string{p.T("stopped: no session was open")}
	}
	head := p.T("stopped: %d sessions were told the class ended", r.Told)
	if r.Told < r.Sessions {
		head = p.T("stopped: %d of %d sessions were told the class ended", r.Told, r.Sessions)
	}
	if r.Saved > 0 || len(r.Failed) > 0 {
		head += "; " + p.T("the progress of %d students is saved", r.Saved)
	}
	lines := []string{head}
	for _, f := range r.Failed {
		lines = append(lines, "  "+p.T("the progress of %s was NOT saved: %v", f.Name, p.Err(f.Err)))
	}
	return lines
}
