package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/tui/common"
	"distlab/tui/keys"
)

// Quitting the app that distlab serve runs in its own terminal ends the
// whole class (Config.EndsClass): every student is sent away. q and
// ctrl+c ask first, saying how many students that is; a second q or
// ctrl+c, or y, ends it.

// endClassOverlay asks whether to end the class.
type endClassOverlay struct{}

// endKeys are the question's keys.
type endKeys struct{ End, Stay key.Binding }

func (m *Model) endKeys() endKeys {
	return endKeys{
		End:  bindKey("y/q", m.com.T("end the class"), "y", "q", "ctrl+c"),
		Stay: bindKey("n/esc", m.com.T("keep teaching"), "n", "esc"),
	}
}

// askQuit quits, or asks first when quitting ends the class.
func (m *Model) askQuit() tea.Cmd {
	switch {
	case !m.cfg.EndsClass:
		return m.quit()
	case hasOverlay[endClassOverlay](m): // asked already: the same key again answers yes
		return m.quit()
	}
	return m.push(endClassOverlay{})
}

func (endClassOverlay) update(m *Model, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	ks := m.endKeys()
	switch {
	case key.Matches(k, ks.End):
		return m.quit()
	case key.Matches(k, ks.Stay):
		return closeOverlays[endClassOverlay](m)
	}
	return nil
}

func (endClassOverlay) draw(m *Model, work Rect) (string, Rect) {
	st := m.com.Styles
	w := min(work.W, 64)
	n := 0
	if m.cfg.Hub != nil {
		n = m.cfg.Hub.Present()
	}
	who := m.com.T("Nobody is connected.")
	if n > 0 {
		who = m.com.T("%d students are connected: each is told the class ended, and their progress saved.", n)
	}
	lines := []string{""}
	for _, l := range common.WrapLines(who, w-4, 4) {
		lines = append(lines, " "+st.Item.Render(l))
	}
	ks := m.endKeys()
	lines = append(lines, "", "  "+st.Status.Render(ks.End.Help().Key+" "+ks.End.Help().Desc+" · "+ks.Stay.Help().Key+" "+ks.Stay.Help().Desc))
	h := min(len(lines)+2, work.H)
	body := common.Fit(strings.Join(lines, "\n"), w-2, h-2)
	box := common.Frame(st, m.com.T("End the class?"), body, w, h, true)
	return box, Rect{work.X + (work.W-w)/2, work.Y + max((work.H-h)/3, 0), w, h}
}

func (endClassOverlay) keys(m *Model) []key.Binding {
	k := m.endKeys()
	return []key.Binding{k.End, k.Stay}
}

func (endClassOverlay) passes(*Model) []key.Binding { return nil }
func (endClassOverlay) covers() bool                { return false }

// globalKeys are the app's keys in its language; q says it ends the class
// where it does.
func (m *Model) globalKeys() keys.Global {
	k := keys.DefaultGlobal(m.com.Printer)
	if m.cfg.EndsClass {
		k.Quit.SetHelp("q", m.com.T("end the class"))
	}
	return k
}
