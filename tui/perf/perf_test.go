package perf

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"distlab/tui"
)

var (
	distlabBin = flag.String("distlab", "", "distlab binary to measure (default: build this checkout)")
	floorBin   = flag.String("floor", "", "floor binary to measure (default: build this checkout's cmd/distlab/testdata/floor)")
	floorFPS   = flag.Int("fps", tui.FrameRate, "the floor's frame rate: distlab's own, to compare like with like")
	nKeys      = flag.Int("keys", 150, "keys timed per program")
	window     = flag.Duration("window", 10*time.Second, "CPU window")
	nStarts    = flag.Int("starts", 10, "start-ups per program")
	lessonID   = flag.String("lesson", "wrap-up", "lesson to open in distlab; it must offer the chat, clocks and scale demos as 1, 2 and 3")
)

// Timeouts: every wait is bounded.
const (
	frameTimeout = 2 * time.Second  // one key's frame
	startTimeout = 15 * time.Second // a first full frame, or a demo's pane
	settle       = 3 * time.Second  // after start, before a CPU window
)

var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
	bins      struct{ distlab, floor string }
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if buildDir != "" {
		_ = os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// binaries returns the distlab and floor binaries, building them from this
// checkout once unless flags name them.
func binaries(b *testing.B) (distlab, floor string) {
	b.Helper()
	buildOnce.Do(func() {
		bins.distlab, bins.floor = *distlabBin, *floorBin
		if bins.distlab != "" && bins.floor != "" {
			return
		}
		root, err := moduleRoot()
		if err != nil {
			buildErr = err
			return
		}
		if buildDir, buildErr = os.MkdirTemp("", "distlab-perf-"); buildErr != nil {
			return
		}
		build := func(out *string, pkg string) {
			if *out != "" || buildErr != nil {
				return
			}
			*out = filepath.Join(buildDir, filepath.Base(pkg))
			cmd := exec.Command("go", "build", "-o", *out, pkg)
			cmd.Dir = root
			if msg, err := cmd.CombinedOutput(); err != nil {
				buildErr = fmt.Errorf("go build %s: %w\n%s", pkg, err, msg)
			}
		}
		build(&bins.distlab, "./cmd/distlab")
		build(&bins.floor, "./cmd/distlab/testdata/floor")
	})
	if buildErr != nil {
		b.Fatal(buildErr)
	}
	return bins.distlab, bins.floor
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not in a module")
	}
	return filepath.Dir(mod), nil
}

// Full frames: what each program shows once it has drawn its screen.
var (
	floorFull   = contains("hello, world · last key:")
	distlabFull = contains("Learning goals", "q quit")
)

