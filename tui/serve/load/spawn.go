package load

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// FreeAddr is a loopback address with a port free right now, for a server
// started next (another process could take it meanwhile: rare on a
// machine of one's own).
func FreeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// Server is a server process started by Spawn.
type Server struct {
	cmd  *exec.Cmd
	log  *os.File
	done chan error
	wg   sync.WaitGroup // the wait for the process; Stop waits for it
}

// Spawn starts cmd, a server that listens on addr, with its output in the
// file logPath, and waits until addr accepts connections (at most
// timeout). The server runs in its own process so that its CPU and memory
// are its own (Server.PID).
func Spawn(cmd *exec.Cmd, addr, logPath string, timeout time.Duration) (*Server, error) {
	log, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, err
	}
	s := &Server{cmd: cmd, log: log, done: make(chan error, 1)}
	s.wg.Go(func() { s.done <- cmd.Wait() })
	deadline := time.Now().Add(timeout)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return s, nil
		}
		select {
		case err := <-s.done:
			s.done <- err
			return nil, fmt.Errorf("load: the server exited (%v): %s", err, s.Log())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			_ = s.Stop(time.Second)
			return nil, fmt.Errorf("load: nothing listens on %s after %s: %s", addr, timeout, s.Log())
		}
	}
}

// PID is the server's process id.
func (s *Server) PID() int { return s.cmd.Process.Pid }

// Log is the last lines the server wrote.
func (s *Server) Log() string {
	b, _ := os.ReadFile(s.log.Name())
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.Join(lines[max(0, len(lines)-5):], " / ")
}

// Stop asks the server to stop (an interrupt, as ctrl+c) and waits for
// it, killing it after grace.
func (s *Server) Stop(grace time.Duration) error {
	defer s.log.Close()
	defer s.wg.Wait()
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case err := <-s.done:
		return stopped(err)
	case <-time.After(grace):
		_ = s.cmd.Process.Kill()
		<-s.done
		return fmt.Errorf("load: the server did not stop within %s: killed", grace)
	}
}

// stopped is nil for a server that exited on its interrupt.
func stopped(err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) && !ee.Exited() {
		return nil // ended by the signal itself
	}
	return err
}
