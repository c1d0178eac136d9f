package console

import (
	"charm.land/bubbles/v2/key"

	"distlab/tui/common"
	"distlab/tui/keys"
)

// keyMap is the console's keys: the projector's own slide and blank keys
// (the same bindings, so a clicker works on either screen), and d for the
// slide's demo.
type keyMap struct {
	Next, Prev, First, Last, Blank, White, Demo, Reveal, Quit key.Binding
	NotesUp, NotesDown                                        key.Binding // enabled while the notes are taller than their room
}

func newKeys(com *common.Common) keyMap {
	p := com.Printer
	r, g := keys.DefaultReader(p), keys.DefaultGlobal(p)
	return keyMap{
		Next: r.NextSlide, Prev: r.PrevSlide, First: r.FirstSlide, Last: r.LastSlide,
		Blank: g.Blank, White: g.BlankWhite,
		Demo:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", p.T("open the slide's demo"))),
		Reveal:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", p.T("show the class the results")), key.WithDisabled()),
		Quit:      g.Quit,
		NotesUp:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", p.T("notes up")), key.WithDisabled()),
		NotesDown: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", p.T("notes down")), key.WithDisabled()),
	}
}

func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Reveal, k.Next, k.Prev, k.NotesDown, k.NotesUp, k.Blank, k.White, k.Demo, k.First, k.Last, k.Quit}
}

func (k keyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
