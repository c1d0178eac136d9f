package scalepane

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/i18n"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

func newPane(t testing.TB, w, h int) (*Model, *int) {
	t.Helper()
	armed := 0
	com := &common.Common{Styles: theme.New(theme.Dark), Text: i18n.For("en"),
		Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { armed++; return nil }}
	m := New(demo.Env{Com: com, ID: 5, Instance: 1})
	if m.err != nil {
		t.Fatal(m.err)
	}
	m.SetSize(w, h)
	return m, &armed
}

// run advances the simulation by n frames of 1/12 s of real time.
func run(m *Model, n int) {
	t0 := time.Unix(0, 0)
	if !m.last.IsZero() {
		t0 = m.last
	}
	for i := 1; i <= n; i++ {
		m.Update(frameMsg{id: m.id, at: t0.Add(time.Duration(i) * frame)})
	}
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		m.Update(panetest.Key(k))
	}
}

func TestCrashAndRepair(t *testing.T) {
	m, _ := newPane(t, 120, 40)
	m.SetVisible(true)
	run(m, 24)
	s := ansi.Strip(m.View())
	if !strings.Contains(s, "scale up · 8 cores") || !strings.Contains(s, "scale out · 8 nodes") || strings.Count(s, "running") != 2 {
		t.Fatalf("start:\n%s", s)
	}
	press(m, "c") // the single machine: a total outage
	run(m, 18)    // 1.5 s: past the 1 s window, before the 10 s repair
	if m.snap.Up.State.String() != "down" || m.snap.Up.Throughput > m.snap.Out.Throughput/10 {
		t.Fatalf("scale up after a crash: %v, %.0f req/s", m.snap.Up.State, m.snap.Up.Throughput)
	}
	press(m, "right", "c") // one node: degraded, still serving
	run(m, 24)
	if m.snap.Out.State.String() != "degraded" || m.snap.Out.Throughput < 1000 {
		t.Fatalf("scale out after a node crash: %v, %.0f req/s", m.snap.Out.State, m.snap.Out.Throughput)
	}
	press(m, "r")
	run(m, 12)
	if m.snap.Out.State.String() != "running" {
		t.Fatalf("repair: %v", m.snap.Out.State)
	}
}

func TestKeysChangeTheSides(t *testing.T) {
	m, _ := newPane(t, 120, 40)
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

func TestTicksOnlyWhenSeen(t *testing.T) {
	m, armed := newPane(t, 120, 40)
	if *armed != 0 {
		t.Fatal("ticks before it is seen")
	}
	m.SetVisible(true)
	run(m, 1)
	if *armed != 2 {
		t.Fatalf("armed %d", *armed)
	}
	press(m, "space")
	run(m, 1)
	if *armed != 2 {
		t.Fatal("paused, still ticking")
	}
	press(m, "space")
	m.SetVisible(false)
	run(m, 1)
	if *armed != 3 {
		t.Fatalf("hidden, still ticking: %d", *armed)
	}
}

func TestSizes(t *testing.T) {
	m, _ := newPane(t, 120, 40)
	run(m, 12)
	panetest.CheckSizes(t, panetest.Sizer[tea.Cmd]{V: m})
}

// BenchmarkFrame is one frame at 200×60: a twelfth of a second simulated
// on both sides, then the view.
func BenchmarkFrame(b *testing.B) {
	m, _ := newPane(b, 200, 60)
	m.visible = true
	t0 := time.Unix(0, 0)
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		m.Update(frameMsg{id: m.id, at: t0.Add(time.Duration(i) * frame)})
		_ = m.View()
	}
}

// Beside a lesson on an 80×24 screen the pane is under 40 cells wide: the
// two sides go one above the other, each with its figures whole, rather
// than two columns that cut every line in half.
func TestNarrowPaneStacksSides(t *testing.T) {
	m, _ := newPane(t, 34, 22)
	m.SetVisible(true)
	run(m, 24)
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
