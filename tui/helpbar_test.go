package tui

import (
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Every state of the screen names in its help bar only keys that act
// there: pressing each changes the screen or asks for something (a
// command). A key the root would drop must not be advertised.
func TestHelpBarNamesOnlyKeysThatAct(t *testing.T) {
	states := []struct {
		name  string
		lang  string
		setup []string
	}{
		{"list", "en", []string{"shift+tab", "j"}},
		{"reader", "en", []string{"enter", "j", "j"}},
		{"demo", "en", []string{"enter", "1"}},
		{"two panes on the reader", "pt-BR", []string{"enter", "1", "tab"}},
		{"presenting", "en", []string{"enter", "P", "right"}},
		{"presenting with notes", "pt-BR", []string{"enter", "P", "right", "N"}},
		{"zoomed demo", "en", []string{"enter", "1", "z"}},
		{"picker", "en", []string{"D"}},
		{"problems", "en", []string{"!"}},
		{"help", "en", []string{"?"}},
		{"help over problems", "pt-BR", []string{"!", "?"}},
		{"filter typing", "en", []string{"shift+tab", "/", "c"}},
	}
	t.Parallel()
	for _, st := range states {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			load := fixtureWithProblem(t)
			fresh := func() *Model {
				m := New(Config{Load: load, Lang: st.lang, Source: "test", Demos: pluginDemos})
				m.com.Tick = holdTicks
				t.Cleanup(m.Close)
				run(t, m, m.Init())
				send(t, m, tea.WindowSizeMsg{Width: 160, Height: 40})
				press(t, m, st.setup...)
				return m
			}
			m := fresh()
			var bindings []key.Binding
			bindings = append(bindings, m.helpKeys().ShortHelp()...)
			for _, col := range m.helpKeys().FullHelp() {
				bindings = append(bindings, col...)
			}
			if len(bindings) == 0 {
				t.Fatal("the help bar is empty")
			}
			tried := map[string]bool{}
			for _, b := range bindings {
				if !b.Enabled() || len(b.Keys()) == 0 {
					continue
				}
				name := b.Help().Key
				if tried[name] {
					continue
				}
				tried[name] = true
				// A binding acts if one of its keys does, here or, for a key
				// that moves, once the opposite key moved away from an end.
				acted := false
				for _, k := range b.Keys() {
					if acts(t, fresh(), nil, k) {
						acted = true
						break
					}
					if o := opposite[k]; o != "" && acts(t, fresh(), []string{o}, k) {
						acted = true
						break
					}
				}
				if !acted {
					t.Errorf("the help bar names %q (%s), but it does nothing here", name, b.Help().Desc)
				}
			}
		})
	}
}

// opposite is the key that moves the other way, to leave an end first.
var opposite = map[string]string{
	"up": "down", "down": "up", "k": "j", "j": "k", "pgup": "pgdown", "pgdown": "pgup",
	"home": "end", "end": "home", "g": "G", "G": "g", "left": "right", "right": "left", "u": "d", "d": "u",
}

// acts reports whether pressing k, after the keys of before, changes the
// screen, the mode, the overlays or the focus, or asks for a command.
func acts(t *testing.T, m *Model, before []string, k string) bool {
	t.Helper()
	press(t, m, before...)
	screen, mode, overlays, focus := m.Render(), m.Mode(), len(m.overlays), m.focus
	_, cmd := m.Update(keyMsg(k))
	acted := cmd != nil || m.Render() != screen || m.Mode() != mode || len(m.overlays) != overlays || m.focus != focus
	run(t, m, cmd)
	return acted
}
