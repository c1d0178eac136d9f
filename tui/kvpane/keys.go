package kvpane

import (
	"charm.land/bubbles/v2/key"

	"distlab/demos/locale"
	"distlab/tui/demo"
)

// keyMap is the pane's keys, with their help in the UI's language. The
// app keeps x (close pane), so a server crashes with k.
type keyMap struct {
	Play, Step, Back, Slower, Faster, Select            key.Binding
	Crash, Partition, Heal, Write, Read                 key.Binding
	Mode, Conflicts, Repair, Knobs, Scenario, Reseed    key.Binding
	Reset, Export                                       key.Binding
	Toggle, Apply, Cancel, Up, Down, Less, More, Closes key.Binding

	Challenge []key.Binding // the challenge strip's (demo.Base.ChallengeKeys)
}

func newKeys(p *locale.Printer, challenge []key.Binding) keyMap {
	return keyMap{
		Challenge: challenge,
		Play:      demo.Bind(p.T("space"), p.T("play/pause"), "space"),
		Step:      demo.Bind("→", p.T("step"), "right"),
		Back:      demo.Bind("←", p.T("step back"), "left"),
		Slower:    demo.Bind("-", p.T("slower"), "-"),
		Faster:    demo.Bind("+", p.T("faster"), "+", "="),
		Select:    demo.Bind("1-7", p.T("select server"), "1", "2", "3", "4", "5", "6", "7"),
		Crash:     demo.Bind("k", p.T("crash/restart"), "k"),
		Partition: demo.Bind("p", p.T("partition"), "p"),
		Heal:      demo.Bind("h", p.T("heal"), "h"),
		Write:     demo.Bind("w", p.T("client write"), "w"),
		Read:      demo.Bind("g", p.T("client read"), "g"),
		Mode:      demo.Bind("m", p.T("CP/AP"), "m"),
		Conflicts: demo.Bind("v", p.T("LWW/version vectors"), "v"),
		Repair:    demo.Bind("e", p.T("read repair"), "e"),
		Knobs:     demo.Bind("o", p.T("knobs"), "o"),
		Scenario:  demo.Bind("c", p.T("scenario"), "c"),
		Reseed:    demo.Bind("r", p.T("new seed"), "r"),
		Reset:     demo.Bind("R", p.T("reset demo"), "R"),
		Export:    demo.Bind("E", p.T("export HTML"), "E"),
		Toggle:    demo.Bind("1-7", p.T("cut off server"), "1", "2", "3", "4", "5", "6", "7"),
		Apply:     demo.Bind("enter", p.T("apply"), "enter"),
		Cancel:    demo.Bind("esc", p.T("cancel"), "esc"),
		Up:        demo.Bind("↑/↓", p.T("choose a knob"), "up"),
		Down:      demo.Bind("↓", p.T("choose a knob"), "down"),
		Less:      demo.Bind("←/→", p.T("change it"), "left", "-"),
		More:      demo.Bind("→", p.T("change it"), "right", "+", "="),
		Closes:    demo.Bind("esc", p.T("close"), "esc", "o", "enter"),
	}
}

// ShortHelp is the help bar's line.
func (k keyMap) ShortHelp() []key.Binding {
	return append([]key.Binding{k.Play, k.Step, k.Back, k.Select, k.Write, k.Read, k.Partition, k.Heal, k.Knobs, k.Scenario}, k.Challenge...)
}

// FullHelp is the help overlay's columns.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Play, k.Step, k.Back, k.Slower, k.Faster},
		{k.Select, k.Crash, k.Write, k.Read, k.Partition, k.Heal},
		{k.Mode, k.Conflicts, k.Repair, k.Knobs},
		{k.Scenario, k.Reseed, k.Reset, k.Export},
		k.Challenge,
	}
}

// chooserKeys are the keys while a partition is being chosen.
type chooserKeys struct{ k keyMap }

func (c chooserKeys) ShortHelp() []key.Binding {
	return []key.Binding{c.k.Toggle, c.k.Apply, c.k.Cancel}
}

func (c chooserKeys) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }

// knobKeys are the keys while the knobs panel is open.
type knobKeys struct{ k keyMap }

func (c knobKeys) ShortHelp() []key.Binding { return []key.Binding{c.k.Up, c.k.Less, c.k.Closes} }

func (c knobKeys) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }
