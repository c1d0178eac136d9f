// Package clockpane is the clock-ordering demo's pane: a space-time
// diagram of a demos/clocks simulation, played step by step, with the
// x-axis switchable between true time, each process's physical clock and
// Lamport time, an event table, and the relation between two events in
// one sentence.
package clockpane

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/clocks"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/keys"
)

// ID is the demo's id in lessons' front matter.
const ID = "clocks"

// Demo registers the pane.
func Demo() demo.Demo {
	return demo.Demo{
		ID:    ID,
		Names: names,
		New: func(env demo.Env) common.Pane { return New(env) },
	}
}

type frameMsg struct{ id int }

// The settings the keys cycle through.
var (
	skews  = []time.Duration{0, 20 * time.Millisecond, 80 * time.Millisecond}
	losses = []float64{0, 0.1, 0.3}
	delays = [][2]time.Duration{{5 * time.Millisecond, 30 * time.Millisecond}, {20 * time.Millisecond, 200 * time.Millisecond}, {1 * time.Millisecond, 5 * time.Millisecond}}
	speeds = []float64{1, 2, 4, 8, 16}
)

// Model is the pane.
type Model struct {
	com      *common.Common
	keys     keys.Clock
	id       int
	instance int

	cfg       clocks.Config
	scenarios []string // "" (random) then the named ones
	infos     map[string]clocks.ScenarioInfo
	scenario  int
	skew      int
	loss      int
	delay     int
	speed     int

	full *clocks.Run // the whole run, to know its length
	sim  *clocks.Sim
	err  error

	playing, visible, armed bool
	axis                    axis
	selected, pinned        int
	status                  string

	width, height int
	focused       bool
}

var (
	_ common.Pane   = (*Model)(nil)
	_ common.Shower = (*Model)(nil)
)

// New returns the pane, with the first scenario loaded and playing.
func New(env demo.Env) *Model {
	m := &Model{com: env.Com, keys: keys.DefaultClock(env.Com.Text), id: env.ID, instance: env.Instance,
		selected: -1, pinned: -1, playing: true, speed: 1, delay: 0, axis: axisPhysical}
	m.scenarios, m.infos = []string{""}, map[string]clocks.ScenarioInfo{}
	for _, s := range clocks.Scenarios() {
		m.scenarios = append(m.scenarios, s.Name)
		m.infos[s.Name] = s
	}
	m.cfg = clocks.Config{Procs: 4, Events: 40, Seed: 1}
	if len(m.scenarios) > 1 {
		m.scenario = 1 // start with a scenario built to show something
	}
	m.reset()
	return m
}

// reset rebuilds the simulation from the current settings, at its start.
func (m *Model) reset() {
	m.cfg.Scenario = m.scenarios[m.scenario]
	m.cfg.Skew = skews[m.skew]
	m.cfg.Loss = losses[m.loss]
	m.cfg.DelayMin, m.cfg.DelayMax = delays[m.delay][0], delays[m.delay][1]
	m.cfg.DriftPPM = 20000
	m.full, m.err = clocks.Simulate(m.cfg)
	if m.err == nil {
		m.sim, m.err = clocks.NewSim(m.cfg)
	}
	m.selected, m.pinned = -1, -1
}

// Init does nothing: the simulation is pure computation, made in New.
func (m *Model) Init() tea.Cmd { return nil }

// Title names the demo.
func (m *Model) Title() string {
	t := m.com.Text.ClockTitle
	if m.instance > 1 {
		t += fmt.Sprintf(" #%d", m.instance)
	}
	return t
}

// Relabel refreshes the key help after a language change.
func (m *Model) Relabel() { m.keys = keys.DefaultClock(m.com.Text) }

// Focus gives or takes the keyboard.
func (m *Model) Focus(f bool) { m.focused = f }

// SetSize sets the inner size.
func (m *Model) SetSize(w, h int) tea.Cmd { m.width, m.height = w, h; return nil }

// SetVisible starts or stops the playing clock.
func (m *Model) SetVisible(v bool) tea.Cmd { m.visible = v; return m.arm() }

func (m *Model) done() bool { return m.sim == nil || len(m.sim.Run().Events) >= len(m.full.Events) }

// arm asks for the next step while playing, seen, and not at the end.
func (m *Model) arm() tea.Cmd {
	if m.armed || !m.visible || !m.playing || m.done() {
		return nil
	}
	m.armed = true
	id := m.id
	d := time.Duration(float64(time.Second) / (2 * speeds[m.speed]))
	return m.com.Tick(d, func(time.Time) tea.Msg { return frameMsg{id} })
}

