package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/progress"
)

// challengeIDs are the ids of demo id's challenges, none for a demo
// without them or not in the registry.
func (m *Model) challengeIDs(id string) []string {
	return ChallengeIDs(m.cfg.Demos, id)
}

// ChallengeIDs are the ids of the challenges of demo id in r.
func ChallengeIDs(r *demo.Registry, id string) []string {
	d, ok := r.Lookup(id)
	if !ok || d.Challenges == nil {
		return nil
	}
	var out []string
	for _, c := range d.Challenges() {
		out = append(out, c.ID)
	}
	return out
}

// challengeMet records a challenge met in the progress and says so: in
// which demo, how many of its challenges are met now, and where to read
// what happened (the goal itself is the strip's to show: too long for a
// status line).
func (m *Model) challengeMet(msg demo.ChallengeMetMsg) tea.Cmd {
	if !m.state.Met(msg.ID) {
		return nil
	}
	m.listCache = ""
	m.reader.SetDemos(m.demoLabels())
	m.slots[0].dirty()
	id, _, _ := strings.Cut(msg.ID, "/")
	name := id
	if d, ok := m.cfg.Demos.Lookup(id); ok {
		name = d.In(m.com.Printer).Short
	}
	done, all := 0, m.challengeIDs(id)
	for _, c := range all {
		if m.state.Challenges[c] {
			done++
		}
	}
	return tea.Batch(m.setStatus(false, "%s", m.com.T("✓ %s challenge met: %d of %d (C shows what you did)", name, done, len(all))), m.save())
}

// mapOverlay is the course map: every lesson with what is done in it —
// read, the quiz's questions answered right, its demos' challenges — the
// whole course as a percentage, and where to go next. enter opens the
// lesson under the cursor.
type mapOverlay struct{ cursor *int }

func (m *Model) openMap() tea.Cmd {
	if hasOverlay[mapOverlay](m) {
		return closeOverlays[mapOverlay](m)
	}
	c := m.courseMap()
	at := max(m.course.Index(m.lang(), c.Next), 0)
	return m.push(mapOverlay{cursor: &at})
}

func (m *Model) courseMap() progress.Course {
	return progress.Summarize(m.course, m.lang(), m.state, m.challengeIDs)
}

func (o mapOverlay) update(m *Model, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	ks := m.mapKeys()
	n := len(m.course.Lessons(m.lang()))
	switch {
	case key.Matches(k, ks.Close, m.keys.Map):
		return closeOverlays[mapOverlay](m)
	case n == 0:
	case key.Matches(k, ks.Up):
		*o.cursor = (*o.cursor + n - 1) % n
	case key.Matches(k, ks.Down):
		*o.cursor = (*o.cursor + 1) % n
	case key.Matches(k, ks.Open):
		id := m.course.Lessons(m.lang())[min(*o.cursor, n-1)].ID
		closeOverlays[mapOverlay](m)
		m.setFocus(0)
		return m.openLesson(id)
	}
	return nil
}

// mapKeys are the course map's keys.
type mapKeys struct{ Up, Down, Open, Close key.Binding }

func (m *Model) mapKeys() mapKeys {
	return mapKeys{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", m.com.T("move"))),
		Down:  key.NewBinding(key.WithKeys("down", "j")),
		Open:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", m.com.T("open lesson"))),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc/M", m.com.T("close"))),
	}
}

func (mapOverlay) keys(m *Model) []key.Binding {
	k := m.mapKeys()
	return []key.Binding{k.Up, k.Open, k.Close}
}

func (mapOverlay) passes(m *Model) []key.Binding {
	return []key.Binding{m.keys.Help, m.keys.Lang, m.keys.Theme, m.keys.Quit}
}

func (mapOverlay) covers() bool { return true }

