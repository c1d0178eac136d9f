package scalepane

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/demos/locale"
	"distlab/demos/scale"
)

// fakeBench makes e "measure" at once, on a machine of cpus CPUs.
func fakeBench(m *Model, cpus int) {
	m.cpus = cpus
	m.bench = func(_ context.Context, plan scale.BenchPlan) (*scale.BenchReport, error) {
		return fakeReport(plan, cpus), nil
	}
}

// fakeReport is what a real measurement of plan reports: 1,018 req/s for
// 2 s, each answer with its latency — 95% at 3.9ms, the rest at 12ms.
func fakeReport(plan scale.BenchPlan, cpus int) *scale.BenchReport {
	res := &scale.BenchResult{Elapsed: 2 * time.Second, OK: 2036, Throughput: 1018}
	for i := range res.OK {
		d := 3900 * time.Microsecond
		if i%100 >= 95 {
			d = 12 * time.Millisecond
		}
		res.Latency.Add(d)
	}
	return &scale.BenchReport{Plan: plan, Predicted: 3535, CPUs: cpus, Result: res}
}

// measure presses e and hands the pane the command's result.
func measure(m *Model) {
	if cmd := m.Update(press1("e")); cmd != nil {
		m.Update(cmd())
	}
}

func screen(m *Model) []string { return strings.Split(ansi.Strip(m.View()), "\n") }

