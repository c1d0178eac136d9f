package perf

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat:
// 100 on Linux everywhere it runs.
const clockTicks = 100

// procStat is the fields of /proc/<pid>/stat this package reads.
type procStat struct {
	ppid  int
	ticks int64 // utime + stime
}

// parseStat reads a /proc/<pid>/stat line. The command name, in parentheses,
// may hold spaces and parentheses itself, so fields are counted from the last
// ')'.
func parseStat(line string) (procStat, error) {
	i := strings.LastIndexByte(line, ')')
	if i < 0 {
		return procStat{}, fmt.Errorf("stat: no ')' in %q", line)
	}
	f := strings.Fields(line[i+1:])
	// f[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
	if len(f) < 13 {
		return procStat{}, fmt.Errorf("stat: %d fields after the name", len(f))
	}
	ppid, err := strconv.Atoi(f[1])
	if err != nil {
		return procStat{}, fmt.Errorf("stat: ppid: %w", err)
	}
	ut, err := strconv.ParseInt(f[11], 10, 64)
	if err != nil {
		return procStat{}, fmt.Errorf("stat: utime: %w", err)
	}
	st, err := strconv.ParseInt(f[12], 10, 64)
	if err != nil {
		return procStat{}, fmt.Errorf("stat: stime: %w", err)
	}
	return procStat{ppid: ppid, ticks: ut + st}, nil
}

// treeTicks is the CPU ticks used so far by pid and each of its living
// descendants, by pid.
func treeTicks(pid int) (map[int]int64, error) {
	paths, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		return nil, err
	}
	all := map[int]procStat{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue // gone
		}
		n, err := strconv.Atoi(filepath.Base(filepath.Dir(p)))
		if err != nil {
			continue
		}
		if s, err := parseStat(string(b)); err == nil {
			all[n] = s
		}
	}
	root, ok := all[pid]
	if !ok {
		return nil, fmt.Errorf("no process %d", pid)
	}
	out := map[int]int64{pid: root.ticks}
	for grew := true; grew; { // a few rounds: the tree is shallow
		grew = false
		for n, s := range all {
			if _, in := out[n]; !in {
				if _, parentIn := out[s.ppid]; parentIn {
					out[n] = s.ticks
					grew = true
				}
			}
		}
	}
	return out, nil
}

// ticksBetween is the ticks a process tree used between two samples: each
// process's growth, counting a process born in between from zero. A child
// that died in between loses its share (distlab's demos run in its own
// process, so this is rare).
func ticksBetween(before, after map[int]int64) (ticks int64, procs int) {
	for pid, a := range after {
		ticks += a - before[pid]
	}
	return ticks, len(after)
}
