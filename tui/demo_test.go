package tui

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

// testDemos holds the test-only demo: no real demo may be faked in the
// product, but the workspace needs one to be tested.
var testDemos = demo.NewRegistry(demo.Demo{
	ID: "ticker",
	Names: func(p *locale.Printer) demo.Names {
		return demo.Names{Title: p.T("ticker"), Summary: p.T("A goroutine that counts.")}
	},
	New: func(env demo.Env) common.Pane { return newTicker(env) },
})

func init() {
	locale.Add(locale.Str("ticker", "contador"), locale.Str("A goroutine that counts.", "Uma goroutine que conta."))
}

// ticker is a demo with a real engine goroutine and a frame tick, like the
// real demos: it must tick only while visible and running, and stop its
// goroutine on Close.
type ticker struct {
	com      *common.Common
	id       int
	instance int

	mu    sync.Mutex
	count int // guarded by mu; written by the engine goroutine
	stop  chan struct{}
	done  chan struct{}

	running, visible, armed, closed bool
	frames, armedTimes              int
	pause                           key.Binding
	w, h                            int
}

type tickerFrameMsg struct{ id int }

func newTicker(env demo.Env) *ticker {
	t := &ticker{com: env.Com, id: env.ID, instance: env.Instance, running: true, stop: make(chan struct{}), done: make(chan struct{}),
		pause: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause"))}
	go func() {
		defer close(t.done)
		tk := time.NewTicker(5 * time.Millisecond)
		defer tk.Stop()
		for {
			select {
			case <-t.stop:
				return
			case <-tk.C:
				t.mu.Lock()
				t.count++
				t.mu.Unlock()
			}
		}
	}()
	return t
}

func (t *ticker) Init() tea.Cmd { return nil }

func (t *ticker) arm() tea.Cmd {
	if t.armed || !t.visible || !t.running || t.closed {
		return nil
	}
	t.armed = true
	t.armedTimes++
	id := t.id
	return t.com.Tick(33*time.Millisecond, func(time.Time) tea.Msg { return tickerFrameMsg{id} })
}

func (t *ticker) SetVisible(v bool) tea.Cmd { t.visible = v; return t.arm() }

func (t *ticker) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tickerFrameMsg:
		if msg.id != t.id {
			return nil
		}
		t.armed = false
		t.frames++
		return t.arm()
	case tea.KeyPressMsg:
		if key.Matches(msg, t.pause) {
			t.running = !t.running
			return t.arm()
		}
	}
	return nil
}

func (t *ticker) Close() {
	if !t.closed {
		t.closed = true
		close(t.stop)
		<-t.done
	}
}

func (t *ticker) View() string {
	state := "running"
	if !t.running {
		state = "paused"
	}
	return common.Fit(fmt.Sprintf(" ticker %d: %s\n frames: %d", t.id, state, t.frames), t.w, t.h)
}

func (t *ticker) SetSize(w, h int) tea.Cmd { t.w, t.h = w, h; return nil }
func (t *ticker) Focus(bool)               {}
func (t *ticker) Title() string {
	title := testDemos.All()[0].TitleIn(t.com.Text.Lang)
	if t.instance > 1 {
		title += fmt.Sprintf(" #%d", t.instance)
	}
	return title
}
func (t *ticker) KeyMap() help.KeyMap { return tickerKeys{t.pause} }

type tickerKeys struct{ pause key.Binding }

func (k tickerKeys) ShortHelp() []key.Binding  { return []key.Binding{k.pause} }
func (k tickerKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.pause}} }
