package raftpane

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/tui/theme"
)

// ink is what a piece of text means; the theme says how it looks.
type ink uint8

const (
	inkPlain     ink = iota
	inkDim           // labels, what is not the point
	inkLeader        // the leader: the theme's primary, bold
	inkCandidate     // a candidate, a vote in flight
	inkDown          // a crashed node, a lost message, a violation
	inkCommitted     // a committed entry, safety holding
	inkPending       // an entry not yet committed
	inkAccent        // log traffic in flight
	inkWall          // the partition
	inkStrong        // the sentence's event number
	inkCount
)

// inks are the escape sequences that open and close each ink, plain and
// on the selected row's background, learned once per Styles by rendering
// each style around a marker: a frame then only concatenates.
type inks struct {
	styles       *theme.Styles
	open, shut   [inkCount]string
	openS, shutS [inkCount]string
}

func inkStyles(s *theme.Styles) [inkCount]lipgloss.Style {
	return [inkCount]lipgloss.Style{
		inkPlain: s.Item, inkDim: s.Status, inkLeader: s.Title, inkCandidate: s.StatusWarn,
		inkDown: s.StatusError, inkCommitted: s.ReadMark.Bold(true), inkPending: s.Status,
		inkAccent: s.ItemCurrent, inkWall: s.StatusWarn, inkStrong: s.HeaderLesson,
	}
}

func newInks(s *theme.Styles) *inks {
	in := &inks{styles: s}
	for i, st := range inkStyles(s) {
		in.open[i], in.shut[i], _ = strings.Cut(st.Render("\x00"), "\x00")
		in.openS[i], in.shutS[i], _ = strings.Cut(st.Background(s.Palette.Selection).Render("\x00"), "\x00")
	}
	return in
}

// line builds one line of the pane out of inked pieces, counting its
// width as it goes so that it can pad or cut it to the pane's without
// parsing it again.
type line struct {
	in       *inks
	selected bool
	b        strings.Builder
	w        int
}

func (in *inks) line(selected bool) *line { return &line{in: in, selected: selected} }

// put writes text in ink k.
func (l *line) put(k ink, text string) *line {
	if text == "" {
		return l
	}
	if l.selected {
		l.b.WriteString(l.in.openS[k])
		l.b.WriteString(text)
		l.b.WriteString(l.in.shutS[k])
	} else {
		l.b.WriteString(l.in.open[k])
		l.b.WriteString(text)
		l.b.WriteString(l.in.shut[k])
	}
	l.w += width(text)
	return l
}

// width is how many cells text takes. The pane's pieces are names,
// numbers, labels and words of the two languages, with marks one cell
// wide (★ ○ ▰ ─ ✂): a cell a rune, counted without the grapheme parser
// that would take most of a frame.
func width(text string) int { return utf8.RuneCountInString(text) }

// pad writes text in ink k, padded with spaces to n cells.
func (l *line) pad(k ink, text string, n int) *line {
	l.put(k, text)
	if d := n - width(text); d > 0 {
		l.put(inkPlain, strings.Repeat(" ", d))
	}
	return l
}

// done is the line exactly w cells wide.
func (l *line) done(w int) string {
	switch {
	case l.w > w:
		return ansi.Truncate(l.b.String(), w, "…")
	case l.w < w:
		l.put(inkPlain, strings.Repeat(" ", w-l.w))
	}
	return l.b.String()
}
