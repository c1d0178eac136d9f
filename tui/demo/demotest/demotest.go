// Package demotest is a demo that exists only for tests: a goroutine that
// counts, in a pane built the way every demo pane is (demo.Base, its own
// keys and texts, one registry entry). The app's tests plug it in to prove
// that a demo needs nothing outside its folder and one registry line.
package demotest

import (
	"fmt"
	"sync"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
)

// ID is the demo's id; the test course's lessons name it.
const ID = "ticker"

// Demo is the registry entry.
func Demo() demo.Demo {
	return demo.Demo{
		ID: ID,
		Names: func(p *locale.Printer) demo.Names {
			return demo.Names{Title: p.T("ticker"), Summary: p.T("A goroutine that counts.")}
		},
		New: func(env demo.Env) common.Pane { return New(env) },
	}
}

func init() {
	locale.Add(
		locale.Str("ticker", "contador"),
		locale.Str("A goroutine that counts.", "Uma goroutine que conta."),
		locale.Str("running", "rodando"),
		locale.Str("paused", "pausado"),
		locale.Str("pause", "pausar"),
		locale.Str("reset", "zerar"),
		locale.Str("ticker %d: %s", "contador %d: %s"),
		locale.Plural("%d frames", "%d frame", "%d quadros", "%d quadro"),
		locale.Str("a paused counter cannot be reset", "um contador pausado não pode ser zerado"),
	)
}

// Model is the pane.
type Model struct {
	demo.Base
	keys keyMap

	engine counter

	frames int
	closed bool
}

var (
	_ common.Pane      = (*Model)(nil)
	_ common.Animator  = (*Model)(nil)
	_ common.Closer    = (*Model)(nil)
	_ common.Relabeler = (*Model)(nil)
)

// New starts the counting engine.
func New(env demo.Env) *Model {
	m := &Model{Base: demo.NewBase(env, true)}
	m.keys = newKeys(env.Com.Printer)
	m.engine.start(5 * time.Millisecond)
	return m
}

// counter is the demo's engine: it counts every period on the runtime's
// timer goroutines until stopped.
type counter struct {
	mu      sync.Mutex
	n       int         // guarded by mu
	timer   *time.Timer // guarded by mu
	stopped bool        // guarded by mu
	live    sync.WaitGroup
}

func (c *counter) start(period time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.live.Add(1)
	c.timer = time.AfterFunc(period, func() { c.tick(period) })
}

// tick counts and arms the next tick; each armed tick is one in live.
func (c *counter) tick(period time.Duration) {
	defer c.live.Done()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return
	}
	c.n++
	c.live.Add(1)
	c.timer.Reset(period)
}

// stop ends the counting and returns when no tick runs any more.
func (c *counter) stop() {
	c.mu.Lock()
	if !c.stopped {
		c.stopped = true
		if c.timer.Stop() { // it will never run: it is not live
			c.live.Done()
		}
	}
	c.mu.Unlock()
	c.live.Wait()
}

func (c *counter) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n = 0
}

// Count is how far the engine counted.
func (m *Model) Count() int {
	m.engine.mu.Lock()
	defer m.engine.mu.Unlock()
	return m.engine.n
}

// Frames is how many frames the app's clock gave the pane.
func (m *Model) Frames() int { return m.frames }

// Closed reports whether Close ran.
func (m *Model) Closed() bool { return m.closed }

// Init does nothing: the engine started in New.
func (m *Model) Init() tea.Cmd { return nil }

// Frame counts a frame of the app's clock.
func (m *Model) Frame(time.Time) (bool, tea.Cmd) { m.frames++; return true, nil }

// Update acts on the pane's keys.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Pause):
		m.SetPaused(!m.Paused())
	case key.Matches(k, m.keys.Reset):
		paused := m.Paused()
		return m.Do(func() error {
			if paused {
				return locale.Errorf("a paused counter cannot be reset")
			}
			m.engine.reset()
			return nil
		})
	}
	return nil
}

// Close stops the engine and returns when it no longer runs.
func (m *Model) Close() {
	m.closed = true
	m.engine.stop()
}

// Relabel rebuilds the key help in the new language.
func (m *Model) Relabel() { m.keys = newKeys(m.Com.Printer) }

// View is the state and the frames counted.
func (m *Model) View() string {
	if v, done := m.Placeholder(); done {
		return v
	}
	state := m.Com.T("running")
	if m.Paused() {
		state = m.Com.T("paused")
	}
	w, h := m.Size()
	return common.Fit(fmt.Sprintf(" %s\n %s", m.Com.T("ticker %d: %s", m.PaneID(), state), m.Com.T("%d frames", m.frames)), w, h)
}

// KeyMap is the pane's help.
func (m *Model) KeyMap() help.KeyMap { return m.keys }

type keyMap struct{ Pause, Reset key.Binding }

func newKeys(p *locale.Printer) keyMap {
	return keyMap{Pause: demo.Bind(p.T("space"), p.T("pause"), "space"), Reset: demo.Bind("r", p.T("reset"), "r")}
}

func (k keyMap) ShortHelp() []key.Binding  { return []key.Binding{k.Pause, k.Reset} }
func (k keyMap) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Pause, k.Reset}} }
