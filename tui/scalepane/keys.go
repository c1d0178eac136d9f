package scalepane

import (
	"charm.land/bubbles/v2/key"

	"distlab/demos/locale"
	"distlab/tui/demo"
)

// keyMap is the pane's keys, with their help in the UI's language; the
// pane rebuilds it when the language changes (Relabel).
type keyMap struct {
	LoadUp, LoadDown, Side, Bigger, Smaller, Crash, Repair, Preset   key.Binding
	AlphaDown, AlphaUp, BetaDown, BetaUp, Policy, Pause, Real, Reset key.Binding

	Challenge []key.Binding // the challenge strip's C and H (demo.Base.ChallengeKeys)
}

// newKeys is the pane's keys with their help in p's language, with the
// challenge strip's.
func newKeys(p *locale.Printer, challenge []key.Binding) keyMap {
	return keyMap{
		Challenge: challenge,
		LoadUp:    demo.Bind("↑", p.T("more load"), "up"),
		LoadDown:  demo.Bind("↓", p.T("less load"), "down"),
		Side:      demo.Bind("←/→", p.T("side"), "left", "right"),
		Bigger:    demo.Bind("+", p.T("bigger"), "+", "="),
		Smaller:   demo.Bind("-", p.T("smaller"), "-"),
		Crash:     demo.Bind("c", p.T("crash"), "c"),
		Repair:    demo.Bind("r", p.T("repair"), "r"),
		Preset:    demo.Bind("m", p.T("model preset"), "m"),
		AlphaDown: demo.Bind("[", "α −", "["),
		AlphaUp:   demo.Bind("]", "α +", "]"),
		BetaDown:  demo.Bind("{", "β −", "{"),
		BetaUp:    demo.Bind("}", "β +", "}"),
		Policy:    demo.Bind("b", p.T("balancer"), "b"),
		Pause:     demo.Bind("space", p.T("pause"), "space"),
		Real:      demo.Bind("e", p.T("real workers"), "e"),
		Reset:     demo.Bind("R", p.T("reset demo"), "R"),
	}
}

// ShortHelp is the help bar's line.
func (k keyMap) ShortHelp() []key.Binding {
	return append([]key.Binding{k.LoadUp, k.Side, k.Bigger, k.Crash, k.Repair}, k.Challenge...)
}

// FullHelp is the help overlay's columns.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.LoadUp, k.LoadDown, k.Side, k.Bigger, k.Smaller},
		{k.Crash, k.Repair, k.Policy, k.Pause, k.Real, k.Reset},
		append([]key.Binding{k.Preset, k.AlphaDown, k.AlphaUp, k.BetaDown, k.BetaUp}, k.Challenge...)}
}
