// Package keys holds one KeyMap per area of the UI, each a struct of
// key.Bindings with a Default constructor. The help bar is composed from the
// global map and the focused pane's map; nothing in the UI switches on raw
// key strings.
package keys

import (
	"charm.land/bubbles/v2/key"

	"distlab/demos/locale"
)

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// Global are the keys that work whatever pane has focus. Panes own
// lowercase letters, digits and arrows (and demo panes C, H, R and S); the
// app keeps the other uppercase letters, symbols, tab, q, z and x.
type Global struct {
	Quit, ForceQuit, Help, Lang, Theme, Focus, FocusBack, Problems, Back key.Binding
	Zoom, ClosePane, Narrow, Widen, Picker, Presenter, Notes             key.Binding
	Blank, BlankWhite                                                    key.Binding // while presenting
	Join                                                                 key.Binding
	// Quiz asks the open lesson's quiz; Map shows the course map.
	Quiz, Map key.Binding
	// In a served class (package class): Follow steps a student out of
	// following the instructor and back, or the instructor out of leading;
	// the instructor's Ask, Roster and Broadcast.
	Follow, Ask, Roster, Broadcast            key.Binding
	FocusLeft, FocusRight, FocusUp, FocusDown key.Binding
	// Lesson keys act while the lesson or the list has focus.
	Next, Prev, OpenDemo key.Binding
	// Entries of the help that stand for several keys; never matched.
	NextPrev, Split, FocusDir key.Binding
}

// DefaultGlobal returns the global keys, described in p's language.
func DefaultGlobal(p *locale.Printer) Global {
	return Global{
		Quit:       bind("q", p.T("quit"), "q", "ctrl+c"),
		ForceQuit:  bind("ctrl+c", p.T("quit"), "ctrl+c"),
		Help:       bind("?", p.T("help"), "?"),
		Lang:       bind("L", p.T("language"), "L"),
		Theme:      bind("T", p.T("theme"), "T"),
		Focus:      bind("tab", p.T("pane"), "tab"),
		FocusBack:  bind("shift+tab", p.T("pane"), "shift+tab"),
		Problems:   bind("!", p.T("problems"), "!"),
		Back:       bind("esc", p.T("close"), "esc"),
		Zoom:       bind("z", p.T("zoom"), "z"),
		ClosePane:  bind("x", p.T("close pane"), "x"),
		Narrow:     bind("<", p.T("split ←"), "<"),
		Widen:      bind(">", p.T("split →"), ">"),
		Picker:     bind("D", p.T("demos"), "D"),
		Presenter:  bind("P", p.T("presenter"), "P"),
		Notes:      bind("N", p.T("notes"), "N"),
		Blank:      bind("b/.", p.T("blank screen"), "b", "."),
		Join:       bind("J", p.T("join banner"), "J"),
		Quiz:       bind("Q", p.T("quiz"), "Q"),
		Map:        bind("M", p.T("course map"), "M"),
		Follow:     bind("F", p.T("follow"), "F"),
		Ask:        bind("A", p.T("ask the class"), "A"),
		Roster:     bind("W", p.T("who is in"), "W"),
		Broadcast:  bind("B", p.T("broadcast"), "B"),
		BlankWhite: bind("w", p.T("white screen"), "w"),
		FocusLeft:  bind("ctrl+←", p.T("focus"), "ctrl+left"),
		FocusRight: bind("ctrl+→", p.T("focus"), "ctrl+right"),
		FocusUp:    bind("ctrl+↑", p.T("focus"), "ctrl+up"),
		FocusDown:  bind("ctrl+↓", p.T("focus"), "ctrl+down"),
		Next:       bind("n", p.T("next lesson"), "n"),
		Prev:       bind("p", p.T("prev lesson"), "p"),
		OpenDemo:   bind("1-9", p.T("open demo"), "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		NextPrev:   bind("n/p", p.T("next/prev lesson"), "n", "p"),
		Split:      bind("</>", p.T("move split"), "<", ">"),
		FocusDir:   bind("ctrl+←↑→↓", p.T("focus"), "ctrl+left", "ctrl+right", "ctrl+up", "ctrl+down"),
	}
}

// All is every binding of g that is matched (not the help-only entries),
// for the test that no pane key collides with an app key.
func (g Global) All() []key.Binding {
	return []key.Binding{g.Quit, g.ForceQuit, g.Help, g.Lang, g.Theme, g.Focus, g.FocusBack, g.Problems,
		g.Zoom, g.ClosePane, g.Narrow, g.Widen, g.Picker, g.Presenter, g.Notes, g.Join, g.Quiz, g.Map, g.Follow, g.Ask, g.Roster, g.Broadcast,
		g.FocusLeft, g.FocusRight, g.FocusUp, g.FocusDown}
}

// Catalog are the lesson list's keys.
type Catalog struct {
	Up, Down, Open, Filter, Clear, Top, Bottom key.Binding
	// While a filter is typed, letters are text: only these keys act.
	Accept, Cancel, PrevMatch, NextMatch key.Binding
}

// DefaultCatalog returns the lesson list's keys, described in p's language.
func DefaultCatalog(p *locale.Printer) Catalog {
	return Catalog{
		Up:     bind("↑/k", p.T("up"), "up", "k"),
		Down:   bind("↓/j", p.T("down"), "down", "j"),
		Open:   bind("enter", p.T("open"), "enter", "right", "l"),
		Filter: bind("/", p.T("filter"), "/"),
		Clear:  bind("esc", p.T("clear filter"), "esc"),
		Top:    bind("home/g", p.T("top"), "home", "g"),
		Bottom: bind("end/G", p.T("bottom"), "end", "G"),

		Accept:    bind("enter", p.T("open"), "enter"),
		Cancel:    bind("esc", p.T("clear filter"), "esc"),
		PrevMatch: bind("↑", p.T("up"), "up"),
		NextMatch: bind("↓", p.T("down"), "down"),
	}
}

// Reader are the lesson reader's keys. In presenter mode the slide keys
// replace paging: what presentation clickers send (pgdn/pgup, arrows,
// space/backspace) moves between slides.
type Reader struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	NextSlide, PrevSlide, FirstSlide, LastSlide               key.Binding
	// Answers shows or hides the answers to the self-check questions.
	Answers key.Binding
}

