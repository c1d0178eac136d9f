package chatpane

import (
	"charm.land/bubbles/v2/key"

	"distlab/demos/locale"
	"distlab/tui/demo"
)

// keyMap is the pane's keys, with their help in the UI's language; the
// pane rebuilds it when the language changes (Relabel).
type keyMap struct {
	Up, Down, Crash, Restart, Freeze, AddBot, RemoveBot, Slower, Faster, Slow, VerySlow, Pause, Reset, Type key.Binding
	// While typing, only these act; other keys edit the line.
	Send, Leave key.Binding

	Challenge []key.Binding // the challenge strip's (demo.Base.ChallengeKeys)
}

// newKeys is the pane's keys with their help in p's language, and the
// challenge strip's.
func newKeys(p *locale.Printer, challenge []key.Binding) keyMap {
	return keyMap{
		Challenge: challenge,
		Up:        demo.Bind("↑", p.T("select node"), "up"),
		Down:      demo.Bind("↓", p.T("select node"), "down"),
		Crash:     demo.Bind("c", p.T("crash node"), "c"),
		Restart:   demo.Bind("r", p.T("restart node"), "r"),
		Freeze:    demo.Bind("f", p.T("freeze/thaw node"), "f"),
		AddBot:    demo.Bind("a", p.T("add bot"), "a"),
		RemoveBot: demo.Bind("d", p.T("remove bot"), "d"),
		Slower:    demo.Bind("[", p.T("bots slower"), "["),
		Faster:    demo.Bind("]", p.T("bots faster"), "]"),
		Slow:      demo.Bind("s", p.T("slow links"), "s"),
		VerySlow:  demo.Bind("S", p.T("very slow links"), "S"),
		Pause:     demo.Bind(p.T("space"), p.T("pause"), "space"),
		Reset:     demo.Bind("R", p.T("reset demo"), "R"),
		Type:      demo.Bind("i/enter", p.T("type"), "i", "enter"),
		Send:      demo.Bind("enter", p.T("send line"), "enter"),
		Leave:     demo.Bind("esc", p.T("stop typing"), "esc"),
	}
}

// helpMap is the help for what the keys do now: typing or not, on a
// seat in a class's cluster (whose nodes are the instructor's) or not.
type helpMap struct {
	k      keyMap
	typing bool
	seat   bool
}

// ShortHelp is the help bar's line.
func (h helpMap) ShortHelp() []key.Binding {
	switch {
	case h.typing:
		return []key.Binding{h.k.Send, h.k.Leave}
	case h.seat:
		return []key.Binding{h.k.Type, h.k.Pause}
	}
	return append([]key.Binding{h.k.Type, h.k.Crash, h.k.Restart, h.k.AddBot, h.k.Slow}, h.k.Challenge...)
}

// FullHelp is the help overlay's columns.
func (h helpMap) FullHelp() [][]key.Binding {
	switch {
	case h.typing:
		return [][]key.Binding{{h.k.Send, h.k.Leave}}
	case h.seat:
		return [][]key.Binding{{h.k.Up, h.k.Down, h.k.Type, h.k.Pause}}
	}
	return [][]key.Binding{{h.k.Up, h.k.Down, h.k.Crash, h.k.Restart, h.k.Freeze, h.k.Type},
		{h.k.AddBot, h.k.RemoveBot, h.k.Slower, h.k.Faster, h.k.Slow, h.k.VerySlow, h.k.Pause, h.k.Reset}, h.k.Challenge}
}
