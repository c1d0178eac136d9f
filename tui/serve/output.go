package serve

import (
	"errors"
	"io"
	"os"
	"sync"
	"time"
)

// output is the program's output, the session's PTY: a write that blocks
// longer than timeout (the client stopped reading, the PTY is full) ends
// the session, so that one stuck client holds up nobody else; kill
// unblocks a write under way for good.
type output struct {
	f       *os.File
	timeout time.Duration
	stuck   func()

	mu   sync.Mutex
	dead bool
}

// Write writes p, giving up after the timeout.
func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	if o.dead {
		o.mu.Unlock()
		return 0, io.ErrClosedPipe
	}
	_ = o.f.SetWriteDeadline(time.Now().Add(o.timeout))
	o.mu.Unlock()
	n, err := o.f.Write(p)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		o.stuck()
	}
	return n, err
}

// kill makes every write fail from now on, also one blocked now.
func (o *output) kill() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.dead = true
	_ = o.f.SetWriteDeadline(time.Unix(1, 0))
}
