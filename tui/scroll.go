package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/tui/common"
	"distlab/tui/keys"
)

// scroll is where an overlay's text taller than its box is scrolled to
// (the help, the problems). Overlays are values on a stack: they share it
// by pointer. Each call gives the text's lines and the rows of its box,
// as the overlay lays them out now, so the help bar and the box agree in
// every frame.
type scroll struct {
	off int // the first line shown
}

// keys are the scroll keys, while the text is taller than its box.
func (s *scroll) keys(m *Model, total, rows int) []key.Binding {
	if total <= rows {
		return nil
	}
	k := keys.DefaultReader(m.com.Printer)
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown}
}

// update scrolls on a scroll key; false for any other message.
func (s *scroll) update(m *Model, msg tea.Msg, total, rows int) bool {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := keys.DefaultReader(m.com.Printer)
		switch {
		case key.Matches(msg, k.Up):
			s.off--
		case key.Matches(msg, k.Down):
			s.off++
		case key.Matches(msg, k.PageUp):
			s.off -= max(rows-1, 1)
		case key.Matches(msg, k.PageDown):
			s.off += max(rows-1, 1)
		case key.Matches(msg, k.Top):
			s.off = 0
		case key.Matches(msg, k.Bottom):
			s.off = total
		default:
			return false
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			s.off -= 3
		case tea.MouseWheelDown:
			s.off += 3
		default:
			return false
		}
	default:
		return false
	}
	s.clamp(total, rows)
	return true
}

func (s *scroll) clamp(total, rows int) { s.off = max(min(s.off, total-rows), 0) }

// window is the rows of lines in view, each w cells wide: ↑ ends the first
// while lines are hidden above, ↓ the last while more follow.
func (s *scroll) window(m *Model, lines []string, rows, w int) []string {
	rows = max(rows, 0)
	s.clamp(len(lines), rows)
	shown := make([]string, 0, rows)
	for i := s.off; i < min(s.off+rows, len(lines)); i++ {
		shown = append(shown, common.FitLine(lines[i], w))
	}
	mark := func(i int, arrow string) {
		if i >= 0 && i < len(shown) && w > 4 {
			shown[i] = common.FitLine(shown[i], w-2) + m.com.Styles.Status.Render(" "+arrow)
		}
	}
	if s.off > 0 {
		mark(0, "↑")
	}
	if s.off+rows < len(lines) {
		mark(len(shown)-1, "↓")
	}
	return shown
}
