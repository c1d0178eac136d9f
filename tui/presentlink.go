package tui

import (
	"errors"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/present"
	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/reader"
)

// The presenting app's side of `distlab console` (package present): while
// presenting, the app owns the link's socket, publishes what the projector
// shows after every change, and takes the console's commands as it takes
// the slide keys.

// linkedMsg is the link taken, or why not.
type linkedMsg struct {
	srv *present.Server
	err error
}

// consoleMsg is a command from a console.
type consoleMsg struct {
	srv *present.Server
	cmd present.Command
}

// openLink takes the console's socket, in a command: it touches the file
// system.
func (m *Model) openLink() tea.Cmd {
	path := m.cfg.ConsolePath
	if path == "" || m.link != nil {
		return nil
	}
	return func() tea.Msg {
		srv, err := present.Listen(path)
		return linkedMsg{srv, err}
	}
}

// linked keeps the link while still presenting, or lets it go.
func (m *Model) linked(msg linkedMsg) tea.Cmd {
	switch {
	case errors.Is(msg.err, present.ErrBusy):
		// Try again now and then: when the other app stops presenting,
		// the console is this one's.
		retry := m.com.Tick(linkRetry, func(time.Time) tea.Msg { return linkRetryMsg{} })
		if m.linkBusy {
			return retry
		}
		m.linkBusy = true
		return tea.Batch(retry, m.setStatus(true, "%s", m.com.T("another distlab is presenting on this machine: distlab console follows that one")))
	case msg.err != nil:
		return m.setStatus(true, "console: %v", m.com.Printer.Err(msg.err))
	case m.mode != Presenting || m.link != nil:
		return closeLink(msg.srv) // left presenting meanwhile
	}
	m.linkBusy = false
	m.link, m.published = msg.srv, present.State{}
	m.publish()
	return tea.Batch(m.waitConsole(), m.linkTick(msg.srv))
}

// linkRetryMsg asks for the console's socket again, after another app had it.
type linkRetryMsg struct{}

// linkRetry is how long a presenting app waits before it asks again.
const linkRetry = 2 * time.Second

// linkRetried asks again, if still presenting without the socket.
func (m *Model) linkRetried() tea.Cmd {
	if m.mode != Presenting || m.link != nil {
		return nil
	}
	return m.openLink()
}

// linkTickMsg has the app publish again: a student who joins a demo
// changes no screen the app draws, yet the console's roster must show it.
type linkTickMsg struct{ srv *present.Server }

// linkEvery is how often the roster on the console is brought up to date.
const linkEvery = time.Second

func (m *Model) linkTick(srv *present.Server) tea.Cmd {
	return m.com.Tick(linkEvery, func(time.Time) tea.Msg { return linkTickMsg{srv} })
}

// linkTicked publishes (in Update) and ticks again while the link lasts.
func (m *Model) linkTicked(msg linkTickMsg) tea.Cmd {
	if msg.srv != m.link {
		return nil
	}
	return m.linkTick(msg.srv)
}

// closeLink tells the consoles that presenting ended, then closes the link
// (waiting for its goroutines), in a command.
func closeLink(srv *present.Server) tea.Cmd {
	return func() tea.Msg {
		srv.Publish(present.State{})
		srv.Close()
		return nil
	}
}

// dropLink lets the link go: presenting ended.
func (m *Model) dropLink() tea.Cmd {
	if m.link == nil {
		return nil
	}
	srv := m.link
	m.link = nil
	return closeLink(srv)
}

// waitConsole waits for the next command of a console.
func (m *Model) waitConsole() tea.Cmd {
	srv := m.link
	return func() tea.Msg {
		cmd, ok := <-srv.Commands()
		if !ok {
			return nil // the link was closed
		}
		return consoleMsg{srv, cmd}
	}
}

// fromConsole does what a console asks, as the projector's keys would.
func (m *Model) fromConsole(msg consoleMsg) tea.Cmd {
	if msg.srv != m.link || m.mode != Presenting {
		return nil
	}
	var cmd tea.Cmd
	blank, _ := m.Blanked()
	op := msg.cmd.Op
	switch op { // the app decides which way a toggle goes: the console's view may be a moment old
	case present.BlankToggle:
		op = present.Blank
		if blank {
			op = present.Unblank
		}
	case present.WhiteToggle:
		op = present.White
		if blank {
			op = present.Unblank
		}
	}
	switch op {
	case present.Next, present.Prev, present.First, present.Last:
		if m.top() != nil {
			// As on the projector: with the screen blank, the join banner
			// or the help up, the first key only brings the slide back,
			// so no slide turns unseen.
			m.overlays = nil
			cmd = m.relayout()
			break
		}
		turn := map[present.Op]int{present.Next: reader.TurnNext, present.Prev: reader.TurnPrev,
			present.First: reader.TurnFirst, present.Last: reader.TurnLast}[msg.cmd.Op]
		cmd = m.reader.Turn(turn)
		m.slots[0].dirty()
	case present.Blank, present.White:
		closeOverlays[blankOverlay](m)
		cmd = m.blank(op == present.White) // op, not the toggle the console sent
	case present.Unblank:
		cmd = closeOverlays[blankOverlay](m)
	case present.Reveal:
		m.revealLive()
	case present.Demo:
		if s, ok := m.reader.CurrentSlide(); ok && s.Demo != "" {
			m.overlays = nil // the class is to see it
			cmd = tea.Batch(m.relayout(), m.openDemoAs(s.Demo, s.Start, false, false))
		}
	}
	m.syncNotes()
	return tea.Batch(cmd, m.syncSlideDemo(), m.saveSoon(), m.waitConsole())
}

// publish sends the consoles what the projector shows, when it changed.
func (m *Model) publish() {
	if m.link == nil {
		return
	}
	st := m.consoleState()
	if statesEqual(st, m.published) {
		return
	}
	m.published = st
	m.link.Publish(st)
}

// consoleState is what the projector shows, for the console.
func (m *Model) consoleState() present.State {
	blank, white := m.Blanked()
	st := present.State{Presenting: true, Since: m.presentSince, Lang: m.lang(),
		Lesson: m.reader.Lesson().Title, Blank: blank, White: white, Question: m.liveQuestion()}
	i, n := m.reader.Slide()
	s, ok := m.reader.CurrentSlide()
	if !ok {
		return st
	}
	st.Slide, st.Slides, st.Title, st.Notes = i+1, n, s.Title, s.Notes
	if d, ok := m.cfg.Demos.Lookup(s.Demo); ok {
		st.Demo = d.In(m.com.Printer).Title
	}
	for _, sl := range m.slots {
		if j, ok := sl.pane.(common.Joiner); ok {
			for _, e := range j.Roster() {
				st.Roster = append(st.Roster, present.Student{Nick: e.Nick, Node: e.Node, Since: e.Since, Sent: e.Sent})
			}
		}
	}
	if next, ok := m.reader.SlideAt(i + 1); ok {
		st.Next, st.NextBody = next.Title, plainLines(next.Body, 5)
	}
	return st
}

func statesEqual(a, b present.State) bool {
	return a.Presenting == b.Presenting && a.Since.Equal(b.Since) && a.Lesson == b.Lesson && a.Lang == b.Lang &&
		a.Slide == b.Slide && a.Slides == b.Slides && a.Title == b.Title && slices.Equal(a.Notes, b.Notes) &&
		a.Demo == b.Demo && a.Next == b.Next && slices.Equal(a.NextBody, b.NextBody) &&
		a.Blank == b.Blank && a.White == b.White && slices.EqualFunc(a.Roster, b.Roster, func(x, y present.Student) bool {
		return x.Nick == y.Nick && x.Node == y.Node && x.Since.Equal(y.Since) && x.Sent == y.Sent
	}) && a.Question.Equal(b.Question)
}

// plainLines are the first n lines of a slide's markdown that say
// something, its title left out, as plain text: "- x" becomes "• x", and
// marks of emphasis and code go.
func plainLines(md string, n int) []string {
	var out []string
	fence := false
	for _, l := range strings.Split(md, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = !fence
			continue
		case t == "" || (!fence && strings.HasPrefix(t, "#")) || strings.HasPrefix(t, "|--") || strings.HasPrefix(t, "|:-"):
			continue
		}
		if !fence {
			if rest, ok := strings.CutPrefix(t, "- "); ok {
				t = "• " + rest
			}
			if strings.HasPrefix(t, "|") { // a table's row: its cells
				cells := strings.Split(strings.Trim(t, "| "), "|")
				for i, c := range cells {
					cells[i] = strings.TrimSpace(c)
				}
				t = strings.Join(cells, " · ")
			}
			t = strings.NewReplacer("**", "", "`", "").Replace(t)
		}
		t, _ = lessons.CleanLine(t)
		out = append(out, t)
		if len(out) == n {
			break
		}
	}
	return out
}
