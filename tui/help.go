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
	g := m.keys
	// Keys that would do nothing here are left out of the help.
	g.Focus.SetEnabled(len(m.ring()) > 1)
	g.FocusDir.SetEnabled(m.canMoveFocus())
	shown := len(m.visibleSlots())
	g.Zoom.SetEnabled(m.focus != focusList && (m.zoom || shown > 1 || m.sidebarShown()))
	g.ClosePane.SetEnabled(m.focus != focusList && m.slots[m.focus].kind != readerSlot) // the lesson pane stays
	g.Split.SetEnabled(shown > 1)
	g.Follow.SetEnabled(m.classDone != nil)
	for _, b := range []*key.Binding{&g.Ask, &g.Roster, &g.Broadcast} {
		b.SetEnabled(m.cfg.Hub != nil)
	}
	return helpMap{global: g, pane: m.focused().KeyMap(), lesson: m.onLesson() && !m.nextTaken(), presenting: m.mode == Presenting,
		leave: m.com.T("leave presenter"), demos: len(m.cfg.Demos.All()) > 0}
}

type helpMap struct {
	global     keys.Global
	pane       help.KeyMap
	lesson     bool // the lesson or its list has focus: n/p and 1–9 act
	presenting bool
	leave      string // the help of P while presenting
	demos      bool   // there are demos to pick
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
	lesson := []key.Binding{g.Map, g.Problems, g.Lang, g.Theme, g.Help, g.Quit}
	if h.lesson {
		lesson = append([]key.Binding{g.NextPrev, g.OpenDemo, g.Quiz}, lesson...)
	}
	// tab's entry names shift+tab too; q's, ctrl+c.
	focus, quit := g.Focus, g.Quit
	focus.SetHelp("tab/shift+tab", g.Focus.Help().Desc)
	quit.SetHelp("q/ctrl+c", g.Quit.Help().Desc)
	lesson[len(lesson)-1] = quit
	work := []key.Binding{focus, g.FocusDir, g.Zoom, g.ClosePane, g.Split}
	present := []key.Binding{g.Presenter, g.Join, g.Follow, g.Ask, g.Roster, g.Broadcast}
	if h.presenting {
		present = append(present, g.Notes)
		if h.lesson { // on the slides, where a clicker's keys go
			present = append(present, g.Blank, g.BlankWhite)
		}
	}
	if h.demos {
		present = append([]key.Binding{g.Picker}, present...)
	}
	// The column with help and quit comes before the demo column: on a
	// narrow screen the help cuts from the right.
	return append(h.pane.FullHelp(), work, lesson, present)
}

// visibleSlots are the panes drawn on screen.
func (m *Model) visibleSlots() []int {
	var out []int
	for i := range m.slots {
		if m.seen(i) {
			out = append(out, i)
		}
	}
	return out
}

// canMoveFocus reports whether ctrl+arrows reach another pane from here.
func (m *Model) canMoveFocus() bool {
	rects := append([]Rect{m.layout.Sidebar}, m.layout.Panes...)
	for _, d := range []Direction{Left, Right, Up, Down} {
		n := Neighbor(rects, m.focus+1, d) - 1
		if n >= focusList {
			return true
		}
	}
	return false
}
