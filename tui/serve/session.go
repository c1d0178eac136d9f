package serve

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/locale"
)

// Session is one student's session, the hook for the class hub: who the
// student is, and a way to reach their program. Its exported fields are set
// before Config.NewApp is called and never change after.
type Session struct {
	// ID names the student in files and in the class: "k" and the hex
	// SHA-256 of their public key, or "n" and a hash of the name a student
	// without a key typed. Safe in a file name.
	ID string
	// Name is the name the class sees, filtered of anything a terminal
	// would act on.
	Name string
	// Fingerprint is the key's "SHA256:…" as OpenSSH prints it, "" for a
	// student who joined with the class code.
	Fingerprint string
	Lang        locale.Lang // the language the app opens in
	Remote      string      // the client's address
	Started     time.Time

	srv  *Server
	tc   *trackedConn
	user string // the SSH user name, offered as the name
	out  *output

	ctx    context.Context // ends the program
	cancel context.CancelFunc
	wake   chan struct{} // capacity one: something is in the inbox
	done   chan struct{} // closed once the progress is saved

	mu       sync.Mutex
	inbox    []tea.Msg
	resize   bool // w, h are new
	w, h     int
	why      endReason // why the session ends; endNone while it runs
	app      App       // the app, once built
	admitted bool      // the student is in live
	admits   sync.WaitGroup
}

// inboxSize is how many messages Send keeps for a program that has not
// taken them yet.
const inboxSize = 64

// Send hands msg to the session's program without blocking; it reports
// false when the session has ended or has inboxSize messages not yet taken
// (a stuck client).
func (s *Session) Send(msg tea.Msg) bool {
	s.mu.Lock()
	if s.why != endNone || len(s.inbox) >= inboxSize {
		s.mu.Unlock()
		return false
	}
	s.inbox = append(s.inbox, msg)
	s.mu.Unlock()
	s.poke()
	return true
}

// Close ends the session as the server's stop does: the student is told,
// the progress saved.
func (s *Session) Close() { s.end(endStopped) }

// Done is closed once the session has ended and its progress is saved.
func (s *Session) Done() <-chan struct{} { return s.done }

func (s *Session) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// resized is the client's new window size.
func (s *Session) resized(w, h int) {
	s.mu.Lock()
	s.w, s.h, s.resize = w, h, true
	s.mu.Unlock()
	s.poke()
}

// endReason says why a session ended.
type endReason int

const (
	endNone     endReason = iota
	endQuit               // the student quit
	endLost               // the connection was lost (the terminal closed, the ssh client killed)
	endStopped            // the server is stopping
	endIdle               // no input for IdleTimeout
	endFlood              // input over the rate for longer than FloodLimit
	endStuck              // the client stopped reading
	endReplaced           // the student connected again elsewhere
)

var errFlood = errors.New("serve: input flood")

// killGrace is how long a session told to end has to save and quit before
// its program is stopped.
const killGrace = 3 * time.Second

// end ends the session for why (the first reason given wins): the program
// is asked to quit, and stopped if it has not within killGrace; a client
// that stopped reading is cut off at once.
func (s *Session) end(why endReason) {
	s.mu.Lock()
	if s.why != endNone {
		s.mu.Unlock()
		return
	}
	s.why = why
	s.mu.Unlock()
	if why == endStuck || why == endFlood {
		// Nothing more goes to this client: its writes fail from now on,
		// so the program is free to quit.
		s.out.kill()
		_ = s.tc.Close()
	}
	s.poke()
	time.AfterFunc(killGrace, s.kill)
}

// kill stops the program at once and unblocks its writes: for a program
// that did not quit when asked.
func (s *Session) kill() {
	s.out.kill()
	s.cancel()
}

// take empties the inbox: the messages, the new size if any, and whether
// the session must end.
func (s *Session) take() (msgs []tea.Msg, w, h int, resized, ending bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	msgs, s.inbox = s.inbox, nil
	resized, s.resize = s.resize, false
	return msgs, s.w, s.h, resized, s.why != endNone
}

// reason is why the session ended; endQuit when nothing else ended it.
func (s *Session) reason() endReason {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.why == endNone {
		return endQuit
	}
	return s.why
}

// wait is the command that waits for the inbox.
func (s *Session) wait() tea.Msg {
	select {
	case <-s.wake:
		return wakeMsg{}
	case <-s.ctx.Done():
		return nil
	}
}

// wakeMsg says the inbox has something.
type wakeMsg struct{}

// remoteHost is the host part of a remote address.
func remoteHost(a net.Addr) string {
	if a == nil {
		return ""
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// langOf is the language the client's environment asks for (LC_ALL, then
// LC_MESSAGES, then LANG), and whether it asks for one at all.
func langOf(getenv func(string) string) (locale.Lang, bool) {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			l, ok := locale.Parse(v)
			return l, ok
		}
	}
	return locale.English, false
}

// isLocaleVar reports whether k is one of the variables langOf reads.
func isLocaleVar(k string) bool { return k == "LANG" || strings.HasPrefix(k, "LC_") }

// envGetter reads a session's "KEY=value" environment.
func envGetter(env []string) func(string) string {
	return func(k string) string {
		v := ""
		for _, kv := range env { // the last one set wins
			if key, val, ok := strings.Cut(kv, "="); ok && key == k {
				v = val
			}
		}
		return v
	}
}
