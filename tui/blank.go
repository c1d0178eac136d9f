package tui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// blankOverlay blanks the whole screen, black or white, while presenting:
// the class looks at the board, not at the slide (presentation clickers
// send b or .). Any key brings the screen back and does nothing else, so
// the presenter's next press never turns a slide unseen; only ctrl+c
// still quits.
type blankOverlay struct{ white bool }

func (blankOverlay) update(m *Model, msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return closeOverlays[blankOverlay](m)
	}
	return nil // a paste goes nowhere: nothing is in view
}

func (o blankOverlay) draw(m *Model, _ Rect) (string, Rect) {
	var c color.Color = color.Black
	if o.white {
		c = color.White
	}
	row := sgrColor(48, c) + strings.Repeat(" ", m.width) + "\x1b[m"
	rows := make([]string, m.height)
	for i := range rows {
		rows[i] = row
	}
	return strings.Join(rows, "\n"), Rect{0, 0, m.width, m.height}
}

func (blankOverlay) keys(*Model) []key.Binding   { return nil }
func (blankOverlay) passes(*Model) []key.Binding { return nil }
func (blankOverlay) covers() bool                { return true }

// Blanked reports whether the screen is blanked, and white if so: for the
// presenter's console.
func (m *Model) Blanked() (blank, white bool) {
	for _, o := range m.overlays {
		if b, ok := o.(blankOverlay); ok {
			return true, b.white
		}
	}
	return false, false
}

// blank blanks the screen, black or white.
func (m *Model) blank(white bool) tea.Cmd { return m.push(blankOverlay{white: white}) }
