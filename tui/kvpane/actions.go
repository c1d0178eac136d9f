package kvpane

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/kv"
)

// key runs one of the pane's keys.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	knob := func(op kv.Op, v int) {
		if !m.do(kv.Action{Op: op, Value: v}) {
			m.notice = m.Com.T("That knob is already so.")
		}
	}
	switch {
	case key.Matches(msg, k.Play):
		m.pause(!m.Paused())
	case key.Matches(msg, k.Step):
		m.pause(true)
		if m.sim.Do(kv.Action{Op: kv.OpStep, Single: true}) {
			m.refresh()
			m.play.Clock = m.snap.Now
		} else {
			m.notice = m.Com.T("Nothing is left to happen: read or write (g, w), or press c for another scenario.")
		}
	case key.Matches(msg, k.Back):
		m.pause(true)
		if m.sim.StepBack() {
			m.snap = m.sim.Snapshot()
			m.play.Clock = m.snap.Now
		}
	case key.Matches(msg, k.Slower):
		m.play.Slower()
	case key.Matches(msg, k.Faster):
		m.play.Faster()
	case key.Matches(msg, k.Select):
		if id, _ := strconv.Atoi(msg.String()); id >= 1 && id <= len(m.snap.Servers) {
			m.selected = id
		} else {
			m.notice = m.Com.T("This store has %d servers.", len(m.snap.Servers))
		}
	case key.Matches(msg, k.Crash):
		op := kv.OpCrash
		if !m.server(m.selected).Up {
			op = kv.OpRestart
		}
		m.do(kv.Action{Op: op, Server: m.selected})
	case key.Matches(msg, k.Partition):
		m.choosing.Open()
	case key.Matches(msg, k.Heal):
		if m.snap.Cut == nil {
			m.notice = m.Com.T("The network is whole: there is no partition to heal.")
			return nil
		}
		m.do(kv.Action{Op: kv.OpHeal})
	case key.Matches(msg, k.Write, k.Read):
		op := kv.OpGet
		if key.Matches(msg, k.Write) {
			op = kv.OpPut
		}
		if m.sim.Busy() {
			m.notice = m.Com.T("Every client has an operation under way: play or step until one answers.")
			return nil
		}
		m.do(kv.Action{Op: op, Server: m.selected})
	case key.Matches(msg, k.Mode):
		knob(kv.OpSetMode, 1-int(m.snap.Knobs.Mode))
	case key.Matches(msg, k.Conflicts):
		knob(kv.OpSetConflicts, 1-int(m.snap.Knobs.Conflicts))
	case key.Matches(msg, k.Repair):
		knob(kv.OpSetReadRepair, bit(!m.snap.Knobs.ReadRepair))
	case key.Matches(msg, k.Knobs):
		m.knobs = true
	case key.Matches(msg, k.Scenario):
		m.scenario = (m.scenario + 1) % (len(m.scenarios) + 1)
		m.reset()
	case key.Matches(msg, k.Reseed):
		m.seed++
		m.reset()
	case key.Matches(msg, k.Reset):
		m.reset()
		m.pause(false)
	case key.Matches(msg, k.Export):
		return m.export()
	}
	return nil
}

func bit(b bool) int {
	if b {
		return 1
	}
	return 0
}

// chooseKey runs a key of the partition chooser: digits add or take away
// a server from the side to cut off, enter cuts it off, esc gives up.
func (m *Model) chooseKey(msg tea.KeyPressMsg) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Toggle):
		id, _ := strconv.Atoi(msg.String())
		if !m.choosing.Toggle(id, len(m.snap.Servers)) {
			m.notice = m.Com.T("This store has %d servers.", len(m.snap.Servers))
		}
	case key.Matches(msg, k.Apply):
		side, ok := m.choosing.Take(len(m.snap.Servers))
		if !ok {
			m.notice = m.Com.T("Cut off at least one server and leave at least one on the other side.")
			return
		}
		m.do(kv.Action{Op: kv.OpPartition, Side: side})
	case key.Matches(msg, k.Cancel, k.Partition):
		m.choosing.Close()
	}
}

// server is the server with id in the snapshot.
func (m *Model) server(id int) kv.ServerView {
	if id >= 1 && id <= len(m.snap.Servers) {
		return m.snap.Servers[id-1]
	}
	return kv.ServerView{}
}
