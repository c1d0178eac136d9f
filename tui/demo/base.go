package demo

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/tui/common"
)

// Base is what every demo pane shares, embedded in the pane's Model: its
// id and instance number, its title, size, focus, pause and last error,
// and the way it runs engine calls. The root's frame clock animates a pane
// (see common.Animator) while it is seen; Base answers Animating for a
// pane that is started, not paused and not failed.
type Base struct {
	Com *common.Common

	demo     Demo
	id       int
	instance int

	width, height int
	focused       bool
	paused        bool
	started       bool
	err           error

	ch        Challenges
	metBefore func(id string) bool // see Env.MetBefore
}

// NewBase is the Base of a pane built from env. A pane whose engine starts
// in the background calls Started when it is up; others are started at once
// (pass started true).
func NewBase(env Env, started bool) Base {
	return Base{Com: env.Com, demo: env.Demo, id: env.ID, instance: env.Instance, started: started, metBefore: env.MetBefore}
}

// PaneID is the pane's id, unique for the app's life: the pane tags its
// commands' messages with it (common.Addressed).
func (b *Base) PaneID() int { return b.id }

// Mine reports whether msg is addressed to this pane.
func (b *Base) Mine(msg common.Addressed) bool { return msg.PaneID() == b.id }

// Title is the demo's title in the UI's language, numbered from the second
// open instance on ("chat cluster #2").
func (b *Base) Title() string {
	t := b.demo.In(b.Com.Printer).Title
	if b.instance > 1 {
		t = b.Com.T("%s #%d", t, b.instance)
	}
	return t
}

// Focus gives or takes the keyboard.
func (b *Base) Focus(f bool) { b.focused = f }

// Focused reports whether the pane has the keyboard.
func (b *Base) Focused() bool { return b.focused }

// SetSize sets the inner size (the frame is the root's).
func (b *Base) SetSize(w, h int) tea.Cmd { b.width, b.height = w, h; return nil }

// Size is the inner size.
func (b *Base) Size() (w, h int) { return b.width, b.height }

// Paused reports whether the user paused the demo.
func (b *Base) Paused() bool { return b.paused }

// SetPaused pauses or resumes the demo's animation.
func (b *Base) SetPaused(p bool) { b.paused = p }

// Started marks the engine as up (or failed, with err).
func (b *Base) Started(err error) { b.started, b.err = true, err }

// IsStarted reports whether the engine is up.
func (b *Base) IsStarted() bool { return b.started && b.err == nil }

// Err is the error that stopped the demo, if any.
func (b *Base) Err() error { return b.err }

// Fail records the error that stopped the demo; the pane then shows it.
func (b *Base) Fail(err error) { b.err = err }

// Animating reports whether the demo moves on its own: started, running,
// not paused. A pane that animates only sometimes (a clock at the end of
// its run) overrides it.
func (b *Base) Animating() bool { return b.IsStarted() && !b.paused }

// Placeholder is what the pane draws instead of its content: nothing while
// it has no size, its error once it failed. done is false when the pane
// should draw itself.
func (b *Base) Placeholder() (view string, done bool) {
	return b.Com.Placeholder(b.err, b.width, b.height)
}

// Do runs an engine call that can block or fail — a node's kill or
// restart, a bench run, an export — as a command. Its result comes back as
// a common.DoneMsg addressed to the pane; the root shows a failure in the
// status line, in the reader's language.
func (b *Base) Do(call func() error) tea.Cmd {
	id := b.id
	return func() tea.Msg { return common.DoneMsg{Pane: id, Err: call()} }
}

// Bind makes a key binding of the pane's key map.
func Bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}
