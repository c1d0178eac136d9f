// Package banner draws text in large letters made of box-drawing
// characters: the title of a lesson on its first slide, readable from the
// back of a classroom. A letter is three lines tall; a row of letters with
// accents takes a line above for them (á à â ã é ê í ó ô õ ú), and one with
// a cedilla a line below (ç), so that "CONSISTÊNCIA" and "AÇÃO" read as
// they are written.
package banner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Height is how many lines a row of banner letters takes without accents;
// marks above or below a row add a line each.
const Height = 3

// glyphs are three rows per letter; every row of a glyph has the same width.
// No two are alike (TestEveryLetterIsDistinct): D is not O, Z is not 2, 5 is
// not S.
var glyphs = map[rune][3]string{
	'A': {"┏━┓", "┣━┫", "╹ ╹"}, 'B': {"┏┓ ", "┣┻┓", "┗━┛"}, 'C': {"┏━╸", "┃  ", "┗━╸"},
	'D': {"╺┳┓", " ┃┃", "╺┻┛"}, 'E': {"┏━╸", "┣╸ ", "┗━╸"}, 'F': {"┏━╸", "┣╸ ", "╹  "},
	'G': {"┏━╸", "┃╺┓", "┗━┛"}, 'H': {"╻ ╻", "┣━┫", "╹ ╹"}, 'I': {"╻", "┃", "╹"},
	'J': {"  ╻", "  ┃", "┗━┛"}, 'K': {"╻┏ ", "┣┻┓", "╹ ╹"}, 'L': {"╻  ", "┃  ", "┗━╸"},
	'M': {"┏┳┓", "┃┃┃", "╹ ╹"}, 'N': {"┏┓╻", "┃┗┫", "╹ ╹"}, 'O': {"┏━┓", "┃ ┃", "┗━┛"},
	'P': {"┏━┓", "┣━┛", "╹  "}, 'Q': {"┏━┓", "┃┓┃", "┗┻┛"}, 'R': {"┏━┓", "┣┳┛", "╹┗╸"},
	'S': {"┏━┓", "┗━┓", "┗━┛"}, 'T': {"╺┳╸", " ┃ ", " ╹ "}, 'U': {"╻ ╻", "┃ ┃", "┗━┛"},
	'V': {"╻ ╻", "┃┏┛", "┗┛ "}, 'W': {"╻ ╻", "┃╻┃", "┗┻┛"}, 'X': {"╻ ╻", "┏╋┛", "╹ ╹"},
	'Y': {"╻ ╻", "┗┳┛", " ╹ "}, 'Z': {"╺━┓", "┏━┛", "┗━╸"},
	'0': {"┏━┓", "┃┃┃", "┗━┛"}, '1': {"╺┓ ", " ┃ ", "╺┻╸"}, '2': {"┏━┓", " ┏┛", "╺┻╸"},
	'3': {"┏━┓", " ━┫", "┗━┛"}, '4': {"╻ ╻", "┗━┫", "  ╹"}, '5': {"┏━╸", "┗━┓", "╺━┛"},
	'6': {"┏━┓", "┣━┓", "┗━┛"}, '7': {"┏━┓", "  ┃", "  ╹"}, '8': {"┏━┓", "┣━┫", "┗━┛"},
	'9': {"┏━┓", "┗━┫", "┗━┛"},
	'?': {"┏━┓", " ┏┛", " ╹ "}, '!': {"╻", "╹", "╹"}, '.': {" ", " ", "•"}, ',': {" ", " ", "┛"},
	':': {" ", "•", "•"}, '-': {"   ", "╺━╸", "   "}, '\'': {"╻", " ", " "}, '"': {"╻╻", "  ", "  "},
	'(': {"┏", "┃", "┗"}, ')': {"┓", "┃", "┛"}, '/': {"  ╻", " ┏┛", "╺┛ "}, '&': {"┏┓ ", "┣╋╸", "┗┻╸"},
	' ': {"  ", "  ", "  "},
}

// marks are the accents, drawn above a letter (the cedilla below it), in
// the widths each comes in, narrowest first: a letter gets the widest that
// fits, centered. Other accents are left out.
var marks = map[rune][]string{
	'\u0301': {"╱"},              // acute: á é í ó ú
	'\u0300': {"╲"},              // grave: à
	'\u0302': {"^", "╱╲", "╱ ╲"}, // circumflex: â ê ô
	'\u0303': {"~", "╭╯", "╭─╯"}, // tilde: ã õ
	'\u0308': {"¨", "╻╻", "╻ ╻"}, // diaeresis: ü
	'\u0327': {"┛", "╺┛", "╺┛ "}, // cedilla, below: ç
}

// cedilla hangs below a letter, from the middle of its bottom row.
const cedilla = '\u0327'

// letter is one banner letter: its three rows and the marks above and
// below it ("" for none), all as wide as the rows.
type letter struct {
	above string
	rows  [3]string
	below string
}

// letters splits text into banner letters: each base letter with the
// accents that follow it once decomposed, uppercased (the font has
// capitals only). A letter the font lacks is "?".
func letters(text string) []letter {
	var out []letter
	for _, r := range norm.NFD.String(strings.ToUpper(text)) {
		if unicode.Is(unicode.Mn, r) {
			if len(out) > 0 {
				out[len(out)-1].mark(r)
			}
			continue
		}
		g, ok := glyphs[r]
		if !ok {
			g = glyphs['?']
		}
		out = append(out, letter{rows: g})
	}
	return out
}

// mark puts accent r on l; an accent the font lacks is left out.
func (l *letter) mark(r rune) {
	w := utf8.RuneCountInString(l.rows[0])
	m := fitMark(marks[r], w)
	switch {
	case m == "":
	case r == cedilla:
		l.below = m
		// The bottom row's middle joins the hook.
		bottom := []rune(l.rows[2])
		if mid := (w - 1) / 2; w > 1 && bottom[mid] == '━' {
			bottom[mid] = '┳'
			l.rows[2] = string(bottom)
		}
	default:
		l.above = m
	}
}

// fitMark is the widest of variants that fits in w, centered and padded to
// w; "" when none fits.
func fitMark(variants []string, w int) string {
	best := ""
	for _, v := range variants {
		if utf8.RuneCountInString(v) <= w {
			best = v
		}
	}
	if best == "" {
		return ""
	}
	n := utf8.RuneCountInString(best)
	left := (w - n) / 2
	return strings.Repeat(" ", left) + best + strings.Repeat(" ", w-n-left)
}

// Width is how many columns text takes as a banner (on one row).
func Width(text string) int {
	n := 0
	for i, l := range letters(text) {
		if i > 0 {
			n++
		}
		n += utf8.RuneCountInString(l.rows[0])
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

// draw renders one row of text: the line of accents above when a letter
// has one, the three rows, and the line of cedillas when one has one.
func draw(text string) []string {
	ls := letters(text)
	var above, below bool
	for _, l := range ls {
		above, below = above || l.above != "", below || l.below != ""
	}
	var out []string
	line := func(part func(letter) string) {
		var b strings.Builder
		for i, l := range ls {
			if i > 0 {
				b.WriteByte(' ')
			}
			s := part(l)
			if s == "" {
				s = strings.Repeat(" ", utf8.RuneCountInString(l.rows[0]))
			}
			b.WriteString(s)
		}
		out = append(out, b.String())
	}
	if above {
		line(func(l letter) string { return l.above })
	}
	for y := range Height {
		line(func(l letter) string { return l.rows[y] })
	}
	if below {
		line(func(l letter) string { return l.below })
	}
	return out
}
