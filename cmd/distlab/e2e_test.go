package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"distlab/demos/testwait"
	"distlab/lessons"
	"distlab/tui"
)

// The binaries the end-to-end tests drive, built once by TestMain: distlab
// itself and the floor program it is measured against. Empty when the
// end-to-end tests will skip (no tmux, or -short), so those runs build
// nothing.
var (
	distlabBin, floorBin string
	// buildFlags are go build's flags for them: -race when the tests run
	// under the race detector (race_test.go), so the build reuses the
	// packages go test has just compiled that way instead of compiling every
	// dependency a second time, and the race detector watches the real
	// program in a real terminal too.
	buildFlags []string
)

func TestMain(m *testing.M) {
	flag.Parse()
	// The end-to-end tests wait on tmux, processes and sockets rather than
	// compute: eight run at a time even on two cores (with two, the
	// longest, last in source order, started last), four under the race
	// detector, whose binaries compute five times as long.
	if len(buildFlags) > 0 { // -race
		testwait.Parallel(4)
	} else {
		testwait.Parallel(8)
	}
	os.Exit(runTests(m))
}

// runTests builds the binaries when the end-to-end tests will run, runs
// every test and removes the binaries again.
func runTests(m *testing.M) int {
	if _, err := exec.LookPath("tmux"); err == nil && !testing.Short() {
		dir, err := os.MkdirTemp("", "distlab-e2e-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		// One go build for both: they share most of their packages, and
		// go test puts its own go first on PATH.
		args := append(append([]string{"build"}, buildFlags...), "-o", dir+string(filepath.Separator), ".", "./testdata/floor")
		out, err := exec.Command("go", args...).CombinedOutput()
		if err != nil {
			fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
			return 1
		}
		distlabBin, floorBin = filepath.Join(dir, "distlab"), filepath.Join(dir, "floor")
	}
	return m.Run()
}

// tmux drives one private tmux server (its own socket), so tests never
// touch a user's sessions.
type tmux struct {
	t    *testing.T
	sock string
}

func newTmux(t *testing.T) *tmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end test (apt-get install tmux to run it)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	tm := &tmux{t: t, sock: filepath.Join(t.TempDir(), "tmux.sock")}
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", tm.sock, "kill-server").Run() })
	return tm
}

func (tm *tmux) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-u", "-S", tm.sock}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *tmux) start(w, h int, cmd string) {
	tm.run("new-session", "-d", "-s", "e2e", "-x", itoa(w), "-y", itoa(h), cmd)
}

func (tm *tmux) screen() string { return tm.run("capture-pane", "-p", "-t", "e2e") }

func (tm *tmux) keys(keys ...string) { tm.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...) }

// waitFor polls the screen until it shows every one of wants.
func (tm *tmux) waitFor(wants ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var s string
	for time.Now().Before(deadline) {
		s = tm.screen()
		ok := true
		for _, w := range wants {
			ok = ok && strings.Contains(s, w)
		}
		if ok {
			return s
		}
		time.Sleep(100 * time.Millisecond)
	}
	tm.t.Fatalf("screen never showed %q; last screen:\n%s", wants, s)
	return ""
}

