// Package keys holds one KeyMap per area of the UI, each a struct of
// key.Bindings with a Default constructor. The help bar is composed from the
// global map and the focused pane's map; nothing in the UI switches on raw
// key strings.
package keys

import (
	"charm.land/bubbles/v2/key"

	"distlab/tui/i18n"
)

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// Global are the keys that work whatever pane has focus.
type Global struct {
	Quit, Help, Lang, Theme, Next, Prev, Focus, FocusBack, Problems, Close key.Binding
	NextPrev                                                               key.Binding // n and p as one entry of the short help; never matched
	ForceQuit                                                              key.Binding // quits even while a filter is typed
}

// DefaultGlobal returns the global keys, described in t's language.
func DefaultGlobal(t *i18n.Text) Global {
	return Global{
		Quit:      bind("q", t.KeyQuit, "q", "ctrl+c"),
		Help:      bind("?", t.KeyHelp, "?"),
		Lang:      bind("L", t.KeyLang, "L"),
		Theme:     bind("T", t.KeyTheme, "T"),
		Next:      bind("n", t.KeyNext, "n"),
		Prev:      bind("p", t.KeyPrev, "p"),
		Focus:     bind("tab", t.KeyFocus, "tab"),
		FocusBack: bind("shift+tab", t.KeyFocus, "shift+tab"),
		Problems:  bind("!", t.KeyProblems, "!"),
		Close:     bind("esc", t.KeyClose, "esc"),
		NextPrev:  bind("n/p", t.KeyNextPrev, "n", "p"),
		ForceQuit: bind("ctrl+c", t.KeyQuit, "ctrl+c"),
	}
}

// Catalog are the lesson list's keys.
type Catalog struct {
	Up, Down, Open, Filter, Clear, Top, Bottom key.Binding
	// While a filter is typed, letters are text: only these keys act.
	Accept, Cancel, Erase, PrevMatch, NextMatch key.Binding
}

// DefaultCatalog returns the lesson list's keys.
func DefaultCatalog(t *i18n.Text) Catalog {
	return Catalog{
		Up:     bind("↑/k", t.KeyUp, "up", "k"),
		Down:   bind("↓/j", t.KeyDown, "down", "j"),
		Open:   bind("enter", t.KeyOpen, "enter", "right", "l"),
		Filter: bind("/", t.KeyFilter, "/"),
		Clear:  bind("esc", t.KeyClear, "esc"),
		Top:    bind("home/g", t.KeyTop, "home", "g"),
		Bottom: bind("end/G", t.KeyBottom, "end", "G"),

		Accept:    bind("enter", t.KeyOpen, "enter"),
		Cancel:    bind("esc", t.KeyClear, "esc"),
		Erase:     bind("backspace", "", "backspace"),
		PrevMatch: bind("↑", t.KeyUp, "up"),
		NextMatch: bind("↓", t.KeyDown, "down"),
	}
}

// Reader are the lesson reader's keys.
type Reader struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
}

// DefaultReader returns the lesson reader's keys.
func DefaultReader(t *i18n.Text) Reader {
	return Reader{
		Up:       bind("↑/k", t.KeyUp, "up", "k"),
		Down:     bind("↓/j", t.KeyDown, "down", "j"),
		PageUp:   bind("pgup/b", t.KeyPgUp, "pgup", "b"),
		PageDown: bind("pgdn/space", t.KeyPgDown, "pgdown", "space", "f"),
		HalfUp:   bind("u", t.KeyHalfUp, "u"),
		HalfDown: bind("d", t.KeyHalfDown, "d"),
		Top:      bind("home/g", t.KeyTop, "home", "g"),
		Bottom:   bind("end/G", t.KeyBottom, "end", "G"),
	}
}
