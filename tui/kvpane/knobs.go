package kvpane

import (
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/kv"
	"distlab/demos/locale"
)

// A knob is one line of the knobs panel (o): its name, its value as the
// run has it now, and what ←/→ do to it.
type knob struct {
	name  func(p *locale.Printer) string
	value func(m *Model, p *locale.Printer) string
	turn  func(m *Model, dir int) // dir is -1 or +1
}

// Knob steps.
const (
	lossStep = 5  // percent
	maxLoss  = 50 // percent
	skewStep = 50 * time.Millisecond
	maxSkew  = 1000 * time.Millisecond
)

var knobList = []knob{
	{func(p *locale.Printer) string { return p.T("N, replicas of a key") }, func(m *Model, _ *locale.Printer) string { return strconv.Itoa(m.snap.Knobs.N) },
		func(m *Model, dir int) {
			m.refit(func(c *kv.Config) { c.N = min(max(c.N+dir, kv.MinN), kv.MaxN); c.R, c.W = min(c.R, c.N), min(c.W, c.N) })
		}},
	{func(p *locale.Printer) string { return p.T("R, read quorum") }, func(m *Model, _ *locale.Printer) string { return strconv.Itoa(m.snap.Knobs.R) },
		func(m *Model, dir int) { m.turnTo(kv.OpSetR, m.snap.Knobs.R+dir) }},
	{func(p *locale.Printer) string { return p.T("W, write quorum") }, func(m *Model, _ *locale.Printer) string { return strconv.Itoa(m.snap.Knobs.W) },
		func(m *Model, dir int) { m.turnTo(kv.OpSetW, m.snap.Knobs.W+dir) }},
	{func(p *locale.Printer) string { return p.T("without a quorum") }, func(m *Model, p *locale.Printer) string {
		return m.snap.Knobs.Mode.Label(p) + ": " + m.snap.Knobs.Mode.About(p)
	}, func(m *Model, _ int) { m.turnTo(kv.OpSetMode, 1-int(m.snap.Knobs.Mode)) }},
	{func(p *locale.Printer) string { return p.T("conflicts") }, func(m *Model, p *locale.Printer) string { return m.snap.Knobs.Conflicts.Label(p) },
		func(m *Model, _ int) { m.turnTo(kv.OpSetConflicts, 1-int(m.snap.Knobs.Conflicts)) }},
	{func(p *locale.Printer) string { return p.T("sloppy quorums") }, func(m *Model, p *locale.Printer) string { return onOff(p, m.snap.Knobs.Sloppy) },
		func(m *Model, _ int) { m.refit(func(c *kv.Config) { c.Sloppy = !c.Sloppy }) }},
	{func(p *locale.Printer) string { return p.T("read repair") }, func(m *Model, p *locale.Printer) string { return onOff(p, m.snap.Knobs.ReadRepair) },
		func(m *Model, _ int) { m.turnTo(kv.OpSetReadRepair, bit(!m.snap.Knobs.ReadRepair)) }},
	{func(p *locale.Printer) string { return p.T("read your writes") }, func(m *Model, p *locale.Printer) string { return m.snap.Knobs.ReadYourWrites.Label(p) },
		func(m *Model, dir int) {
			m.turnTo(kv.OpSetReadYourWrites, cycle(int(m.snap.Knobs.ReadYourWrites), dir, 3))
		}},
	{func(p *locale.Printer) string { return p.T("monotonic reads") }, func(m *Model, p *locale.Printer) string { return m.snap.Knobs.MonotonicReads.Label(p) },
		func(m *Model, dir int) {
			m.turnTo(kv.OpSetMonotonicReads, cycle(int(m.snap.Knobs.MonotonicReads), dir, 3))
		}},
	{func(p *locale.Printer) string { return p.T("messages lost") }, func(m *Model, p *locale.Printer) string {
		return p.T("%d%%", int(m.snap.Knobs.Loss*100+0.5))
	}, func(m *Model, dir int) {
		m.turnTo(kv.OpSetLoss, min(max(int(m.snap.Knobs.Loss*100+0.5)+dir*lossStep, 0), maxLoss))
	}},
	{func(p *locale.Printer) string { return p.T("clock skew of the selected server") }, func(m *Model, p *locale.Printer) string {
		return kv.Name(m.selected) + " " + skewText(m.server(m.selected).Skew)
	}, func(m *Model, dir int) {
		d := min(max(m.server(m.selected).Skew+time.Duration(dir)*skewStep, -maxSkew), maxSkew)
		m.do(kv.Action{Op: kv.OpSetSkew, Server: m.selected, Value: int(d / time.Millisecond)})
	}},
}

func onOff(p *locale.Printer, on bool) string {
	if on {
		return p.T("on")
	}
	return p.T("off")
}

func cycle(v, dir, n int) int { return ((v+dir)%n + n) % n }

// skewText is a clock offset with its sign: "+100 ms", "-50 ms", "0 ms",
// the number and its unit joined by a no-break space, as every time the
// demo writes, so that no wrap parts them.
func skewText(d time.Duration) string {
	ms := int(d / time.Millisecond)
	if ms > 0 {
		return "+" + strconv.Itoa(ms) + "\u00a0ms"
	}
	return strconv.Itoa(ms) + "\u00a0ms"
}

// turnTo changes a knob the run can change as it goes.
func (m *Model) turnTo(op kv.Op, v int) {
	if !m.do(kv.Action{Op: op, Value: v}) {
		m.notice = m.Com.T("That knob goes no further.")
	}
}

// refit changes what only a new run can have (N, sloppy quorums): the free
// run starts again with the knobs as they are now, changed by change.
func (m *Model) refit(change func(c *kv.Config)) {
	c := m.snap.Knobs
	c.Scenario, c.Partitions, c.Ops, c.Seed = "", nil, kv.Unlimited, 0
	c.Skew = slices.Clone(c.Skew)
	before := c
	change(&c)
	if c.N == before.N && c.Sloppy == before.Sloppy {
		m.notice = m.Com.T("That knob goes no further.")
		return
	}
	m.free = c
	m.scenario = len(m.scenarios)
	m.reset()
	m.notice = m.Com.T("A new free run with these knobs: %s.", m.knobSummary())
}

// knobKey runs a key of the knobs panel.
func (m *Model) knobKey(msg tea.KeyPressMsg) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.knob = (m.knob + len(knobList) - 1) % len(knobList)
	case key.Matches(msg, k.Down):
		m.knob = (m.knob + 1) % len(knobList)
	case key.Matches(msg, k.Less):
		knobList[m.knob].turn(m, -1)
	case key.Matches(msg, k.More):
		knobList[m.knob].turn(m, +1)
	case key.Matches(msg, k.Closes):
		m.knobs = false
	case key.Matches(msg, k.Select):
		if id, _ := strconv.Atoi(msg.String()); id >= 1 && id <= len(m.snap.Servers) {
			m.selected = id
		}
	}
}
