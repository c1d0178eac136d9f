// Package scalepane is the scale-up vs scale-out pane: two columns under
// the same offered load, simulated by demos/scale on the app's frame clock
// — the machine's cores or the cluster's nodes with their utilisation,
// throughput over time, latency, queue, rejections, cost and availability —
// and the model's X(N) curve with the current size marked (curve.go). The
// e key measures real worker processes on this machine (real.go); R puts
// the demo back as it opened. Its texts are in text.go, its keys in
// keys.go.
package scalepane

import (
	"context"
	"runtime"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/scale"
	"distlab/tui/common"
	"distlab/tui/demo"
)

// ID is the demo's id in lessons' front matter.
const ID = "scale"

// Demo registers the pane.
func Demo() demo.Demo {
	return demo.Demo{
		ID:         ID,
		Names:      names,
		New:        func(env demo.Env) common.Pane { return New(env) },
		Challenges: scale.Challenges,
	}
}

// resumeAfter is a gap between frames that means the frame clock stopped
// — the pane was hidden by a zoom or a smaller layout, or paused — rather
// than that a frame came late: the simulation resumes from the new frame
// instead of catching up on the time it was not seen. The clock gives a
// frame every 100ms (tui.AnimationRate).
const resumeAfter = 500 * time.Millisecond

// Model is the pane.
type Model struct {
	demo.Base
	keys keyMap

	sim  *scale.Demo
	snap scale.Snapshot
	side scale.Side // the side the keys act on
	last time.Time  // the last frame, to advance by the time between frames

	// Real mode: a short run of real worker processes on this machine,
	// for the selected side at its current size.
	run      *realRun           // the measurement in progress, nil when none
	draining []*realRun         // measurements R dropped whose commands have not returned
	plan     scale.BenchPlan    // what it runs
	real     *scale.BenchReport // the last measurement
	realSize int                // the side's size when it was asked for
	fail     error              // or why it failed; shown in the pane, in the reader's language
	// bench runs a measurement (scale.RunBench; tests replace it).
	bench func(context.Context, scale.BenchPlan) (*scale.BenchReport, error)
	cpus  int // this machine's CPUs, which cap N (runtime.NumCPU; tests set it)
	// served: the app runs on a class server (demo.Env.Served), where real
	// workers would load the machine every student shares; e refuses.
	served bool

	curveCache struct { // the X(N) curve as last drawn
		key   curveKey
		lines []string
	}
}

var (
	_ common.Pane      = (*Model)(nil)
	_ common.Animator  = (*Model)(nil)
	_ common.Closer    = (*Model)(nil)
	_ common.Relabeler = (*Model)(nil)
)

// New returns the pane with the default configuration.
func New(env demo.Env) *Model {
	m := &Model{Base: demo.NewBase(env, true), side: scale.ScaleUp, bench: scale.RunBench, cpus: runtime.NumCPU(), served: env.Served}
	m.keys = newKeys(env.Com.Printer, nil)
	sim, err := scale.NewDemo(scale.DefaultConfig())
	if err != nil {
		m.Started(err)
		return m
	}
	m.sim, m.snap = sim, sim.Snapshot()
	m.UseChallenges(sim) // the engine checks them from what it measures
	m.keys = newKeys(env.Com.Printer, m.ChallengeKeys())
	return m
}

// Init does nothing: the simulation advances on the app's frames.
func (m *Model) Init() tea.Cmd { return nil }

// Relabel rebuilds the key help after a language change.
func (m *Model) Relabel() { m.keys = newKeys(m.Com.Printer, m.ChallengeKeys()) }

// KeyMap is the pane's help.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	k.Challenge = m.ChallengeKeys() // H's state moves with the strip
	return k
}

// Frame advances the simulation by the time since the last frame (as the
// engine's speed scales it) and samples it. The first frame after a gap —
// the pane was hidden or paused — only sets the clock going again. A
// challenge the engine saw met on the way is reported to the root at once.
func (m *Model) Frame(now time.Time) (bool, tea.Cmd) {
	if m.sim == nil {
		return false, nil
	}
	if gap := now.Sub(m.last); !m.last.IsZero() && gap > 0 && gap <= resumeAfter {
		m.sim.Tick(gap)
	}
	m.last = now
	m.snap = m.sim.Snapshot()
	return true, m.SyncChallenges() // the simulation moves on every frame
}

// Update acts on keys — the challenge strip's first — and on the real
// measurement's result.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if m.sim == nil {
		return nil
	}
	switch msg := msg.(type) {
	case realMsg:
		if m.Mine(msg) {
			m.measured(msg)
		}
		return nil
	case tea.KeyPressMsg:
		if m.ChallengeKey(msg) { // C and H: the challenge strip's
			return m.SyncChallenges()
		}
		if key.Matches(msg, m.keys.Real) {
			if m.served {
				return m.Do(func() error { return errServed })
			}
			return m.measure()
		}
		m.key(msg)
		m.snap = m.sim.Snapshot()
		return m.SyncChallenges()
	}
	return nil
}

func (m *Model) key(msg tea.KeyPressMsg) {
	d, s := m.sim, m.side
	switch {
	case key.Matches(msg, m.keys.LoadUp):
		d.StepLoad(1)
	case key.Matches(msg, m.keys.LoadDown):
		d.StepLoad(-1)
	case key.Matches(msg, m.keys.Side):
		m.side = scale.ScaleOut
		if s == scale.ScaleOut {
			m.side = scale.ScaleUp
		}
	case key.Matches(msg, m.keys.Bigger):
		m.resize(1)
	case key.Matches(msg, m.keys.Smaller):
		m.resize(-1)
	case key.Matches(msg, m.keys.Crash):
		d.Crash(s)
	case key.Matches(msg, m.keys.Repair):
		d.Repair(s)
	case key.Matches(msg, m.keys.Preset):
		d.NextPreset(s)
	case key.Matches(msg, m.keys.AlphaDown):
		d.StepAlpha(s, -1)
	case key.Matches(msg, m.keys.AlphaUp):
		d.StepAlpha(s, 1)
	case key.Matches(msg, m.keys.BetaDown):
		d.StepBeta(s, -1)
	case key.Matches(msg, m.keys.BetaUp):
		d.StepBeta(s, 1)
	case key.Matches(msg, m.keys.Policy):
		d.NextPolicy()
	case key.Matches(msg, m.keys.Pause):
		m.SetPaused(!m.Paused())
		m.last = time.Time{} // the clock starts again from the next frame
	case key.Matches(msg, m.keys.Reset):
		m.reset()
	}
}

// reset puts the demo back as it opened, so a class can run a step again:
// the starting load, sizes, models and balancer, every machine up, the
// simulated clock and every measurement back at zero, scale up selected,
// running.
func (m *Model) reset() {
	m.sim.Restart()
	m.dropReal()
	m.side = scale.ScaleUp
	m.SetPaused(false)
	m.last = time.Time{}
}

func (m *Model) resize(dir int) {
	if m.side == scale.ScaleOut {
		m.sim.StepNodes(dir)
	} else {
		m.sim.StepCores(dir)
	}
}
