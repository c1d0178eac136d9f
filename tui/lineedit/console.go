package lineedit

import (
	"bufio"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/muesli/cancelreader"
)

// ErrCanceled is returned by a Console's ReadLine once Cancel was called.
var ErrCanceled = cancelreader.ErrCanceled

// Console is a line-mode program's terminal: an Editor on a terminal in
// raw mode, so that what the user types is never cut by the lines that
// arrive; plain lines read and written otherwise (a pipe, a file, a
// Windows console, whose raw mode this does not set up).
//
// Print may be called from any goroutine, ReadLine from one at a time,
// and Close once ReadLine has returned: after Cancel, if Cancel reported
// that it interrupted the read.
type Console struct {
	ed      *Editor       // nil: plain lines
	lines   *bufio.Reader // plain lines' input
	out     io.Writer
	keys    cancelreader.CancelReader // nil: the input cannot be cancelled (a regular file)
	resized chan os.Signal            // nil: the window's size is not followed
	restore func()                    // gives the terminal back as it was
}

// Open sets the terminal up for a line-mode program that prompts with
// prompt, or plain lines when in and out are not both a terminal.
func Open(in io.Reader, out io.Writer, prompt string) *Console {
	c := &Console{out: out, restore: func() {}}
	keys := in
	if r, err := cancelreader.NewReader(in); err == nil {
		c.keys, keys = r, r
	}
	fin, ok1 := in.(*os.File)
	fout, ok2 := out.(*os.File)
	if !ok1 || !ok2 || runtime.GOOS == "windows" || !term.IsTerminal(fin.Fd()) || !term.IsTerminal(fout.Fd()) {
		c.lines = bufio.NewReader(keys)
		return c
	}
	state, err := term.MakeRaw(fin.Fd())
	if err != nil {
		c.lines = bufio.NewReader(keys)
		return c
	}
	width := func() int {
		w, _, err := term.GetSize(fout.Fd())
		if err != nil {
			return 0
		}
		return w
	}
	c.ed = New(keys, fout, prompt, width)
	var stopResize func()
	c.resized, stopResize = notifyResize()
	c.restore = func() {
		stopResize()
		_ = term.Restore(fin.Fd(), state)
	}
	return c
}

// Print shows one line the program received.
func (c *Console) Print(line string) {
	if c.ed != nil {
		c.ed.Print(line)
		return
	}
	io.WriteString(c.out, line+"\n")
}

// ReadLine is the next line the user typed, without its line ending. It
// returns io.EOF at the input's end, ErrInterrupt when the user pressed
// ctrl+c on a terminal, ErrCanceled once Cancel was called.
func (c *Console) ReadLine() (string, error) {
	if c.ed != nil {
		return c.ed.ReadLine()
	}
	text, err := c.lines.ReadString('\n')
	if errors.Is(err, ErrCanceled) {
		text = "" // a line cut short: the program is leaving
	}
	return strings.TrimRight(text, "\r\n"), err
}

// Resized receives when the terminal's window changed size: the caller
// then calls Redraw. It is nil, and never receives, on plain lines.
func (c *Console) Resized() <-chan os.Signal { return c.resized }

// Redraw draws the input line again at the terminal's width now.
func (c *Console) Redraw() {
	if c.ed != nil {
		c.ed.Redraw()
	}
}

// Cancel makes the ReadLine under way, and any later one, return
// ErrCanceled without taking a key from the input, which stays for the
// shell or whatever reads it next. It reports whether it could interrupt a
// read blocked now: it cannot when the input is not a file (a read of a
// regular file never blocks for long, it ends).
func (c *Console) Cancel() bool {
	if c.keys == nil {
		return false
	}
	return c.keys.Cancel()
}

// Close erases the input line and gives the terminal back as it was.
func (c *Console) Close() {
	if c.ed != nil {
		c.ed.Close()
	}
	c.restore()
	if c.keys != nil {
		_ = c.keys.Close()
	}
}
