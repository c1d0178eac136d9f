package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"distlab/tui/common"
)

// AnimationRate is how many frames a second the frame clock gives the
// demos that animate: their engines are sampled this often. Ten is smooth
// enough for counters, bars and a space-time diagram, and each frame costs
// the renderer a parse and a diff of the whole screen (about half the CPU
// of three demos running, measured by tui/perf).
const AnimationRate = 10

// frameMsg is a tick of the app's one frame clock.
type frameMsg struct{ at time.Time }

// armFrame starts the frame clock when a pane on screen animates and no
// tick is pending. With nothing animating it stays stopped: an idle app
// gets no messages at all.
func (m *Model) armFrame() tea.Cmd {
	if m.frameArmed || !m.animating() {
		return nil
	}
	m.frameArmed = true
	return m.com.Tick(time.Second/AnimationRate, func(t time.Time) tea.Msg { return frameMsg{t} })
}

// animating reports whether a pane on screen animates.
func (m *Model) animating() bool {
	for i, s := range m.slots {
		if a, ok := s.pane.(common.Animator); ok && m.seen(i) && a.Animating() {
			return true
		}
	}
	return false
}

// frame hands the tick to every pane on screen that animates.
func (m *Model) frame(now time.Time) tea.Cmd {
	var cmds []tea.Cmd
	for i, s := range m.slots {
		if a, ok := s.pane.(common.Animator); ok && m.seen(i) && a.Animating() {
			changed, cmd := a.Frame(now)
			if changed {
				s.dirty()
			}
			cmds = append(cmds, cmd)
		}
	}
	return tea.Batch(cmds...)
}

// seen reports whether pane i is drawn: not hidden by a zoom, a layout too
// small, or an overlay that covers the workspace.
func (m *Model) seen(i int) bool {
	return !m.layout.TooSmall && !m.covered() && i < len(m.layout.Panes) && !m.layout.Panes[i].Empty()
}
