// Package lineedit is the input line of a line-mode program on a terminal
// in raw mode, such as `distlab chat client`: what the user is typing stays
// whole on the bottom line while lines that arrive meanwhile are printed
// above it. A terminal left to echo keys itself mixes the two, since it
// knows nothing of the lines the program prints in the middle of a word.
//
// The Editor owns the terminal's output while it is open: every line goes
// through Print. It draws the line being typed on one row, scrolled to its
// end when it is wider than the terminal, and takes keys a character at a
// time: printable characters, backspace, ctrl+u (the whole line), ctrl+w
// (a word), enter, ctrl+d on an empty line (end) and ctrl+c (interrupt).
// Other keys and escape sequences (arrows, function keys) are ignored, so
// nothing the user presses reaches the screen but text. The line is
// measured and deleted by grapheme cluster, what the terminal draws as one
// character: an e with a combining accent, an emoji joined by zero-width
// joiners, a flag.
//
// A Console is the terminal a program opens around an Editor: raw mode,
// keys read so that a blocked read can be cancelled (no key is taken from
// the shell once the program is done), the window's resizes; plain lines
// when the input or the output is not a terminal. The package starts no
// goroutine: the caller reads keys in its own and selects on Resized.
package lineedit

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"sync"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// ErrInterrupt is returned by ReadLine when the user presses ctrl+c, which
// a terminal in raw mode does not turn into a signal.
var ErrInterrupt = errors.New("lineedit: interrupted")

// clearRow moves to the row's start and erases it.
const clearRow = "\r\x1b[K"

// Editor is one terminal's input line. Print may be called from any
// goroutine, ReadLine from one at a time.
type Editor struct {
	in     *bufio.Reader
	prompt string
	width  func() int // the terminal's columns now; < 2 means unknown
	cr     bool       // the last key ReadLine read was a carriage return

	mu     sync.Mutex // guards the fields below and the terminal's output
	out    io.Writer
	line   string // what is typed so far
	closed bool   // Close was called: Print writes plain lines
}

// New returns an editor that reads keys from in and draws on out, which
// must be a terminal in raw mode (its newlines are written as \r\n),
// prompt before the line being typed. width reports the terminal's columns
// now (it is asked at every redraw, so a resized window is followed).
func New(in io.Reader, out io.Writer, prompt string, width func() int) *Editor {
	e := &Editor{in: bufio.NewReader(in), out: out, prompt: clean(prompt), width: width}
	e.mu.Lock()
	e.drawLocked("")
	e.mu.Unlock()
	return e
}

// Print writes line above the line being typed, which is drawn again below
// it. Control characters in line are dropped: the caller cleans what it got
// from the network, this is a second line of defence for the terminal.
func (e *Editor) Print(line string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		io.WriteString(e.out, clean(line)+"\r\n")
		return
	}
	e.drawLocked(clean(line) + "\r\n")
}

// Redraw draws the input line again, as wide as the terminal is now: the
// caller calls it when the window changes size.
func (e *Editor) Redraw() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.closed {
		e.drawLocked("")
	}
}

// Close erases the input line, leaving the terminal as the lines printed
// left it; later Prints write plain lines.
func (e *Editor) Close() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.closed {
		e.closed = true
		io.WriteString(e.out, clearRow)
	}
}

// ReadLine reads keys until enter and returns the line typed, which stays
// on the screen, whole, above a new empty input line. It returns io.EOF
// when the input ends or the user presses ctrl+d on an empty line (the
// text typed so far, if any, with it), and ErrInterrupt on ctrl+c.
func (e *Editor) ReadLine() (string, error) {
	for {
		r, _, err := e.in.ReadRune()
		if err != nil {
			return e.take(false), err
		}
		cr := e.cr
		e.cr = r == '\r'
		switch {
		case r == '\n' && cr: // the \n of a pasted \r\n: enter was \r
		case r == '\r' || r == '\n':
			return e.take(true), nil
		case r == 0x03: // ctrl+c
			return e.take(false), ErrInterrupt
		case r == 0x04: // ctrl+d: the end, on an empty line
			if e.edit(func(l string) string { return l }) == 0 {
				return "", io.EOF
			}
		case r == 0x7f || r == 0x08: // backspace: the last character, whole
			e.edit(func(l string) string { return l[:lastCluster(l)] })
		case r == 0x15: // ctrl+u
			e.edit(func(string) string { return "" })
		case r == 0x17: // ctrl+w
			e.edit(deleteWord)
		case r == 0x1b:
			e.skipEscape()
		case r == '\t':
			e.edit(func(l string) string { return l + " " })
		case r == unicode.ReplacementChar || !unicode.IsGraphic(r) && !joiner(r):
			// not valid UTF-8, or a key with no text: nothing to show
		default:
			e.edit(func(l string) string { return l + string(r) })
		}
	}
}

// edit changes the line with f, draws it and returns its new length.
func (e *Editor) edit(f func(string) string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.line = f(e.line)
	if !e.closed {
		e.drawLocked("")
	}
	return len(e.line)
}

// take empties the line and returns what it held. When entered, the line
// is written out whole, wrapped by the terminal if it must be, with a new
// input line below it.
func (e *Editor) take(entered bool) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := e.line
	e.line = ""
	if entered && !e.closed {
		io.WriteString(e.out, clearRow+e.prompt+s+"\r\n"+e.prompt)
	}
	return s
}

// skipEscape reads the rest of an escape sequence (CSI "ESC [ … final" or
// SS3 "ESC O x"), which is a key with no text. A terminal sends a key's
// sequence in one write: an ESC with nothing after it in the buffer is the
// escape key alone, and one before another key (alt+key) leaves that key
// to be read.
func (e *Editor) skipEscape() {
	if e.in.Buffered() == 0 {
		return
	}
	b, err := e.in.ReadByte()
	if err != nil || (b != '[' && b != 'O') {
		if err == nil {
			_ = e.in.UnreadByte()
		}
		return
	}
	for {
		c, err := e.in.ReadByte()
		if err != nil || (b == 'O' || c >= 0x40 && c <= 0x7e) {
			return
		}
	}
}

// drawLocked erases the input row, writes above (lines that end in \r\n,
// or nothing) and draws the prompt and as much of the line's end as fits
// on one row, so that erasing it again is erasing one row. The end shown
// starts on a character's first cell: a wide character or an emoji is
// shown whole or not at all, and an accent never without its letter.
// e.mu is held.
func (e *Editor) drawLocked(above string) {
	cols := 80
	if e.width != nil {
		if w := e.width(); w >= 2 {
			cols = w
		}
	}
	room := cols - 1 - ansi.StringWidth(e.prompt) // the last column stays free: no wrap
	shown := e.line
	if ansi.StringWidth(shown) > room {
		const more = "…"
		shown = more + tail(shown, room-ansi.StringWidth(more))
	}
	io.WriteString(e.out, clearRow+above+e.prompt+shown)
}

// tail is the longest end of s, cut between characters, at most room
// cells wide.
func tail(s string, room int) string {
	type cluster struct{ at, width int }
	var cs []cluster
	for at := 0; at < len(s); {
		c, w := ansi.FirstGraphemeCluster(s[at:], ansi.GraphemeWidth)
		cs = append(cs, cluster{at, w})
		at += len(c)
	}
	start, w := len(s), 0
	for i := len(cs) - 1; i >= 0 && w+cs[i].width <= room; i-- {
		w += cs[i].width
		start = cs[i].at
	}
	return s[start:]
}

// lastCluster is where the last character of s starts: its grapheme
// cluster, which may be several runes (e and U+0301; 👩, U+200D, 💻).
func lastCluster(s string) int {
	last := 0
	for at := 0; at < len(s); {
		c, _ := ansi.FirstGraphemeCluster(s[at:], ansi.GraphemeWidth)
		last = at
		at += len(c)
	}
	return last
}

// joiner reports whether r, which has no glyph of its own, joins the
// characters around it into one: the zero-width joiner and non-joiner,
// and the tags of a subdivision flag (🏴 and its tags). Other format
// characters, such as the bidirectional overrides, are not typed text.
func joiner(r rune) bool {
	return r == '\u200d' || r == '\u200c' || r >= 0xe0020 && r <= 0xe007f
}

// deleteWord takes off the line's last word and the spaces after it.
func deleteWord(l string) string {
	l = strings.TrimRight(l, " ")
	return l[:strings.LastIndexByte(l, ' ')+1]
}

// clean is s without control characters (tabs become spaces): what is
// printed never moves the cursor or changes the terminal.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}
