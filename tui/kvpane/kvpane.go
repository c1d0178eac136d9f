// Package kvpane is the replicated store's pane: N replicas of a
// key-value store (demos/kv) drawn with the values and versions each
// keeps, the partition as a wall between the two sides, the clients'
// operations as bars on a shared time axis (invocation to response, as the
// consistency literature draws histories) with stale reads and lost
// updates marked, the counters, and the linearizability verdict, which
// Porcupine computes in a command, never in a frame. The run is a pure
// simulation played against a display clock in simulated time, stepped
// one event at a time or back by replay; the student partitions, crashes,
// reads and writes through a server and turns every knob of lesson 9.
package kvpane

import (
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/kv"
	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
)

// ID is the demo's id in lessons' front matter.
const ID = "kv"

// Demo registers the pane.
func Demo() demo.Demo {
	return demo.Demo{
		ID:         ID,
		Names:      names,
		New:        func(env demo.Env) common.Pane { return New(env) },
		Starts:     scenarioNames,
		Challenges: kv.Challenges,
	}
}

func scenarioNames() []string {
	var out []string
	for _, sc := range kv.Scenarios() {
		out = append(out, sc.Name)
	}
	return out
}

// checkTimeout is the most the linearizability checker may take for one
// verdict; checkEvery is how often it runs while the run plays.
const (
	checkTimeout = 500 * time.Millisecond
	checkEvery   = 250 * time.Millisecond
)

// Model is the pane.
type Model struct {
	demo.Base
	keys keyMap

	lab  *kv.Lab // outlives the runs: the challenges met
	sim  *kv.Sim
	snap kv.Snapshot // the run after its last event

	// scenario indexes scenarios; len(scenarios) is the free run, whose
	// settings are free.
	scenarios []*kv.Scenario
	scenario  int
	free      kv.Config
	seed      uint64

	play demo.Playback // the display clock and its speed

	selected int  // the server the keys act on
	served   bool // in a session of distlab serve: nothing is written on the server's disk

	choosing demo.Partition[int] // the partition being chosen
	knobs    bool                // the knobs panel is open
	knob     int                 // the knob it points at
	notice   string

	verdict verdictState
	recent  recentCache
}

// maxRecent is the most earlier events a tall pane lists.
const maxRecent = 24

// recentCache keeps the recent events' lines until the next event.
type recentCache struct {
	sim       *kv.Sim
	events, w int
	lang      locale.Lang
	lines     []string
}

var (
	_ common.Pane      = (*Model)(nil)
	_ common.Animator  = (*Model)(nil)
	_ common.Relabeler = (*Model)(nil)
	_ common.Capturer  = (*Model)(nil)
	_ demo.Starter     = (*Model)(nil)
)

// New returns the pane with the first scenario loaded, playing; a slide's
// starting state (Env.Start) names another.
func New(env demo.Env) *Model {
	m := &Model{Base: demo.NewBase(env, true), lab: kv.NewLab(), scenarios: kv.Scenarios(),
		free: kv.Config{N: kv.DefaultN, Clients: kv.DefaultClients, Ops: kv.Unlimited, ReadRepair: true},
		seed: 1, play: demo.NewPlayback(), selected: 1, served: env.Served}
	m.UseChallenges(m.lab)
	m.keys = newKeys(env.Com.Printer, m.ChallengeKeys())
	if i := slices.IndexFunc(m.scenarios, func(sc *kv.Scenario) bool { return sc.Name == env.Start }); env.Start != "" && i >= 0 {
		m.scenario = i
	}
	m.reset()
	return m
}

// StartAs shows scenario start from its beginning, playing.
func (m *Model) StartAs(start string) tea.Cmd {
	i := slices.IndexFunc(m.scenarios, func(sc *kv.Scenario) bool { return sc.Name == start })
	if start == "" || i < 0 || (i == m.scenario && m.snap.Script) {
		return nil
	}
	m.scenario = i
	m.reset()
	m.pause(false)
	return nil
}

// config is the run the settings make.
func (m *Model) config() kv.Config {
	if sc := m.current(); sc != nil {
		return kv.Config{Scenario: sc.Name, Seed: m.seed}
	}
	cfg := m.free
	cfg.Seed = m.seed
	cfg.Skew = slices.Clone(m.free.Skew)
	return cfg
}

// current is the scenario shown, nil for the free run.
func (m *Model) current() *kv.Scenario {
	if m.scenario < len(m.scenarios) {
		return m.scenarios[m.scenario]
	}
	return nil
}

// reset starts the run the settings make, at its beginning. A config the
// engine refuses leaves the last run and shows the error.
func (m *Model) reset() {
	sim, err := m.lab.NewSim(m.config())
	m.Started(err)
	if err != nil {
		return
	}
	m.sim = sim
	m.choosing.Close()
	m.play.Restart()
	m.verdict = verdictState{}
	m.refresh()
	m.selected = min(max(m.selected, 1), len(m.snap.Servers))
}

// refresh takes the run's snapshot after an engine call.
func (m *Model) refresh() {
	m.snap = m.sim.Snapshot()
	m.play.Clock = max(m.play.Clock, m.snap.Now)
}

// Init does nothing: the simulation is pure computation, made in New.
func (m *Model) Init() tea.Cmd { return nil }

// Relabel refreshes the key help after a language change.
func (m *Model) Relabel() { m.keys = newKeys(m.Com.Printer, m.ChallengeKeys()) }

// KeyMap is the pane's help: the chooser's or the knobs panel's keys while
// one is open.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	k.Challenge = m.ChallengeKeys() // H's state moves with the strip
	// The digits name the store's servers, 1-3 for three, as the Raft
	// pane's name its nodes; all seven stay bound.
	if n := len(m.snap.Servers); n > 0 {
		digits := "1-" + strconv.Itoa(n)
		k.Select.SetHelp(digits, k.Select.Help().Desc)
		k.Toggle.SetHelp(digits, k.Toggle.Help().Desc)
	}
	switch {
	case m.choosing.IsOpen():
		return chooserKeys{k}
	case m.knobs:
		return knobKeys{k}
	}
	return k
}

// Capturing reports whether the chooser or the knobs panel is open: their
// keys are the pane's then, not the app's.
func (m *Model) Capturing() bool { return m.choosing.IsOpen() || m.knobs }

// Animating reports whether the run plays on its own.
func (m *Model) Animating() bool {
	if !m.Base.Animating() || m.sim == nil {
		return false
	}
	_, ok := m.sim.NextAt()
	return ok
}

// Frame moves the display clock by the time since the last frame at the
// speed's rate and lets every event due by then happen; it asks for a
// verdict when the history changed (at most once a checkEvery).
func (m *Model) Frame(now time.Time) (bool, tea.Cmd) {
	if !m.Animating() {
		m.play.Hold()
		return false, tea.Batch(m.SyncChallenges(), m.check(now))
	}
	if !m.play.Advance(now) { // the first frame of a play
		return false, m.SyncChallenges()
	}
	m.catchUp()
	return true, tea.Batch(m.SyncChallenges(), m.check(now))
}

// catchUp makes the events due by the display clock.
func (m *Model) catchUp() {
	if stepped, behind := m.play.CatchUp(m.sim); stepped {
		m.refresh()
		if behind {
			m.play.Clock = m.snap.Now // behind: catch up next frame, from here
		}
	}
}

// pause stops or starts play; play starts at the next frame.
func (m *Model) pause(p bool) {
	m.SetPaused(p)
	m.play.Hold()
}

// do takes a student's action, at the run's time.
func (m *Model) do(a kv.Action) bool {
	ok := m.sim.Do(a)
	m.refresh()
	return ok
}

// Update acts on keys and on the commands' answers.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case verdictMsg:
		if m.Mine(msg) {
			m.verdict.done(msg)
		}
		return nil
	case exportedMsg:
		if m.Mine(msg) {
			m.exported(msg)
		}
		return nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || m.sim == nil {
		return nil
	}
	m.notice = ""
	var cmd tea.Cmd
	switch {
	case m.choosing.IsOpen():
		m.chooseKey(k)
	case m.knobs:
		m.knobKey(k)
	case m.ChallengeKey(k):
	default:
		cmd = m.key(k)
	}
	return tea.Batch(cmd, m.SyncChallenges(), m.check(time.Now()))
}
