// Package chatpane is the chat cluster demo's pane: it runs a
// demos/chat.Demo (three real TCP nodes, watching clients, bots and "you")
// and draws, on the app's frames, the cluster map and what each client
// received. It never gets one message per chat line: it samples. In a
// served class it runs nothing of its own: it shows the class's cluster
// (class.go). Its texts are in text.go, its keys in keys.go.
package chatpane

import (
	"sync"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/challenge"
	"distlab/demos/chat"
	"distlab/tui/common"
	"distlab/tui/demo"
)

// ID is the demo's id in lessons' front matter.
const ID = "chat"

// Demo registers the pane. Its nodes listen on the app's demo host
// (127.0.0.1, or 0.0.0.0 to let a classroom join).
func Demo() demo.Demo {
	return demo.Demo{
		ID:         ID,
		Names:      names,
		New:        func(env demo.Env) common.Pane { return New(env, env.Host) },
		Challenges: chat.Challenges,
	}
}

// startedMsg brings the started cluster to the pane: its own or the
// class's (cluster), or a seat on the class's.
type startedMsg struct {
	pane    int
	cluster *chat.Demo
	seat    *chat.Seat
	join    []string // per node: the address to show for joining
	err     error
}

// PaneID is the pane that started the cluster.
func (m startedMsg) PaneID() int { return m.pane }

// Model is the pane.
type Model struct {
	demo.Base
	keys keyMap
	host string
	port int // the first node's port; 0: any free ports

	// cluster is the demo the keys control, nil until started: the
	// pane's own, or the class's in its owner's app. A student's pane has
	// a seat on the class's instead (share, seat; class.go).
	cluster *chat.Demo
	share   *chat.Share
	seat    *chat.Seat
	join    []string // per node: where people join it, computed once at start
	start   *handoff // shared with the start command and Close
	// startDemo starts the cluster (chat.StartDemo; tests replace it).
	startDemo func(chat.DemoConfig) (*chat.Demo, error)

	selected int
	input    textinput.Model // what "you" type; focused while typing

	snap  snapshot
	rates rates

	// A paused pane still shows what your keys did (a node crashed, a bot
	// gone, the clients' failover) for settleFor after each: settleArmed
	// until the next frame, which sets settleUntil.
	settleArmed bool
	settleUntil time.Time
	lastFrame   time.Time
}

// settleFor is how long a paused pane keeps sampling after a key: long
// enough for a frozen node to be taken for dead (3 s) and its clients to
// reconnect.
const settleFor = 6 * time.Second

var (
	_ common.Pane      = (*Model)(nil)
	_ common.Animator  = (*Model)(nil)
	_ common.Closer    = (*Model)(nil)
	_ common.Capturer  = (*Model)(nil)
	_ common.Relabeler = (*Model)(nil)
	_ common.Joiner    = (*Model)(nil)
)

// portsPerPane is how far apart the fixed ports of two chat panes are
// (--chat-port): the first pane's nodes take PORT, PORT+1, PORT+2, the
// second's PORT+10…
const portsPerPane = 10

// New returns the pane; Init starts the cluster on host, at env.Port when
// it is set (moved by its seat: a pane reopened gets its ports back).
func New(env demo.Env, host string) *Model {
	port := 0
	if env.Port > 0 {
		port = env.Port + env.Seat*portsPerPane
	}
	m := &Model{Base: demo.NewBase(env, false), host: host, port: port, share: env.SharedChat,
		start: &handoff{done: make(chan struct{})}, startDemo: chat.StartDemo, input: env.Com.NewInput()}
	if !m.onSeat() { // the challenges need nodes of one's own to crash
		m.UseChallenges(checker{m})
	}
	m.keys = newKeys(env.Com.Printer, m.ChallengeKeys())
	return m
}

// checker is the pane's handle on its engine's challenges: their list at
// once, what the engine saw met once it has started.
type checker struct{ m *Model }

func (c checker) Challenges() []challenge.Challenge { return chat.Challenges() }

func (c checker) Done() []challenge.Result {
	if c.m.engine() == nil {
		return nil
	}
	return c.m.engine().Done()
}

// Init starts the demo's cluster in a command: listening and dialing are
// IO. The command also asks the system, once, where people can join each
// node (with --chat-host 0.0.0.0, this machine's addresses).
func (m *Model) Init() tea.Cmd {
	id, host, port, h, lang, start := m.PaneID(), m.host, m.port, m.start, m.Com.Lang(), m.startDemo
	share := m.share
	return func() tea.Msg {
		if !h.begin() {
			return nil // closed before the command ran
		}
		defer close(h.done)
		var msg startedMsg
		var stop func() // what the pane must close: its own demo or its seat, never the class's
		switch {
		case share == nil:
			msg.cluster, msg.err = start(chat.DemoConfig{Host: host, Port: port, Lang: lang})
			if msg.cluster != nil {
				stop = msg.cluster.Close
			}
		case share.Owner:
			msg.cluster = share.Class.Demo()
		default:
			msg.seat, msg.err = share.Class.Join(share.Nick, lang)
			if msg.seat != nil {
				stop = msg.seat.Close
			}
		}
		if msg.cluster != nil || msg.seat != nil {
			for _, n := range msg.engine().Nodes() {
				msg.join = append(msg.join, chat.JoinAddrs(n.Addr())[0])
			}
		}
		if !h.finish(stop) { // the pane went away while the cluster started
			if stop != nil {
				stop()
			}
			return nil
		}
		msg.pane = id
		return msg
	}
}

// handoff passes the started cluster (how to stop it) from the start
// command to the pane, so that whichever of the two comes second stops
// it: a pane closed while its cluster starts leaves nothing running.
type handoff struct {
	mu      sync.Mutex
	closed  bool   // guarded by mu: the pane was closed
	running bool   // guarded by mu: the start command began
	stop    func() // guarded by mu: closes what was started, and not yet closed
	done    chan struct{}
}

// begin reports whether the start command should start the cluster.
func (h *handoff) begin() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.running = !h.closed
	return h.running
}

// finish hands over how to stop what was started (nil: nothing to
// stop); false means the pane is closed and the command must stop it
// itself.
func (h *handoff) finish(stop func()) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	h.stop = stop
	return true
}

// close marks the pane closed, waits for a start under way, and returns
// what is left for the pane to stop (nil if nothing, or if the start
// command stopped it).
func (h *handoff) close() func() {
	h.mu.Lock()
	h.closed = true
	running := h.running
	h.mu.Unlock()
	if running {
		<-h.done
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	stop := h.stop
	h.stop = nil
	return stop
}

// Close stops the cluster, its clients and bots, and returns when they
// are gone: every goroutine ended, every socket closed. A start under way
// is waited for, then closed. A class's cluster goes on: the pane closes
// only its seat.
func (m *Model) Close() {
	if stop := m.start.close(); stop != nil {
		stop()
	}
	m.cluster, m.seat = nil, nil
}

// Capturing reports whether "you" is typing.
func (m *Model) Capturing() bool { return m.typing() }

func (m *Model) typing() bool { return m.input.Focused() }

// Relabel rebuilds the key help after a language change, and has the
// nodes, clients and bots speak the new language from now on.
func (m *Model) Relabel() {
	m.keys = newKeys(m.Com.Printer, m.ChallengeKeys())
	if e := m.engine(); e != nil {
		e.SetLang(m.Com.Lang())
	}
}

// KeyMap is the pane's help.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	k.Challenge = m.ChallengeKeys() // H's state moves with the strip
	return helpMap{k, m.typing(), m.onSeat()}
}

// Animating reports whether the pane samples the engine on the app's
// frames: while it runs, and for settleFor after a key while paused (the
// bots are quiet, but the nodes and clients go on).
func (m *Model) Animating() bool {
	return m.IsStarted() && (!m.Paused() || m.settleArmed || m.lastFrame.Before(m.settleUntil))
}

// Frame samples the engine, and reports a change only when what the pane
// draws did: a node's state or counters, a client's new lines, the bots,
// the rates (recomputed every rateEvery), or a challenge the engine saw
// met, which goes to the root at once.
func (m *Model) Frame(now time.Time) (bool, tea.Cmd) {
	m.lastFrame = now
	if m.settleArmed {
		m.settleArmed, m.settleUntil = false, now.Add(settleFor)
	}
	if m.engine() == nil {
		return false, nil
	}
	old := m.snap
	m.sample()
	changed := !m.snap.equal(old)
	if !m.Paused() && m.rates.update(now, m.snap.sent, m.snap.rate) { // paused, the figures stand still
		changed = true
	}
	for i, n := range m.snap.nodes {
		if !n.Up { // back up, it will count from then: its clients left when it went down
			m.rates.forget(i)
		}
	}
	met := m.SyncChallenges()
	return changed || met != nil, met
}