// DefaultReader returns the lesson reader's keys.
func DefaultReader(p *locale.Printer) Reader {
	return Reader{
		Up:       bind("↑/k", p.T("up"), "up", "k"),
		Down:     bind("↓/j", p.T("down"), "down", "j"),
		PageUp:   bind("pgup/b", p.T("page up"), "pgup", "b"),
		PageDown: bind(p.T("pgdn/space"), p.T("page down"), "pgdown", "space", "f"),
		HalfUp:   bind("u", p.T("½ page up"), "u"),
		Answers:  bind("a", p.T("show/hide answers"), "a"),
		HalfDown: bind("d", p.T("½ page down"), "d"),
		Top:      bind("home/g", p.T("top"), "home", "g"),
		Bottom:   bind("end/G", p.T("bottom"), "end", "G"),

		NextSlide:  bind(p.T("→/space"), p.T("next slide"), "right", "space", "pgdown", "l"),
		PrevSlide:  bind("←/bksp", p.T("prev slide"), "left", "backspace", "pgup", "h"),
		FirstSlide: bind("g", p.T("first slide"), "g", "home"),
		LastSlide:  bind("G", p.T("last slide"), "G", "end"),
	}
}

// Picker are the demo picker's keys; any other key types into its filter.
type Picker struct {
	Up, Down, Choose, Cancel key.Binding
}

// DefaultPicker returns the picker's keys.
func DefaultPicker(p *locale.Printer) Picker {
	return Picker{
		Up:     bind("↑", p.T("up"), "up"),
		Down:   bind("↓", p.T("down"), "down"),
		Choose: bind("enter", p.T("open"), "enter"),
		Cancel: bind("esc", p.T("close"), "esc"),
	}
}
