package tui

import (
	"os"
	"runtime/debug"
	"testing"
	"testing/synctest"
	"time"
)

// gcPercent is the current GOGC, read by setting it back.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// Collection pauses at start-up and comes back by itself, or when resumed,
// with the setting it had.
func TestPauseGC(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set: PauseStartGC leaves the collector alone")
	}
	before, limit := gcPercent(), debug.SetMemoryLimit(-1)
	synctest.Test(t, func(t *testing.T) {
		resume := PauseStartGC()
		if p := gcPercent(); p != -1 {
			t.Fatalf("GOGC %d during start-up, want off", p)
		}
		if l := debug.SetMemoryLimit(-1); l != startGCLimit {
			t.Errorf("memory limit %d during start-up, want %d", l, startGCLimit)
		}
		time.Sleep(startGCPause)
		synctest.Wait()
		if p := gcPercent(); p != before {
			t.Errorf("GOGC %d after the pause, want %d back", p, before)
		}
		if l := debug.SetMemoryLimit(-1); l != limit {
			t.Errorf("memory limit %d after the pause, want %d back", l, limit)
		}
		resume() // late: changes nothing

		resume = PauseStartGC()
		resume()
		if p := gcPercent(); p != before {
			t.Errorf("GOGC %d after resume, want %d back", p, before)
		}
	})
}
