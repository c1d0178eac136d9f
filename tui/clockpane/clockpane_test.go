package clockpane

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/demos/clocks"
	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

// newPane is a pane at size w×h in lang; it animates only when a test
// hands it frames.
func newPane(t testing.TB, lang string, w, h int) *Model {
	t.Helper()
	com := &common.Common{Styles: theme.New(theme.Dark)}
	com.SetLang(locale.Match(lang))
	m := New(demo.Env{Com: com, Demo: Demo(), ID: 3, Instance: 1})
	m.SetSize(w, h)
	return m
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		m.Update(panetest.Key(k))
	}
}

func toEnd(m *Model) {
	m.SetPaused(true)
	m.sim.Seek(m.sim.Total())
}

func TestDiagramGolden(t *testing.T) {
	t.Run("receive_before_send_physical", func(t *testing.T) {
		m := newPane(t, "en", 120, 30)
		toEnd(m)
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
	t.Run("receive_before_send_lamport", func(t *testing.T) {
		m := newPane(t, "en", 120, 30)
		toEnd(m)
		press(m, "a") // physical → Lamport
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
	t.Run("concurrent_pinned_pt", func(t *testing.T) {
		m := newPane(t, "pt-BR", 120, 30)
		press(m, "c") // the next scenario
		toEnd(m)
		press(m, "down", "down", "enter", "down", "down")
		golden.RequireEqual(t, ansi.Strip(m.View()))
	})
}

// Under skewed physical clocks a message runs backwards; under Lamport
// time never.
func TestBackwardMessages(t *testing.T) {
	m := newPane(t, "en", 120, 30)
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

// The pane animates while it plays and has events left; each frame plays
// the events due at the speed's rate, carrying fractions over.
func TestFramePace(t *testing.T) {
	m := newPane(t, "en", 120, 30)
	m.scenario = 0 // a random run of 40 events
	m.reset()
	if !m.Animating() {
		t.Fatal("a new pane does not play")
	}
	t0 := time.Unix(1000, 0)
	frame := time.Second / 15
	at := func(i int) time.Time { return t0.Add(time.Duration(i) * frame) }
	start := m.sim.Len()
	m.Frame(at(0)) // the first frame of a play makes nothing
	if m.sim.Len() != start {
		t.Fatalf("the first frame stepped: %d → %d", start, m.sim.Len())
	}
	// The first speed is 4 events a second: 15 frames (one second) make 4.
	for i := 1; i <= 15; i++ {
		m.Frame(at(i))
	}
	if got := m.sim.Len() - start; got != 4 {
		t.Fatalf("one second at 4 ev/s made %d events", got)
	}
	press(m, "]", "]") // 16 events a second
	before := m.sim.Len()
	for i := 16; i <= 23; i++ { // 8 frames: 8/15 s, 8.53 events due
		m.Frame(at(i))
	}
	if got := m.sim.Len() - before; got != 8 {
		t.Fatalf("8/15 s at 16 ev/s made %d events, want 8", got)
	}
	m.Frame(at(24)) // and the carried half makes a ninth a frame later
	if got := m.sim.Len() - before; got != 9 {
		t.Fatalf("9/15 s at 16 ev/s made %d events, want 9", got)
	}
	// A long gap (the pane was hidden) resumes without catching up.
	before = m.sim.Len()
	m.Frame(at(24).Add(10 * time.Second))
	if m.sim.Len() != before {
		t.Fatalf("a 10 s gap made %d events", m.sim.Len()-before)
	}

	press(m, "space") // pause
	if m.Animating() {
		t.Fatal("a paused pane animates")
	}
	press(m, "right", "right", "left")
	if m.sim.Len() != before+1 {
		t.Fatalf("steps: %d, want %d", m.sim.Len(), before+1)
	}
	press(m, "space")
	if !m.Animating() {
		t.Fatal("space does not resume")
	}
	toEnd(m)
	m.SetPaused(false)
	if m.Animating() {
		t.Fatal("animates at the end of the run")
	}
	press(m, "space") // at the end: play again from the start
	if m.sim.Len() != 0 || !m.Animating() {
		t.Fatalf("space at the end: %d events, animating %v", m.sim.Len(), m.Animating())
	}
}

// The status line and the key help speak the UI's language, and follow it
// when it changes.
func TestLanguages(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"Receive before send · clocks a +40ms, b +5ms · delay 6ms · axis: physical clocks · 0/7 events · playing 4 ev/s", "• local  ○ send  ● receive", "colors: selected pinned past future concurrent back in time", "event  proc   true time    physical   L  vector  message"}},
		{"pt-BR", []string{"Recebimento antes do envio · relógios a +40ms, b +5ms · atraso 6ms · eixo: relógios físicos · 0/7 eventos · rodando 4 ev/s", "• local  ○ envio  ● recebimento", "cores: escolhido fixado passado futuro concorrente volta no tempo", "evento proc  tempo real      físico   L  vetor  mensagem"}},
	} {
		m := newPane(t, c.lang, 160, 30)
		s := ansi.Strip(m.View())
		for _, w := range c.want {
			if !strings.Contains(s, w) {
				t.Errorf("%s: no %q in\n%s", c.lang, w, s)
			}
		}
	}
	m := newPane(t, "en", 160, 30)
	toEnd(m)
	if s := ansi.Strip(m.View()); !strings.Contains(s, "1 message runs backwards on this axis") || !strings.Contains(s, "42.000ms") {
		t.Errorf("en: no backward message or physical time:\n%s", s)
	}
	m.Com.SetLang(locale.Portuguese)
	m.Relabel()
	if s := ansi.Strip(m.View()); !strings.Contains(s, "1 mensagem volta no tempo neste eixo") || !strings.Contains(s, "42,000ms") {
		t.Errorf("pt-BR: no backward message or physical time:\n%s", s)
	}
	if h := m.KeyMap().ShortHelp()[0].Help().Desc; h != "rodar/pausar" {
		t.Errorf("pt-BR key help %q", h)
	}
	if m.Title() != "ordenação de relógios" {
		t.Errorf("pt-BR title %q", m.Title())
	}
	for _, p := range locale.Problems() {
		t.Error(p)
	}
}

// An export writes both files and says where; a failure comes back as the
// pane's DoneMsg, for the root's status line, in the reader's language.
func TestExport(t *testing.T) {
	t.Chdir(t.TempDir())
	m := newPane(t, "en", 160, 30)
	toEnd(m)
	msg := m.export()()
	ex, ok := msg.(exportedMsg)
	if !ok || ex.PaneID() != 3 {
		t.Fatalf("export: %#v", msg)
	}
	m.Update(msg)
	if s := ansi.Strip(m.View()); !strings.Contains(s, "exported ") || !strings.Contains(s, "distlab-clocks-1.jsonl") {
		t.Fatalf("no export status:\n%s", s)
	}
	os.Remove("distlab-clocks-1.jsonl")
	os.Mkdir("distlab-clocks-1.jsonl", 0o755) // a folder where the file goes
	done, ok := m.export()().(common.DoneMsg)
	if !ok || done.Err == nil || done.Pane != 3 {
		t.Fatalf("export into a folder: %#v", done)
	}
	if e := locale.For(locale.Portuguese).Err(done.Err); !strings.HasPrefix(e, "exportar distlab-clocks-1.jsonl: ") {
		t.Fatalf("export error in pt-BR: %q", e)
	}
	m.Update(done) // the root shows the error; the pane forgets the last export
	if s := ansi.Strip(m.View()); strings.Contains(s, "exported ") || !strings.Contains(s, "7/7 events") {
		t.Fatalf("status after a failed export:\n%s", s)
	}
}

func TestRelationAndSizes(t *testing.T) {
	m := newPane(t, "en", 120, 30)
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
	m := newPane(b, "en", 200, 60)
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

// A slide's demo line starts the pane on the scenario it names, and puts
// an open pane on it from its start; an unknown one changes nothing.
func TestSlideStartsAScenario(t *testing.T) {
	com := &common.Common{Styles: theme.New(theme.Dark)}
	com.SetLang(locale.Match("en"))
	m := New(demo.Env{Com: com, Demo: Demo(), ID: 3, Instance: 1, Start: "partition"})
	if m.cfg.Scenario != "partition" {
		t.Fatalf("started on %q", m.cfg.Scenario)
	}
	if !slices.Equal(Demo().Starts(), clocks.ScenarioNames()) {
		t.Fatalf("starts %q", Demo().Starts())
	}
	m.sim.Seek(5)
	m.StartAs("lost-message")
	if m.cfg.Scenario != "lost-message" || m.sim.Len() != 0 {
		t.Fatalf("StartAs: %q at event %d", m.cfg.Scenario, m.sim.Len())
	}
	m.StartAs("nowhere")
	if m.cfg.Scenario != "lost-message" {
		t.Fatalf("an unknown start: %q", m.cfg.Scenario)
	}
}
