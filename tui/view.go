package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/tui/common"
	"distlab/tui/i18n"
	"distlab/tui/keys"
	"distlab/tui/theme"
)

// View draws the whole screen.
func (m *Model) View() tea.View {
	content := m.Render()
	if m.com.Styles.Theme == theme.HighContrast {
		content = common.PaintBackground(content, m.com.Styles.BackgroundSeq)
	}
	v := tea.NewView(content)
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

// Render is the screen's content, exactly width×height cells.
func (m *Model) Render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	l := m.layout
	if l.TooSmall {
		return m.tooSmall()
	}
	canvas := make([]string, 0, m.height)
	canvas = append(canvas, m.header())
	canvas = append(canvas, m.body()...)
	if l.Status.H > 0 {
		canvas = append(canvas, m.statusLine())
	}
	canvas = append(canvas, strings.Split(common.Fit(m.help.View(m.helpKeys()), m.width, l.Footer.H), "\n")...)
	if m.picker != nil {
		w := min(max(l.Work.W*2/3, 40), l.Work.W)
		box := strings.Split(m.picker.View(w), "\n")
		overlay(canvas, box, l.Work.X+(l.Work.W-w)/2, l.Work.Y+max((l.Work.H-len(box))/3, 0))
	}
	return strings.Join(canvas, "\n")
}

// body is the rows between header and status: the list and the panes.
func (m *Model) body() []string {
	l := m.layout
	s := m.com.Styles
	rows := make([]string, l.Work.H)
	put := func(r Rect, block string) {
		for i, line := range strings.Split(block, "\n") {
			if y := r.Y - l.Work.Y + i; y >= 0 && y < len(rows) {
				rows[y] += line
			}
		}
	}
	// Blocks are put left to right: rects of each row are in x order.
	type block struct {
		r    Rect
		draw func() string
	}
	var blocks []block
	if !l.Sidebar.Empty() {
		blocks = append(blocks, block{l.Sidebar, func() string {
			return common.Frame(s, m.list.Title(), m.list.View(), l.Sidebar.W, l.Sidebar.H, m.focus == focusList)
		}})
	}
	if m.problem {
		w := l.Work
		if !l.Sidebar.Empty() {
			w = Rect{l.Sidebar.X + l.Sidebar.W, l.Work.Y, l.Work.W, l.Work.H}
		}
		blocks = append(blocks, block{w, func() string {
			body := common.Fit(m.problems(w.W-2), w.W-2, w.H-2)
			return common.Frame(s, fmt.Sprintf(m.com.Text.Problems, len(m.course.Problems)), body, w.W, w.H, true)
		}})
	} else {
		for i, p := range m.panes {
			r := l.Panes[i]
			if r.Empty() {
				continue
			}
			blocks = append(blocks, block{r, func() string {
				return common.Frame(s, p.Title(), p.View(), r.W, r.H, m.focus == i)
			}})
		}
	}
	// Sort by x so that concatenation builds each row left to right.
	for i := 1; i < len(blocks); i++ {
		for j := i; j > 0 && blocks[j].r.X < blocks[j-1].r.X; j-- {
			blocks[j], blocks[j-1] = blocks[j-1], blocks[j]
		}
	}
	for _, b := range blocks {
		put(b.r, b.draw())
	}
	return rows
}

// overlay writes box over canvas with its top-left corner at (x, y).
func overlay(canvas, box []string, x, y int) {
	for i, line := range box {
		row := y + i
		if row < 0 || row >= len(canvas) {
			continue
		}
		bw := ansi.StringWidth(line)
		base := canvas[row]
		canvas[row] = ansi.Cut(base, 0, x) + line + ansi.Cut(base, x+bw, ansi.StringWidth(base))
	}
}

// header is one line: the course on the left; the lesson, its language and
// how far it is scrolled (or the slide counter) on the right.
func (m *Model) header() string {
	s := m.com.Styles
	left := s.HeaderCourse.Render("distlab") + s.HeaderMeta.Render(" · "+m.com.Text.Course)
	right := s.HeaderMeta.Render(m.lang)
	switch {
	case m.reader.Presenting():
		right += s.HeaderMeta.Render(" │ ") + s.HeaderLesson.Render(m.reader.Counter())
	case m.reader.Ready():
		right += s.HeaderMeta.Render(fmt.Sprintf(" │ %3.0f%%", m.reader.Percent()*100))
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
		parts = append(parts, s.StatusError.Render("⚠ "+fmt.Sprintf(m.com.Text.Problems, n))+s.Status.Render(" — "+m.com.Text.ProblemsTip))
	}
	return common.FitLine(" "+strings.Join(parts, s.Status.Render("  ·  ")), m.width)
}

// problems lists every problem as path:line: message, wrapped to w.
func (m *Model) problems(w int) string {
	s := m.com.Styles
	if len(m.course.Problems) == 0 {
		return s.Status.Render(m.com.Text.NoProblems)
	}
	var lines []string
	for _, p := range m.course.Problems {
		text := ansi.Wordwrap(p.Error(), max(w-1, 10), " /")
		first, rest, _ := strings.Cut(text, "\n")
		head, msg, _ := strings.Cut(first, ": ")
		lines = append(lines, s.ProblemPath.Render(head+":")+s.ProblemMsg.Render(" "+msg))
		if rest != "" {
			for _, r := range strings.Split(rest, "\n") {
				lines = append(lines, "  "+s.ProblemMsg.Render(r))
			}
		}
	}
	return strings.Join(lines, "\n")
}

// tooSmall asks for a bigger terminal, centered, in whatever room there is.
func (m *Model) tooSmall() string {
	msg := fmt.Sprintf(m.com.Text.Enlarge, MinWidth, MinHeight, m.width, m.height)
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

// helpKeys is the help bar: the focused pane's keys, then the global ones.
// While a pane captures text, only its keys are shown: the others type.
func (m *Model) helpKeys() help.KeyMap {
	pane := m.focused().KeyMap()
	if c, ok := m.focused().(common.Capturer); ok && c.Capturing() {
		return pane
	}
	return helpMap{global: m.keys, pane: pane, lesson: m.onLesson(), presenting: m.presenter, text: m.com.Text}
}

type helpMap struct {
	global     keys.Global
	pane       help.KeyMap
	lesson     bool
	presenting bool
	text       *i18n.Text
}

func (h helpMap) ShortHelp() []key.Binding {
	g := h.global
	var b []key.Binding
	if h.presenting { // how to get out, always in sight
		leave := g.Presenter
		leave.SetHelp("P", h.text.KeyLeavePresenter)
		b = append(b, leave, g.Notes)
	}
	b = append(append(b, h.pane.ShortHelp()...), g.Help, g.Quit, g.Focus)
	if h.lesson {
		b = append(b, g.NextPrev)
	}
	return append(b, g.Picker, g.Lang, g.Theme)
}

func (h helpMap) FullHelp() [][]key.Binding {
	g := h.global
	lesson := []key.Binding{g.Problems, g.Lang, g.Theme, g.Help, g.Quit}
	if h.lesson {
		lesson = append([]key.Binding{g.NextPrev, g.OpenDemo}, lesson...)
	}
	// The column with help and quit comes before the demo column: on a
	// narrow screen the help bar cuts from the right.
	return append(h.pane.FullHelp(),
		[]key.Binding{g.Focus, g.FocusLeft, g.Zoom, g.ClosePane, g.Split},
		lesson,
		[]key.Binding{g.Picker, g.Presenter, g.Notes})
}

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }
