// Package demo is the registry of live demos: what each is called and how
// to build its pane. The demo issues register their panes here; the root
// opens them beside a lesson or from the picker. Nothing here may describe
// a demo that does not run.
package demo

import (
	"slices"

	"distlab/tui/common"
)

// Demo describes one demo.
type Demo struct {
	ID      string
	Title   map[string]string // language → title, e.g. "chat cluster"
	Short   map[string]string // language → a word, for a narrow demo bar ("chat")
	Summary map[string]string // language → one line
	// New builds a fresh instance: every call is an independent demo, with
	// its own goroutines and sockets, released by the pane's Close.
	New func(env Env) common.Pane
}

// Env is what a demo pane gets from the app.
type Env struct {
	Com      *common.Common
	ID       int // the pane's id, unique for the app's life: tag messages with it
	Instance int // 1 for the first open pane of this demo, 2 for a second…
}

// TitleIn is the demo's title in lang, falling back to English, then to
// the id.
func (d Demo) TitleIn(lang string) string { return pick(d.Title, lang, d.ID) }

// ShortIn is the demo's one-word name in lang, falling back to English,
// then to the id.
func (d Demo) ShortIn(lang string) string { return pick(d.Short, lang, d.ID) }

// SummaryIn is the demo's summary in lang, falling back to English.
func (d Demo) SummaryIn(lang string) string { return pick(d.Summary, lang, "") }

func pick(m map[string]string, lang, fallback string) string {
	if s := m[lang]; s != "" {
		return s
	}
	if s := m["en"]; s != "" {
		return s
	}
	return fallback
}

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
