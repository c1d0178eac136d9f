package clockpane

import (
	"charm.land/bubbles/v2/key"

	"distlab/demos/locale"
	"distlab/tui/demo"
)

// keyMap is the pane's keys, with their help in the UI's language; the
// pane rebuilds it when the language changes (Relabel).
type keyMap struct {
	Play, StepFwd, StepBack, Slower, Faster, Reseed, Scenario, Axis key.Binding
	Skew, Loss, Delay, Export, Prev, Next, Pin, Unpin               key.Binding
	Reset, TableUp, TableDown                                       key.Binding

	Challenge []key.Binding // the challenge strip's (demo.Base.ChallengeKeys)
}

// newKeys is the pane's keys with their help in p's language, and the
// challenge strip's.
func newKeys(p *locale.Printer, challenge []key.Binding) keyMap {
	return keyMap{
		Challenge: challenge,
		Play:      demo.Bind(p.T("space"), p.T("play/pause"), "space"),
		StepFwd:   demo.Bind("→", p.T("step"), "right", "l"),
		StepBack:  demo.Bind("←", p.T("step back"), "left", "h"),
		Slower:    demo.Bind("[", p.T("slower"), "["),
		Faster:    demo.Bind("]", p.T("faster"), "]"),
		Reseed:    demo.Bind("r", p.T("new seed"), "r"),
		Scenario:  demo.Bind("c", p.T("scenario"), "c"),
		Axis:      demo.Bind("a", p.T("time axis"), "a"),
		Skew:      demo.Bind("k", p.T("skew"), "k"),
		Loss:      demo.Bind("o", p.T("loss"), "o"),
		Delay:     demo.Bind("y", p.T("delay"), "y"),
		Export:    demo.Bind("e", p.T("export"), "e"),
		Prev:      demo.Bind("↑", p.T("select event"), "up"),
		Next:      demo.Bind("↓", p.T("select event"), "down"),
		Pin:       demo.Bind("enter", p.T("pin event"), "enter"),
		Unpin:     demo.Bind("esc", p.T("unpin"), "esc"),
		Reset:     demo.Bind("R", p.T("reset demo"), "R"),
		TableUp:   demo.Bind("pgup", p.T("scroll table"), "pgup"),
		TableDown: demo.Bind("pgdn", p.T("scroll table"), "pgdown"),
	}
}

// ShortHelp is the help bar's line.
func (k keyMap) ShortHelp() []key.Binding {
	return append([]key.Binding{k.Play, k.StepFwd, k.Reset, k.Axis, k.Scenario, k.Prev, k.Pin}, k.Challenge...)
}

// FullHelp is the help overlay's columns.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Play, k.StepFwd, k.StepBack, k.Slower, k.Faster, k.Reset},
		{k.Axis, k.Scenario, k.Reseed, k.Skew, k.Loss, k.Delay},
		{k.Prev, k.Next, k.Pin, k.Unpin, k.TableUp, k.TableDown, k.Export}, k.Challenge}
}