// The pane at 80×24, the size of a zoomed pane on a small terminal: at the
// start, and with the largest machine measured for real on two CPUs.
func TestScreenGolden(t *testing.T) {
	t.Run("start", func(t *testing.T) {
		m := newPane(t, 80, 24)
		run(m, 30)
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
	t.Run("64_cores_measured", func(t *testing.T) {
		m := newPane(t, 80, 24)
		fakeBench(m, 2)
		press(m, "+", "+", "+", "+", "+", "+")
		run(m, 30)
		measure(m)
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
	t.Run("start_pt", func(t *testing.T) {
		m := newPaneIn(t, locale.Portuguese, 80, 24)
		run(m, 30)
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
	// The challenge strip open on the first challenge, with a hint; then,
	// in Portuguese, met while open: 6,000 req/s served, 7,000 saturating.
	t.Run("challenge_hint", func(t *testing.T) {
		m := newPane(t, 80, 24)
		run(m, 30)
		press(m, "C", "H")
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
	t.Run("challenge_met_pt", func(t *testing.T) {
		m := newPaneIn(t, locale.Portuguese, 80, 24)
		press(m, "C")
		for range 3 {
			press(m, "up")
			run(m, 30)
		}
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
}

// curveRows finds the curve's plot: the row of the current size's ● and
// the row of N under it.
func curveRows(t *testing.T, lines []string, unit string) (dot, axis string) {
	t.Helper()
	for _, l := range lines {
		if strings.Contains(l, "┤") || strings.Contains(l, "│") {
			if strings.Contains(l, "●") {
				dot = l
			}
		}
		if strings.HasPrefix(strings.TrimSpace(l), unit+" ") {
			axis = l
		}
	}
	if dot == "" || axis == "" {
		t.Fatalf("no curve with ● and an N axis in %s:\n%s", unit, strings.Join(lines, "\n"))
	}
	return dot, axis
}

// The curve says what its axes are: req/s up the side, N below in cores
// or nodes, with 1, the current size under its ●, the peak and the
// largest size.
func TestCurveAxisLabels(t *testing.T) {
	m := newPane(t, 100, 30)
	run(m, 10)
	lines := screen(m)
	if !slicesContainMatch(lines, `^ +req/s │`) {
		t.Errorf("no req/s on the throughput axis:\n%s", strings.Join(lines, "\n"))
	}
	dot, axis := curveRows(t, lines, "cores")
	if got := strings.Join(strings.Fields(axis), " "); got != "cores 1 8 36 64" {
		t.Errorf("N axis %q, want cores 1 8 36 64", got)
	}
	if at, want := runeIndex(axis, " 8 ")+1, runeIndex(dot, "●"); at != want {
		t.Errorf("8 (at %d) is not under ● (at %d):\n%s\n%s", at, want, dot, axis)
	}

	press(m, "right", "+", "+", "+", "+") // scale out, 12 nodes of 128
	lines = screen(m)
	_, axis = curveRows(t, lines, "nodes")
	if got := strings.Join(strings.Fields(axis), " "); got != "nodes 1 12 36 128" {
		t.Errorf("N axis %q, want nodes 1 12 36 128", got)
	}

	m = newPaneIn(t, locale.Portuguese, 100, 30)
	_, axis = curveRows(t, screen(m), "núcleos")
	if !strings.Contains(axis, "64") || !slicesContainMatch(screen(m), `^ +req/s │`) {
		t.Errorf("Portuguese axes:\n%s", strings.Join(screen(m), "\n"))
	}
}

// runeIndex is the index in runes of sub in s, -1 if absent.
func runeIndex(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		return -1
	}
	return len([]rune(s[:i]))
}

func slicesContainMatch(lines []string, expr string) bool {
	re := regexp.MustCompile(expr)
	for _, l := range lines {
		if re.MatchString(l) {
			return true
		}
	}
	return false
}

// The curve's title never breaks a piece in two: "N* = 36" is whole on
// some line at every width, as are the model's parameters.
func TestCurveTitleWrapsWhole(t *testing.T) {
	for _, w := range []int{58, 72, 80, 100} {
		m := newPane(t, w, 30)
		s := strings.Join(screen(m), "\n")
		for _, piece := range []string{"N* = 36", "γ = 995.65, α = 0.02672, β = 0.000769", "X(N) by the model — published fit:"} {
			if !strings.Contains(s, piece) {
				t.Errorf("at %d cells %q is not whole:\n%s", w, piece, s)
			}
		}
	}
}

// rowOf is the index of the first line matching expr in the left (col 0)
// or right (col 1) half of a two-column screen w wide.
func rowOf(lines []string, w, col int, expr string) int {
	re := regexp.MustCompile(expr)
	for i, l := range lines {
		r := []rune(l)
		half := string(r[:min(w/2, len(r))])
		if col == 1 {
			half = string(r[min(w/2, len(r)):])
		}
		if re.MatchString(half) {
			return i
		}
	}
	return -1
}

// With 64 cores beside 8 nodes, the machine's bars take one line, as the
// cluster's do, and every figure of one column is level with its
// counterpart in the other — also in Portuguese, where longer words split
// a row on one side only.
func TestSixtyFourCoresStayLevel(t *testing.T) {
	for _, tc := range []struct {
		lang   locale.Lang
		w      int
		groups string
	}{
		{locale.English, 80, "3 cores a bar"},
		{locale.English, 100, "2 cores a bar"},
		{locale.Portuguese, 80, "4 núcleos por barra"},
		{locale.English, 200, ""},
	} {
		m := newPaneIn(t, tc.lang, tc.w, 30)
		press(m, "+", "+", "+", "+", "+", "+")
		run(m, 30)
		if m.snap.Up.Size != 64 {
			t.Fatalf("machine of %d cores", m.snap.Up.Size)
		}
		lines := screen(m)
		all := strings.Join(lines, "\n")
		if tc.groups != "" && !strings.Contains(all, tc.groups) || tc.groups == "" && strings.Contains(all, "a bar") {
			t.Errorf("%s at %d: want %q:\n%s", tc.lang, tc.w, tc.groups, all)
		}
		for _, expr := range []string{`[▁-█·]{8}`, `\d req/s [▁-█]`, `(latency|latência) p50`, `(queue|fila) \d`, `(cost|custo) \$`} {
			l, r := rowOf(lines, tc.w, 0, expr), rowOf(lines, tc.w, 1, expr)
			if l < 0 || l != r {
				t.Errorf("%s at %d: %s on row %d on the left, %d on the right:\n%s", tc.lang, tc.w, expr, l, r, all)
			}
		}
		bars := rowOf(lines, tc.w, 0, `[▁-█·]{8}`)
		if next := []rune(lines[bars+1]); strings.ContainsAny(string(next[:tc.w/2]), "▁▂▃▄▅▆▇█·") && !strings.Contains(string(next), "req/s") {
			t.Errorf("%s at %d: the machine's bars take two lines:\n%s", tc.lang, tc.w, all)
		}
	}
}

// unitless finds a latency cut before its unit: "p99 5.9" at a line's end.
var unitless = regexp.MustCompile(`p(50|99) [\d.,]+ *$`)

// A narrow pane — beside a lesson on a 60×15 terminal it is 28×11, zoomed
// 58×11 — puts a figure that does not fit on the next line, whole with its
// unit, rather than cut it.
func TestUnitsKeptInNarrowPane(t *testing.T) {
	for _, l := range locale.Langs {
		for _, size := range [][2]int{{28, 11}, {58, 11}, {30, 40}, {40, 40}} {
			m := newPaneIn(t, l, size[0], size[1])
			fakeBench(m, 2)
			run(m, 30)
			measure(m)
			lines := screen(m)
			p99 := 0
			for _, line := range lines {
				if unitless.MatchString(line) {
					t.Errorf("%s %dx%d: a figure lost its unit: %q", l, size[0], size[1], line)
				}
				if regexp.MustCompile(`p99 [\d.,]+(µs|ms|s)\b`).MatchString(line) {
					p99++
				}
			}
			if p99 == 0 {
				t.Errorf("%s %dx%d: no p99 with its unit:\n%s", l, size[0], size[1], strings.Join(lines, "\n"))
			}
		}
	}
}

// A real measurement says what ran and, when N is not the side's size,
// why: this machine's CPUs cap it.
func TestRealMeasurementExplainsN(t *testing.T) {
	m := newPane(t, 80, 24)
	fakeBench(m, 2)
	press(m, "+", "+", "+", "+", "+", "+") // 64 cores
	measure(m)
	s := strings.Join(screen(m), " ")
	s = regexp.MustCompile(`[ ┃]+`).ReplaceAllString(s, " ")
	for _, want := range []string{
		"real, measured: scale up, N = 4: 1,018 req/s (model 3,535)",
		"1 worker process with GOMAXPROCS=4, for 2s",
		"N is 4, not the side's 64: this machine has 2 CPUs, and more than 4 would only queue for them",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q:\n%s", want, strings.Join(screen(m), "\n"))
		}
	}

	// Scale out at 3 nodes on 2 CPUs: N is the side's size, and nothing
	// needs explaining.
	m = newPaneIn(t, locale.Portuguese, 80, 24)
	fakeBench(m, 2)
	press(m, "right", "-", "-", "-", "-", "-")
	measure(m)
	s = regexp.MustCompile(`[ ┃]+`).ReplaceAllString(strings.Join(screen(m), " "), " ")
	if !strings.Contains(s, "3 processos worker de um núcleo em rodízio, por 2s") || strings.Contains(s, "do lado") {
		t.Errorf("scale out, N = the side's size:\n%s", strings.Join(screen(m), "\n"))
	}

	// On a big machine the cap is far: 64 cores measure N = 64.
	m = newPane(t, 80, 24)
	fakeBench(m, 32)
	press(m, "+", "+", "+", "+", "+", "+")
	measure(m)
	s = regexp.MustCompile(`[ ┃]+`).ReplaceAllString(strings.Join(screen(m), " "), " ")
	if !strings.Contains(s, "N = 64:") || strings.Contains(s, "not the side's") {
		t.Errorf("64 of 64:\n%s", strings.Join(screen(m), "\n"))
	}
}
