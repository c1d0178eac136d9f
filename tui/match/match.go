// Package match is the one text match every filter of the UI uses: the
// lesson list, the demo picker. It ignores case and accents, so that a
// student without a Portuguese keyboard finds "lição" by typing "licao",
// and one with it finds it either way.
package match

import (
	"strings"

	"distlab/lessons"
)

// Fold is s lowercased and without accents: "Relógio" → "relogio". Folding
// twice changes nothing more. It is lessons.Fold, the rule every search of
// the course shares (the body search in package lessons too).
func Fold(s string) string { return lessons.Fold(s) }

// Unaccent drops the accents of s and keeps its case: "Lição" → "Licao".
// Letters that are not a base letter plus marks (ø, ł, ß) stay as they are.
func Unaccent(s string) string { return lessons.Unaccent(s) }

// Contains reports whether query is in text, case and accents aside. The
// empty query is in every text.
func Contains(text, query string) bool {
	return strings.Contains(Fold(text), Fold(query))
}

// Query is a query folded once, to match against many texts.
type Query struct{ folded string }

// NewQuery folds q.
func NewQuery(q string) Query { return Query{Fold(q)} }

// Empty reports whether the query matches everything.
func (q Query) Empty() bool { return q.folded == "" }

// In reports whether the query is in folded, a text already passed
// through Fold (see Fold: keep the folded haystacks, not the texts).
func (q Query) In(folded string) bool { return strings.Contains(folded, q.folded) }