// Update handles the start, engine calls' results and keys.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case startedMsg:
		if !m.Mine(msg) {
			return nil
		}
		m.cluster, m.seat, m.join = msg.cluster, msg.seat, msg.join
		m.Started(msg.err)
		if e := m.engine(); e != nil { // the language may have changed while it started
			e.SetLang(m.Com.Lang())
			m.sample()
		}
	case common.DoneMsg:
		if m.Mine(msg) && m.engine() != nil {
			m.sample() // show the effect at once, animating or not
			m.settleArmed = true
			return m.SyncChallenges()
		}
	case tea.PasteMsg:
		if m.typing() {
			m.typeText(msg.Content)
		}
	case tea.KeyPressMsg:
		if m.engine() == nil {
			return nil
		}
		var cmd tea.Cmd
		switch {
		case m.typing(): // C and H are letters of the line
			m.typeKey(msg)
		case m.ChallengeKey(msg):
		default:
			cmd = m.key(msg)
		}
		m.sample()
		return tea.Batch(cmd, m.SyncChallenges())
	}
	return nil
}

// key acts on the pane's keys. The engine calls that wait for goroutines
// or sockets, or can fail, run as commands (Do): their errors reach the
// status line in the reader's language.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	n := len(m.engine().Nodes())
	switch {
	case key.Matches(msg, m.keys.Up):
		m.selected = (m.selected + n - 1) % n
		return nil
	case key.Matches(msg, m.keys.Down):
		m.selected = (m.selected + 1) % n
		return nil
	case key.Matches(msg, m.keys.Type):
		m.input.Focus() // the cursor stands still: no command
		return nil
	case key.Matches(msg, m.keys.Pause): // paused, the screen stands still
		m.SetPaused(!m.Paused())
		if m.cluster != nil { // and the bots, unless they are the class's
			m.cluster.SetPaused(m.Paused())
		}
		m.settleArmed, m.settleUntil = false, time.Time{}
		return nil
	}
	m.settleArmed = true // a key that acts on the cluster: see its effect even paused
	if m.cluster == nil {
		return m.seatKey(msg) // refused: the class's nodes are the instructor's
	}
	d, i := m.cluster, m.selected
	switch {
	case key.Matches(msg, m.keys.Crash):
		return m.Do(func() error { return d.Kill(i) })
	case key.Matches(msg, m.keys.Restart):
		return m.Do(func() error { return d.Restart(i) })
	case key.Matches(msg, m.keys.Freeze):
		return m.Do(func() error { return d.ToggleFreeze(i) })
	case key.Matches(msg, m.keys.AddBot):
		return m.Do(d.AddBot)
	case key.Matches(msg, m.keys.RemoveBot):
		return m.Do(d.RemoveBot)
	case key.Matches(msg, m.keys.Slower):
		_, r := d.Bots()
		d.SetBotRate(r / 2)
	case key.Matches(msg, m.keys.Faster):
		_, r := d.Bots()
		d.SetBotRate(r * 2)
	case key.Matches(msg, m.keys.Slow): // on and off, from very slow too
		d.SetLinks(toggle(d.Links(), chat.LinksSlow))
	case key.Matches(msg, m.keys.VerySlow):
		d.SetLinks(toggle(d.Links(), chat.LinksVerySlow))
	case key.Matches(msg, m.keys.Reset): // as it started: running, n1 selected
		m.SetPaused(false)
		m.selected = 0
		return m.Do(d.Reset)
	}
	return nil
}

// typeKey edits the line: enter sends it, esc stops typing, text goes in
// through typeText, and the field takes the editing keys (backspace,
// ←/→, home/end, ctrl+w…).
func (m *Model) typeKey(msg tea.KeyPressMsg) {
	switch {
	case key.Matches(msg, m.keys.Send):
		if line := m.input.Value(); line != "" {
			m.engine().Say(line)
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

// toggle is speed, or fast links when they are at speed already.
func toggle(now, speed chat.LinkSpeed) chat.LinkSpeed {
	if now == speed {
		return chat.LinksFast
	}
	return speed
}
