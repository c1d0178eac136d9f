package lessons

import (
	"cmp"
	"slices"
	"strings"
)

// A search finds a text in the lessons of one language: in their titles,
// summaries and bodies, case and accents aside (see Fold), a line at a time.
// The query is a phrase: its words in that order, spaces collapsed, so
// "lamport clock" finds "Lamport clocks" and "relogio" finds "relógio".
// The app's lesson list, its reader and `distlab lessons search` use it.

// HitKind says where in its lesson a hit is.
type HitKind int

const (
	// InBody is a line of the lesson's text.
	InBody HitKind = iota
	// InTitle is the title's line of the front matter.
	InTitle
	// InSummary is the summary's line of the front matter.
	InSummary
	// InAnswers is a line of the answers section, which the app hides
	// until the student has tried (Lesson.SplitAnswers): its list of hits
	// leaves these out, the command line prints them.
	InAnswers
)

// Hit is one line of a lesson that holds the query.
type Hit struct {
	ID string `json:"id"`
	// Line is the line in the lesson's source file, counted from 1 as an
	// editor counts: `distlab lessons search` prints id:line.
	Line int `json:"line"`
	// Text is the line as a reader sees its words (see PlainLine); for a
	// title or summary hit, the title or summary.
	Text string  `json:"text"`
	Kind HitKind `json:"-"`
}

// Query is a search folded once, to match against many lines.
type Query struct{ folded string }

// NewQuery folds q and collapses its spaces.
func NewQuery(q string) Query { return Query{Fold(strings.Join(strings.Fields(q), " "))} }

// Empty reports whether there is nothing to look for: an empty query
// finds no line.
func (q Query) Empty() bool { return q.folded == "" }

// Matches reports whether text holds the query.
func (q Query) Matches(text string) bool {
	return !q.Empty() && strings.Contains(Fold(text), q.folded)
}

// In reports whether folded, a text already passed through Fold, holds the
// query.
func (q Query) In(folded string) bool {
	return !q.Empty() && strings.Contains(folded, q.folded)
}

// Span is a range of bytes of a text, From included, To not.
type Span struct{ From, To int }

// Spans are where text holds the query, as ranges of text's own bytes
// (accents and case as written), in order and apart: what to highlight.
func (q Query) Spans(text string) []Span {
	if q.Empty() {
		return nil
	}
	folded, offs := foldMap(text, true)
	var out []Span
	for at := 0; ; {
		i := strings.Index(folded[at:], q.folded)
		if i < 0 {
			return out
		}
		from, to := at+i, at+i+len(q.folded)
		out = append(out, Span{offs[from], runeEnd(offs, to)})
		at = to
	}
}

// runeEnd is the end, in the text, of a match ending at folded byte to: the
// start of the next rune of the text, past any mark folded away.
func runeEnd(offs []int, to int) int {
	for to < len(offs)-1 && offs[to] == offs[to-1] {
		to++ // the match ends inside what one rune folded to
	}
	return offs[to]
}

// Index is the lessons of one language made ready for many searches: each
// line read and folded once.
type Index struct{ lines []indexLine }

type indexLine struct {
	hit    Hit
	folded string
}

// NewIndex reads ls (one language, in course order) for searching.
func NewIndex(ls []Lesson) *Index {
	x := &Index{}
	add := func(l Lesson, line int, kind HitKind, text string) {
		if text != "" {
			x.lines = append(x.lines, indexLine{Hit{ID: l.ID, Line: line, Text: text, Kind: kind}, Fold(text)})
		}
	}
	for _, l := range ls {
		start := len(x.lines)
		add(l, l.TitleLine, InTitle, l.Title)
		add(l, l.SummaryLine, InSummary, l.Summary)
		first, end := l.answersLines()
		sourceLines(l, func(line int, text string) {
			kind := InBody
			if line >= first && line < end {
				kind = InAnswers
			}
			add(l, line, kind, text)
		})
		slices.SortStableFunc(x.lines[start:], func(a, b indexLine) int { return cmp.Compare(a.hit.Line, b.hit.Line) })
	}
	return x
}

// Search is every line that holds q, in the lessons' order, then by line.
func (x *Index) Search(q Query) []Hit {
	if x == nil || q.Empty() {
		return nil
	}
	var out []Hit
	for _, l := range x.lines {
		if q.In(l.folded) {
			out = append(out, l.hit)
		}
	}
	return out
}

// Search finds query in ls, the lessons of one language in course order
// (Catalog.Lessons): every line that holds it, in the lessons' order, then
// by line. An empty query finds nothing.
func Search(ls []Lesson, query string) []Hit {
	q := NewQuery(query)
	if q.Empty() {
		return nil
	}
	return NewIndex(ls).Search(q)
}

// SourceLine is line (a file line, as in Hit) of l as a search reads it,
// or "" when it is not in l's text.
func SourceLine(l Lesson, line int) string {
	switch line {
	case 0:
		return ""
	case l.TitleLine:
		return l.Title
	case l.SummaryLine:
		return l.Summary
	}
	var out string
	sourceLines(l, func(n int, text string) {
		if n == line {
			out = text
		}
	})
	return out
}
