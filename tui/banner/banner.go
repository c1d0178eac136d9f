// Package banner draws text in large letters, three lines tall, made of
// box-drawing characters: the title of a lesson on its first slide, readable
// from the back of a classroom.
package banner

import (
	"strings"

	"distlab/tui/match"
)

// Height is how many lines a row of banner letters takes.
const Height = 3

// glyphs are three rows per letter; every row of a glyph has the same width.
var glyphs = map[rune][3]string{
	'A': {"┏━┓", "┣━┫", "╹ ╹"}, 'B': {"┏┓ ", "┣┻┓", "┗━┛"}, 'C': {"┏━╸", "┃  ", "┗━╸"},
	'D': {"┏━┓", "┃ ┃", "┗━┛"}, 'E': {"┏━╸", "┣╸ ", "┗━╸"}, 'F': {"┏━╸", "┣╸ ", "╹  "},
	'G': {"┏━╸", "┃╺┓", "┗━┛"}, 'H': {"╻ ╻", "┣━┫", "╹ ╹"}, 'I': {"╻", "┃", "╹"},
	'J': {"  ╻", "  ┃", "┗━┛"}, 'K': {"╻┏ ", "┣┻┓", "╹ ╹"}, 'L': {"╻  ", "┃  ", "┗━╸"},
	'M': {"┏┳┓", "┃┃┃", "╹ ╹"}, 'N': {"┏┓╻", "┃┗┫", "╹ ╹"}, 'O': {"┏━┓", "┃ ┃", "┗━┛"},
	'P': {"┏━┓", "┣━┛", "╹  "}, 'Q': {"┏━┓", "┃┓┃", "┗┻┛"}, 'R': {"┏━┓", "┣┳┛", "╹┗╸"},
	'S': {"┏━┓", "┗━┓", "┗━┛"}, 'T': {"╺┳╸", " ┃ ", " ╹ "}, 'U': {"╻ ╻", "┃ ┃", "┗━┛"},
	'V': {"╻ ╻", "┃┏┛", "┗┛ "}, 'W': {"╻ ╻", "┃╻┃", "┗┻┛"}, 'X': {"╻ ╻", "┏╋┛", "╹ ╹"},
	'Y': {"╻ ╻", "┗┳┛", " ╹ "}, 'Z': {"┏━┓", "┏━┛", "┗━╸"},
	'0': {"┏━┓", "┃┃┃", "┗━┛"}, '1': {"╺┓ ", " ┃ ", "╺┻╸"}, '2': {"┏━┓", "┏━┛", "┗━╸"},
	'3': {"┏━┓", " ━┫", "┗━┛"}, '4': {"╻ ╻", "┗━┫", "  ╹"}, '5': {"┏━╸", "┗━┓", "┗━┛"},
	'6': {"┏━┓", "┣━┓", "┗━┛"}, '7': {"┏━┓", "  ┃", "  ╹"}, '8': {"┏━┓", "┣━┫", "┗━┛"},
	'9': {"┏━┓", "┗━┫", "┗━┛"},
	'?': {"┏━┓", " ┏┛", " ╹ "}, '!': {"╻", "┃", "╹"}, '.': {" ", " ", "╹"}, ',': {" ", " ", "┛"},
	':': {" ", "╹", "╹"}, '-': {"   ", "╺━╸", "   "}, '\'': {"╻", " ", " "}, '"': {"╻╻", "  ", "  "},
	'(': {"┏", "┃", "┗"}, ')': {"┓", "┃", "┛"}, '/': {"  ╻", " ┏┛", "╺┛ "}, '&': {"┏┓ ", "┣╋╸", "┗┻╸"},
	' ': {"  ", "  ", "  "},
}

// Width is how many columns text takes as a banner (on one row).
func Width(text string) int {
	n := 0
	for i, r := range fold(text) {
		if i > 0 {
			n++
		}
		n += len([]rune(glyph(r)[0]))
	}
	return n
}

// Render draws text as banner rows no wider than width, breaking between
// words. It returns nil when a single word does not fit: the caller then
// shows the title as plain text.
func Render(text string, width int) []string {
	var lines []string
	var row []string
	flush := func() {
		if len(row) > 0 {
			lines = append(lines, draw(strings.Join(row, " "))...)
			row = nil
		}
	}
	for _, word := range strings.Fields(text) {
		if Width(word) > width {
			return nil
		}
		if len(row) > 0 && Width(strings.Join(append(row, word), " ")) > width {
			flush()
		}
		row = append(row, word)
	}
	flush()
	return lines
}

// draw renders one row of text.
func draw(text string) []string {
	var rows [Height]strings.Builder
	for i, r := range fold(text) {
		g := glyph(r)
		for y := range Height {
			if i > 0 {
				rows[y].WriteByte(' ')
			}
			rows[y].WriteString(g[y])
		}
	}
	return []string{rows[0].String(), rows[1].String(), rows[2].String()}
}

// fold uppercases text and drops accents, as the filters do: the font has
// no diacritics.
func fold(text string) []rune { return []rune(strings.ToUpper(match.Unaccent(text))) }

func glyph(r rune) [3]string {
	if g, ok := glyphs[r]; ok {
		return g
	}
	return glyphs['?']
}
