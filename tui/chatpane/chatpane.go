// Package chatpane is the chat cluster demo's pane: it runs a
// demos/chat.Demo (three real TCP nodes, watching clients, bots and "you")
// and draws, on a frame tick, the cluster map and what each client
// received. It never gets one message per chat line: it samples.
package chatpane

import (
	"sync"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/chat"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/keys"
)

// ID is the demo's id in lessons' front matter.
const ID = "chat"

// Demo registers the pane. Its nodes listen on the app's demo host
// (127.0.0.1, or 0.0.0.0 to let a classroom join).
func Demo() demo.Demo {
	return demo.Demo{
		ID:      ID,
		Names:   names,
		New:     func(env demo.Env) common.Pane { return New(env, env.Host) },
	}
}

// frameRate is how often the pane samples the engine while it runs.
const frameRate = 12

type startedMsg struct {
	id   int
	demo *chat.Demo
	err  error
}

type frameMsg struct{ id int }

// Model is the pane.
type Model struct {
	com      *common.Common
	keys     keys.Chat
	id       int
	instance int
	host     string

	demo  *chat.Demo
	err   error
	start *handoff // shared with the start command

	selected int
	input    textinput.Model // what "you" type; focused while typing
	paused   bool
	visible  bool
	armed    bool

	snap   snapshot
	prev   []uint64 // per node: messages handled at the last rate sample
	prevAt time.Time
	rates  []float64

	width, height int
	focused       bool
}

var (
	_ common.Pane     = (*Model)(nil)
	_ common.Shower   = (*Model)(nil)
	_ common.Closer   = (*Model)(nil)
	_ common.Capturer = (*Model)(nil)
)

// New returns the pane; Init starts the cluster.
func New(env demo.Env, host string) *Model {
	return &Model{com: env.Com, keys: keys.DefaultChat(env.Com.Text), id: env.ID, instance: env.Instance, host: host, start: &handoff{},
		input: env.Com.NewInput()}
}

// Init starts the demo's cluster in the background: listening is IO.
func (m *Model) Init() tea.Cmd {
	id, host, h, lang := m.id, m.host, m.start, m.com.Text.Lang
	return func() tea.Msg {
		d, err := chat.StartDemo(chat.DemoConfig{Host: host, Lang: lang})
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.closed { // the pane went away while the cluster started
			if d != nil {
				go d.Close()
			}
			return nil
		}
		h.demo = d
		return startedMsg{id: id, demo: d, err: err}
	}
}

// handoff passes the started demo from the start command to the pane, so
// that whichever of start and Close comes second stops it: a pane closed
// while its cluster starts leaves nothing running.
type handoff struct {
	mu     sync.Mutex
	closed bool
	demo   *chat.Demo
}

// Close stops the cluster, its clients and bots, off the UI goroutine.
func (m *Model) Close() {
	m.start.mu.Lock()
	m.start.closed = true
	d := m.start.demo
	m.start.demo = nil
	m.start.mu.Unlock()
	if d != nil {
		go d.Close()
	}
	m.demo = nil
}

// Capturing reports whether "you" is typing.
func (m *Model) Capturing() bool { return m.typing() }

func (m *Model) typing() bool { return m.input.Focused() }

// Relabel refreshes the key help after a language change, and has the
// nodes, clients and bots speak the new language from now on.
func (m *Model) Relabel() {
	m.keys = keys.DefaultChat(m.com.Text)
	if m.demo != nil {
		m.demo.SetLang(m.com.Text.Lang)
	}
}

// Focus gives or takes the keyboard.
func (m *Model) Focus(f bool) { m.focused = f }

// SetSize sets the inner size.
func (m *Model) SetSize(w, h int) tea.Cmd { m.width, m.height = w, h; return nil }

// SetVisible starts or stops the frame tick.
func (m *Model) SetVisible(v bool) tea.Cmd {
	m.visible = v
	return m.arm()
}

// arm asks for the next frame if the pane is seen, running and started.
func (m *Model) arm() tea.Cmd {
	if m.armed || !m.visible || m.paused || m.demo == nil {
		return nil
	}
	m.armed = true
	id := m.id
	return m.com.Tick(time.Second/frameRate, func(time.Time) tea.Msg { return frameMsg{id} })
}

// KeyMap is the pane's help.
func (m *Model) KeyMap() help.KeyMap { return keyMap{m.keys, m.typing()} }

type keyMap struct {
	k      keys.Chat
	typing bool
}

func (k keyMap) ShortHelp() []key.Binding {
	if k.typing {
		return []key.Binding{k.k.Send, k.k.Leave}
	}
	return []key.Binding{k.k.Type, k.k.Crash, k.k.Restart, k.k.AddBot, k.k.Slow}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.k.Up, k.k.Down, k.k.Crash, k.k.Restart, k.k.Freeze, k.k.Type},
		{k.k.AddBot, k.k.RemoveBot, k.k.Slower, k.k.Faster, k.k.Slow, k.k.Pause}}
}

// Update handles the start, frames and keys.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case startedMsg:
		if msg.id != m.id {
			return nil
		}
		m.demo, m.err = msg.demo, msg.err
		if m.demo != nil { // the language may have changed while it started
			m.demo.SetLang(m.com.Text.Lang)
		}
		m.sample()
		return m.arm()
	case frameMsg:
		if msg.id != m.id {
			return nil
		}
		m.armed = false
		m.sample()
		return m.arm()
	case tea.PasteMsg:
		if m.typing() {
			m.typeText(msg.Content)
		}
	case tea.KeyPressMsg:
		if m.demo == nil {
			return nil
		}
		if m.typing() {
			m.typeKey(msg)
		} else {
			m.key(msg)
		}
		m.sample() // show the effect at once, ticking or not
		return m.arm()
	}
	return nil
}

func (m *Model) key(msg tea.KeyPressMsg) {
	d, n := m.demo, len(m.demo.Nodes())
	switch {
	case key.Matches(msg, m.keys.Up):
		m.selected = (m.selected + n - 1) % n
	case key.Matches(msg, m.keys.Down):
		m.selected = (m.selected + 1) % n
	case key.Matches(msg, m.keys.Crash):
		go func(i int) { _ = d.Kill(i) }(m.selected) // waits for the node's goroutines: not on the UI goroutine
	case key.Matches(msg, m.keys.Restart):
		go func(i int) { _ = d.Restart(i) }(m.selected)
	case key.Matches(msg, m.keys.Freeze):
		_ = d.ToggleFreeze(m.selected)
	case key.Matches(msg, m.keys.AddBot):
		go func() { _ = d.AddBot() }()
	case key.Matches(msg, m.keys.RemoveBot):
		go func() { _ = d.RemoveBot() }()
	case key.Matches(msg, m.keys.Slower):
		_, r := d.Bots()
		d.SetBotRate(r / 2)
	case key.Matches(msg, m.keys.Faster):
		_, r := d.Bots()
		d.SetBotRate(r * 2)
	case key.Matches(msg, m.keys.Slow):
		d.SetSlowLinks(!d.SlowLinks())
	case key.Matches(msg, m.keys.Pause):
		m.paused = !m.paused
		d.SetPaused(m.paused)
	case key.Matches(msg, m.keys.Type):
		m.input.Focus() // the cursor stands still: no command
	}
}

// typeKey edits the line: enter sends it, esc stops typing, text goes in
// through typeText, and the field takes the editing keys (backspace,
// ←/→, home/end, ctrl+w…).
func (m *Model) typeKey(msg tea.KeyPressMsg) {
	switch {
	case key.Matches(msg, m.keys.Send):
		if line := m.input.Value(); line != "" {
			m.demo.Say(line)
		}
		m.input.Reset()
	case key.Matches(msg, m.keys.Leave):
		m.input.Blur()
	case msg.Key().Text != "":
		m.typeText(msg.Key().Text)
	default:
		m.input, _ = m.input.Update(msg) // no command: a still cursor, no clipboard key
	}
}

// typeText puts s in at the cursor as chat.Clean leaves it, as much of it
// as keeps the line within chat.MaxLine bytes: what a node would take.
func (m *Model) typeText(s string) {
	s = chat.Clean(s)
	room, n := chat.MaxLine-len(m.input.Value()), 0
	for _, r := range s {
		if n+utf8.RuneLen(r) > room {
			break
		}
		n += utf8.RuneLen(r)
	}
	if n > 0 {
		m.input, _ = m.input.Update(tea.PasteMsg{Content: s[:n]})
	}
}
