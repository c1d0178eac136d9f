// Package floor is the hello-world wish v2 server that `distlab serve` is
// measured against (`distlab serve bench --floor`): Bubble Tea over SSH on a
// real PTY, as distlab's server runs it, with nothing of distlab's own —
// one short view that counts the keys. What the load generator measures on
// it is the cost of SSH, the PTY and Bubble Tea themselves.
//
// Anyone gets in (any key, password or keyboard-interactive answer): it
// listens on loopback for a benchmark and nothing else.
package floor

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"
)

// Server is the floor's SSH server.
type Server struct {
	ssh *ssh.Server
	ln  net.Listener
}

// New binds addr for a server whose programs draw at most fps frames a
// second (distlab's tui.FrameRate, to compare like with like).
func New(addr string, fps int) (*Server, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, err
	}
	srv, err := wish.NewServer(
		func(s *ssh.Server) error { s.AddHostKey(signer); return nil },
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithPasswordAuth(func(ssh.Context, string) bool { return true }),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		ssh.AllocatePty(),
		func(s *ssh.Server) error { s.Handler = func(sess ssh.Session) { handle(sess, fps) }; return nil },
	)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Server{ssh: srv, ln: ln}, nil
}

// Addr is the address it listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Serve serves until ctx ends, then closes every session and returns nil.
func (s *Server) Serve(ctx context.Context) error {
	stop := context.AfterFunc(ctx, func() {
		sctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = s.ssh.Shutdown(sctx)
		_ = s.ssh.Close()
	})
	defer stop()
	if err := s.ssh.Serve(s.ln); err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	return nil
}

// handle runs one session's program, on the PTY's slave opened anew, as
// distlab's server does (the library closes its own file when the client
// leaves, which may be under the program's reader: wish's Bubble Tea
// middleware races so).
func handle(sess ssh.Session, fps int) {
	pty, resizes, ok := sess.Pty()
	if !ok {
		wish.Fatalln(sess, "the floor needs a terminal: connect with ssh -t")
		return
	}
	f, err := os.OpenFile(pty.Slave.Name(), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		wish.Fatalln(sess, err)
		return
	}
	defer f.Close()
	p := tea.NewProgram(model{},
		tea.WithInput(f), tea.WithOutput(f),
		tea.WithEnvironment(append(sess.Environ(), "TERM="+pty.Term)),
		tea.WithWindowSize(pty.Window.Width, pty.Window.Height),
		tea.WithFPS(fps), tea.WithoutSignals())
	ended := make(chan struct{})
	var wg sync.WaitGroup // the relay of the session's end and resizes
	defer wg.Wait()
	defer close(ended)
	wg.Go(func() {
		for {
			select {
			case <-sess.Context().Done(): // the client left: quit, not kill
				p.Quit()
				return
			case <-ended:
				return
			case w := <-resizes:
				p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	})
	_, _ = p.Run()
}

// model is the whole program: a title and the keys typed.
type model struct {
	keys int
	last string
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if k.String() == "ctrl+c" || k.String() == "q" {
			return m, tea.Quit
		}
		m.keys++
		m.last = k.String()
	}
	return m, nil
}

// View begins with "distlab", as distlab's title bar does, so the load
// generator knows it is up (load.ReadyMark).
func (m model) View() tea.View {
	v := tea.NewView(fmt.Sprintf(" distlab · floor: hello, world over SSH\n\n keys: %d · last key: %s", m.keys, m.last))
	v.AltScreen = true
	return v
}
