package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/chat"
	"distlab/demos/present"
	"distlab/lessons"
	"distlab/tui/common"
)

// The instructor's side of a served class: ask a live question (A), watch
// its answers come in and show them (r), see the roster (W), broadcast a
// line (B).

func bindKey(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// leadKeys are the keys of the instructor's overlays.
type leadKeys struct {
	Up, Down, Ask, Close, Reveal, Stop, End, Send, Cancel key.Binding
}

func (m *Model) leadKeys() leadKeys {
	return leadKeys{
		Up:     bindKey("↑/↓", m.com.T("move"), "up", "k"),
		Down:   bindKey("↓", m.com.T("move"), "down", "j"),
		Ask:    bindKey("enter", m.com.T("ask the class"), "enter"),
		Close:  bindKey("esc", m.com.T("close"), "esc"),
		Reveal: bindKey("r", m.com.T("show the results"), "r"),
		Stop:   bindKey("s", m.com.T("stop the answers"), "s"),
		End:    bindKey("esc", m.com.T("end the question"), "esc"),
		Send:   bindKey("enter", m.com.T("send to the class"), "enter"),
		Cancel: bindKey("esc", m.com.T("cancel"), "esc"),
	}
}

// askOverlay lists the open lesson's quiz; enter asks the question under
// the cursor of the whole class.
type askOverlay struct{ cursor *int }

func (m *Model) openAsk() tea.Cmd {
	if m.cfg.Hub == nil {
		return nil
	}
	if len(m.reader.Lesson().Quiz) == 0 {
		return m.setStatus(false, "%s", m.com.T("this lesson has no quiz yet"))
	}
	at := 0
	return m.push(askOverlay{&at})
}

func (o askOverlay) update(m *Model, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	qs := m.reader.Lesson().Quiz
	if !ok || len(qs) == 0 {
		return nil
	}
	ks := m.leadKeys()
	switch {
	case key.Matches(k, ks.Up):
		*o.cursor = (*o.cursor + len(qs) - 1) % len(qs)
	case key.Matches(k, ks.Down):
		*o.cursor = (*o.cursor + 1) % len(qs)
	case key.Matches(k, ks.Close):
		return closeOverlays[askOverlay](m)
	case key.Matches(k, ks.Ask):
		q := qs[min(*o.cursor, len(qs)-1)]
		closeOverlays[askOverlay](m)
		seq := m.cfg.Hub.Ask(m.reader.Lesson().ID, q.ID, len(q.Options))
		return m.push(resultsOverlay{seq: seq, q: q})
	}
	return nil
}

func (o askOverlay) draw(m *Model, work Rect) (string, Rect) {
	st := m.com.Styles
	w := work.W - 2
	var lines []string
	lines = append(lines, "", " "+st.Status.Render(m.com.T("Ask the class one question; their answers come in live.")), "")
	for i, q := range m.reader.Lesson().Quiz {
		text := common.Ellipsis(strings.ReplaceAll(q.Text, "`", ""), w-4)
		if i == *o.cursor {
			text = st.ItemSelected.Render(text)
		}
		lines = append(lines, " "+fmt.Sprintf("%d.", i+1)+" "+text)
	}
	body := common.Fit(strings.Join(lines, "\n"), w, work.H-2)
	return common.Frame(m.com.Styles, m.com.T("Live question · %s", m.reader.Lesson().Title), body, work.W, work.H, true), work
}

func (askOverlay) keys(m *Model) []key.Binding {
	k := m.leadKeys()
	return []key.Binding{k.Up, k.Ask, k.Close}
}

func (askOverlay) passes(m *Model) []key.Binding {
	return []key.Binding{m.keys.Help, m.keys.Lang, m.keys.Theme, m.keys.Quit}
}

func (askOverlay) covers() bool { return true }

// resultsOverlay is the live question on the projector: how many have
// answered, and once shown (r) the answers as bars.
type resultsOverlay struct {
	seq int
	q   lessons.Question
}

func (o resultsOverlay) update(m *Model, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	ks := o.leadKeys(m)
	switch {
	case key.Matches(k, ks.Reveal):
		m.cfg.Hub.Reveal(o.seq)
	case key.Matches(k, ks.Stop):
		m.cfg.Hub.Stop(o.seq)
	case key.Matches(k, ks.End):
		m.cfg.Hub.Dismiss(o.seq)
		return closeOverlays[resultsOverlay](m)
	}
	return nil
}

func (o resultsOverlay) draw(m *Model, work Rect) (string, Rect) {
	// The whole width, for the projector: the options are read from the
	// back of the room, whole (they were cut to the lesson pane's width).
	work = Rect{0, work.Y, m.width, work.H}
	w := work.W - 2
	lines := o.lines(m, w, 2)
	if len(lines) > work.H-2 {
		lines = o.lines(m, w, 1) // a small screen: one line an option
	}
	body := common.Fit(strings.Join(lines, "\n"), w, work.H-2)
	return common.Frame(m.com.Styles, m.com.T("Live question"), body, work.W, work.H, true), work
}

// lines is the live question's screen at width w, each option in at most
// optLines lines.
func (o resultsOverlay) lines(m *Model, w, optLines int) []string {
	st := m.com.Styles
	q, _ := m.cfg.Hub.Asked()
	var lines []string
	lines = append(lines, "")
	lines = append(lines, common.WrapLines(st.Title.Render(strings.ReplaceAll(o.q.Text, "`", "")), w, 4)...)
	lines = append(lines, "")
	state := m.com.T("answers open")
	switch {
	case q.Revealed:
		state = m.com.T("results shown")
	case !q.Open:
		state = m.com.T("answers closed")
	}
	count := st.Item.Render(m.com.T("%d answers", q.Tally.Answered)) + st.Status.Render(" · "+m.com.T("%d in the class now", m.cfg.Hub.Present())+" · "+state)
	lines = append(lines, common.WrapLines(count, w, 2)...)
	lines = append(lines, "")
	most := 1
	for _, n := range q.Tally.PerOption {
		most = max(most, n)
	}
	for i, opt := range o.q.Options {
		for k, l := range common.WrapLines(strings.ReplaceAll(opt.Text, "`", ""), w-4, optLines) {
			mark := "   "
			if k == 0 {
				mark = fmt.Sprintf(" %c)", 'a'+i)
			}
			lines = append(lines, mark+l)
		}
		if q.Revealed && i < len(q.Tally.PerOption) {
			n := q.Tally.PerOption[i]
			style := st.Status.Render
			if opt.Correct {
				style = st.ReadMark.Render
			}
			lines = append(lines, "    "+style(strings.Repeat("█", n*max(w-12, 4)/most))+" "+m.com.T("%d", n))
		}
	}
	if q.Revealed && len(o.q.Options) == 0 {
		lines = append(lines, " "+st.ReadMark.Render(m.com.T("%d right of %d", q.Tally.Right, q.Tally.Answered)))
	}
	return lines
}

// revealLive shows the class the results of the live question on the
// projector, if there is one: the console's r.
func (m *Model) revealLive() {
	for _, ov := range m.overlays {
		if r, ok := ov.(resultsOverlay); ok && m.cfg.Hub != nil {
			m.cfg.Hub.Reveal(r.seq)
		}
	}
}

// liveQuestion is the live question on the projector, for the console:
// there its answers show as bars as they come, for the instructor to
// decide when the class sees them (r). Nil when none is on the projector.
func (m *Model) liveQuestion() *present.Question {
	if m.cfg.Hub == nil {
		return nil
	}
	var o resultsOverlay
	found := false
	for _, ov := range m.overlays {
		if r, ok := ov.(resultsOverlay); ok {
			o, found = r, true
		}
	}
	q, ok := m.cfg.Hub.Asked()
	if !found || !ok || q.Seq != o.seq {
		return nil
	}
	pq := &present.Question{Text: strings.ReplaceAll(o.q.Text, "`", ""), Answered: q.Tally.Answered, Right: q.Tally.Right,
		Present: m.cfg.Hub.Present(), Open: q.Open, Revealed: q.Revealed}
	for i, opt := range o.q.Options {
		n := 0
		if i < len(q.Tally.PerOption) {
			n = q.Tally.PerOption[i]
		}
		pq.Options = append(pq.Options, present.Option{Text: strings.ReplaceAll(opt.Text, "`", ""), Votes: n, Right: opt.Correct})
	}
	return pq
}

func (o resultsOverlay) keys(m *Model) []key.Binding {
	k := o.leadKeys(m)
	return []key.Binding{k.Reveal, k.Stop, k.End}
}

// leadKeys are the keys that act on the question now: r until the results
// are shown, s while the answers are open (showing the results closes
// them too).
func (o resultsOverlay) leadKeys(m *Model) leadKeys {
	k := m.leadKeys()
	q, ok := m.cfg.Hub.Asked()
	ok = ok && q.Seq == o.seq
	k.Reveal.SetEnabled(ok && !q.Revealed)
	k.Stop.SetEnabled(ok && q.Open)
	return k
}

func (resultsOverlay) passes(m *Model) []key.Binding {
	return []key.Binding{m.keys.Help, m.keys.Lang, m.keys.Theme, m.keys.Quit, m.keys.Roster}
}

func (resultsOverlay) covers() bool { return true }

// rosterOverlay is who is in the class: where each student is, whether
// they follow, their quiz in that lesson, how long idle.
type rosterOverlay struct{}

func (rosterOverlay) update(m *Model, msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.leadKeys().Close, m.keys.Roster) {
		return closeOverlays[rosterOverlay](m)
	}
	return nil
}

