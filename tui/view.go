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
	"distlab/tui/keys"
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

// Render is the screen's content, exactly width×height cells.
func (m *Model) Render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	l := m.layout
	if l.TooSmall {
		return m.tooSmall()
	}
	s := m.com.Styles
	rows := []string{m.header()}
	main := common.Frame(s, m.reader.Title(), m.reader.View(), l.Main.W, l.Main.H, m.focus == focusReader && !m.problem)
	if m.problem {
		body := common.Fit(m.problems(l.Main.W-2), l.Main.W-2, l.Main.H-2)
		main = common.Frame(s, fmt.Sprintf(m.com.Text.Problems, len(m.course.Problems)), body, l.Main.W, l.Main.H, true)
	}
	side := common.Frame(s, m.list.Title(), m.list.View(), l.Sidebar.W, l.Sidebar.H, m.focus == focusCatalog && !m.problem)
	rows = append(rows, joinColumns(side, main))
	if l.Status.H > 0 {
		rows = append(rows, m.statusLine())
	}
	rows = append(rows, common.Fit(m.help.View(m.helpKeys()), m.width, l.Footer.H))
	return strings.Join(rows, "\n")
}

// header is one line: the course on the left; the lesson, its language and
// how far it is scrolled on the right.
func (m *Model) header() string {
	s := m.com.Styles
	left := s.HeaderCourse.Render("distlab") + s.HeaderMeta.Render(" · "+m.com.Text.Course)
	right := s.HeaderMeta.Render(m.lang)
	if m.reader.Ready() {
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
		head := fmt.Sprintf("%s:%d:", p.Path, p.Line)
		text := ansi.Wordwrap(head+" "+p.Msg, max(w-1, 10), " /")
		first, rest, _ := strings.Cut(text, "\n")
		line := s.ProblemPath.Render(head) + s.ProblemMsg.Render(strings.TrimPrefix(first, head))
		lines = append(lines, line)
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

// helpKeys is the help bar: the global keys, then the focused pane's.
func (m *Model) helpKeys() help.KeyMap {
	var pane help.KeyMap = m.reader.KeyMap()
	if m.focus == focusCatalog {
		pane = m.list.KeyMap()
	}
	return helpMap{global: m.keys, pane: pane}
}

type helpMap struct {
	global keys.Global
	pane   help.KeyMap
}

func (h helpMap) ShortHelp() []key.Binding {
	g := h.global
	return append(h.pane.ShortHelp(), g.Focus, g.NextPrev, g.Help, g.Quit, g.Lang, g.Theme)
}

func (h helpMap) FullHelp() [][]key.Binding {
	g := h.global
	return append(h.pane.FullHelp(), []key.Binding{g.Focus, g.Next, g.Prev, g.Problems}, []key.Binding{g.Lang, g.Theme, g.Help, g.Quit})
}

// joinColumns puts blocks of equal height side by side. Unlike
// lipgloss.JoinHorizontal it does not measure them: panes are exact.
func joinColumns(blocks ...string) string {
	if len(blocks) == 0 {
		return ""
	}
	cols := make([][]string, len(blocks))
	size := 0
	for i, b := range blocks {
		cols[i] = strings.Split(b, "\n")
		size += len(b)
	}
	var sb strings.Builder
	sb.Grow(size)
	for row := range cols[0] {
		if row > 0 {
			sb.WriteByte('\n')
		}
		for _, c := range cols {
			if row < len(c) {
				sb.WriteString(c[row])
			}
		}
	}
	return sb.String()
}

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }
