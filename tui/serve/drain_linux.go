package serve

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// drain waits, at most for limit, until the PTY's master has nothing left
// for the library's copy to read, then a moment for the copy to write it.
func drain(master *os.File, limit time.Duration) {
	sc, err := master.SyscallConn()
	if err != nil {
		return
	}
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		n := -1
		if sc.Control(func(fd uintptr) { n, _ = unix.IoctlGetInt(int(fd), unix.TIOCINQ) }) != nil || n <= 0 {
			break
		}
	}
	time.Sleep(20 * time.Millisecond)
}
