// Package testwait is for test binaries whose tests wait (on timers,
// sockets, SSH round trips, tmux, other processes) rather than compute:
// go test runs only as many parallel tests at once as there are cores,
// which on a two-core machine leaves such tests queued behind each other
// while the cores idle. Tests only; nothing in the app imports it.
package testwait

import (
	"flag"
	"runtime"
	"strconv"
)

// Parallel lets n parallel tests run at once (or one per core, if that is
// more), unless the command line set -parallel. Call it from TestMain,
// after flag.Parse.
func Parallel(n int) {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		flag.Set("test.parallel", strconv.Itoa(max(n, runtime.GOMAXPROCS(0))))
	}
}
