//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// onResize calls f each time the terminal's window changes size, until
// stop is called: the chat client's input line is drawn again at the new
// width.
func onResize(f func()) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGWINCH)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				f()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
