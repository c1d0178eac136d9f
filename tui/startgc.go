package tui

import (
	"os"
	"runtime/debug"
	"time"
)

// Start-up allocates about 10 MB in small pieces (the course, the styles,
// the first glamour renders, the first 200×60 frame), and with Go's default
// GOGC of 100 on a heap that small the collector ran nine times in the first
// 170 ms, each time taking one of two cores from the first frame. Measured by
// tui/perf's BenchmarkStartup: the first full frame came 8–10 ms sooner
// (74 → 65 ms) with collection paused.
const (
	// startGCPause is how long collection waits: the first lesson is drawn
	// in full well within it.
	startGCPause = time.Second
	// startGCLimit bounds the heap meanwhile: past it the collector runs
	// anyway (the runtime's soft memory limit).
	startGCLimit = 256 << 20
)

// PauseStartGC stops garbage collection for startGCPause, or until the returned
// function is called, unless GOGC or GOMEMLIMIT set it from the environment.
// The app's command calls it first, before the course loads (about half
// of what start-up allocates); Run does not pause it again.
func PauseStartGC() (resume func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(startGCLimit)
	t := time.AfterFunc(startGCPause, func() { restoreGC(percent, limit) })
	return func() {
		if t.Stop() {
			restoreGC(percent, limit)
		}
	}
}

func restoreGC(percent int, limit int64) {
	debug.SetGCPercent(percent)
	debug.SetMemoryLimit(limit)
}
