package serve

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/locale"
	"distlab/tui"
)

// gate is a session's program model: the entry screen until the student is
// admitted, then the app, which gets every message from then on. It also
// takes the session's inbox (resizes, the hub's messages, the order to end)
// to the program.
type gate struct {
	ss        *Session
	entry     *entry
	app       App
	langKnown bool // the client's environment named the language
	getenv    func(string) string

	w, h    int
	profile tea.Msg // the last ColorProfileMsg, for an app built later
}

// newGate is the gate of a session whose window is w×h: the entry's first
// frame, drawn before the program has delivered that size, is in the
// middle of the screen already (it flashed in the top left corner).
func newGate(ss *Session, e *entry, langKnown bool, getenv func(string) string, w, h int) *gate {
	return &gate{ss: ss, entry: e, langKnown: langKnown, getenv: getenv, w: w, h: h}
}

// admittedMsg carries the app built for the student, or why they were not
// let in.
type admittedMsg struct {
	app App
	why string
	err error
}

// Init starts the entry, or admits at once a student with nothing to ask.
func (g *gate) Init() tea.Cmd {
	cmds := []tea.Cmd{g.ss.wait}
	if g.entry.done() {
		cmds = append(cmds, g.admit(g.ss.Name, g.ss.Lang, false))
	} else {
		cmds = append(cmds, g.entry.Init())
	}
	return tea.Batch(cmds...)
}

// admit builds the app in a command: it reads files and may wait for an
// older session to save.
func (g *gate) admit(name string, lang locale.Lang, chosen bool) tea.Cmd {
	ss := g.ss
	ss.admits.Add(1)
	return func() tea.Msg {
		defer ss.admits.Done()
		if ss.ctx.Err() != nil {
			return nil
		}
		app, why, err := ss.srv.admit(ss, name, lang, chosen, g.getenv)
		if app != nil {
			ss.mu.Lock()
			ss.app = app // the handler finishes it, whatever becomes of this message
			ss.mu.Unlock()
		}
		return admittedMsg{app: app, why: why, err: err}
	}
}

// Update routes msg to the entry or the app.
func (g *gate) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case wakeMsg:
		return g, g.drain()
	case tea.WindowSizeMsg:
		g.w, g.h = msg.Width, msg.Height
	case tea.ColorProfileMsg:
		g.profile = msg
	case enteredMsg:
		return g, g.admit(msg.name, msg.lang, msg.chosen)
	case admittedMsg:
		switch {
		case errors.Is(msg.err, errStopping):
			return g, tea.Quit
		case msg.err != nil:
			g.ss.srv.logf("%s: %v", g.ss.Remote, msg.err)
			g.entry.refuse(g.entry.p.T("You could not be let in: %v", msg.err))
			return g, nil
		case msg.app == nil:
			g.entry.refuse(msg.why)
			return g, nil
		}
		g.app, g.entry = msg.app, nil
		cmds := []tea.Cmd{g.app.Init()}
		if g.profile != nil {
			cmds = append(cmds, g.forward(g.profile))
		}
		cmds = append(cmds, g.forward(tea.WindowSizeMsg{Width: g.w, Height: g.h}))
		return g, tea.Batch(cmds...)
	}
	return g, g.forward(msg)
}

// forward hands msg to whoever has the screen.
func (g *gate) forward(msg tea.Msg) tea.Cmd {
	if g.app == nil {
		var cmd tea.Cmd
		g.entry, cmd = g.entry.Update(msg)
		return cmd
	}
	m, cmd := g.app.Update(msg)
	if a, ok := m.(App); ok {
		g.app = a
	}
	return cmd
}

// drain takes the inbox to the program: a new size, the hub's messages, or
// the order to end.
func (g *gate) drain() tea.Cmd {
	msgs, w, h, resized, ending := g.ss.take()
	if ending {
		return tea.Quit
	}
	wait := tea.Cmd(g.ss.wait)
	if resized {
		// The new size goes through the program, not straight to the
		// model: its renderer must be resized too, or it keeps drawing
		// the frame at the old size. The next wait starts once the size
		// is delivered, so sizes arrive in the order the client sent them.
		size := tea.WindowSizeMsg{Width: w, Height: h}
		wait = tea.Sequence(func() tea.Msg { return size }, g.ss.wait)
	}
	cmds := []tea.Cmd{wait}
	for _, m := range msgs {
		if r, ok := m.(repaintMsg); ok {
			// The whole screen again, whoever has it; the app says why.
			cmds = append(cmds, tea.ClearScreen, g.forward(tui.NoticeMsg{Format: r.notice, Warn: true}))
			continue
		}
		cmds = append(cmds, g.forward(m))
	}
	return tea.Batch(cmds...)
}

// View is the app's, or the entry screen.
func (g *gate) View() tea.View {
	if g.app != nil {
		return g.app.View()
	}
	v := tea.NewView(g.entry.View(g.w, g.h))
	v.AltScreen = true
	v.WindowTitle = "distlab"
	return v
}
