package load

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat:
// 100 on Linux everywhere it runs.
const clockTicks = 100

// ticks is the CPU time pid has used (every thread's utime + stime), in
// clock ticks, and when it was read; 0 and now for pid 0.
func ticks(pid int) (int64, time.Time, error) {
	if pid <= 0 {
		return 0, time.Now(), nil
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	now := time.Now()
	if err != nil {
		return 0, now, fmt.Errorf("load: the server's CPU: %w", err)
	}
	// The command name, in parentheses, may hold spaces: count the fields
	// from the last ')'. f[0] is field 3 (state); utime is 14, stime 15.
	line := string(b)
	f := strings.Fields(line[strings.LastIndexByte(line, ')')+1:])
	if len(f) < 13 {
		return 0, now, fmt.Errorf("load: /proc/%d/stat: %d fields", pid, len(f))
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, now, fmt.Errorf("load: /proc/%d/stat: %q", pid, line)
	}
	return ut + st, now, nil
}

// cpuFraction is ticks over d, as a fraction of one core.
func cpuFraction(ticks int64, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(ticks) / clockTicks / d.Seconds()
}

// rss is pid's resident memory, in bytes (VmRSS).
func rss(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("load: the server's memory: %w", err)
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("load: VmRSS %q", v)
			}
			return kb << 10, nil
		}
	}
	return 0, fmt.Errorf("load: no VmRSS in /proc/%d/status", pid)
}

// selfCPU is the CPU time this process has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