// KeyMap is the pane's help.
func (m *Model) KeyMap() help.KeyMap { return keyMap(m.keys) }

type keyMap keys.Clock

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Play, k.StepFwd, k.Axis, k.Scenario, k.Prev, k.Pin}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Play, k.StepFwd, k.StepBack, k.Slower, k.Faster},
		{k.Axis, k.Scenario, k.Reseed, k.Skew, k.Loss, k.Delay},
		{k.Prev, k.Next, k.Pin, k.Unpin, k.Export}}
}

// Update steps on frames and acts on keys.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case frameMsg:
		if msg.id != m.id {
			return nil
		}
		m.armed = false
		if m.sim != nil && m.playing {
			m.sim.Step()
		}
		return m.arm()
	case tea.KeyPressMsg:
		if m.sim == nil {
			return nil
		}
		return tea.Batch(m.key(msg), m.arm())
	case exportedMsg:
		if msg.id == m.id {
			m.status = msg.status
		}
	case tea.MouseClickMsg:
		m.click(msg.X, msg.Y)
	}
	return nil
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	n := len(m.sim.Run().Events)
	switch {
	case key.Matches(msg, m.keys.Play):
		m.playing = !m.playing
		if m.playing && m.done() { // at the end: play again from the start
			m.reset()
		}
	case key.Matches(msg, m.keys.StepFwd):
		m.playing = false
		m.sim.Step()
	case key.Matches(msg, m.keys.StepBack):
		m.playing = false
		m.sim.StepBack()
		if m.selected >= len(m.sim.Run().Events) {
			m.selected = -1
		}
		if m.pinned >= len(m.sim.Run().Events) {
			m.pinned = -1
		}
	case key.Matches(msg, m.keys.Slower):
		m.speed = max(m.speed-1, 0)
	case key.Matches(msg, m.keys.Faster):
		m.speed = min(m.speed+1, len(speeds)-1)
	case key.Matches(msg, m.keys.Reseed):
		m.cfg.Seed++
		m.reset()
	case key.Matches(msg, m.keys.Scenario):
		m.scenario = (m.scenario + 1) % len(m.scenarios)
		m.reset()
	case key.Matches(msg, m.keys.Axis):
		m.axis = (m.axis + 1) % 3
	case key.Matches(msg, m.keys.Skew):
		m.skew = (m.skew + 1) % len(skews)
		m.reset()
	case key.Matches(msg, m.keys.Loss):
		m.loss = (m.loss + 1) % len(losses)
		m.reset()
	case key.Matches(msg, m.keys.Delay):
		m.delay = (m.delay + 1) % len(delays)
		m.reset()
	case key.Matches(msg, m.keys.Prev):
		if n > 0 {
			m.selected = (max(m.selected, 0) + n - 1) % n
		}
	case key.Matches(msg, m.keys.Next):
		if n > 0 {
			m.selected = (m.selected + 1) % n
		}
	case key.Matches(msg, m.keys.Pin):
		m.pinned = m.selected
	case key.Matches(msg, m.keys.Unpin):
		m.pinned, m.selected = -1, -1
	case key.Matches(msg, m.keys.Export):
		return m.export()
	}
	return nil
}

type exportedMsg struct {
	id     int
	status string
}

// export writes the run so far as a ShiViz log and as JSON Lines in the
// current folder, in a command: files are IO.
func (m *Model) export() tea.Cmd {
	run, id, text := m.sim.Run(), m.id, m.com.Text
	base := fmt.Sprintf("distlab-clocks-%d", m.cfg.Seed)
	return func() tea.Msg { return exportedMsg{id, exportFiles(run, base, text.ClockExported)} }
}

func exportFiles(run *clocks.Run, base, done string) string {
	shiviz, jsonl := base+".shiviz.log", base+".jsonl"
	write := func(name string, f func(*os.File) error) error {
		out, err := os.Create(name)
		if err != nil {
			return err
		}
		if err := f(out); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	}
	err := write(shiviz, func(f *os.File) error { return run.WriteShiViz(f) })
	if err == nil {
		err = write(jsonl, func(f *os.File) error { return run.WriteJSONL(f) })
	}
	if err != nil {
		return err.Error()
	}
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	return fmt.Sprintf(done, abs(shiviz), abs(jsonl))
}