func startFloor(b *testing.B) *term {
	b.Helper()
	_, floor := binaries(b)
	t, err := start(floor, []string{"-fps", strconv.Itoa(*floorFPS)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { t.stop("q") })
	if _, err := t.await(floorFull, nil, startTimeout); err != nil {
		b.Fatalf("floor: no first frame: %v\n%s", err, t.screen())
	}
	return t
}

func startDistlab(b *testing.B) *term {
	b.Helper()
	distlab, _ := binaries(b)
	t, err := startDistlabAt(distlab, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { t.stop("q") })
	if _, err := t.await(distlabFull, nil, startTimeout); err != nil {
		b.Fatalf("distlab: no first frame: %v\n%s", err, t.screen())
	}
	return t
}

// startDistlabAt starts distlab on the lesson in English with a fresh
// progress file in dir, so every run starts alike.
func startDistlabAt(distlab, dir string) (*term, error) {
	return start(distlab, []string{"--lesson", *lessonID, "--lang", "en", "--theme", "dark"},
		"DISTLAB_STATE="+filepath.Join(dir, "state.json"))
}

// openThreeDemos opens the lesson's demos 1, 2 and 3 (chat, clocks, scale)
// beside it: a demo takes the focus and its digits, so tab goes back to the
// lesson before the next one.
func openThreeDemos(b *testing.B, t *term) {
	b.Helper()
	for i, title := range []string{"chat cluster", "clock ordering", "scale up vs scale out"} {
		if i > 0 {
			if _, err := t.key("\t"); err != nil {
				b.Fatal(err)
			}
		}
		// The pane's title is followed by its border ("─" or, focused, "━");
		// the lesson's demo bar has it followed by " · ".
		shown := func(e string) bool {
			return strings.Contains(e, title+" ─") || strings.Contains(e, title+" ━")
		}
		if _, err := t.await(func(e *vtEmulator) bool { return shown(e.String()) },
			func() error { _, err := t.key(strconv.Itoa(i + 1)); return err }, startTimeout); err != nil {
			b.Fatalf("demo %d (%s) did not open: %v\n%s", i+1, title, err, t.screen())
		}
	}
	if n := len(focusCornersOf(t)); n != 1 {
		b.Fatalf("%d focused panes after opening the demos\n%s", n, t.screen())
	}
}

func focusCornersOf(t *term) []corner {
	t.mu.Lock()
	defer t.mu.Unlock()
	return focusCorners(t.emu)
}

// latencies times n keys: next(i) returns the key to write and the want
// that shows its effect. Between keys it waits a random 20–120 ms (a fixed
// seed), so keys land at every phase of a frame interval.
func latencies(b *testing.B, t *term, n int, next func(i int) (string, func(*vtEmulator) bool)) (ds []time.Duration, missed int) {
	b.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	deadline := time.Now().Add(time.Duration(n) * (frameTimeout + 200*time.Millisecond))
	const warmup = 5
	for i := range n + warmup {
		if time.Now().After(deadline) {
			b.Fatalf("latencies: out of time after %d keys", i)
		}
		s, want := next(i)
		var sent time.Time
		at, err := t.await(want, func() error {
			var err error
			sent, err = t.key(s)
			return err
		}, frameTimeout)
		switch {
		case errors.Is(err, errTimeout):
			missed++
		case err != nil:
			b.Fatal(err)
		case i >= warmup:
			ds = append(ds, at.Sub(sent))
		}
		time.Sleep(20*time.Millisecond + time.Duration(rng.Int64N(int64(100*time.Millisecond))))
	}
	return ds, missed
}

// quantile is the q-quantile (0..1) of ds by the nearest-rank method.
func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(q*float64(len(s))+0.999999) - 1
	return s[max(0, min(i, len(s)-1))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func reportLatency(b *testing.B, ds []time.Duration, missed int) {
	b.Helper()
	b.ReportMetric(ms(quantile(ds, 0.5)), "p50-ms")
	b.ReportMetric(ms(quantile(ds, 0.9)), "p90-ms")
	b.ReportMetric(ms(quantile(ds, 0.99)), "p99-ms")
	b.ReportMetric(ms(quantile(ds, 1)), "max-ms")
	b.ReportMetric(float64(missed), "missed")
	reportLoad(b)
}

// reportLoad reports the machine's 1-minute load average, since other
// programs running at the same time lengthen every wait measured here; and
// zeroes ns/op, as a run is not an op.
func reportLoad(b *testing.B) {
	b.Helper()
	if l, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(l)); len(f) > 0 {
			if v, err := strconv.ParseFloat(f[0], 64); err == nil {
				b.ReportMetric(v, "load1")
			}
		}
	}
	b.ReportMetric(0, "ns/op")
}

// BenchmarkKeyToFrame times a key to the frame that shows it, at 200×60:
// the floor's "last key:" line, and distlab's focus moving (tab) between the
// lesson and the three demos beside it.
func BenchmarkKeyToFrame(b *testing.B) {
	b.Run("floor", func(b *testing.B) {
		for range b.N {
			t := startFloor(b)
			ds, missed := latencies(b, t, *nKeys, func(i int) (string, func(*vtEmulator) bool) {
				k := string(rune('a' + i%2))
				return k, func(e *vtEmulator) bool {
					return strings.Contains(e.String(), "last key: "+k+" ") ||
						strings.Contains(e.String(), "last key: "+k+"\n")
				}
			})
			reportLatency(b, ds, missed)
		}
	})
	b.Run("distlab-lesson+3demos", func(b *testing.B) {
		for range b.N {
			t := startDistlab(b)
			openThreeDemos(b, t)
			time.Sleep(settle)
			ds, missed := latencies(b, t, *nKeys, func(int) (string, func(*vtEmulator) bool) {
				cs := focusCornersOf(t)
				from := corner{-1, -1}
				if len(cs) == 1 {
					from = cs[0]
				}
				return "\t", focusMovedFrom(from)
			})
			reportLatency(b, ds, missed)
		}
	})
}

