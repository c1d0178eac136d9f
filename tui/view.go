package tui

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/tui/common"
	"distlab/tui/theme"
)

// View draws the whole screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "distlab"
	if t := m.reader.Lesson().Title; t != "" {
		v.WindowTitle = "distlab — " + t
	}
	if m.com.Styles.Theme == theme.HighContrast {
		v.BackgroundColor = m.com.Styles.Palette.Bg
	}
	return v
}

// composed is the last screen composed: the layers it was made of, the
// result, and the compositor that tells what is under the mouse.
type composed struct {
	layers  []layer
	content string
	hits    *lipgloss.Compositor
}

// A layer is one block of the screen: a framed pane, the header, an
// overlay. id names what a click on it reaches ("list", "pane:2"; "" for
// nothing).
type layer struct {
	id      string
	content string
	at      Rect
}

// Render is the screen's content, exactly width×height cells. Each pane
// is framed once and kept until it changes; a screen whose blocks are all
// as they were is not composed again.
func (m *Model) Render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.layout.TooSmall {
		return m.tooSmall()
	}
	layers := m.layers()
	if slices.Equal(layers, m.screen.layers) {
		return m.screen.content
	}
	lls := make([]*lipgloss.Layer, len(layers))
	for i, l := range layers {
		lls[i] = lipgloss.NewLayer(l.content).X(l.at.X).Y(l.at.Y).Z(i).ID(l.id)
	}
	comp := lipgloss.NewCompositor(lls...)
	canvas := lipgloss.NewCanvas(m.width, m.height)
	canvas.Compose(comp)
	if bg := m.com.Styles.Palette.Bg; bg != nil && m.com.Styles.Theme == theme.HighContrast {
		paintBackground(canvas, bg)
	}
	m.screen = composed{layers: layers, content: common.Fit(canvas.Render(), m.width, m.height), hits: comp}
	return m.screen.content
}

// paintBackground gives every cell that has no background bg: the high
// contrast theme must be white on black even on a terminal that ignores
// the request to change its background color. It works on cells, after
// composition, so it never misreads a color's parameters as a reset.
func paintBackground(c *lipgloss.Canvas, bg color.Color) {
	for y := range c.Height() {
		for x := range c.Width() {
			if cell := c.CellAt(x, y); cell != nil && cell.Style.Bg == nil {
				cell.Style.Bg = bg
			}
		}
	}
}

// layers are the blocks of the screen, bottom to top.
func (m *Model) layers() []layer {
	l := m.layout
	s := m.com.Styles
	out := []layer{{content: m.header(), at: l.Header}}
	if !l.Sidebar.Empty() {
		if m.listCache == "" {
			m.listCache = common.Frame(s, m.list.Title(), m.list.View(), l.Sidebar.W, l.Sidebar.H, m.focus == focusList)
		}
		out = append(out, layer{id: "list", content: m.listCache, at: l.Sidebar})
	}
	if !m.covered() {
		for i, sl := range m.slots {
			r := l.Panes[i]
			if r.Empty() {
				continue
			}
			if sl.framed == "" {
				sl.framed = common.Frame(s, sl.pane.Title(), sl.pane.View(), r.W, r.H, m.focus == i)
			}
			out = append(out, layer{id: "pane:" + strconv.Itoa(i), content: sl.framed, at: r})
		}
	}
	if l.Status.H > 0 {
		out = append(out, layer{content: m.statusLine(), at: l.Status})
	}
	out = append(out, layer{content: common.Fit(m.help.View(m.helpKeys()), m.width, l.Footer.H), at: l.Footer})
	for _, o := range m.overlays {
		box, at := o.draw(m, l.Work)
		out = append(out, layer{content: box, at: at})
	}
	return out
}

// paneAt finds what is drawn at (x, y): the list (focusList) or a pane, by
// the compositor of the last screen.
func (m *Model) paneAt(x, y int) (int, Rect, bool) {
	if m.screen.hits == nil {
		m.Render()
	}
	if m.screen.hits == nil {
		return 0, Rect{}, false
	}
	id := m.screen.hits.Hit(x, y).ID()
	switch {
	case id == "list":
		return focusList, m.layout.Sidebar, true
	case strings.HasPrefix(id, "pane:"):
		i, err := strconv.Atoi(strings.TrimPrefix(id, "pane:"))
		if err == nil && i < len(m.layout.Panes) {
			return i, m.layout.Panes[i], true
		}
	}
	return 0, Rect{}, false
}

// header is one line: the course on the left; the lesson, its language and
// how far it is scrolled (or the slide counter) on the right.
func (m *Model) header() string {
	s := m.com.Styles
	left := s.HeaderCourse.Render("distlab") + s.HeaderMeta.Render(" · "+m.com.T("Fundamentals of Distributed Systems"))
	right := s.HeaderMeta.Render(m.lang())
	switch {
	case m.reader.Presenting():
		right += s.HeaderMeta.Render(" │ ") + s.HeaderLesson.Render(m.reader.Counter())
	case m.reader.Ready():
		right += s.HeaderMeta.Render(" │ " + m.com.T("%3.0f%%", m.reader.Percent()*100))
	}
	if les := m.reader.Lesson(); les.ID != "" {
		title := les.Title
		if les.Order > 0 {
			title = fmt.Sprintf("%d. %s", les.Order, title)
		}
		room := m.width - 2 - ansi.StringWidth(left) - ansi.StringWidth(right) - 6
		if room < min(ansi.StringWidth(title), 30) { // the lesson matters more than the course name
			left = s.HeaderCourse.Render("distlab")
			room = m.width - 2 - ansi.StringWidth(left) - ansi.StringWidth(right) - 6
		}
		if room > 8 {
			right = s.HeaderLesson.Render(ansi.Truncate(title, room, "…")) + s.HeaderMeta.Render(" │ ") + right
		}
	}
	gap := max(m.width-2-ansi.StringWidth(left)-ansi.StringWidth(right), 1)
	return common.FitLine(s.Header.Render(left+strings.Repeat(" ", gap)+right), m.width)
}

func (m *Model) statusLine() string {
	s := m.com.Styles
	var parts []string
	if m.status != "" {
		st := s.Status
		if m.statusWarn {
			st = s.StatusWarn
		}
		parts = append(parts, st.Render(m.status))
	}
	if n := len(m.course.Problems); n > 0 {
		parts = append(parts, s.StatusError.Render("⚠ "+m.com.T("%d problems in lesson files", n))+s.Status.Render(" — "+m.com.T("press ! to list them")))
	}
	return common.FitLine(" "+strings.Join(parts, s.Status.Render("  ·  ")), m.width)
}

// tooSmall asks for a bigger terminal, centered, in whatever room there is.
func (m *Model) tooSmall() string {
	msg := m.com.T("Please enlarge the terminal\nto at least %d×%d (now %d×%d).", MinWidth, MinHeight, m.width, m.height)
	var lines []string
	for _, l := range strings.Split(msg, "\n") {
		for _, w := range strings.Split(ansi.Wordwrap(l, m.width, " "), "\n") {
			lines = append(lines, m.com.Styles.Enlarge.Render(ansi.Truncate(w, m.width, "")))
		}
	}
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	placed := lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
	return common.Fit(placed, m.width, m.height)
}

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }
