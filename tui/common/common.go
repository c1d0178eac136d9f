// Package common holds what every pane shares: the current styles and
// language (Common), the Pane contract, and the frame drawn around a pane.
package common

import (
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/tui/i18n"
	"distlab/tui/theme"
)

// Common is the context handed to every pane. The root owns it and replaces
// its fields when the theme or language changes; panes read it, never write.
type Common struct {
	Styles *theme.Styles
	Text   *i18n.Text
}

// Pane is one tile of the screen. View returns exactly Width×Height cells,
// as set by SetSize; only the root returns a tea.View.
type Pane interface {
	Init() tea.Cmd
	View() string
	SetSize(width, height int) tea.Cmd
	Focus(bool)
	Title() string
	KeyMap() help.KeyMap
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
