// Package common holds what every pane shares: the current styles and
// language (Common), the Pane contract, and the frame drawn around a pane.
package common

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/tui/theme"
)

// Common is the context handed to every pane. The root owns it and replaces
// its fields when the theme or language changes; panes read it, never write.
type Common struct {
	Styles *theme.Styles
	// Printer prints the UI's words in the reader's language; T is short
	// for Printer.T. Set it with SetLang.
	Printer *locale.Printer
	// Tick arms a frame timer (tea.Tick outside tests). Panes that animate
	// use it, so tests can hold frames instead of sleeping.
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
}

// New is the context of an app in language l with styles st, ticking with
// tea.Tick.
func New(st *theme.Styles, l locale.Lang) *Common {
	c := &Common{Styles: st, Tick: tea.Tick}
	c.SetLang(l)
	return c
}

// SetLang switches the words to language l.
func (c *Common) SetLang(l locale.Lang) {
	c.Printer = locale.For(l)
}

// Lang is the language the UI speaks.
func (c *Common) Lang() locale.Lang { return c.Printer.Lang() }

// T prints the message whose English text is format in the UI's language
// (see package locale).
func (c *Common) T(format string, args ...any) string { return c.Printer.T(format, args...) }

// Pane is one tile of the screen. View returns exactly Width×Height cells,
// as set by SetSize; only the root returns a tea.View. Panes live behind
// pointers and change in place, so Update returns only a command.
type Pane interface {
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int) tea.Cmd
	Focus(bool)
	Title() string
	KeyMap() help.KeyMap
}

// Animator is a pane that changes with time. While it is Animating and
// seen, the root's one frame clock calls Frame on every frame; when no pane
// animates, the clock stops and the app sleeps. Frame reports whether the
// pane's view changed: an unchanged pane is not drawn again, and a screen
// with nothing changed costs the terminal nothing.
type Animator interface {
	Animating() bool
	Frame(now time.Time) (changed bool, cmd tea.Cmd)
}

// JoinNode is one place a class can join a demo at: a chat node.
type JoinNode struct {
	Name    string // "n1"
	Addr    string // host:port as people reach it, never a wildcard
	Up      bool
	Clients int
}

// RosterEntry is one student connected to a demo.
type RosterEntry struct {
	Nick, Node string
	Since      time.Time
	Sent       uint64 // messages sent
}

// Joiner is a demo pane that students can join from their own machines:
// the join banner (J) lists where, and who is in; the presenter's console
// keeps the roster.
type Joiner interface {
	JoinNodes() []JoinNode
	Roster() []RosterEntry // the students, not the demo's own clients
}

// Addressed is a message for one pane only: the root hands it to the pane
// whose PaneID it names, and redraws only that pane. Demo panes tag the
// results of their commands this way.
type Addressed interface {
	PaneID() int
}

// DoneMsg reports an engine call a pane ran as a command (see
// demo.Base.Do): the root shows Err in the status line, in the reader's
// language, and hands the message to the pane so it can show the result.
type DoneMsg struct {
	Pane int
	Err  error
}

// PaneID is the pane that ran the call.
func (m DoneMsg) PaneID() int { return m.Pane }

// Closer is a pane that holds resources (goroutines, sockets, ports) to
// release when the pane is closed.
type Closer interface {
	Close()
}

// Capturer is a pane that is taking text (a filter, an input line): while
// it captures, every key but ctrl+c goes to it.
type Capturer interface {
	Capturing() bool
}

// Relabeler is a pane with words to change when the language changes.
type Relabeler interface {
	Relabel()
}

// Fit makes s exactly w cells wide and h lines tall: long lines are cut,
// short ones padded with spaces, missing lines added, extra lines dropped.
func Fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	var b strings.Builder
	b.Grow((w + 1) * h)
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		b.WriteString(FitLine(line, w))
	}
	return b.String()
}

// FitLine cuts or pads one line to exactly w cells.
func FitLine(line string, w int) string {
	n := ansi.StringWidth(line)
	if n > w {
		line = ansi.Truncate(line, w, "")
		n = ansi.StringWidth(line)
	}
	if n < w {
		line += strings.Repeat(" ", w-n)
	}
	return line
}

// Ellipsis cuts line to w cells, ending it with "…" where text was cut so
// that a reader knows there is more, and pads it to exactly w.
func Ellipsis(line string, w int) string {
	if w > 0 && ansi.StringWidth(line) > w {
		// The mark follows the last word, not the space after it ("a …").
		kept := strings.TrimRight(ansi.Strip(ansi.Truncate(line, w-1, "")), " ")
		line = ansi.Truncate(line, ansi.StringWidth(kept)+1, "…")
	}
	return FitLine(line, w)
}

// WrapLines wraps text (styled or not) to lines of exactly w cells, each
// starting with a space, at most maxLines of them: a narrow pane shows a
// whole sentence on two or three lines rather than cut it. A text longer
// still ends with "…".
func WrapLines(text string, w, maxLines int) []string {
	if w < 2 || maxLines < 1 {
		return nil
	}
	lines := strings.Split(lipgloss.Wrap(text, w-1, ""), "\n")
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := lines[maxLines-1]
		lines[maxLines-1] = ansi.Truncate(last, max(w-2, 0), "") + "…"
	}
	for i, l := range lines {
		lines[i] = FitLine(" "+l, w)
	}
	return lines
}

// Placeholder is what a demo pane draws instead of its content: nothing
// while it has no size, its error once it failed. done is false when the
// pane should draw itself.
func (c *Common) Placeholder(err error, w, h int) (view string, done bool) {
	switch {
	case w <= 0 || h <= 0:
		return "", true
	case err != nil:
		return Fit(c.Styles.StatusError.Render(c.Printer.Err(err)), w, h), true
	}
	return "", false
}
