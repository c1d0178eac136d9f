// Package perf measures how fast distlab's screen answers and what it costs,
// side by side with a hello-world Bubble Tea program (the floor,
// cmd/distlab/testdata/floor) at the same frame rate.
//
// It holds benchmarks only, run by hand on the machine they describe; no
// test asserts on a time. Each benchmark starts the real binaries under a
// pseudo-terminal of 200×60 whose output feeds a terminal emulator
// (github.com/charmbracelet/x/vt, which also answers the programs'
// queries), and measures:
//
//   - BenchmarkKeyToFrame: from writing a key to the pty until the bytes of
//     the frame that shows its effect have been read — the floor's "last
//     key:" line, and in distlab the focus moving (tab) between a lesson and
//     three demos (chat, clocks, scale);
//   - BenchmarkCPU: % of one core (utime+stime from /proc/<pid>/stat, with
//     any child processes, over a fixed window) of the floor idle, distlab
//     idle on a lesson, and distlab with the three demos running beside it;
//     also the pty reads and bytes a second the program wrote;
//   - BenchmarkStartup: from starting the process to its first full frame,
//     distlab and the floor taken in turns.
//
// Every loop is bounded in count and time; the demos listen on 127.0.0.1
// only. Run from the module root:
//
//	go test ./tui/perf -run '^$' -bench . -benchtime 1x -timeout 15m
//
// Flags (after -args): -distlab and -floor take prebuilt binaries instead of
// building this checkout (to compare with another commit), -fps sets the
// floor's frame rate (default tui.FrameRate, distlab's own), -keys the
// number of keys timed, -window the CPU window, -starts the start-ups.
package perf
