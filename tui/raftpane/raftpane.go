// Package raftpane is the Raft demo's pane: a cluster of etcd raft nodes
// (demos/raft) drawn as a table of nodes — role, term, vote, commit index,
// applied state, election timer and log — with the messages in flight
// under it, each moving from its sender to its receiver, and the sentence
// that explains the last event. The run is a pure simulation, played
// against a display clock in simulated time, stepped one event at a time
// or back by replay; the student crashes nodes, fires timers, partitions
// the network, drops messages and writes, and Raft's safety properties are
// checked after every event.
package raftpane

import (
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/raft"
	"distlab/tui/common"
	"distlab/tui/demo"
)

// ID is the demo's id in lessons' front matter.
const ID = "raft"

// Demo registers the pane.
func Demo() demo.Demo {
	return demo.Demo{
		ID:         ID,
		Names:      names,
		New:        func(env demo.Env) common.Pane { return New(env) },
		Starts:     scenarioNames,
		Challenges: raft.Challenges,
	}
}

func scenarioNames() []string {
	var out []string
	for _, sc := range raft.Scenarios() {
		out = append(out, sc.Name)
	}
	return out
}

// bugs are the engine's deliberate bugs, in the order b cycles through.
var bugs = []raft.Bug{raft.BugNone, raft.BugCountOldTerm, raft.BugForgetVote}

// Model is the pane.
type Model struct {
	demo.Base
	keys keyMap

	lab *raft.Lab // outlives the runs: the challenges met
	sim *raft.Sim
	// snap is the run after its last event: it changes only when an
	// engine call makes one, so frames only move the clock over it.
	snap raft.Snapshot

	// scenario indexes scenarios; len(scenarios) is the free run.
	scenarios []*raft.Scenario
	scenario  int
	nodes     int // the free run's
	seed      uint64
	bug       int // index in bugs

	play demo.Playback // the display clock and its speed

	selected uint64 // the node the keys act on

	// choosing is the partition being chosen (p, digits, enter).
	choosing demo.Partition[uint64]
	// notice is a line that says, until the next key, why a key did
	// nothing.
	notice string

	cache viewCache
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
	m := &Model{Base: demo.NewBase(env, true), lab: raft.NewLab(), scenarios: raft.Scenarios(),
		nodes: raft.DefaultNodes, seed: 1, play: demo.NewPlayback(), selected: 1}
	m.UseChallenges(m.lab)
	m.keys = newKeys(env.Com.Printer, m.ChallengeKeys())
	if i := slices.IndexFunc(m.scenarios, func(sc *raft.Scenario) bool { return sc.Name == env.Start }); env.Start != "" && i >= 0 {
		m.scenario = i
	}
	m.reset()
	return m
}

// StartAs shows scenario start from its beginning, playing: a slide asks
// for it while the pane is open.
func (m *Model) StartAs(start string) tea.Cmd {
	i := slices.IndexFunc(m.scenarios, func(sc *raft.Scenario) bool { return sc.Name == start })
	if start == "" || i < 0 || (i == m.scenario && m.snap.Scripted) {
		return nil // the run shown is the one asked for: it goes on
	}
	m.scenario = i
	m.reset()
	m.pause(false)
	return nil
}

// config is the run the settings make.
func (m *Model) config() raft.Config {
	cfg := raft.Config{Nodes: m.nodes, Seed: m.seed, Bug: bugs[m.bug]}
	if sc := m.current(); sc != nil {
		cfg.Scenario, cfg.Nodes = sc.Name, sc.Nodes
	}
	return cfg
}

// current is the scenario shown, nil for the free run.
func (m *Model) current() *raft.Scenario {
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
	m.refresh()
	m.selected = min(max(m.selected, 1), uint64(len(m.snap.Nodes)))
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

// KeyMap is the pane's help: the partition chooser's keys while it is
// open.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	k.Challenge = m.ChallengeKeys() // H's state moves with the strip
	// The digits name the cluster's nodes: 1-5 for five. All seven stay
	// bound, so that a number past the last says why it does nothing.
	digits := "1-" + strconv.Itoa(len(m.snap.Nodes))
	k.Select.SetHelp(digits, k.Select.Help().Desc)
	k.Toggle.SetHelp(digits, k.Toggle.Help().Desc)
	if m.choosing.IsOpen() {
		return chooserKeys{k}
	}
	return k
}

// Capturing reports whether the partition chooser is open: its digits,
// enter and esc are the pane's then, not the app's.
func (m *Model) Capturing() bool { return m.choosing.IsOpen() }

// Animating reports whether the run plays on its own: not paused, and
// something is left to happen.
func (m *Model) Animating() bool {
	if !m.Base.Animating() || m.sim == nil {
		return false
	}
	_, ok := m.sim.NextAt()
	return ok
}

// Frame moves the display clock by the time since the last frame at the
// speed's rate, and lets every event happen that is due by then. Every
// frame while playing changes the view: messages move, timers run down.
func (m *Model) Frame(now time.Time) (bool, tea.Cmd) {
	if !m.Animating() {
		m.play.Hold()
		return false, m.SyncChallenges()
	}
	if !m.play.Advance(now) { // the first frame of a play
		return false, m.SyncChallenges()
	}
	m.catchUp()
	return true, m.SyncChallenges()
}

// catchUp makes the events due by the display clock; a frame that owes
// more than maxStepsPerFrame leaves the rest for the next, and the clock
// waits for them.
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

// do takes a student's action: it happens now, at the run's time.
func (m *Model) do(a raft.Action) {
	m.sim.Do(a)
	m.refresh()
}

// Update acts on keys.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || m.sim == nil {
		return nil
	}
	m.notice = ""
	if m.choosing.IsOpen() {
		m.chooseKey(k)
		return m.SyncChallenges()
	}
	if m.ChallengeKey(k) {
		return m.SyncChallenges()
	}
	m.key(k)
	return m.SyncChallenges()
}
