//go:build !linux

package load

import (
	"errors"
	"time"
)

var errNoProc = errors.New("load: a server's CPU and memory are read from Linux's /proc")

func ticks(pid int) (int64, time.Time, error) {
	if pid <= 0 {
		return 0, time.Now(), nil
	}
	return 0, time.Now(), errNoProc
}

func cpuFraction(int64, time.Duration) float64 { return 0 }

func rss(int) (int64, error) { return 0, errNoProc }

func selfCPU() time.Duration { return 0 }
