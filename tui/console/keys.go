package console

import (
	"charm.land/bubbles/v2/key"

	"distlab/tui/common"
	"distlab/tui/keys"
)

// keyMap is the console's keys: the projector's own slide and blank keys
// (the same bindings, so a clicker works on either screen), d for the
// slide's demo, r for a live question's results, ? for every key. Each is
// enabled only while it acts (see setKeys), so the help bar offers nothing
// that does nothing.
type keyMap struct {
	Next, Prev, First, Last, Blank, White, Demo, Reveal, Help, Close, Quit key.Binding
	NotesUp, NotesDown                                                     key.Binding // enabled while the notes are taller than their room
}

func newKeys(com *common.Common) keyMap {
	p := com.Printer
	r, g := keys.DefaultReader(p), keys.DefaultGlobal(p)
	k := keyMap{
		Next: r.NextSlide, Prev: r.PrevSlide, First: r.FirstSlide, Last: r.LastSlide,
		Blank: g.Blank, White: g.BlankWhite,
		Demo:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", p.T("open the slide's demo"))),
		Reveal:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", p.T("show the class the results")), key.WithDisabled()),
		Help:      g.Help,
		Close:     key.NewBinding(key.WithKeys("esc", "?"), key.WithHelp("esc/?", p.T("close")), key.WithDisabled()),
		Quit:      g.Quit,
		NotesUp:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", p.T("notes up")), key.WithDisabled()),
		NotesDown: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", p.T("notes down")), key.WithDisabled()),
	}
	k.First.SetHelp("g/home", k.First.Help().Desc)
	k.Last.SetHelp("G/end", k.Last.Help().Desc)
	return k
}

// short is a key as the help bar names it, shorter than its full help
// (the ? screen): the console's bar has every key it needs at 80 columns,
// in both languages.
func short(b key.Binding, name, desc string) key.Binding {
	if name == "" {
		name = b.Help().Key
	}
	b.SetHelp(name, desc)
	return b
}

// barKeys are the keys of the help bar, in the order they give way when
// the bar is too narrow: what the presenter needs most first, ? and q never
// far behind.
type barKeys struct {
	k   keyMap
	com *common.Common
}

func (b barKeys) ShortHelp() []key.Binding {
	k, c := b.k, b.com
	if k.Close.Enabled() { // the ? screen: how to leave it
		return []key.Binding{k.Close, k.Quit}
	}
	return []key.Binding{k.Reveal, short(k.Next, "", c.T("forward")), short(k.Prev, "←", c.T("back")), k.NotesDown, k.NotesUp,
		k.Help, k.Quit, short(k.Blank, "b", c.T("black")), short(k.White, "", c.T("white")), short(k.Demo, "", c.T("demo"))}
}

func (b barKeys) FullHelp() [][]key.Binding { return [][]key.Binding{b.ShortHelp()} }

// all is every key of the console with its full help, for the ? screen,
// whether it acts right now or not.
func (k keyMap) all() []key.Binding {
	out := []key.Binding{k.Next, k.Prev, k.First, k.Last, k.Blank, k.White, k.Demo, k.Reveal, k.NotesDown, k.NotesUp, k.Help, k.Quit}
	for i := range out {
		out[i].SetEnabled(true)
	}
	return out
}
