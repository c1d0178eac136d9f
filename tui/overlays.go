package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/keys"
	"distlab/tui/picker"
)

// pickerOverlay lists every demo and opens the chosen one in a new pane.
// It types: every key is its own (only ctrl+c quits).
type pickerOverlay struct{ p *picker.Model }

func (o pickerOverlay) update(_ *Model, msg tea.Msg) tea.Cmd { return o.p.Update(msg) }

func (o pickerOverlay) draw(_ *Model, work Rect) (string, Rect) {
	w := min(max(work.W*2/3, 40), work.W)
	box := o.p.View(w, work.H)
	h := min(lineCount(box), work.H)
	return box, Rect{work.X + (work.W-w)/2, work.Y + max((work.H-h)/3, 0), w, h}
}

func (o pickerOverlay) keys(m *Model) []key.Binding {
	k := keys.DefaultPicker(m.com.Printer)
	return []key.Binding{k.Up, k.Down, k.Choose, k.Cancel}
}

func (pickerOverlay) passes(*Model) []key.Binding { return nil }
func (pickerOverlay) covers() bool                { return false }

// problemsOverlay lists the problems found in lesson files over the
// workspace; the panes beneath stop. A long list scrolls.
type problemsOverlay struct{ sc *scroll }

func (o problemsOverlay) update(m *Model, msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Back, m.keys.Problems) {
		return closeOverlays[problemsOverlay](m)
	}
	lines, rows, _ := o.text(m, m.layout.Work)
	o.sc.update(m, msg, len(lines), rows)
	return nil
}

// text is the list's lines for the box in work, the rows it shows and
// where it goes.
func (problemsOverlay) text(m *Model, work Rect) (lines []string, rows int, at Rect) {
	if s := m.layout.Sidebar; !s.Empty() { // the list stays in view
		work = Rect{s.X + s.W, work.Y, work.W, work.H}
	}
	return strings.Split(m.problems(work.W-2), "\n"), work.H - 2, work
}

func (o problemsOverlay) draw(m *Model, work Rect) (string, Rect) {
	lines, rows, work := o.text(m, work)
	body := common.Fit(strings.Join(o.sc.window(m, lines, rows, work.W-2), "\n"), work.W-2, work.H-2)
	title := m.com.T("%d problems in lesson files", len(m.course.Problems))
	return common.Frame(m.com.Styles, title, body, work.W, work.H, true), work
}

func (o problemsOverlay) keys(m *Model) []key.Binding {
	back := m.keys.Back
	back.SetHelp("esc/!", m.com.T("close"))
	lines, rows, _ := o.text(m, m.layout.Work)
	return append([]key.Binding{back}, o.sc.keys(m, len(lines), rows)...)
}

func (problemsOverlay) passes(m *Model) []key.Binding {
	return []key.Binding{m.keys.Help, m.keys.Lang, m.keys.Theme, m.keys.Quit}
}

func (problemsOverlay) covers() bool { return true }

// The lesson loader's messages are plain data in package lessons (it may
// not import locale); the problems overlay says them in the reader's language.
func init() {
	for _, m := range lessons.Messages {
		locale.Add(locale.Str(m[0], m[1]))
	}
	for _, m := range lessons.PluralMessages {
		locale.Add(locale.PluralArg(m.Arg, m.EnMany, m.EnOne, m.PTMany, m.PTOne))
	}
}

// problems lists every problem as path:line: message, wrapped to w, in the
// reader's language (path and line as they are).
func (m *Model) problems(w int) string {
	s := m.com.Styles
	if len(m.course.Problems) == 0 {
		return s.Status.Render(m.com.T("No problems: every lesson file loaded."))
	}
	w = max(w-1, 10)
	var lines []string
	for _, p := range m.course.Problems {
		where, msg := p.Where()+":", p.Message(m.com.T)
		if ansi.StringWidth(where)+1+ansi.StringWidth(msg) <= w {
			lines = append(lines, s.ProblemPath.Render(where)+s.ProblemMsg.Render(" "+msg))
			continue
		}
		// Too long for one line: the place on its own lines (a long path
		// breaks at its slashes, or anywhere), the message indented below.
		for _, l := range strings.Split(ansi.Wrap(where, w, "/"), "\n") {
			lines = append(lines, s.ProblemPath.Render(l))
		}
		for _, l := range strings.Split(ansi.Wrap(msg, w-2, " "), "\n") {
			lines = append(lines, "  "+s.ProblemMsg.Render(l))
		}
	}
	return strings.Join(lines, "\n")
}