// waitExit waits for the app to quit, which ends the session.
func (tm *tmux) waitExit() {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "-S", tm.sock, "has-session", "-t", "e2e").Run() != nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	tm.t.Fatalf("app did not quit; screen:\n%s", tm.screen())
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestE2E opens the second lesson in a real terminal (n, from the first),
// switches language, quits, and checks the progress file it left.
func TestE2E(t *testing.T) {
	t.Parallel() // each end-to-end test has its own tmux server and state file
	tm := newTmux(t)
	var en, pt []lessons.Summary
	for lang, dst := range map[string]*[]lessons.Summary{"en": &en, "pt-BR": &pt} {
		out, err := exec.Command(distlabBin, "lessons", "--json", "--lang", lang).Output()
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out, dst); err != nil {
			t.Fatal(err)
		}
	}
	if len(en) < 2 || len(pt) != len(en) {
		t.Fatalf("need two lessons in each language: en %d, pt-BR %d", len(en), len(pt))
	}
	state := filepath.Join(t.TempDir(), "state.json")
	tm.start(100, 30, "env DISTLAB_STATE="+state+" LANG=en_US.UTF-8 "+distlabBin+" --theme dark")
	tm.waitFor("Lessons", en[0].Title)
	tm.keys("n") // the lesson has the keys at start: n is the next one
	tm.waitFor("2. " + en[1].Title)
	tm.keys("L")
	s := tm.waitFor("Lições", "pt-BR", "2. "+pt[1].Title)
	if strings.Contains(s, "2. "+en[1].Title) {
		t.Fatalf("English title still shown after L:\n%s", s)
	}
	tm.keys("q")
	tm.waitExit()
	data, err := os.ReadFile(state)
	if err != nil {
		t.Fatalf("no progress saved: %v", err)
	}
	var st struct {
		LastLesson string `json:"last_lesson"`
	}
	if err := json.Unmarshal(data, &st); err != nil || st.LastLesson != en[1].ID {
		t.Fatalf("progress does not remember %s:\n%s", en[1].ID, data)
	}
}

// TestE2EReload edits a lesson file while the app shows it, as an
// instructor would, and expects the new text on screen without a restart.
func TestE2EReload(t *testing.T) {
	t.Parallel() // each end-to-end test has its own tmux server and state file
	tm := newTmux(t)
	dir := t.TempDir()
	for _, lang := range []string{"en", "pt-BR"} {
		if err := os.MkdirAll(filepath.Join(dir, lang), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, lang, "01-a.md"), "---\nid: a\ntitle: First version\norder: 1\n---\nOld body.\n")
	}
	tm.start(100, 30, "env DISTLAB_STATE="+filepath.Join(dir, "state.json")+" "+distlabBin+" --lang en --lessons "+dir)
	tm.waitFor("First version", "Old body.")
	write(t, filepath.Join(dir, "en", "01-a.md"), "---\nid: a\ntitle: Second version\norder: 1\n---\nNew body.\n")
	tm.waitFor("Second version", "New body.", "lessons reloaded")
	write(t, filepath.Join(dir, "en", "02-b.md"), "---\nid: b\norder: 2\n---\nno title\n")
	tm.waitFor("1 problem in lesson files")
	tm.keys("!")
	tm.waitFor("02-b.md:1: missing title")
	tm.keys("q")
	tm.waitExit()
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestE2EPresenter starts in presenter mode, as an instructor would with a
// clicker, moves through slides and opens the speaker notes.
func TestE2EPresenter(t *testing.T) {
	t.Parallel() // each end-to-end test has its own tmux server and state file
	tm := newTmux(t)
	dir := t.TempDir()
	tm.start(100, 30, "env DISTLAB_STATE="+filepath.Join(dir, "state.json")+" "+distlabBin+" --lang en --presenter --lesson scalability")
	s := tm.waitFor("1/", "Learning goals")
	if !strings.Contains(s, "┏━┓") { // the title in block letters
		t.Fatalf("no title banner on the first slide:\n%s", s)
	}
	tm.keys("PageDown")
	tm.waitFor("2/")
	tm.keys("Right", "N")
	tm.waitFor("3/", "Speaker notes")
	tm.keys("P")
	s = tm.waitFor("Lessons")
	if strings.Contains(s, "Speaker notes · 3/") {
		t.Fatalf("still presenting:\n%s", s)
	}
	tm.keys("q")
	tm.waitExit()
}

