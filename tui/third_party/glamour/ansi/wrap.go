package ansi

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// distlab: every block of text wraps the same way, at spaces only, and
// never after a hyphen. Upstream wrapped list items and quotes at any of
// " ,.;-+|" as well, which cut "https://example." / "com/report",
// "127.0." / "0.1" and "(eds." / ")," at the end of a line; and x/ansi's
// Wrap breaks after every hyphen whatever its breakpoints, which cut
// "--preset" into "--" / "preset". A word longer than the line is still
// cut where the line ends. See PATCH.md.

// nbHyphen stands in for '-' while a text is wrapped: U+2011, the
// non-breaking hyphen, one cell wide like the mark it stands for.
const nbHyphen = '\u2011'

// CodeMark starts each line of a code block: U+2060, the word joiner, no
// cell wide. wrapText passes a line that holds one through as it is, so
// code and diagrams are never wrapped (a wrapped diagram is a picture torn
// in two, its columns out of line); whoever shows the render cuts a line
// too wide for its pane. The mark is not printable, so distlab's cleaning
// of the render takes it out, and a lesson cannot hold one. See PATCH.md.
const CodeMark = '\u2060'

// wrapText wraps s, which may hold SGR and OSC 8 sequences, to width
// cells at its spaces; the lines of a code block (CodeMark) stay whole.
func wrapText(s string, width int) string {
	if !strings.ContainsRune(s, CodeMark) {
		return wrapWords(s, width)
	}
	var b strings.Builder
	b.Grow(len(s))
	lines := strings.SplitAfter(s, "\n")
	from := 0 // lines[from:] are not written yet
	flush := func(to int) {
		if to > from {
			b.WriteString(wrapWords(strings.Join(lines[from:to], ""), width))
		}
	}
	for i, l := range lines {
		if strings.ContainsRune(l, CodeMark) {
			flush(i)
			b.WriteString(l)
			from = i + 1
		}
	}
	flush(len(lines))
	return b.String()
}

// wrapWords wraps s to width cells at its spaces.
func wrapWords(s string, width int) string {
	if !strings.Contains(s, "-") || strings.ContainsRune(s, nbHyphen) {
		return lipgloss.Wrap(s, width, "")
	}
	return strings.ReplaceAll(lipgloss.Wrap(guardHyphens(s), width, ""), string(nbHyphen), "-")
}

// guardHyphens replaces every '-' of s's text by nbHyphen, leaving escape
// sequences (a link's address, a colour's parameters) as they are.
func guardHyphens(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2*strings.Count(s, "-"))
	for i := 0; i < len(s); {
		switch s[i] {
		case '-':
			b.WriteRune(nbHyphen)
			i++
		case 0x1b:
			n := escapeLen(s[i:])
			b.WriteString(s[i : i+n])
			i += n
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// escapeLen is the length of the escape sequence s starts with: a CSI
// sequence up to its final byte, an OSC, DCS, SOS, PM or APC string up to
// BEL or ST, or ESC and the byte after it. A sequence cut short runs to
// the end of s.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']', 'P', 'X', '^', '_':
		for i := 2; i < len(s); i++ {
			switch {
			case s[i] == 0x07:
				return i + 1
			case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
				return i + 2
			}
		}
		return len(s)
	}
	return 2
}
