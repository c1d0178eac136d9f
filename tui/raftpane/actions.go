package raftpane

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/raft"
)

// key runs one of the pane's keys.
func (m *Model) key(msg tea.KeyPressMsg) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Play):
		m.pause(!m.Paused())
	case key.Matches(msg, k.Step):
		m.pause(true)
		if m.sim.Do(raft.Action{Op: raft.OpStep, Single: true}) {
			m.refresh()
			m.play.Clock = m.snap.Now // the moment of the event, not ahead of it
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
		if id, _ := strconv.Atoi(msg.String()); id >= 1 && id <= len(m.snap.Nodes) {
			m.selected = uint64(id)
		} else {
			m.notice = m.Com.T("This cluster has %d nodes.", len(m.snap.Nodes))
		}
	case key.Matches(msg, k.Crash):
		op := raft.OpCrash
		if m.node(m.selected).Role == raft.Down {
			op = raft.OpRestart
		}
		m.do(raft.Action{Op: op, Node: m.selected})
	case key.Matches(msg, k.Timer):
		m.do(raft.Action{Op: raft.OpTimeout, Node: m.selected})
	case key.Matches(msg, k.Partition):
		m.choosing.Open()
	case key.Matches(msg, k.Heal):
		if m.snap.Partition == nil {
			m.notice = m.Com.T("The network is whole: there is no partition to heal.")
			return
		}
		m.do(raft.Action{Op: raft.OpHeal})
	case key.Matches(msg, k.Drop):
		m.do(raft.Action{Op: raft.OpDrop})
	case key.Matches(msg, k.Write, k.Read) && m.node(m.selected).Role == raft.Down:
		m.notice = m.Com.T("%s is down: a crashed node takes no requests. Select another, or restart it with k.", raft.Name(m.selected))
	case key.Matches(msg, k.Write):
		m.do(raft.Action{Op: raft.OpWrite, Node: m.selected})
	case key.Matches(msg, k.Read):
		m.do(raft.Action{Op: raft.OpRead, Node: m.selected})
	case key.Matches(msg, k.Scenario):
		m.scenario = (m.scenario + 1) % (len(m.scenarios) + 1)
		m.reset()
	case key.Matches(msg, k.Reseed):
		m.seed++
		m.reset()
	case key.Matches(msg, k.Reset):
		m.reset()
		m.pause(false)
	case key.Matches(msg, k.Bug):
		m.bug = (m.bug + 1) % len(bugs)
		m.reset()
	case key.Matches(msg, k.Fewer, k.More):
		if m.current() != nil {
			m.notice = m.Com.T("A scenario sets its own nodes: press c until the free run to choose how many.")
			return
		}
		n := m.nodes + 1
		if key.Matches(msg, k.Fewer) {
			n = m.nodes - 1
		}
		if n < raft.MinNodes || n > raft.MaxNodes {
			m.notice = m.Com.T("A cluster has %d to %d nodes.", raft.MinNodes, raft.MaxNodes)
			return
		}
		m.nodes = n
		m.reset()
	}
}

// chooseKey runs a key of the partition chooser: digits add or take away
// a node from the side to cut off, enter cuts it off, esc (or p) gives up.
func (m *Model) chooseKey(msg tea.KeyPressMsg) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Toggle):
		id, _ := strconv.Atoi(msg.String())
		if !m.choosing.Toggle(id, len(m.snap.Nodes)) {
			m.notice = m.Com.T("This cluster has %d nodes.", len(m.snap.Nodes))
		}
	case key.Matches(msg, k.Apply):
		side, ok := m.choosing.Take(len(m.snap.Nodes))
		if !ok {
			m.notice = m.Com.T("Cut off at least one node and leave at least one on the other side.")
			return
		}
		m.do(raft.Action{Op: raft.OpPartition, Side: side})
	case key.Matches(msg, k.Cancel, k.Partition):
		m.choosing.Close()
	}
}

// node is the node with id in the snapshot.
func (m *Model) node(id uint64) raft.NodeView {
	if id >= 1 && int(id) <= len(m.snap.Nodes) {
		return m.snap.Nodes[id-1]
	}
	return raft.NodeView{}
}