func (rosterOverlay) draw(m *Model, work Rect) (string, Rect) {
	st := m.com.Styles
	work = Rect{0, work.Y, m.width, work.H}
	w := work.W - 2
	roster := m.cfg.Hub.Roster()
	now := time.Now()
	// Columns with a space between them; on a narrow screen the place
	// column shrinks first, then following and quiz go.
	cell := func(text string, w int) string { return common.Ellipsis(text, w-1) + " " }
	nameW, idleW := 20, 10
	followW := max(ansi.StringWidth(m.com.T("following"))+2, 6)
	quizW := max(ansi.StringWidth(m.com.T("quiz"))+2, 7)
	wide := w >= 72
	if !wide {
		nameW, idleW = 16, 9
	}
	// One cell each side: the leading space, and a trailing one before
	// the frame (the idle column touched it).
	whereW := max(w-2-nameW-idleW, 12)
	if wide {
		whereW = max(w-2-nameW-followW-quizW-idleW, 12)
	}
	row := func(name, where, follow, quiz, idle string) string {
		line := " " + cell(name, nameW) + cell(where, whereW)
		if wide {
			line += cell(follow, followW) + cell(quiz, quizW)
		}
		return line + idle
	}
	lines := []string{"", st.Status.Render(common.Ellipsis(row(m.com.T("student"), m.com.T("where"), m.com.T("following"), m.com.T("quiz"), m.com.T("idle")), w-1))}
	for _, s := range roster {
		where := "—"
		if l, ok := m.course.Find(m.lang(), s.At.Lesson); ok {
			where = fmt.Sprintf("%d. %s", l.Order, l.Title)
			if s.At.Presenting {
				where = fmt.Sprintf("%d. %s · %d", l.Order, l.Title, s.At.Slide+1)
			}
		}
		follow := st.Unread.Render("·")
		if s.Following {
			follow = st.ReadMark.Render("✓")
		}
		quiz := "—"
		if s.QuizTotal > 0 {
			quiz = fmt.Sprintf("%d/%d", s.QuizRight, s.QuizTotal)
		}
		idle := m.com.Printer.Duration(now.Sub(s.LastInput).Round(time.Second))
		if s.Sessions == 0 {
			idle = m.com.T("left")
		}
		lines = append(lines, common.Ellipsis(row(chat.Clean(s.Name), where, " "+follow, quiz, idle), w-1))
	}
	if len(roster) == 0 {
		lines = append(lines, " "+st.Status.Render(m.com.T("Nobody has joined yet.")))
	}
	title := m.com.T("Class · %d in", m.cfg.Hub.Present())
	return common.Frame(st, title, common.Fit(strings.Join(lines, "\n"), w, work.H-2), work.W, work.H, true), work
}