// TestE2EIdleCPU measures the CPU the app uses while nobody touches it: an
// idle app must not tick. Linux only (it reads /proc).
//
// The yardstick is the floor program (testdata/floor), a hello-world Bubble
// Tea program at the app's frame rate, idle in its own terminal over the same
// six seconds: what the framework itself costs on this machine, today. The
// app may use at most twice the floor, or the floor plus three clock ticks
// (0.5 points) when that is more. The ratio catches an app that ticks where
// the framework does not (redrawing at its frame rate costs a few percent
// of a core); the absolute margin keeps a stray tick or two from turning
// noise into a failure. The fine figures are tui/perf's BenchmarkCPU.
func TestE2EIdleCPU(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc: Linux only")
	}
	t.Parallel() // both programs are measured over the same window, whatever else runs
	app, floor := newTmux(t), newTmux(t)
	dir := t.TempDir()
	app.start(100, 30, "exec env DISTLAB_STATE="+filepath.Join(dir, "state.json")+" "+distlabBin+" --lang en")
	floor.start(100, 30, "exec "+floorBin+" -fps "+itoa(tui.FrameRate))
	app.waitFor("Lessons")
	floor.waitFor("hello, world")
	app.keys("Enter", "PageDown") // a lesson open and scrolled, then hands off
	floor.keys("x")
	floor.waitFor("last key: x")
	time.Sleep(3 * time.Second) // past the app's delayed save of the scroll place
	appPID, floorPID := app.panePID(), floor.panePID()
	appBefore, floorBefore := cpuTicks(t, appPID), cpuTicks(t, floorPID)
	const window = 6 * time.Second
	time.Sleep(window)
	appPct := cpuPercent(cpuTicks(t, appPID)-appBefore, window)
	floorPct := cpuPercent(cpuTicks(t, floorPID)-floorBefore, window)
	limit := max(2*floorPct, floorPct+cpuPercent(3, window))
	t.Logf("idle CPU over %v: distlab %.2f%%, floor (%d fps) %.2f%%, limit %.2f%%", window, appPct, tui.FrameRate, floorPct, limit)
	if appPct > limit {
		t.Fatalf("idle app used %.2f%% CPU; a hello-world Bubble Tea program at %d fps used %.2f%% over the same %v, "+
			"so the limit is %.2f%% (twice the floor, or the floor plus three clock ticks): something in the app wakes while nobody touches it",
			appPct, tui.FrameRate, floorPct, window, limit)
	}
	app.keys("q")
	floor.keys("q")
	app.waitExit()
	floor.waitExit()
}

// panePID is the process id of the program in the session's pane.
func (tm *tmux) panePID() string {
	tm.t.Helper()
	return strings.TrimSpace(tm.run("list-panes", "-t", "e2e", "-F", "#{pane_pid}"))
}

// cpuPercent is ticks of CPU time over window, as a percentage of one core.
func cpuPercent(ticks int, window time.Duration) float64 {
	const clkTck = 100 // USER_HZ on Linux
	return float64(ticks) / clkTck / window.Seconds() * 100
}

// cpuTicks is utime+stime of a process, in clock ticks.
func cpuTicks(t *testing.T, pid string) int {
	t.Helper()
	data, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		t.Fatal(err)
	}
	// Fields after the command name (which may hold spaces) start at ") ".
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+2:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return utime + stime
}

