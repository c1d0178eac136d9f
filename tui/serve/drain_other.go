//go:build !linux

package serve

import (
	"os"
	"time"
)

// drain gives the library's copy of the PTY a moment to write what the
// program wrote last (on Linux it waits for the PTY to be empty).
func drain(*os.File, time.Duration) { time.Sleep(100 * time.Millisecond) }
