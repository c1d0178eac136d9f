package scalepane

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

func newPane(t testing.TB, w, h int) *Model {
	return newPaneIn(t, locale.English, w, h)
}

func newPaneIn(t testing.TB, l locale.Lang, w, h int) *Model {
	t.Helper()
	com := &common.Common{Styles: theme.New(theme.Dark)}
	com.SetLang(l)
	m := New(demo.Env{Com: com, Demo: Demo(), ID: 5, Instance: 1})
	if m.Err() != nil {
		t.Fatal(m.Err())
	}
	m.SetSize(w, h)
	return m
}

// frame is the app's frame period (tui.AnimationRate, 10 a second).
const frame = time.Second / 10

// run advances the simulation by n frames of real time, as the app's
// frame clock would while the pane is seen and animating.
func run(m *Model, n int) {
	t0 := time.Unix(0, 0)
	if !m.last.IsZero() {
		t0 = m.last
	}
	for i := 1; i <= n; i++ {
		if m.Animating() {
			m.Frame(t0.Add(time.Duration(i) * frame))
		}
	}
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		m.Update(panetest.Key(k))
	}
}

func TestCrashAndRepair(t *testing.T) {
	m := newPane(t, 120, 40)
	run(m, 24)
	s := ansi.Strip(m.View())
	if !strings.Contains(s, "scale up · 8 cores") || !strings.Contains(s, "scale out · 8 nodes") || strings.Count(s, "running") != 2 {
		t.Fatalf("start:\n%s", s)
	}
	press(m, "c") // the single machine: a total outage
	run(m, 23)    // 1.5 s: past the 1 s window, before the 10 s repair
	if m.snap.Up.State.String() != "down" || m.snap.Up.Throughput > m.snap.Out.Throughput/10 {
		t.Fatalf("scale up after a crash: %v, %.0f req/s", m.snap.Up.State, m.snap.Up.Throughput)
	}
	press(m, "right", "c") // one node: degraded, still serving
	run(m, 30)
	if m.snap.Out.State.String() != "degraded" || m.snap.Out.Throughput < 1000 {
		t.Fatalf("scale out after a node crash: %v, %.0f req/s", m.snap.Out.State, m.snap.Out.Throughput)
	}
	press(m, "r")
	run(m, 15)
	if m.snap.Out.State.String() != "running" {
		t.Fatalf("repair: %v", m.snap.Out.State)
	}
}

func TestKeysChangeTheSides(t *testing.T) {
	m := newPane(t, 120, 40)
	load := m.snap.Load
	press(m, "up")
	if m.snap.Load <= load {
		t.Fatal("↑ did not raise the load")
	}
	size := m.snap.Up.Size
	press(m, "+")
	if m.snap.Up.Size <= size {
		t.Fatal("+ did not grow the machine")
	}
	nodes, upSize := m.snap.Out.Size, m.snap.Up.Size
	press(m, "right", "+", "+")
	if m.snap.Out.Size <= nodes || m.snap.Up.Size != upSize {
		t.Fatal("+ after → did not grow the cluster only")
	}
	name := m.snap.Out.Model.Name
	press(m, "m")
	if m.snap.Out.Model.Name == name {
		t.Fatal("m did not change the preset")
	}
	press(m, "]")
	if !strings.Contains(ansi.Strip(m.View()), "X(N)") {
		t.Fatal("no model curve")
	}
}

// The pane animates while it runs and not while paused; the app's frame
// clock stops for it then.
func TestAnimatingOnlyWhileRunning(t *testing.T) {
	m := newPane(t, 120, 40)
	if !m.Animating() {
		t.Fatal("a new pane does not animate")
	}
	press(m, "space")
	if m.Animating() {
		t.Fatal("paused, still animating")
	}
	if !strings.Contains(ansi.Strip(m.View()), "paused") {
		t.Error("the status line does not say paused")
	}
	press(m, "space")
	if !m.Animating() {
		t.Fatal("resumed, not animating")
	}
}

// Frame advances the simulation by the time between frames; a gap (the
// pane hidden, then seen again; or paused) is not simulated.
func TestFrameAdvancesByElapsedTime(t *testing.T) {
	m := newPane(t, 120, 40)
	t0 := time.Unix(1000, 0)
	now := func() time.Duration { return m.sim.Now() }
	m.Frame(t0) // the first frame only starts the clock
	if now() != 0 {
		t.Fatalf("first frame simulated %v", now())
	}
	m.Frame(t0.Add(100 * time.Millisecond))
	if now() != 100*time.Millisecond {
		t.Fatalf("after 100ms: %v", now())
	}
	m.Frame(t0.Add(150 * time.Millisecond))
	if now() != 150*time.Millisecond {
		t.Fatalf("after 50ms more: %v", now())
	}
	// Hidden for a minute: no frames came. The next one resumes.
	m.Frame(t0.Add(time.Minute))
	if now() != 150*time.Millisecond {
		t.Fatalf("a minute hidden became %v simulated", now()-150*time.Millisecond)
	}
	m.Frame(t0.Add(time.Minute + 60*time.Millisecond))
	if now() != 210*time.Millisecond {
		t.Fatalf("after resuming: %v", now())
	}
	if m.snap.Now != now() {
		t.Errorf("snapshot at %v, simulation at %v", m.snap.Now, now())
	}
	// Paused and resumed within the gap: the pause is not simulated either.
	press(m, "space", "space")
	m.Frame(t0.Add(time.Minute + 200*time.Millisecond))
	if now() != 210*time.Millisecond {
		t.Fatalf("the pause was simulated: %v", now())
	}
}

func TestSizes(t *testing.T) {
	m := newPane(t, 120, 40)
	run(m, 15)
	panetest.CheckSizes(t, panetest.Sizer[tea.Cmd]{V: m})
}

// BenchmarkFrame is one frame at 200×60: a fifteenth of a second simulated
// on both sides, then the view.
func BenchmarkFrame(b *testing.B) {
	m := newPane(b, 200, 60)
	t0 := time.Unix(0, 0)
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		m.Frame(t0.Add(time.Duration(i) * frame))
		_ = m.View()
	}
}

// Beside a lesson on an 80×24 screen the pane is under 40 cells wide: the
// two sides go one above the other, each with its figures whole, rather
// than two columns that cut every line in half.
func TestNarrowPaneStacksSides(t *testing.T) {
	m := newPane(t, 34, 22)
	run(m, 30)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	up, out := -1, -1
	for i, l := range lines {
		if strings.Contains(l, "scale up · 8 cores") {
			up = i
		}
		if strings.Contains(l, "scale out · 8 nodes") {
			out = i
		}
	}
	if up < 0 || out <= up {
		t.Fatalf("sides not stacked (up at %d, out at %d):\n%s", up, out, strings.Join(lines, "\n"))
	}
	if got := len(regexp.MustCompile(`\d req/s [▁-█]`).FindAllString(strings.Join(lines, "\n"), -1)); got != 2 {
		t.Errorf("%d throughputs shown, want 2:\n%s", got, strings.Join(lines, "\n"))
	}
	for _, fig := range []string{"99.0000%", "99.9900%"} { // availability, never cut
		if !strings.Contains(strings.Join(lines, "\n"), fig) {
			t.Errorf("%s not shown whole:\n%s", fig, strings.Join(lines, "\n"))
		}
	}
}
