package perf

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// Screen size of every run: the 200×60.
const (
	cols = 200
	rows = 60
)

// vtEmulator is the terminal emulator the programs draw on.
type vtEmulator = vt.Emulator

// term is a program running under a pseudo-terminal whose output feeds a
// terminal emulator. The emulator's answers to the program's queries
// (background color, modes) go back to the program, as a real terminal's
// would.
type term struct {
	cmd     *exec.Cmd
	pty     *os.File
	started time.Time // just before the process started

	mu    sync.Mutex
	emu   *vtEmulator
	want  func(*vtEmulator) bool // checked after each read while set
	found chan time.Time         // when the read that satisfied want returned
	reads int                    // pty reads with data, since the start
	bytes int64                  // bytes read, since the start

	done chan struct{} // closed when the pty read loop ends
}

// start runs exe with args under a 200×60 pty, with env added to a small
// fixed environment.
func start(exe string, args []string, env ...string) (*term, error) {
	cmd := exec.Command(exe, args...)
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + os.TempDir(),
		"TERM=xterm-256color",
		"COLORTERM=truecolor",
		"LANG=C.UTF-8",
	}, env...)
	t := &term{
		cmd:   cmd,
		emu:   vt.NewEmulator(cols, rows),
		found: make(chan time.Time, 1),
		done:  make(chan struct{}),
	}
	t.started = time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: rows, Cols: cols})
	if err != nil {
		return nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	t.pty = f
	go t.readLoop()
	go func() { _, _ = io.Copy(f, t.emu) }() // the emulator's answers; ends when the pty closes
	return t, nil
}

func (t *term) readLoop() {
	defer close(t.done)
	buf := make([]byte, 64<<10)
	for {
		n, err := t.pty.Read(buf)
		at := time.Now()
		if n > 0 {
			t.mu.Lock()
			_, _ = t.emu.Write(buf[:n])
			t.reads++
			t.bytes += int64(n)
			if t.want != nil && t.want(t.emu) {
				t.want = nil
				t.found <- at
			}
			t.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// errTimeout says the screen did not show what was awaited in time.
var errTimeout = errors.New("timed out")

// await arms want, then runs act (which may be nil), and returns the time of
// the pty read after which the screen first satisfied want. A screen that
// already satisfies want before act counts at once.
func (t *term) await(want func(*vtEmulator) bool, act func() error, timeout time.Duration) (time.Time, error) {
	t.mu.Lock()
	select { // drop a stale find
	case <-t.found:
	default:
	}
	if want(t.emu) {
		t.mu.Unlock()
		if act != nil {
			if err := act(); err != nil {
				return time.Time{}, err
			}
		}
		return time.Now(), nil
	}
	t.want = want
	t.mu.Unlock()
	if act != nil {
		if err := act(); err != nil {
			return time.Time{}, err
		}
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case at := <-t.found:
		return at, nil
	case <-t.done:
		return time.Time{}, fmt.Errorf("program ended: %w", errTimeout)
	case <-timer.C:
		t.mu.Lock()
		t.want = nil
		t.mu.Unlock()
		return time.Time{}, errTimeout
	}
}

// key writes s to the program's input and returns when it was written.
func (t *term) key(s string) (time.Time, error) {
	at := time.Now()
	_, err := t.pty.WriteString(s)
	return at, err
}

// screen is the emulator's text, one line per row.
func (t *term) screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.emu.String()
}

// output is the pty reads and bytes so far.
func (t *term) output() (reads int, bytes int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.reads, t.bytes
}

// stop quits the program with quit (if any), waits for it up to a few
// seconds, then kills it, and closes the pty.
func (t *term) stop(quit string) {
	exited := make(chan struct{})
	go func() {
		_ = t.cmd.Wait()
		close(exited)
	}()
	if quit != "" {
		_, _ = t.pty.WriteString(quit)
	}
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		_ = t.cmd.Process.Kill()
		<-exited
	}
	_ = t.pty.Close()
	select {
	case <-t.done:
	case <-time.After(2 * time.Second):
	}
}

// contains is a want that the screen shows every one of subs.
func contains(subs ...string) func(*vtEmulator) bool {
	return func(e *vtEmulator) bool {
		s := e.String()
		for _, sub := range subs {
			if !strings.Contains(s, sub) {
				return false
			}
		}
		return true
	}
}

// corner is a cell of the screen.
type corner struct{ x, y int }

// focusCorners are the cells holding "┏", the top-left corner of distlab's
// focused pane (the others have "╭").
func focusCorners(e *vtEmulator) []corner {
	var cs []corner
	for y := range rows {
		for x := range cols {
			if c := e.CellAt(x, y); c != nil && c.Content == "┏" {
				cs = append(cs, corner{x, y})
			}
		}
	}
	return cs
}

// focusMovedFrom is a want that exactly one pane is focused and it is not
// the one whose corner was at from.
func focusMovedFrom(from corner) func(*vtEmulator) bool {
	return func(e *vtEmulator) bool {
		cs := focusCorners(e)
		return len(cs) == 1 && cs[0] != from
	}
}
