package keys

import (
	"charm.land/bubbles/v2/key"

	"distlab/demos/locale"
)

// Search are the keys of the search inside a lesson. / is free in the
// reader (the app keeps uppercase letters and symbols, but not /, which the
// lesson list uses for its filter too). n and N are the app's "next lesson"
// and "notes" keys: while a search is open in the reader, the reader claims
// them (and esc) before the app sees them.
type Search struct {
	// Open starts a search, or edits the one open.
	Open key.Binding
	// While the query is typed, every key is text but these.
	Accept, Cancel key.Binding
	// Once it is searched.
	Next, Prev, Close key.Binding
}

// DefaultSearch returns the search keys, described in p's language.
func DefaultSearch(p *locale.Printer) Search {
	return Search{
		Open:   bind("/", p.T("search"), "/"),
		Accept: bind("enter", p.T("find"), "enter"),
		Cancel: bind("esc", p.T("cancel"), "esc"),
		Next:   bind("n", p.T("next match"), "n"),
		Prev:   bind("N", p.T("prev match"), "N"),
		Close:  bind("esc", p.T("end search"), "esc"),
	}
}