func (o mapOverlay) draw(m *Model, work Rect) (string, Rect) {
	work = Rect{0, work.Y, m.width, work.H} // over the list too: the map is the list, with more
	c := m.courseMap()
	body := common.Fit(m.mapBody(c, *o.cursor, work.W-2, work.H-2), work.W-2, work.H-2)
	title := m.com.T("Course map · %d%% done", c.Percent)
	return common.Frame(m.com.Styles, title, body, work.W, work.H, true), work
}

// mapBody is the map's lines: a line per lesson, then where to go next.
func (m *Model) mapBody(c progress.Course, cursor, w, h int) string {
	st := m.com.Styles
	var top, rows []string
	steps := m.com.T("  %d of %d steps", c.Done, c.Total)
	top = append(top, "", " "+m.bar(c.Percent, min(40, w-7-ansi.StringWidth(steps)))+st.Status.Render(steps), "")
	cell := common.FitLine
	hRead, hQuiz, hCh := m.com.T("read"), m.com.T("quiz"), m.com.T("challenges")
	rw, qw := max(ansi.StringWidth(hRead), 5)+2, max(ansi.StringWidth(hQuiz), 5)+2
	tw := min(max(w-3-4-rw-qw-max(ansi.StringWidth(hCh), 5)-1, 10), 50) // the title's column, near its numbers
	head := "   " + cell(m.com.T("lesson"), tw+4) + cell(hRead, rw) + cell(hQuiz, qw) + hCh
	top = append(top, st.Status.Render(common.Ellipsis(head, w)))
	for i, l := range c.Lessons {
		read := st.Unread.Render("·")
		if l.Read {
			read = st.ReadMark.Render("✓")
		}
		quiz, ch := "—", "—"
		if l.QuizTotal > 0 {
			quiz = fmt.Sprintf("%d/%d", l.QuizRight, l.QuizTotal)
		}
		if l.ChallengesTotal > 0 {
			ch = fmt.Sprintf("%d/%d", l.ChallengesDone, l.ChallengesTotal)
		}
		mark := "  "
		if l.Done() {
			mark = st.ReadMark.Render("✓ ")
		}
		text := fmt.Sprintf("%2d  ", l.Number) + common.Ellipsis(l.Title, tw)
		row := " " + mark + cell(text, tw+4) + cell(" "+read, rw) + cell(quiz, qw) + ch
		if i == cursor {
			row = " " + mark + st.ItemSelected.Render(common.FitLine(ansi.Strip(row[len(" "+mark):]), w-3))
		}
		rows = append(rows, common.FitLine(row, w))
	}
	next := m.com.T("Everything is done: read any lesson again, or try the quizzes once more.")
	if c.Next != "" {
		title := c.Next
		if l, ok := m.course.Find(m.lang(), c.Next); ok {
			title = l.Title
		}
		switch c.Why {
		case progress.LeftReading:
			next = m.com.T("Next: read “%s”.", title)
		case progress.LeftQuiz:
			next = m.com.T("Next: the quiz of “%s” (Q in the lesson).", title)
		default:
			next = m.com.T("Next: the challenges of “%s” (C in its demo).", title)
		}
	}
	bottom := append([]string{""}, common.WrapLines(st.Title.Render(next), w, 2)...)
	// A short screen: the next step stays, the bar's blank lines go, and
	// the rows scroll to keep the cursor in view.
	if len(top)+len(rows)+len(bottom) > h {
		top, bottom = []string{top[1], top[3]}, bottom[1:]
	}
	if room := max(h-len(top)-len(bottom), 1); len(rows) > room {
		first := min(max(cursor-room+1, 0), len(rows)-room)
		rows = rows[first : first+room]
	}
	return strings.Join(append(append(top, rows...), bottom...), "\n")
}

// bar is a progress bar of pct percent, w cells wide.
func (m *Model) bar(pct, w int) string {
	w = max(w, 4)
	full := pct * w / 100
	st := m.com.Styles
	return st.ReadMark.Render(strings.Repeat("█", full)) + st.Unread.Render(strings.Repeat("░", w-full)) + st.Title.Render(fmt.Sprintf(" %d%%", pct))
}
