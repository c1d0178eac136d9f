package scale

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"distlab/demos/locale"
)

// WatchStdinEnv, set to "1" in a worker's environment, makes `distlab
// scale worker` exit when its standard input closes. Process sets it and
// holds the pipe, so workers it starts end with the bench even if the
// bench is killed before it can stop them.
const WatchStdinEnv = "DISTLAB_SCALE_WORKER_WATCH_STDIN"

// ListenLine is the first line `distlab scale worker` prints, in p's
// language: the address it listens on, which a parent reads with
// ParseListenLine.
func ListenLine(p *locale.Printer, addr string, procs, rounds int) string {
	return printer(p).T("listening on %s (GOMAXPROCS=%s, %d SHA-256 rounds a request)", addr, strconv.Itoa(procs), rounds)
}

// ParseListenLine returns the address in a ListenLine of any language: its
// first word that is a host and a port other than 0. A worker started by
// a bench speaks the language of its environment, which need not be the
// bench's.
func ParseListenLine(line string) (string, bool) {
	for _, w := range strings.Fields(line) {
		host, port, err := net.SplitHostPort(w)
		if err != nil || port == "" || port == "0" || strings.ContainsAny(host, "()") {
			continue
		}
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			continue
		}
		return w, true
	}
	return "", false
}

// Process is a worker running as a child process: exe scale worker
// --listen 127.0.0.1:0, with GOMAXPROCS set.
type Process struct {
	cmd    *exec.Cmd
	addr   string
	procs  int
	stdin  io.WriteCloser
	stderr *lockedBuffer
	exited chan struct{} // closed when the process has been waited for
	err    error         // Wait's, once exited is closed

	stopOnce sync.Once
}

// StartProcess starts a worker process from exe (the distlab binary) with
// GOMAXPROCS=procs and waits for it to say where it listens. The worker
// takes the connections a bench gives that many cores (ConnsPerCore each),
// and at least DefaultMaxConns, so that a bench never finds its own worker
// full.
func StartProcess(ctx context.Context, exe string, procs, rounds int) (*Process, error) {
	if procs < 1 {
		return nil, locale.Errorf("scale: GOMAXPROCS=%s", strconv.Itoa(procs))
	}
	args := []string{"scale", "worker", "--listen", "127.0.0.1:0",
		"--max-conns", strconv.Itoa(max(DefaultMaxConns, ConnsPerCore*procs))}
	if rounds > 0 {
		args = append(args, "--rounds", strconv.Itoa(rounds))
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(procs), WatchStdinEnv+"=1")
	p := &Process{cmd: cmd, procs: procs, stderr: &lockedBuffer{}, exited: make(chan struct{})}
	cmd.Stderr = p.stderr
	var err error
	if p.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, locale.Errorf("starting a worker: %w", err)
	}
	br := bufio.NewReader(stdout)
	first := make(chan string, 1)
	go func() {
		line, _ := br.ReadString('\n')
		first <- line
		io.Copy(io.Discard, br) // until the process exits
		p.err = cmd.Wait()
		close(p.exited)
	}()
	timer := time.NewTimer(10 * time.Second)
	defer timer.Stop()
	var line string
	select {
	case line = <-first:
	case <-timer.C:
		p.Stop()
		return nil, locale.Errorf("worker %s said nothing in %s: %s", exe, dur(10*time.Second), strings.TrimSpace(p.stderr.String()))
	case <-ctx.Done():
		p.Stop()
		return nil, ctx.Err()
	}
	addr, ok := ParseListenLine(line)
	if !ok {
		p.Stop()
		return nil, locale.Errorf("worker %s did not say where it listens: %q %s", exe, strings.TrimSpace(line),
			strings.TrimSpace(p.stderr.String()))
	}
	p.addr = addr
	return p, nil
}

// Addr is where the worker listens.
func (p *Process) Addr() string { return p.addr }

// Procs is the worker's GOMAXPROCS.
func (p *Process) Procs() int { return p.procs }

// Pid is the worker's process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Stop ends the worker and waits for it: its stdin is closed and it is
// interrupted, which a worker takes as a clean shutdown; if it is still
// there after 3s it is killed. Stop can be called more than once.
func (p *Process) Stop() error {
	p.stopOnce.Do(func() {
		p.stdin.Close()
		if err := p.cmd.Process.Signal(os.Interrupt); err != nil {
			p.cmd.Process.Kill() // no SIGINT (Windows), or already gone
		}
		select {
		case <-p.exited:
		case <-time.After(3 * time.Second):
			p.cmd.Process.Kill()
			<-p.exited
		}
	})
	<-p.exited
	var exit *exec.ExitError
	if errors.As(p.err, &exit) && !exit.Exited() {
		return nil // ended by our signal
	}
	return p.err
}

// lockedBuffer keeps the first 4 KiB of a process's stderr.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if room := 4096 - l.b.Len(); room > 0 {
		l.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
