package raftpane

import (
	"charm.land/bubbles/v2/key"

	"distlab/demos/locale"
	"distlab/tui/demo"
)

// keyMap is the pane's keys, with their help in the UI's language; the
// pane rebuilds it when the language changes (Relabel). The app keeps x
// (close pane), so a node crashes with k.
type keyMap struct {
	Play, Step, Back, Slower, Faster, Select         key.Binding
	Crash, Timer, Partition, Heal, Drop, Write, Read key.Binding
	Scenario, Reseed, Reset, Bug, Fewer, More        key.Binding

	// The partition chooser's.
	Toggle, Apply, Cancel key.Binding

	Challenge []key.Binding // the challenge strip's (demo.Base.ChallengeKeys)
}

// newKeys is the pane's keys with their help in p's language, and the
// challenge strip's.
func newKeys(p *locale.Printer, challenge []key.Binding) keyMap {
	return keyMap{
		Challenge: challenge,
		Play:      demo.Bind(p.T("space"), p.T("play/pause"), "space"),
		Step:      demo.Bind("→", p.T("step"), "right"),
		Back:      demo.Bind("←", p.T("step back"), "left"),
		Slower:    demo.Bind("-", p.T("slower"), "-"),
		Faster:    demo.Bind("+", p.T("faster"), "+", "="),
		Select:    demo.Bind("1-7", p.T("select node"), "1", "2", "3", "4", "5", "6", "7"),
		Crash:     demo.Bind("k", p.T("crash/restart"), "k"),
		Timer:     demo.Bind("t", p.T("fire its timer"), "t"),
		Partition: demo.Bind("p", p.T("partition"), "p"),
		Heal:      demo.Bind("h", p.T("heal"), "h"),
		Drop:      demo.Bind("d", p.T("drop next message"), "d"),
		Write:     demo.Bind("w", p.T("client write"), "w"),
		Read:      demo.Bind("g", p.T("client read"), "g"),
		Scenario:  demo.Bind("c", p.T("scenario"), "c"),
		Reseed:    demo.Bind("r", p.T("new seed"), "r"),
		Reset:     demo.Bind("R", p.T("reset demo"), "R"),
		Bug:       demo.Bind("b", p.T("bug"), "b"),
		Fewer:     demo.Bind("[", p.T("fewer nodes"), "["),
		More:      demo.Bind("]", p.T("more nodes"), "]"),
		Toggle:    demo.Bind("1-7", p.T("cut off node"), "1", "2", "3", "4", "5", "6", "7"),
		Apply:     demo.Bind("enter", p.T("apply"), "enter"),
		Cancel:    demo.Bind("esc", p.T("cancel"), "esc"),
	}
}

// ShortHelp is the help bar's line.
func (k keyMap) ShortHelp() []key.Binding {
	return append([]key.Binding{k.Play, k.Step, k.Back, k.Select, k.Crash, k.Timer, k.Partition, k.Heal, k.Write, k.Scenario}, k.Challenge...)
}

// FullHelp is the help overlay's columns.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Play, k.Step, k.Back, k.Slower, k.Faster},
		{k.Select, k.Crash, k.Timer, k.Write, k.Read},
		{k.Partition, k.Heal, k.Drop},
		{k.Scenario, k.Reseed, k.Reset, k.Bug, k.Fewer, k.More},
		k.Challenge,
	}
}

// chooserKeys are the keys while a partition is being chosen.
type chooserKeys struct{ k keyMap }

// ShortHelp is the help bar's line.
func (c chooserKeys) ShortHelp() []key.Binding {
	return []key.Binding{c.k.Toggle, c.k.Apply, c.k.Cancel}
}

// FullHelp is the help overlay's column.
func (c chooserKeys) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }
