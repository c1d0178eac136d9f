// Package console is `distlab console`: the presenter's screen, on the
// laptop while the projector shows the app. It attaches to the app
// presenting on this machine (package present), shows the slide's speaker
// notes, the next slide, slide n/N, the time presenting and the clock, and
// drives the projection: the slide keys, blank, white, the slide's demo.
// It follows every change made on the projector too. With no app
// presenting it says so and waits for one.
package console

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/present"
	"distlab/tui/common"
)

// retry is how often the console looks again for an app to follow.
const retry = time.Second

// Model is the console's one screen.
type Model struct {
	com  *common.Common
	path string
	keys keyMap
	help help.Model

	client *present.Client
	state  present.State
	events []string // the last joins and leaves, newest last
	have   bool     // a state came since attaching
	err    error    // why it is not attached, or the last command's error
	now    time.Time
	width  int
	height int
	notes  int  // the first line of the notes shown: ↑/↓ scroll notes taller than the room
	keysOn bool // ? shows every key instead of the notes
}

// Messages of the console's own commands.
type (
	attachedMsg struct {
		client *present.Client
		err    error
	}
	stateMsg struct {
		client *present.Client
		state  present.State
	}
	detachedMsg struct{ client *present.Client }
	tickMsg     time.Time
	retryMsg    struct{}
)

// New is the console for the socket at path, in com's language.
func New(com *common.Common, path string) *Model {
	m := &Model{com: com, path: path, keys: newKeys(com), help: help.New(), now: time.Now()}
	m.setKeys()
	return m
}

// Init looks for the presenting app and starts the clock.
func (m *Model) Init() tea.Cmd {
	m.help.Styles = m.com.Styles.Help
	return tea.Batch(m.attach(), m.tick())
}

func (m *Model) tick() tea.Cmd {
	return m.com.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// attach dials the app, in a command.
func (m *Model) attach() tea.Cmd {
	path := m.path
	return func() tea.Msg {
		c, err := present.Dial(path)
		return attachedMsg{c, err}
	}
}

// follow waits for the app's next state.
func follow(c *present.Client) tea.Cmd {
	return func() tea.Msg {
		st, ok := <-c.States()
		if !ok {
			return detachedMsg{c}
		}
		return stateMsg{c, st}
	}
}

// Update handles the link, the clock and the keys.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
	case attachedMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, m.com.Tick(retry, func(time.Time) tea.Msg { return retryMsg{} })
		}
		m.client, m.err, m.have = msg.client, nil, false
		m.setKeys()
		return m, follow(msg.client)
	case retryMsg:
		return m, m.attach()
	case stateMsg:
		if msg.client != m.client {
			return m, nil
		}
		if m.have {
			m.noteChanges(m.state.Roster, msg.state.Roster)
		}
		if msg.state.Lesson != m.state.Lesson || msg.state.Slide != m.state.Slide {
			m.notes = 0 // a new slide's notes start at the top
		}
		// The app's last word as it leaves presenting says nothing to show.
		m.state, m.have = msg.state, msg.state.Presenting
		if l, ok := locale.Parse(m.state.Lang); ok && l != m.com.Lang() {
			// The notes and titles come in the app's language (its L
			// switches it): the console's own words follow, or the screen
			// mixes two languages.
			m.com.SetLang(l)
			m.keys = newKeys(m.com)
		}
		m.setKeys()
		return m, follow(msg.client)
	case detachedMsg:
		if msg.client != m.client {
			return m, nil
		}
		// The app quit or left presenter mode: look for it again.
		m.client, m.have, m.err = nil, false, present.ErrNoPresenter
		m.setKeys()
		c := msg.client
		return m, tea.Batch(func() tea.Msg { c.Close(); return nil }, m.attach())
	case tickMsg:
		m.now = time.Time(msg)
		return m, m.tick()
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

// setKeys enables the keys that act now, and only those: the slide keys
// while a presenting app is followed, and not past the first or the last
// slide (on a blank screen any of them brings the slide back, as on the
// projector); d while the slide has a demo; r while a live question's
// results are not shown; ? or esc closes the keys' screen.
func (m *Model) setKeys() {
	k, st := &m.keys, m.state
	on := m.client != nil && m.have
	k.Next.SetEnabled(on && (st.Blank || st.Slide < st.Slides))
	k.Last.SetEnabled(on && (st.Blank || st.Slide < st.Slides))
	k.Prev.SetEnabled(on && (st.Blank || st.Slide > 1))
	k.First.SetEnabled(on && (st.Blank || st.Slide > 1))
	k.Blank.SetEnabled(on)
	k.White.SetEnabled(on)
	k.Demo.SetEnabled(on && st.Demo != "")
	k.Reveal.SetEnabled(on && st.Question != nil && !st.Question.Revealed)
	k.Help.SetEnabled(!m.keysOn)
	k.Close.SetEnabled(m.keysOn)
}

// key sends the app what the key asks.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if key.Matches(msg, k.Quit) {
		return m.quit()
	}
	switch {
	case key.Matches(msg, k.Help), key.Matches(msg, k.Close):
		m.keysOn = !m.keysOn
		m.setKeys()
		return nil
	}
	switch { // the notes scroll here, on the console: the app is not told
	case key.Matches(msg, k.NotesUp):
		m.notes = max(m.notes-1, 0)
		return nil
	case key.Matches(msg, k.NotesDown):
		m.notes++ // Render holds it within the notes
		return nil
	}
	if m.client == nil {
		return nil
	}
	var op present.Op
	switch {
	case key.Matches(msg, k.Next):
		op = present.Next
	case key.Matches(msg, k.Prev):
		op = present.Prev
	case key.Matches(msg, k.First):
		op = present.First
	case key.Matches(msg, k.Last):
		op = present.Last
	case key.Matches(msg, k.Blank):
		op = present.BlankToggle // the app knows whether it is blank now
	case key.Matches(msg, k.White):
		op = present.WhiteToggle
	case key.Matches(msg, k.Demo):
		op = present.Demo
	case key.Matches(msg, k.Reveal):
		op = present.Reveal
	default:
		return nil
	}
	m.err = m.client.Send(op) // queued in order, never blocking
	return nil
}

func (m *Model) quit() tea.Cmd {
	c := m.client
	m.client = nil
	return tea.Sequence(func() tea.Msg {
		if c != nil {
			c.Close()
		}
		return nil
	}, tea.Quit)
}

// Close lets the app go; call it when the program ends.
func (m *Model) Close() {
	if m.client != nil {
		m.client.Close()
		m.client = nil
	}
}

// View is the console.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.BackgroundColor = m.com.Styles.Palette.Bg
	return v
}

// Render is the console's screen as text, exactly width×height.
func (m *Model) Render() string {
	if m.width < 30 || m.height < 8 {
		return common.Fit(m.com.Styles.Enlarge.Render(m.com.T("Please enlarge the terminal"))+"\n"+m.com.T("q quits"), m.width, m.height)
	}
	body := m.body()
	if m.keysOn {
		body = m.keysScreen()
	}
	foot := common.HelpBar(m.help, barKeys{m.keys, m.com}, m.width)
	h := m.height - 1 - strings.Count(foot, "\n")
	return common.Fit(body, m.width, h) + "\n" + foot
}

func (m *Model) body() string {
	s, w := m.com.Styles, m.width
	clock := m.now.Format("15:04")
	if !m.have {
		why := m.com.T("waiting for distlab to present: start one with P, or distlab --presenter")
		switch {
		case errors.Is(m.err, present.ErrFull):
			why = m.com.Printer.Err(m.err) + " — " + m.com.T("trying again every second")
		case m.client == nil && m.err != nil:
			why = m.com.Printer.Err(m.err) + " — " + why
		}
		lines := []string{header(s.Title.Render("distlab console"), s.Status.Render(clock), w), ""}
		return strings.Join(append(lines, common.WrapLines(s.Status.Render(why), w, 4)...), "\n")
	}
	st := m.state
	left := s.Title.Render("distlab console") + s.Status.Render(" · "+st.Lesson)
	right := s.ItemCurrent.Render(m.com.T("slide %d/%d", st.Slide, st.Slides)) +
		s.Status.Render(" · "+elapsed(m.now.Sub(st.Since))+" · "+clock)
	lines := []string{header(left, right, w)}
	if st.Blank {
		word := m.com.T("SCREEN BLANK (black)")
		if st.White {
			word = m.com.T("SCREEN BLANK (white)")
		}
		lines = append(lines, common.FitLine(" "+s.StatusWarn.Render(word+" — "+m.com.T("b brings it back")), w))
	}
	if m.err != nil {
		lines = append(lines, common.FitLine(" "+s.StatusError.Render(m.com.Printer.Err(m.err)), w))
	}
	lines = append(lines, "", common.FitLine(" "+s.Title.Render(m.com.T("Now: %s", st.Title)), w))
	if st.Demo != "" {
		lines = append(lines, common.FitLine(" "+s.Status.Render(m.com.T("opens beside it: %s (d opens it again)", st.Demo)), w))
	}
	lines = append(lines, m.question()...)
	var notes []string
	if len(st.Notes) == 0 {
		notes = append(notes, common.FitLine("   "+s.Status.Render(m.com.T("No notes for this slide.")), w))
	}
	for _, n := range st.Notes {
		for _, l := range common.WrapLines(n, w-2, 1000) {
			notes = append(notes, " "+l)
		}
		notes = append(notes, "")
	}
	// The next slide and the roster's first lines stay in sight: notes
	// too long for the screen end with a mark.
	room := m.height - 2 - len(lines) - min(len(st.NextBody)+2, 7) - min(len(m.roster()), 3)
	m.keys.NotesUp.SetEnabled(false)
	m.keys.NotesDown.SetEnabled(false)
	if len(notes) > room && room > 1 {
		// ↑/↓ scroll them; the last line says what is left below.
		m.notes = min(m.notes, len(notes)-(room-1))
		m.keys.NotesUp.SetEnabled(m.notes > 0)
		below := len(notes) - m.notes - (room - 1)
		m.keys.NotesDown.SetEnabled(below > 0)
		notes = notes[m.notes : m.notes+room-1]
		more := m.com.T("▲ the notes go on above: ↑")
		if below > 0 {
			more = m.com.T("▼ %d more lines of notes: ↓", below)
		}
		notes = append(notes, common.FitLine("   "+s.StatusWarn.Render(more), w))
	}
	lines = append(lines, notes...)
	lines = append(lines, common.FitLine(" "+s.Status.Render(strings.Repeat("─", max(w-2, 0))), w))
	if st.Next == "" && len(st.NextBody) == 0 {
		lines = append(lines, common.FitLine(" "+s.Status.Render(m.com.T("Last slide.")), w))
	} else {
		lines = append(lines, common.FitLine(" "+s.ItemCurrent.Render(m.com.T("Next: %s", st.Next)), w))
		for _, l := range st.NextBody {
			lines = append(lines, common.Ellipsis("   "+l, w))
		}
	}
	return strings.Join(append(lines, m.roster()...), "\n")
}

// keysScreen is every key of the console and what it does, whether it
// acts right now or not (the help bar shows only those that do).
func (m *Model) keysScreen() string {
	s, w := m.com.Styles, m.width
	lines := []string{header(s.Title.Render("distlab console")+s.Status.Render(" · "+m.com.T("keys")), s.Status.Render(m.now.Format("15:04")), w), ""}
	all := m.keys.all()
	keyW := 0
	for _, b := range all {
		keyW = max(keyW, ansi.StringWidth(b.Help().Key))
	}
	for _, b := range all {
		k := b.Help().Key
		lines = append(lines, common.Ellipsis("   "+s.ItemCurrent.Render(k+strings.Repeat(" ", keyW-ansi.StringWidth(k)))+"  "+s.Item.Render(b.Help().Desc), w))
	}
	lines = append(lines, "")
	for _, l := range common.WrapLines(m.com.T("The slide keys, b and w are the projector's own: a clicker works on either screen."), w-3, 3) {
		lines = append(lines, "   "+s.Status.Render(l))
	}
	return strings.Join(lines, "\n")
}

// question is the live question's answers as they come in, bars the
// class does not see until the instructor shows the results.
func (m *Model) question() []string {
	s, w, q := m.com.Styles, m.width, m.state.Question
	if q == nil {
		return nil
	}
	lines := []string{common.FitLine(" "+s.Status.Render(strings.Repeat("─", max(w-2, 0))), w)}
	for _, l := range common.WrapLines(m.com.T("Live question: %s", q.Text), w-2, 2) {
		lines = append(lines, " "+s.ItemCurrent.Render(l))
	}
	state := m.com.T("answers open")
	switch {
	case q.Revealed:
		state = m.com.T("results shown")
	case !q.Open:
		state = m.com.T("answers closed")
	}
	seen := m.com.T("the class sees the count only (r shows the results)")
	if q.Revealed {
		seen = m.com.T("the class sees these results")
	}
	lines = append(lines, common.Ellipsis("  "+s.Item.Render(m.com.T("%d answers", q.Answered))+s.Status.Render(" · "+m.com.T("%d in the class now", q.Present)+" · "+state), w),
		common.Ellipsis("  "+s.Status.Render(seen), w))
	if len(q.Options) == 0 {
		return append(lines, common.FitLine("   "+s.ReadMark.Render(m.com.T("%d right of %d", q.Right, q.Answered)), w), "")
	}
	most := 1
	for _, o := range q.Options {
		most = max(most, o.Votes)
	}
	label := min(max(w/3, 12), 40) // the option's words; the bar takes the rest
	for i, o := range q.Options {
		style, mark := s.Status, " "
		if o.Right {
			style, mark = s.ReadMark, "✓"
		}
		text := ansi.Truncate(fmt.Sprintf("%c) %s", 'a'+i, o.Text), label, "…")
		text += strings.Repeat(" ", label-ansi.StringWidth(text))
		bar := strings.Repeat("█", o.Votes*max(w-label-14, 4)/most)
		lines = append(lines, common.FitLine("   "+s.Item.Render(text)+" "+mark+" "+style.Render(bar)+" "+m.com.T("%d", o.Votes), w))
	}
	return append(lines, "")
}

// maxEvents is how many joins and leaves the console keeps.
const maxEvents = 4

// noteChanges records who joined and who left between two rosters.
func (m *Model) noteChanges(before, after []present.Student) {
	key := func(st present.Student) string { return st.Nick + "@" + st.Node }
	was, is := map[string]bool{}, map[string]bool{}
	for _, st := range before {
		was[key(st)] = true
	}
	at := m.now.Format("15:04:05")
	for _, st := range after {
		is[key(st)] = true
		if !was[key(st)] {
			m.events = append(m.events, m.com.T("%s %s joined %s", at, st.Nick, st.Node))
		}
	}
	for _, st := range before {
		if !is[key(st)] {
			m.events = append(m.events, m.com.T("%s %s left %s", at, st.Nick, st.Node))
		}
	}
	if len(m.events) > maxEvents {
		m.events = m.events[len(m.events)-maxEvents:]
	}
}

// roster is the students in the demos, and the last joins and leaves.
func (m *Model) roster() []string {
	s, w, st := m.com.Styles, m.width, m.state
	if len(st.Roster) == 0 && len(m.events) == 0 {
		return nil
	}
	lines := []string{common.FitLine(" "+s.Status.Render(strings.Repeat("─", max(w-2, 0))), w),
		common.FitLine(" "+s.ItemCurrent.Render(m.com.T("Students in the demos: %d", len(st.Roster))), w)}
	for _, e := range st.Roster {
		lines = append(lines, common.Ellipsis("   "+s.Item.Render(e.Nick)+s.Status.Render("  "+e.Node+"  "+
			m.com.T("since %s", e.Since.Local().Format("15:04"))+"  "+m.com.T("%d messages", e.Sent)), w))
	}
	for _, e := range m.events {
		lines = append(lines, common.Ellipsis("   "+s.Status.Render(e), w))
	}
	return lines
}

// header puts left and right on one line of w cells, right-aligned.
func header(left, right string, w int) string {
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(right) - 2
	if gap < 1 {
		return common.FitLine(" "+left, w)
	}
	return " " + left + strings.Repeat(" ", gap) + right + " "
}

// elapsed is d as h:mm:ss.
func elapsed(d time.Duration) string {
	d = max(d, 0).Truncate(time.Second)
	return fmt.Sprintf("%d:%02d:%02d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60)
}

// Run shows the console on the terminal until the presenter quits.
func Run(com *common.Common, path string, opts ...tea.ProgramOption) error {
	m := New(com, path)
	_, err := tea.NewProgram(m, opts...).Run()
	m.Close()
	return err
}
