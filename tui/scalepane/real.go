package scalepane

import (
	"context"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/locale"
	"distlab/demos/scale"
	"distlab/tui/common"
)

// realRun is one real measurement, shared by the command that runs it
// and Close, which cancels it and waits for its worker processes.
type realRun struct {
	cancel context.CancelFunc
	done   chan struct{} // closed when the command has returned
	size   int           // the side's size when it was asked for

	mu              sync.Mutex // guards started and closed
	started, closed bool
}

// realMsg carries a real measurement back to the pane that asked.
type realMsg struct {
	pane   int
	run    *realRun
	report *scale.BenchReport
	err    error
}

// PaneID is the pane that ran the measurement.
func (m realMsg) PaneID() int { return m.pane }

// errServed is why e measures nothing in a served class: every student's
// workers would run on the one server, and measure each other.
var errServed = locale.Errorf("No real workers in a served class: they would load the server everyone shares.")

// realDuration is how long a real measurement loads the workers.
const realDuration = 2 * time.Second

// measure runs real workers for the selected side in a command: scale up =
// one worker process using N cores, scale out = N one-core worker
// processes behind a round-robin balancer, for two seconds. N is the
// side's size, but at most twice this machine's CPUs: more measures only
// requests queueing for the same CPUs (the pane says so). A measurement
// dropped by R may still be stopping its workers: the new one starts
// loading its own when they are gone, so that it does not share the CPUs
// with them.
func (m *Model) measure() tea.Cmd {
	if m.run != nil {
		return nil
	}
	draining := slices.Clone(m.draining)
	c := m.snap.Side(m.side)
	n := min(max(c.Size, 1), 2*m.cpus)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	run := &realRun{cancel: cancel, done: make(chan struct{}), size: c.Size}
	m.run, m.real, m.fail = run, nil, nil
	plan := scale.BenchPlan{Mode: m.side, N: n, Duration: realDuration, Model: c.Model}
	m.plan = plan
	id, bench := m.PaneID(), m.bench
	return func() tea.Msg {
		defer close(run.done)
		defer cancel()
		run.mu.Lock()
		if run.closed { // the pane closed before the command ran
			run.mu.Unlock()
			return nil
		}
		run.started = true
		run.mu.Unlock()
		for _, d := range draining {
			select {
			case <-d.done:
			case <-ctx.Done(): // closed, or waited 30 s
				return realMsg{pane: id, run: run, err: ctx.Err()}
			}
		}
		exe, err := os.Executable() // distlab itself runs the workers: `distlab scale worker`
		if err != nil {
			return realMsg{pane: id, run: run, err: err}
		}
		plan.Exe = exe
		r, err := bench(ctx, plan)
		return realMsg{pane: id, run: run, report: r, err: err}
	}
}

// measured takes a real measurement's result.
func (m *Model) measured(msg realMsg) {
	if i := slices.Index(m.draining, msg.run); i >= 0 { // dropped by R
		m.draining = slices.Delete(m.draining, i, i+1)
		return
	}
	if msg.run != m.run {
		return
	}
	m.run = nil
	m.real, m.fail, m.realSize = msg.report, msg.err, msg.run.size
	if msg.report != nil && msg.report.Result == nil {
		m.real = nil
	}
}

// dropReal forgets the real measurement: one in progress is cancelled and
// drains — its result will not be shown, e may start another, and Close
// still waits for its workers.
func (m *Model) dropReal() {
	if m.run != nil {
		m.run.cancel()
		m.draining = append(m.draining, m.run)
		m.run = nil
	}
	m.real, m.fail = nil, nil
}

// Close stops the real measurement in progress and those R dropped, and
// returns when their worker processes are gone.
func (m *Model) Close() {
	runs := m.draining
	if m.run != nil {
		runs = append(slices.Clone(runs), m.run)
	}
	var started []*realRun
	for _, run := range runs {
		run.mu.Lock()
		run.closed = true
		if run.started {
			started = append(started, run)
		}
		run.mu.Unlock()
		run.cancel()
	}
	for _, run := range started {
		<-run.done
	}
}

// realLines are the real measurement's lines, w cells wide: in progress,
// with what runs; its result, then (in why) what ran and why N is not the
// side's size when it is not; or why it failed (an engine's error in the
// reader's language, a system's as the system wrote it). None before the
// first.
func (m *Model) realLines(w int) (lines, why []string) {
	s, p := m.Com.Styles, m.Com.Printer
	switch {
	case m.run != nil:
		return style(s.StatusWarn, common.Pack(w, " ", " ", " ", p.T("measuring real workers on this machine…"), m.ran(m.plan))), nil
	case m.fail != nil:
		return common.WrapLines(s.StatusError.Render(p.T("real measurement failed: %s", p.Err(m.fail))), w, 3), nil
	case m.real == nil || m.real.Result == nil:
		return nil, nil
	}
	r, res := m.real, m.real.Result
	lines = style(s.HeaderLesson, common.Pack(w, " ", "   ", " · ",
		p.T("real, measured: %s, N = %d: %.0f req/s (model %.0f)", r.Plan.Mode, r.Plan.N, res.Throughput, r.Predicted),
		p.T("p50 %s", dur(p, res.P50())), p.T("p99 %s", dur(p, res.P99()))))
	ran := m.ran(r.Plan)
	if r.Plan.N != m.realSize {
		cpus := r.CPUs
		if cpus <= 0 {
			cpus = m.cpus
		}
		ran += "; " + p.T("N is %d, not the side's %d: this machine has %d CPUs, and more than %d would only queue for them",
			r.Plan.N, m.realSize, cpus, 2*cpus)
	}
	return lines, common.WrapLines(s.Summary.Render(ran), w, 3)
}

// ran says what a real measurement runs: which worker processes, with how
// many cores, for how long.
func (m *Model) ran(plan scale.BenchPlan) string {
	p := m.Com.Printer
	if plan.Mode == scale.ScaleOut {
		return p.T("%d one-core worker processes behind round robin, for %s", plan.N, p.Duration(plan.Duration))
	}
	return p.T("1 worker process with GOMAXPROCS=%s, for %s", strconv.Itoa(plan.N), p.Duration(plan.Duration))
}
