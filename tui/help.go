package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"distlab/tui/keys"
)

// helpKeys is the help bar: the keys of what has them. Under an overlay,
// the overlay's and the app's keys that pass through it; while a pane takes
// text, only its keys (the others type); otherwise the focused pane's
// keys, then the app's.
func (m *Model) helpKeys() help.KeyMap {
	if o := m.top(); o != nil {
		return overlayKeys{own: o.keys(m), passes: o.passes(m)}
	}
	if m.capturing() {
		return m.focused().KeyMap()
	}
	return m.baseKeys()
}

// baseKeys are the keys with no overlay up: the focused pane's, the
// workspace's and the app's. The full help overlay lists them all.
func (m *Model) baseKeys() help.KeyMap {
	return helpMap{global: m.keys, pane: m.focused().KeyMap(), lesson: m.onLesson(), presenting: m.mode == Presenting,
		leave: m.com.T("leave presenter"), demos: len(m.cfg.Demos.All()) > 0, more: len(m.slots) > 1}
}

type helpMap struct {
	global     keys.Global
	pane       help.KeyMap
	lesson     bool // the lesson or its list has focus: n/p and 1–9 act
	presenting bool
	leave      string // the help of P while presenting
	demos      bool   // there are demos to pick
	more       bool   // more than one pane: the split moves
}

func (h helpMap) ShortHelp() []key.Binding {
	g := h.global
	var b []key.Binding
	if h.presenting { // how to get out, always in sight
		leave := g.Presenter
		leave.SetHelp("P", h.leave)
		b = append(b, leave, g.Notes)
	}
	b = append(append(b, h.pane.ShortHelp()...), g.Help, g.Quit, g.Focus)
	if h.lesson {
		b = append(b, g.NextPrev)
	}
	if h.demos {
		b = append(b, g.Picker)
	}
	return append(b, g.Lang, g.Theme)
}

func (h helpMap) FullHelp() [][]key.Binding {
	g := h.global
	lesson := []key.Binding{g.Problems, g.Lang, g.Theme, g.Help, g.Quit}
	if h.lesson {
		lesson = append([]key.Binding{g.NextPrev, g.OpenDemo}, lesson...)
	}
	work := []key.Binding{g.Focus, g.FocusLeft, g.Zoom, g.ClosePane}
	if h.more { // one pane has no split to move
		work = append(work, g.Split)
	}
	present := []key.Binding{g.Presenter}
	if h.presenting {
		present = append(present, g.Notes)
	}
	if h.demos {
		present = append([]key.Binding{g.Picker}, present...)
	}
	// The column with help and quit comes before the demo column: on a
	// narrow screen the help cuts from the right.
	return append(h.pane.FullHelp(), work, lesson, present)
}
