// Package scalepane is the scale-up vs scale-out pane: two columns under
// the same offered load, simulated by demos/scale on a frame tick — the
// machine's cores or the cluster's nodes with their utilisation,
// throughput over time, latency, queue, rejections, cost and availability —
// and the model's X(N) curve with the current size marked.
package scalepane

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/locale"
	"distlab/demos/scale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/keys"
)

// ID is the demo's id in lessons' front matter.
const ID = "scale"

// Demo registers the pane.
func Demo() demo.Demo {
	return demo.Demo{
		ID:    ID,
		Names: names,
		New: func(env demo.Env) common.Pane { return New(env) },
	}
}

// frame is the pane's tick while it runs.
const frame = time.Second / 12

type frameMsg struct {
	id int
	at time.Time
}

// Model is the pane.
type Model struct {
	com      *common.Common
	keys     keys.Scale
	id       int
	instance int

	demo *scale.Demo
	err  error
	snap scale.Snapshot
	side scale.Side // the side the keys act on

	paused, visible, armed bool
	last                   time.Time // the last frame, to advance by real time

	// Real mode: a short run of real worker processes on this machine,
	// for the selected side at its current size.
	realRunning bool
	realCancel  context.CancelFunc
	real        string // the last measurement, as a line

	width, height int
	focused       bool
}

var (
	_ common.Pane   = (*Model)(nil)
	_ common.Shower = (*Model)(nil)
	_ common.Closer = (*Model)(nil)
)

// realMsg carries a real measurement back.
type realMsg struct {
	id     int
	report *scale.BenchReport
	err    error
}

// Close stops a real measurement in progress (its worker processes end).
func (m *Model) Close() {
	if m.realCancel != nil {
		m.realCancel()
	}
}

// measure runs real workers for the selected side in the background:
// scale up = one worker process using N cores, scale out = N one-core
// worker processes behind a round-robin balancer, for two seconds.
func (m *Model) measure() tea.Cmd {
	if m.realRunning {
		return nil
	}
	c := m.snap.Side(m.side)
	n := min(max(c.Size, 1), 2*runtime.NumCPU()) // more than the machine has measures only queueing
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	m.realRunning, m.realCancel, m.real = true, cancel, ""
	plan := scale.BenchPlan{Mode: m.side, N: n, Duration: 2 * time.Second, Model: c.Model}
	id := m.id
	return func() tea.Msg {
		defer cancel()
		exe, err := os.Executable() // distlab itself runs the workers: `distlab scale worker`
		if err != nil {
			return realMsg{id: id, err: err}
		}
		plan.Exe = exe
		r, err := scale.RunBench(ctx, plan)
		return realMsg{id: id, report: r, err: err}
	}
}

// New returns the pane with the default configuration.
func New(env demo.Env) *Model {
	m := &Model{com: env.Com, keys: keys.DefaultScale(env.Com.Text), id: env.ID, instance: env.Instance, side: scale.ScaleUp}
	m.demo, m.err = scale.NewDemo(scale.DefaultConfig())
	if m.demo != nil {
		m.snap = m.demo.Snapshot()
	}
	return m
}

// Init does nothing: the simulation is computed on frames.
func (m *Model) Init() tea.Cmd { return nil }

// Title names the demo.
func (m *Model) Title() string {
	t := m.com.Text.ScaleTitle
	if m.instance > 1 {
		t += fmt.Sprintf(" #%d", m.instance)
	}
	return t
}

// Relabel refreshes the key help after a language change.
func (m *Model) Relabel() { m.keys = keys.DefaultScale(m.com.Text) }

// Focus gives or takes the keyboard.
func (m *Model) Focus(f bool) { m.focused = f }

// SetSize sets the inner size.
func (m *Model) SetSize(w, h int) tea.Cmd { m.width, m.height = w, h; return nil }

// SetVisible starts or stops the simulation's clock.
func (m *Model) SetVisible(v bool) tea.Cmd {
	m.visible = v
	m.last = time.Time{}
	return m.arm()
}

func (m *Model) arm() tea.Cmd {
	if m.armed || !m.visible || m.paused || m.demo == nil {
		return nil
	}
	m.armed = true
	id := m.id
	return m.com.Tick(frame, func(t time.Time) tea.Msg { return frameMsg{id, t} })
}

// KeyMap is the pane's help.
func (m *Model) KeyMap() help.KeyMap { return keyMap(m.keys) }

type keyMap keys.Scale

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.LoadUp, k.Side, k.Bigger, k.Crash, k.Repair}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.LoadUp, k.LoadDown, k.Side, k.Bigger, k.Smaller},
		{k.Crash, k.Repair, k.Policy, k.Pause, k.Real},
		{k.Preset, k.AlphaDown, k.AlphaUp, k.BetaDown, k.BetaUp}}
}

// Update advances the simulation on frames and acts on keys.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if m.demo == nil {
		return nil
	}
	switch msg := msg.(type) {
	case frameMsg:
		if msg.id != m.id {
			return nil
		}
		m.armed = false
		if !m.last.IsZero() && !m.paused {
			m.demo.Tick(msg.at.Sub(m.last))
		}
		m.last = msg.at
		m.snap = m.demo.Snapshot()
		return m.arm()
	case realMsg:
		if msg.id != m.id {
			return nil
		}
		m.realRunning = false
		switch {
		case msg.err != nil:
			m.real = msg.err.Error()
		case msg.report != nil && msg.report.Result != nil:
			r := msg.report.Result
			m.real = locale.Decimals(m.com.Text.Lang, fmt.Sprintf("%s %d: %.0f req/s (model %.0f) · p50 %v · p99 %v", msg.report.Plan.Mode, msg.report.Plan.N,
				r.Throughput, msg.report.Predicted, dur(r.P50()), dur(r.P99())))
		}
		return nil
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.Real) {
			return m.measure()
		}
		m.key(msg)
		m.snap = m.demo.Snapshot()
		return m.arm()
	}
	return nil
}

func (m *Model) key(msg tea.KeyPressMsg) {
	d, s := m.demo, m.side
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
		m.paused = !m.paused
		m.last = time.Time{}
	}
}

func (m *Model) resize(dir int) {
	if m.side == scale.ScaleOut {
		m.demo.StepNodes(dir)
	} else {
		m.demo.StepCores(dir)
	}
}
