package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Pack lays parts out on as few lines of at most w cells as it can,
// joined by sep, never cutting a part in two unless it is wider than a
// line by itself: the first line starts with lead, the others with
// indent.
func Pack(w int, lead, indent, sep string, parts ...string) []string {
	ps := make([]Piece, len(parts))
	for i, part := range parts {
		ps[i] = Piece{Sep: sep, Text: part}
	}
	return PackPieces(w, lead, indent, ps...)
}

// Piece is a part of a line for PackPieces, with the separator that goes
// before it when it follows another on the same line.
type Piece struct{ Sep, Text string }

// PackPieces is Pack with a separator for each piece.
func PackPieces(w int, lead, indent string, pieces ...Piece) []string {
	var lines []string
	line, empty := lead, true
	for _, pc := range pieces {
		switch {
		case empty:
			line += pc.Text
		case ansi.StringWidth(line+pc.Sep+pc.Text) <= w:
			line += pc.Sep + pc.Text
		default:
			lines = append(lines, line)
			line = indent + pc.Text
		}
		empty = false
		if ansi.StringWidth(line) > w { // a part wider than a line: wrapped at its spaces
			prefix := line[:len(line)-len(pc.Text)] // lead or indent: it starts a line
			wrapped := strings.Split(ansi.Wordwrap(pc.Text, max(w-ansi.StringWidth(prefix), 1), ""), "\n")
			for i, l := range wrapped {
				if i > 0 {
					prefix = indent
				}
				wrapped[i] = prefix + l
			}
			lines, line = append(lines, wrapped[:len(wrapped)-1]...), wrapped[len(wrapped)-1]
		}
	}
	return append(lines, line)
}
