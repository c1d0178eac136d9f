// Package challenge is what a demo's challenges are made of. A challenge
// is a goal stated as a prediction the student tests in the real demo
// ("Predict: if you crash the node you are on, will a message be lost? Do
// it and see."), hints given one at a time, and an explanation shown once
// the goal is met. The engine checks it from its own state — the events it
// ran, the messages it delivered — never from the keys pressed, and
// latches it in a Log: once met, a challenge stays met for the engine's
// life, with a sentence on what the student did.
//
// An engine package lists its challenges (a package function, so the CLI
// can list them without starting anything) and keeps a Log; its pane shows
// them (tui/demo.Challenges).
package challenge

import (
	"slices"
	"sync"

	"distlab/demos/locale"
)

// Challenge is one goal of a demo. Its texts are printed through a
// locale.Printer: the engine's text.go translates them.
type Challenge struct {
	// ID is unique in the app and never changes (progress is kept by it):
	// the demo's id, a slash, a slug, "clocks/backwards".
	ID string
	// Goal is the prediction to test, one or two sentences.
	Goal func(p *locale.Printer) string
	// Hints are given one at a time, on request, the last nearly the
	// solution.
	Hints func(p *locale.Printer) []string
	// Explain is what the student saw, said as the literature says it,
	// shown once the goal is met: two lines at most.
	Explain func(p *locale.Printer) string
}

// Demo is the id of the demo the challenge belongs to: ID up to its slash.
func (c Challenge) Demo() string {
	for i := range len(c.ID) {
		if c.ID[i] == '/' {
			return c.ID[:i]
		}
	}
	return c.ID
}

// Result is a challenge met: which, and what the student did, in a
// sentence made from the engine's state ("you crashed n1 with 3 lines
// unacknowledged; all 3 arrived once").
type Result struct {
	ID  string
	How func(p *locale.Printer) string
}

// Log latches the challenges an engine has seen met, in the order met. It
// is safe for concurrent use; the zero value is empty and ready.
type Log struct {
	mu  sync.Mutex
	met []Result
}

// Mark records challenge id as met, with how it was met (nil for no
// sentence). It reports whether this is the first time: a challenge met
// again keeps its first sentence.
func (l *Log) Mark(id string, how func(p *locale.Printer) string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if slices.ContainsFunc(l.met, func(r Result) bool { return r.ID == id }) {
		return false
	}
	l.met = append(l.met, Result{ID: id, How: how})
	return true
}

// Met reports whether challenge id has been met.
func (l *Log) Met(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.ContainsFunc(l.met, func(r Result) bool { return r.ID == id })
}

// Done is the challenges met so far, in the order met.
func (l *Log) Done() []Result {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.met)
}

// Checker is an engine, or a pane's handle on one, whose challenges can be
// shown: its list and what it has seen met. Done is called on every frame
// and after every key, so it must be cheap: a Log's Done is.
type Checker interface {
	Challenges() []Challenge
	Done() []Result
}
