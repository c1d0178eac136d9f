// Package demo is how a demo plugs into the app: the registry entry that
// names it and builds its pane (Demo), what the pane gets from the app
// (Env), and the Base every demo pane embeds for what all of them share.
// A demo is one engine folder in demos/, one pane folder in tui/ (its
// texts in both languages, its keys, its Demo entry) and one line in the
// registry (tui/demos.go). Nothing here may describe a demo that does not
// run.
package demo

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/challenge"
	"distlab/demos/chat"
	"distlab/demos/locale"
	"distlab/tui/common"
)

// Demo describes one demo.
type Demo struct {
	ID string
	// Names are the demo's names in p's language; the pane's folder
	// declares them with its other texts.
	Names func(p *locale.Printer) Names
	// New builds a fresh instance: every call is an independent demo, with
	// its own goroutines and sockets, released by the pane's Close.
	New func(env Env) common.Pane
	// Starts are the starting states a slide may ask the demo for
	// (<!-- demo: clocks partition -->, see lessons.DeckSuffix); nil
	// when it has none. New gets the one asked for as Env.Start.
	Starts func() []string
	// Challenges are the demo's challenges (package challenge), nil when
	// it has none; the pane shows them and its engine checks them.
	Challenges func() []challenge.Challenge
}

// Starter is a pane that can be put back in a starting state while open:
// a slide asks for one while the demo is beside it already.
type Starter interface {
	StartAs(start string) tea.Cmd
}

// Names are what a demo is called.
type Names struct {
	Title   string // "chat cluster"
	Short   string // one word, for a narrow demo bar: "chat"
	Summary string // one line, for the picker
}

// Env is what a demo pane gets from the app.
type Env struct {
	Com      *common.Common
	Demo     Demo // the registry entry the pane was built from
	ID       int  // the pane's id, unique for the app's life: tag messages with it
	Instance int  // 1 for the first open pane of this demo, 2 for a second…
	// Seat is the lowest number, from 0, that no other open pane of this
	// demo has: unlike Instance it comes back when a pane closes, for what
	// must stay put, like fixed ports.
	Seat int
	// Host is where demos that listen on sockets bind: 127.0.0.1 unless
	// the user asked for another address (--chat-host).
	Host string
	// Port is the first port they listen on, the next ones following it
	// (--chat-port), so a classroom can be told the addresses beforehand;
	// 0 takes any free ports.
	Port int
	// Start is the starting state a slide asked for (one of Demo.Starts),
	// "" to start as usual.
	Start string
	// MetBefore reports whether the student met challenge id in an
	// earlier run (the progress the root keeps); nil for none.
	MetBefore func(id string) bool
	// SharedChat is the served class's chat cluster (Config.SharedChat):
	// the chat pane draws it instead of starting its own. nil otherwise.
	SharedChat *chat.Share
	// Served says the app runs in a session of distlab serve, on the
	// server's machine (Config.Served): a demo refuses what would start
	// processes there, shared by the whole class.
	Served bool
}

// In is the demo's names in p's language; an empty title is the id.
func (d Demo) In(p *locale.Printer) Names {
	var n Names
	if d.Names != nil {
		n = d.Names(p)
	}
	if n.Title == "" {
		n.Title = d.ID
	}
	if n.Short == "" {
		n.Short = d.ID
	}
	return n
}

// TitleIn is the demo's title in lang.
func (d Demo) TitleIn(lang string) string { return d.In(locale.For(locale.Match(lang))).Title }

// ShortIn is the demo's one-word name in lang.
func (d Demo) ShortIn(lang string) string { return d.In(locale.For(locale.Match(lang))).Short }

// SummaryIn is the demo's summary in lang.
func (d Demo) SummaryIn(lang string) string { return d.In(locale.For(locale.Match(lang))).Summary }

// Registry is the set of demos the app can open, in the order given.
type Registry struct {
	demos []Demo
}

// NewRegistry returns a registry of demos; a later demo with the id of an
// earlier one is ignored.
func NewRegistry(demos ...Demo) *Registry {
	r := &Registry{}
	for _, d := range demos {
		if _, dup := r.Lookup(d.ID); !dup && d.New != nil {
			r.demos = append(r.demos, d)
		}
	}
	return r
}

// Lookup returns the demo called id.
func (r *Registry) Lookup(id string) (Demo, bool) {
	if r == nil {
		return Demo{}, false
	}
	i := slices.IndexFunc(r.demos, func(d Demo) bool { return d.ID == id })
	if i < 0 {
		return Demo{}, false
	}
	return r.demos[i], true
}

// Known reports whether id is a demo: lessons may name only these.
func (r *Registry) Known(id string) bool {
	_, ok := r.Lookup(id)
	return ok
}

// KnownStart reports whether demo id can start as start: one of its Starts.
func (r *Registry) KnownStart(id, start string) bool {
	d, ok := r.Lookup(id)
	return ok && d.Starts != nil && slices.Contains(d.Starts(), start)
}

// All returns the demos in registry order.
func (r *Registry) All() []Demo {
	if r == nil {
		return nil
	}
	return slices.Clone(r.demos)
}

// OpenMsg asks the root to open demo ID. New asks for a new instance even
// when one is open already (the picker); otherwise an open one is focused.
type OpenMsg struct {
	ID  string
	New bool
}
