package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"distlab/tui/theme"
)

// FocusMarker starts the title of the focused pane, so focus shows without
// color too (NO_COLOR, monochrome projectors).
const FocusMarker = "▶ "

// Frame draws a w×h box around body with title written into its top edge.
// Body must be exactly (w-2)×(h-2) cells, as a Pane's View is: Frame trusts
// it rather than measure every line again on every frame. The focused pane gets a heavy border, a marker
// before its title and the focus color; the others a light rounded one.
func Frame(s *theme.Styles, title, body string, w, h int, focused bool) string {
	if w < 2 || h < 2 {
		return Fit("", w, h)
	}
	tl, tr, bl, br, hz, vt := "╭", "╮", "╰", "╯", "─", "│"
	border, titleStyle := s.Border, s.PaneTitle
	if focused {
		tl, tr, bl, br, hz, vt = "┏", "┓", "┗", "┛", "━", "┃"
		border, titleStyle = s.BorderFocused, s.PaneTitleFocused
		title = FocusMarker + title
	}
	iw := w - 2
	var top string
	if title != "" && iw >= 5 {
		t := ansi.Truncate(" "+title+" ", iw-1, "… ")
		fill := iw - 1 - ansi.StringWidth(t)
		top = border.Render(tl+hz) + titleStyle.Render(t) + border.Render(strings.Repeat(hz, fill)+tr)
	} else {
		top = border.Render(tl + strings.Repeat(hz, iw) + tr)
	}
	var b strings.Builder
	b.Grow(len(body) + len(top)*2 + h*(len(vt)*2+32))
	b.WriteString(top)
	left, right := border.Render(vt), border.Render(vt)
	if h > 2 {
		lines := strings.Split(body, "\n")
		if len(lines) != h-2 {
			lines = strings.Split(Fit(body, iw, h-2), "\n")
		}
		for _, line := range lines {
			b.WriteByte('\n')
			b.WriteString(left)
			b.WriteString(line)
			b.WriteString(right)
		}
	}
	b.WriteByte('\n')
	b.WriteString(border.Render(bl + strings.Repeat(hz, iw) + br))
	return b.String()
}