// helpOverlay shows every key of what is beneath it: the focused pane's,
// the workspace's and the app's. Taller than the screen, it scrolls.
type helpOverlay struct{ sc *scroll }

func (o helpOverlay) update(m *Model, msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Back, m.keys.Help) {
		return closeOverlays[helpOverlay](m)
	}
	lines, rows, _ := o.text(m, m.layout.Work)
	o.sc.update(m, msg, len(lines), rows)
	return nil
}

// text is the key columns for the box in work, the rows of them it shows
// and where it goes: as tall as they are, at most the whole work area,
// at its bottom.
func (helpOverlay) text(m *Model, work Rect) (lines []string, rows int, at Rect) {
	work = Rect{0, work.Y, m.width, work.H} // every column in view, over the list too
	lines = indent(strings.Split(helpColumns(m, work.W-4), "\n"), "  ")
	bh := min(len(lines)+4, work.H)
	return lines, bh - 3, Rect{work.X, work.Y + work.H - bh, work.W, bh} // a blank line above, the frame around
}

func (o helpOverlay) draw(m *Model, work Rect) (string, Rect) {
	lines, rows, at := o.text(m, work)
	inner := common.Fit("\n"+strings.Join(o.sc.window(m, lines, rows, at.W-2), "\n"), at.W-2, at.H-2)
	return common.Frame(m.com.Styles, m.com.T("Keys"), inner, at.W, at.H, true), at
}

// helpColumns lays the key columns side by side and, where they do not
// fit in w, on further rows: a narrow screen shows every key, never a cut
// column (bubbles' full help drops what does not fit).
func helpColumns(m *Model, w int) string {
	h := m.help
	h.ShowAll = true
	h.SetWidth(0)
	var rows, row []string
	used := 0
	for _, col := range m.keysBeneathHelp().FullHelp() {
		block := h.FullHelpView([][]key.Binding{col})
		if strings.TrimSpace(ansi.Strip(block)) == "" {
			continue // every key of the column is off here
		}
		bw := lipgloss.Width(block)
		if len(row) > 0 && used+4+bw > w {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, used = nil, 0
		}
		if len(row) > 0 {
			block = lipgloss.NewStyle().PaddingLeft(4).Render(block)
			bw += 4
		}
		row, used = append(row, block), used+bw
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Join(rows, "\n\n")
}

// keysBeneathHelp are the keys of what the help overlay is over: the
// overlay beneath it (the roster, a live question: their own keys and the
// app's that pass through them), or the workspace's. It listed the
// lesson's keys over the roster, where none of them acts.
func (m *Model) keysBeneathHelp() help.KeyMap {
	for i := len(m.overlays) - 1; i >= 0; i-- {
		o := m.overlays[i]
		if _, isHelp := o.(helpOverlay); isHelp {
			continue
		}
		return overlayKeys{own: o.keys(m), passes: o.passes(m)}
	}
	return m.baseKeys()
}

func indent(lines []string, by string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = by + l
	}
	return out
}

func (o helpOverlay) keys(m *Model) []key.Binding {
	back := m.keys.Back
	back.SetHelp("esc/?", m.com.T("close"))
	lines, rows, _ := o.text(m, m.layout.Work)
	return append([]key.Binding{back}, o.sc.keys(m, len(lines), rows)...)
}

func (helpOverlay) passes(m *Model) []key.Binding {
	return []key.Binding{m.keys.Lang, m.keys.Theme, m.keys.Quit}
}

func (helpOverlay) covers() bool { return false }
