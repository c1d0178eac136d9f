// Package clockpane is the clock-ordering demo's pane: a space-time
// diagram of a demos/clocks simulation, played step by step, with the
// x-axis switchable between true time, each process's physical clock and
// Lamport time, an event table, and the relation between two events in
// one sentence.
package clockpane

import (
	"slices"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/clocks"
	"distlab/tui/common"
	"distlab/tui/demo"
)

// ID is the demo's id in lessons' front matter.
const ID = "clocks"

// Demo registers the pane.
func Demo() demo.Demo {
	return demo.Demo{
		ID:         ID,
		Names:      names,
		New:        func(env demo.Env) common.Pane { return New(env) },
		Starts:     clocks.ScenarioNames,
		Challenges: clocks.Challenges,
	}
}

// The settings the keys cycle through.
var (
	skews  = []time.Duration{0, 20 * time.Millisecond, 80 * time.Millisecond}
	losses = []float64{0, 0.1, 0.3}
	delays = [][2]time.Duration{{5 * time.Millisecond, 30 * time.Millisecond}, {20 * time.Millisecond, 200 * time.Millisecond}, {1 * time.Millisecond, 5 * time.Millisecond}}
	speeds = []float64{2, 4, 8, 16, 32} // events a second
)

// maxFrameGap is the longest time between two frames that still counts as
// play: after a longer one (the pane was hidden, or the app's frame clock
// was stopped) the run resumes where it was instead of catching up.
const maxFrameGap = 250 * time.Millisecond

// dueSlack is how far short of a whole event the owed count may be and
// still make it: frame times are whole nanoseconds (a fifteenth of a second
// is 66,666,666 ns), so fifteen such frames are a hair short of a second.
const dueSlack = 1e-6

// Model is the pane.
type Model struct {
	demo.Base
	keys keyMap

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
	// lab makes every run's Sim and judges the pairs compared, for the
	// challenges; it outlives the runs.
	lab *clocks.Lab

	// The pace of play: the time of the last frame played (zero: play
	// starts at the next frame) and the events due but not yet made, a
	// fraction of one.
	last time.Time
	owed float64

	axis             axis
	selected, pinned int

	// The table follows the selected event, or the newest, until it is
	// scrolled; then it shows tableTop on.
	tableFollow bool
	tableTop    int

	// fixedNotice says, until the next key, that the key pressed (seed,
	// skew, loss, delay) does nothing to a scenario, which fixes its own.
	fixedNotice bool
	// exported is the last export's files, shown in the status line
	// until the next key. A failed export's error is the root's to show,
	// in the app's status line.
	exported *exportedMsg
}

var (
	_ common.Pane      = (*Model)(nil)
	_ common.Animator  = (*Model)(nil)
	_ common.Relabeler = (*Model)(nil)
	_ demo.Starter     = (*Model)(nil)
)

// New returns the pane, with the first scenario loaded and playing.
func New(env demo.Env) *Model {
	m := &Model{Base: demo.NewBase(env, true), lab: clocks.NewLab(),
		selected: -1, pinned: -1, speed: 1, delay: 0, axis: axisPhysical}
	m.UseChallenges(m.lab)
	m.keys = newKeys(env.Com.Printer, m.ChallengeKeys())
	m.scenarios, m.infos = []string{""}, map[string]clocks.ScenarioInfo{}
	for _, s := range clocks.Scenarios() {
		m.scenarios = append(m.scenarios, s.Name)
		m.infos[s.Name] = s
	}
	m.cfg = clocks.Config{Procs: 4, Events: 40, Seed: 1}
	if len(m.scenarios) > 1 {
		m.scenario = 1 // start with a scenario built to show something
	}
	if i := slices.Index(m.scenarios, env.Start); env.Start != "" && i >= 0 {
		m.scenario = i // a slide's
	}
	m.reset()
	return m
}

// StartAs shows scenario start from its beginning, playing: a slide asks for
// it while the pane is open.
func (m *Model) StartAs(start string) tea.Cmd {
	i := slices.Index(m.scenarios, start)
	if start == "" || i < 0 || i == m.scenario {
		return nil // the run shown is the one asked for: it goes on
	}
	m.scenario = i
	m.reset()
	m.pause(false)
	return nil
}

// reset rebuilds the simulation from the current settings, at its start.
// A config the engine refuses leaves the last run and shows the error.
func (m *Model) reset() {
	m.cfg.Scenario = m.scenarios[m.scenario]
	m.cfg.Skew = skews[m.skew]
	m.cfg.Loss = losses[m.loss]
	m.cfg.DelayMin, m.cfg.DelayMax = delays[m.delay][0], delays[m.delay][1]
	m.cfg.DriftPPM = 20000
	full, err := clocks.Simulate(m.cfg)
	var sim *clocks.Sim
	if err == nil {
		sim, err = m.lab.NewSim(m.cfg)
	}
	m.Started(err)
	if err != nil {
		return
	}
	m.full, m.sim = full, sim
	m.selected, m.pinned = -1, -1
	m.tableFollow, m.tableTop = true, 0
	m.last, m.owed = time.Time{}, 0
}

// Init does nothing: the simulation is pure computation, made in New.
func (m *Model) Init() tea.Cmd { return nil }

// Relabel refreshes the key help after a language change.
func (m *Model) Relabel() { m.keys = newKeys(m.Com.Printer, m.ChallengeKeys()) }

// KeyMap is the pane's help.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	k.Challenge = m.ChallengeKeys() // H's state moves with the strip
	return k
}

func (m *Model) done() bool { return m.sim == nil || len(m.sim.Run().Events) >= len(m.full.Events) }

// Animating reports whether the run plays on its own: not paused, not
// failed and not at its end.
func (m *Model) Animating() bool { return m.Base.Animating() && !m.done() }

// Frame plays the events due since the last frame at the speed's rate,
// carrying the fraction of an event over to the next frame, so that every
// speed keeps its pace whatever the frame rate.
// It reports a change only on frames that played an event; an event that
// meets a challenge is reported to the root at once.
func (m *Model) Frame(now time.Time) (bool, tea.Cmd) {
	if !m.Animating() {
		m.last, m.owed = time.Time{}, 0
		return false, m.SyncChallenges()
	}
	gap := now.Sub(m.last)
	m.last = now
	if gap <= 0 || gap > maxFrameGap { // the first frame of a play
		return false, m.SyncChallenges()
	}
	m.owed += gap.Seconds() * speeds[m.speed]
	played := false
	for ; m.owed >= 1-dueSlack && !m.done(); m.owed-- {
		m.sim.Step()
		played = true
	}
	if m.done() {
		m.owed = 0
	}
	return played, m.SyncChallenges()
}

// pause stops or starts play; play starts at the next frame.
func (m *Model) pause(p bool) {
	m.SetPaused(p)
	m.last, m.owed = time.Time{}, 0
}

// Update acts on keys, clicks and the results of exports.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.sim == nil {
			return nil
		}
		m.exported, m.fixedNotice = nil, false
		if m.ChallengeKey(msg) {
			return m.SyncChallenges()
		}
		cmd := m.key(msg)
		return tea.Batch(cmd, m.compare())
	case exportedMsg:
		if m.Mine(msg) {
			m.exported = &msg
		}
	case common.DoneMsg:
		if m.Mine(msg) && msg.Err != nil {
			m.exported = nil
		}
	case tea.MouseClickMsg:
		m.click(msg.X, msg.Y)
		return m.compare()
	case tea.MouseWheelMsg:
		if m.sim == nil {
			return nil
		}
		switch msg.Button {
		case tea.MouseWheelUp:
			m.scrollTable(-3)
		case tea.MouseWheelDown:
			m.scrollTable(3)
		}
	}
	return nil
}

// compare hands the pinned and the selected event, when there are both, to
// the engine, which judges the pair for the challenges, then reports what
// it saw met: the step, reset or comparison just made may have met one.
func (m *Model) compare() tea.Cmd {
	if m.sim == nil {
		return nil
	}
	if m.pinned >= 0 && m.selected >= 0 {
		m.sim.Compare(m.pinned, m.selected)
	}
	return m.SyncChallenges()
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	n := len(m.sim.Run().Events)
	switch {
	case key.Matches(msg, m.keys.Play):
		if m.done() { // at the end: play again from the start
			m.reset()
			m.pause(false)
		} else {
			m.pause(!m.Paused())
		}
	case key.Matches(msg, m.keys.StepFwd):
		m.pause(true)
		m.sim.Step()
	case key.Matches(msg, m.keys.StepBack):
		m.pause(true)
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
	case key.Matches(msg, m.keys.Reset): // the same run from its start, playing
		m.reset()
		m.pause(false)
	case key.Matches(msg, m.keys.TableUp):
		m.scrollTable(-max(m.geometry().tableRows-1, 1))
	case key.Matches(msg, m.keys.TableDown):
		m.scrollTable(max(m.geometry().tableRows-1, 1))
	case key.Matches(msg, m.keys.Reseed, m.keys.Skew, m.keys.Loss, m.keys.Delay) && m.scenarios[m.scenario] != "":
		// A scenario fixes its own events, clocks and network: say so,
		// change nothing.
		m.fixedNotice = true
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
			m.selected, m.tableFollow = (max(m.selected, 0)+n-1)%n, true
		}
	case key.Matches(msg, m.keys.Next):
		if n > 0 {
			m.selected, m.tableFollow = (m.selected+1)%n, true
		}
	case key.Matches(msg, m.keys.Pin):
		m.pinned = m.selected
	case key.Matches(msg, m.keys.Unpin):
		m.pinned, m.selected, m.tableFollow = -1, -1, true
	case key.Matches(msg, m.keys.Export):
		return m.export()
	}
	return nil
}