func (rosterOverlay) keys(m *Model) []key.Binding {
	k := m.leadKeys().Close
	k.SetHelp("esc/W", m.com.T("close"))
	return []key.Binding{k}
}

func (rosterOverlay) passes(m *Model) []key.Binding {
	return []key.Binding{m.keys.Help, m.keys.Lang, m.keys.Theme, m.keys.Quit}
}

func (rosterOverlay) covers() bool { return true }

// broadcastOverlay types a line for every session.
type broadcastOverlay struct{ in *textinput.Model }

func (m *Model) openBroadcast() tea.Cmd {
	in := m.com.NewInput()
	in.CharLimit = 200
	in.Focus()
	return m.push(broadcastOverlay{&in})
}

func (o broadcastOverlay) update(m *Model, msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		ks := m.leadKeys()
		switch {
		case key.Matches(k, ks.Cancel):
			return closeOverlays[broadcastOverlay](m)
		case key.Matches(k, ks.Send):
			if text := strings.TrimSpace(o.in.Value()); text != "" {
				m.cfg.Hub.Broadcast(text)
			}
			return tea.Batch(closeOverlays[broadcastOverlay](m), m.setStatus(false, "%s", m.com.T("sent to the class")))
		}
	}
	var cmd tea.Cmd
	*o.in, cmd = o.in.Update(msg)
	return cmd
}

func (o broadcastOverlay) draw(m *Model, work Rect) (string, Rect) {
	w := min(work.W, 80)
	line := m.com.InputView(*o.in, m.com.Styles.FilterPrompt.Render("> "), w-4)
	body := common.Fit("\n "+line, w-2, 3)
	return common.Frame(m.com.Styles, m.com.T("A line to every student"), body, w, 5, true), Rect{work.X + (work.W-w)/2, work.Y + work.H/3, w, 5}
}

func (broadcastOverlay) keys(m *Model) []key.Binding {
	k := m.leadKeys()
	return []key.Binding{k.Send, k.Cancel}
}

func (broadcastOverlay) passes(*Model) []key.Binding { return nil }
func (broadcastOverlay) covers() bool                { return false }
