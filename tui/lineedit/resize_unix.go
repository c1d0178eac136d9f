//go:build unix

package lineedit

import (
	"os"
	"os/signal"
	"syscall"
)

// notifyResize makes ch receive each time the terminal's window changes
// size, until stop is called.
func notifyResize() (ch chan os.Signal, stop func()) {
	ch = make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGWINCH)
	return ch, func() { signal.Stop(ch) }
}