// TestE2EHangup closes the terminal under the app, as a student closing the
// window does: the kernel sends SIGHUP. The place just scrolled to, which
// the app would save two seconds later, is saved on the way out.
func TestE2EHangup(t *testing.T) {
	t.Parallel()
	tm := newTmux(t)
	state := filepath.Join(t.TempDir(), "state.json")
	// exec: the pane's process is distlab itself, not a shell that dies first.
	tm.start(100, 30, "exec env DISTLAB_STATE="+state+" LANG=en_US.UTF-8 "+distlabBin+" --theme dark --lesson threads")
	tm.waitFor("Threads", "q quit")
	pid := tm.panePID()
	// The header shows how far into the lesson the reader is once it shows
	// the lesson (before, no percentage): scroll only then.
	deadline := time.Now().Add(10 * time.Second)
	for header := ""; !strings.Contains(header, "%"); header, _, _ = strings.Cut(tm.screen(), "\n") {
		if time.Now().After(deadline) {
			t.Fatalf("the lesson never showed:\n%s", tm.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Keys are handled in order: once the help that ? opens shows, the
	// five lines down before it have been.
	tm.keys("j", "j", "j", "j", "j", "?")
	tm.waitFor("Keys")
	tm.run("kill-server") // the pane's terminal goes away: SIGHUP
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat("/proc/" + pid); os.IsNotExist(err) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("distlab still runs after its terminal closed")
		}
	}
	data, err := os.ReadFile(state)
	if err != nil {
		t.Fatalf("no progress saved: %v", err)
	}
	var st struct { // places are kept per language (tui/progress)
		Places map[string]map[string]int `json:"places"`
	}
	if err := json.Unmarshal(data, &st); err != nil || st.Places["en"]["threads"] != 5 {
		t.Fatalf("saved %s, want the place 5 of threads in en", data)
	}
}

// rssMB is the resident memory of process pid, in MB.
func rssMB(t *testing.T, pid string) float64 {
	t.Helper()
	data, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		t.Skip("no /proc: ", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return float64(kb) / 1024
		}
	}
	t.Fatal("no VmRSS")
	return 0
}

// TestE2EResizeStorm drags the window's edge across 64 widths over a big
// lesson (150 KB, four times the course's longest) while its renders take
// a while: the app renders one width at a time, so its memory stays within
// twice what it holds at rest, and the last width is what shows.
func TestE2EResizeStorm(t *testing.T) {
	t.Parallel()
	tm := newTmux(t)
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("---\nid: big\ntitle: Big\n---\n")
	for i := range 400 {
		fmt.Fprintf(&b, "## Part %d\n\n%s\n\n- a list item, 99,99%%\n\n", i, strings.Repeat("words to wrap at every width ", 12))
	}
	if err := os.Mkdir(filepath.Join(dir, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "en", "01-big.md"), b.String())
	// GOGC set: the app leaves its collector alone at start-up, so rest is
	// rest; and low, so that memory follows what is kept rather than the
	// collector's headroom (at 100 a loaded machine took a fixed app from
	// 38 to 83 MB; at 25 it stays near 1.5×, the old reader near 2.4×).
	tm.start(200, 50, "exec env GOGC=25 DISTLAB_STATE="+filepath.Join(dir, "state.json")+" "+distlabBin+" --lessons "+dir+" --lesson big --lang en --theme dark")
	tm.waitFor("Part 0", "q quit")
	pid := tm.panePID()
	time.Sleep(2 * time.Second) // the whole render lands, the collector runs: rest
	rest := rssMB(t, pid)
	for i := range 64 { // a drag: 20 widths a second, some renders land between them
		tm.run("resize-window", "-t", "e2e", "-x", itoa(60+(i*7)%140), "-y", "50")
		time.Sleep(50 * time.Millisecond)
	}
	tm.run("resize-window", "-t", "e2e", "-x", "90", "-y", "50")
	// Memory is watched until the last width shows and for 3 s after, the
	// renders left from the storm landing meanwhile (8 s at most).
	at90 := func(s string) bool { return strings.Contains(s, "Part") && len(strings.SplitN(s, "\n", 2)[0]) <= 95 }
	peak, shown := rest, time.Time{}
	for end := time.Now().Add(8 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		peak = max(peak, rssMB(t, pid))
		if shown.IsZero() && at90(tm.screen()) {
			if shown = time.Now(); shown.Add(3 * time.Second).Before(end) {
				end = shown.Add(3 * time.Second)
			}
		}
	}
	if s := tm.screen(); !at90(s) {
		t.Fatalf("after the storm the screen is not 90 wide, or shows no lesson:\n%s", s)
	}
	t.Logf("RSS at rest %.0f MB, peak during and after the storm %.0f MB", rest, peak)
	if peak > 2*rest {
		t.Errorf("RSS went from %.0f MB at rest to %.0f MB in a resize storm, over twice", rest, peak)
	}
	tm.keys("q")
	tm.waitExit()
}