// cpu measures t's process tree over the window and reports % of one core,
// and the pty reads (about one per frame) and bytes a second.
func cpu(b *testing.B, t *term) {
	b.Helper()
	pid := t.cmd.Process.Pid
	before, err := treeTicks(pid)
	if err != nil {
		b.Fatal(err)
	}
	r0, n0 := t.output()
	t0 := time.Now()
	time.Sleep(*window)
	after, err := treeTicks(pid)
	if err != nil {
		b.Fatal(err)
	}
	el := time.Since(t0).Seconds()
	r1, n1 := t.output()
	ticks, procs := ticksBetween(before, after)
	b.ReportMetric(float64(ticks)/clockTicks/el*100, "cpu-%")
	b.ReportMetric(float64(r1-r0)/el, "reads/s")
	b.ReportMetric(float64(n1-n0)/el/1024, "KiB/s")
	b.ReportMetric(float64(procs), "procs")
	reportLoad(b)
}

// BenchmarkCPU measures the floor idle, distlab idle on a lesson, and
// distlab with the chat, clocks and scale demos running beside the lesson.
func BenchmarkCPU(b *testing.B) {
	b.Run("floor-idle", func(b *testing.B) {
		for range b.N {
			t := startFloor(b)
			time.Sleep(settle)
			cpu(b, t)
		}
	})
	b.Run("distlab-idle", func(b *testing.B) {
		for range b.N {
			t := startDistlab(b)
			time.Sleep(settle)
			cpu(b, t)
		}
	})
	b.Run("distlab-lesson+3demos", func(b *testing.B) {
		for range b.N {
			t := startDistlab(b)
			openThreeDemos(b, t)
			time.Sleep(settle)
			cpu(b, t)
		}
	})
}

// BenchmarkStartup times starting each program to its first full frame,
// the floor and distlab in turns so drift hits both alike, and reports
// distlab's median over the floor's.
func BenchmarkStartup(b *testing.B) {
	distlab, floor := binaries(b)
	for range b.N {
		var fl, dl, dfirst []time.Duration
		for range *nStarts {
			_, d, err := startup(floor, nil, floorFull, "-fps", strconv.Itoa(*floorFPS))
			if err != nil {
				b.Fatal("floor: ", err)
			}
			fl = append(fl, d)
			dir := b.TempDir()
			first, d, err := startup(distlab, func() (*term, error) { return startDistlabAt(distlab, dir) }, distlabFull)
			if err != nil {
				b.Fatal("distlab: ", err)
			}
			dl = append(dl, d)
			dfirst = append(dfirst, first)
		}
		b.ReportMetric(ms(quantile(dfirst, 0.5)), "distlab-any-p50-ms")
		b.ReportMetric(ms(quantile(fl, 0.5)), "floor-p50-ms")
		b.ReportMetric(ms(quantile(fl, 1)), "floor-max-ms")
		b.ReportMetric(ms(quantile(dl, 0.5)), "distlab-p50-ms")
		b.ReportMetric(ms(quantile(dl, 1)), "distlab-max-ms")
		b.ReportMetric(float64(quantile(dl, 0.5))/float64(quantile(fl, 0.5)), "ratio")
		reportLoad(b)
	}
}

// startup starts exe (or calls run) and returns the time to its first
// output that shows on the screen and to a screen that satisfies full, then
// quits it.
func startup(exe string, run func() (*term, error), full func(*vtEmulator) bool, args ...string) (first, done time.Duration, err error) {
	var t *term
	if run != nil {
		t, err = run()
	} else {
		t, err = start(exe, args)
	}
	if err != nil {
		return 0, 0, err
	}
	defer t.stop("q")
	at1, err := t.await(func(e *vtEmulator) bool { return strings.TrimSpace(e.String()) != "" }, nil, startTimeout)
	if err != nil {
		return 0, 0, fmt.Errorf("nothing on the screen: %w", err)
	}
	at, err := t.await(full, nil, startTimeout)
	if err != nil {
		return 0, 0, fmt.Errorf("%w\n%s", err, t.screen())
	}
	return at1.Sub(t.started), at.Sub(t.started), nil
}
