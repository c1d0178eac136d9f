package clockpane

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/demos/clocks"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/i18n"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

// newPane is a pane whose frame timer is counted, never fired.
func newPane(t testing.TB, lang string, w, h int) (*Model, *int) {
	t.Helper()
	armed := 0
	com := &common.Common{Styles: theme.New(theme.Dark), Text: i18n.For(lang),
		Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { armed++; return nil }}
	m := New(demo.Env{Com: com, ID: 3, Instance: 1})
	m.SetSize(w, h)
	return m, &armed
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		m.Update(panetest.Key(k))
	}
}

func toEnd(m *Model) {
	m.playing = false
	m.sim.Seek(m.sim.Total())
}

func TestDiagramGolden(t *testing.T) {
	t.Run("receive_before_send_physical", func(t *testing.T) {
		m, _ := newPane(t, "en", 120, 30)
		toEnd(m)
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
	t.Run("receive_before_send_lamport", func(t *testing.T) {
		m, _ := newPane(t, "en", 120, 30)
		toEnd(m)
		press(m, "a", "a") // physical → Lamport
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
	t.Run("concurrent_pinned_pt", func(t *testing.T) {
		m, _ := newPane(t, "pt-BR", 120, 30)
		press(m, "c") // the next scenario
		toEnd(m)
		press(m, "down", "down", "enter", "down", "down")
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
}

// Under skewed physical clocks a message runs backwards; under Lamport
// time never.
func TestBackwardMessages(t *testing.T) {
	m, _ := newPane(t, "en", 120, 30)
	toEnd(m)
	run := m.sim.Run()
	count := func(a axis) int {
		l, _ := fit(m.full.Events, a, run.Cfg.Procs, 120)
		return countBackward(run.Events, l)
	}
	if count(axisPhysical) == 0 {
		t.Fatal("receive-before-send shows no backward message on physical clocks")
	}
	if count(axisLamport) != 0 || count(axisTrue) != 0 {
		t.Fatal("a message runs backwards in Lamport or true time")
	}
	for seed := uint64(1); seed < 20; seed++ { // and on random runs too
		r, err := clocks.Simulate(clocks.Config{Procs: 4, Events: 200, Seed: seed, Skew: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		l, _ := fit(r.Events, axisLamport, 4, 200)
		if n := countBackward(r.Events, l); n != 0 {
			t.Fatalf("seed %d: %d messages backwards in Lamport time", seed, n)
		}
	}
}

func TestPlaysOnlyWhenSeen(t *testing.T) {
	m, armed := newPane(t, "en", 120, 30)
	if *armed != 0 {
		t.Fatal("ticks before it is seen")
	}
	m.SetVisible(true)
	if *armed != 1 {
		t.Fatal("not playing when seen")
	}
	before := m.sim.Len()
	m.Update(frameMsg{id: 3})
	if m.sim.Len() != before+1 || *armed != 2 {
		t.Fatalf("a frame did not step: %d → %d", before, m.sim.Len())
	}
	press(m, "space") // pause
	m.Update(frameMsg{id: 3})
	if *armed != 2 {
		t.Fatal("a paused pane re-armed its timer")
	}
	press(m, "right", "right", "left")
	if m.sim.Len() != before+2 {
		t.Fatalf("steps: %d, want %d", m.sim.Len(), before+2)
	}
	press(m, "space")
	m.SetVisible(false)
	m.Update(frameMsg{id: 3})
	if *armed != 3 {
		t.Fatalf("armed %d: a hidden pane keeps ticking", *armed)
	}
	toEnd(m)
	m.playing = true
	m.SetVisible(true)
	if *armed != 3 {
		t.Fatal("ticks at the end of the run")
	}
}

func TestRelationAndSizes(t *testing.T) {
	m, _ := newPane(t, "en", 120, 30)
	toEnd(m)
	press(m, "down", "enter", "down", "down", "down")
	if s := ansi.Strip(m.View()); !strings.Contains(s, " → ") && !strings.Contains(s, "∥") {
		t.Fatalf("no relation sentence:\n%s", s)
	}
	panetest.CheckSizes(t, panetest.Sizer[tea.Cmd]{V: m})
}

// BenchmarkFrame10k is one frame of a 10,000-event run at 200×60: what
// the pane costs per frame at its largest.
func BenchmarkFrame10k(b *testing.B) {
	m, _ := newPane(b, "en", 200, 60)
	m.cfg = clocks.Config{Procs: 6, Events: 10000, Seed: 7}
	m.scenarios, m.scenario = []string{""}, 0
	m.reset()
	toEnd(m)
	m.selected = 5000
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
