package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/common"
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
	// Every theme paints its own background (paint); the terminal's is
	// asked for too, for the cells between blocks, and given back on exit.
	v.BackgroundColor = m.com.Styles.Palette.Bg
	return v
}

// composed is the last screen composed: the layers it was made of and the
// result.
type composed struct {
	layers  []layer
	content string
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
//
// Composition joins each row's blocks left to right, then writes the
// overlays over their rows. Lip Gloss's canvas does the same by parsing
// every block into cells and printing the cells back: measured here at
// 200×60, 5–8 ms of CPU a frame against under 1 ms (BenchmarkScrollKey),
// more than the whole key-to-frame budget with four panes. So the canvas
// is not used; layers and hit-testing are ours (paneAt).
func (m *Model) Render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.layout.TooSmall {
		return m.paint(m.tooSmall())
	}
	layers := m.layers()
	if slices.Equal(layers, m.screen.layers) {
		return m.screen.content
	}
	m.screen = composed{layers: layers, content: compose(layers, m.width, m.height)}
	return m.screen.content
}

// compose draws layers on a w×h screen: the tiles (layers that overlap no
// layer below them) row by row, then each overlay spliced over its rows.
func compose(layers []layer, w, h int) string {
	rows := make([][]layer, h) // the tiles crossing each row
	var overlays []layer
	for i, l := range layers {
		if overlaps(l, layers[:i]) {
			overlays = append(overlays, l)
			continue
		}
		for y := max(l.at.Y, 0); y < min(l.at.Y+l.at.H, h); y++ {
			rows[y] = append(rows[y], l)
		}
	}
	// Every block is exactly its rectangle's size (panes' views are, and
	// Frame and Fit make the rest so), so a row's width is the sum of its
	// tiles' widths: no cell is measured again here. A row the tiles do not
	// fill (none does, by Arrange) is padded.
	lines := make([]string, h)
	var b strings.Builder
	for y, tiles := range rows {
		slices.SortFunc(tiles, func(p, q layer) int { return p.at.X - q.at.X })
		b.Reset()
		x := 0
		for _, t := range tiles {
			if t.at.X > x {
				b.WriteString(strings.Repeat(" ", t.at.X-x))
			}
			b.WriteString(lineOf(t.content, y-t.at.Y))
			x = t.at.X + t.at.W
		}
		if x < w {
			b.WriteString(strings.Repeat(" ", w-x))
		}
		lines[y] = b.String()
	}
	for _, o := range overlays {
		for i, line := range strings.Split(o.content, "\n") {
			if y := o.at.Y + i; y >= 0 && y < h && i < o.at.H {
				base := lines[y]
				lines[y] = ansi.Cut(base, 0, o.at.X) + line + ansi.Cut(base, o.at.X+ansi.StringWidth(line), w)
			}
		}
	}
	return strings.Join(lines, "\n")
}

// overlaps reports whether l covers a cell of one of below.
func overlaps(l layer, below []layer) bool {
	for _, b := range below {
		r, o := l.at, b.at
		if r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H {
			return true
		}
	}
	return false
}

// lineOf is line i of s ("" past its end).
func lineOf(s string, i int) string {
	for ; i > 0; i-- {
		j := strings.IndexByte(s, '\n')
		if j < 0 {
			return ""
		}
		s = s[j+1:]
	}
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		return s[:j]
	}
	return s
}

// layers are the blocks of the screen, bottom to top.
func (m *Model) layers() []layer {
	l := m.layout
	s := m.com.Styles
	out := []layer{{content: m.paint(m.header()), at: l.Header}}
	if !l.Sidebar.Empty() {
		if m.listCache == "" {
			m.listCache = m.paint(common.Frame(s, m.list.Title(), m.list.View(), l.Sidebar.W, l.Sidebar.H, m.focus == focusList))
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
				sl.framed = m.paint(common.Frame(s, sl.pane.Title(), sl.pane.View(), r.W, r.H, m.focus == i))
			}
			out = append(out, layer{id: "pane:" + strconv.Itoa(i), content: sl.framed, at: r})
		}
	}
	if l.Status.H > 0 {
		out = append(out, layer{content: m.paint(m.statusLine()), at: l.Status})
	}
	out = append(out, layer{content: m.paint(common.Fit(common.HelpBar(m.help, m.helpKeys(), m.width), m.width, l.Footer.H)), at: l.Footer})
	for _, o := range m.overlays {
		box, at := o.draw(m, l.Work)
		out = append(out, layer{content: m.paint(box), at: at})
	}
	return out
}

// paneAt finds what is drawn at (x, y): the list (focusList) or a pane,
// the topmost layer of the last screen that holds the cell.
func (m *Model) paneAt(x, y int) (int, Rect, bool) {
	if m.screen.layers == nil {
		m.Render()
	}
	for _, l := range slices.Backward(m.screen.layers) {
		if !l.at.Contains(x, y) {
			continue
		}
		switch {
		case l.id == "list":
			return focusList, l.at, true
		case strings.HasPrefix(l.id, "pane:"):
			if i, err := strconv.Atoi(strings.TrimPrefix(l.id, "pane:")); err == nil && i < len(m.slots) {
				return i, l.at, true
			}
		}
		return 0, Rect{}, false // the header, an overlay: nothing to click
	}
	return 0, Rect{}, false
}

// header is one line: the course on the left; the lesson, its language and
// how far it is scrolled (or the slide counter) on the right.
func (m *Model) header() string {
	s := m.com.Styles
	course := m.com.T("Fundamentals of Distributed Systems")
	if m.cfg.Course != "" { // a folder of one's own (--lessons): its name, as it is
		course, _ = lessons.CleanLine(m.cfg.Course)
	}
	left := s.HeaderCourse.Render("distlab") + s.HeaderMeta.Render(" · "+course)
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
	if m.status != nil {
		st := s.Status
		if m.statusWarn {
			st = s.StatusWarn
		}
		parts = append(parts, st.Render(m.com.T(m.status.format, m.status.args...)))
	}
	if n := len(m.course.Problems); n > 0 {
		parts = append(parts, s.StatusError.Render("⚠ "+m.com.T("%d problems in lesson files", n))+s.Status.Render(" — "+m.com.T("press ! to list them")))
	}
	return common.FitLine(" "+strings.Join(parts, s.Status.Render("  ·  ")), m.width)
}

// tooSmall asks for a bigger terminal, centered, in whatever room there is.
func (m *Model) tooSmall() string {
	msg := m.com.T("Please enlarge the terminal\nto at least %d×%d (now %d×%d).", MinWidth, MinHeight, m.width, m.height)
	// The one key that acts here, said: nothing else on screen tells.
	switch {
	case hasOverlay[endClassOverlay](m): // q was pressed: the question, in what room there is
		k := m.endKeys()
		msg += "\n" + m.com.T("End the class?") + " " + k.End.Help().Key + " " + k.End.Help().Desc + " · " + k.Stay.Help().Key + " " + k.Stay.Help().Desc
	case m.cfg.EndsClass:
		msg += "\n" + m.com.T("q ends the class")
	default:
		msg += "\n" + m.com.T("q quits")
	}
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
