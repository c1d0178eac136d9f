package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// NewSession builds the app for one session of a served class (distlab
// serve): the root New builds, with no presenter console (a student's app
// never serves distlab console). Unlike Run it leaves the process alone:
// no garbage-collector pause, no signal handling, since many sessions
// share one server. The caller runs the program and calls Finish after it.
func NewSession(cfg Config) *Model {
	cfg.ConsolePath = ""
	return New(cfg)
}

// Finish releases every pane's resources and saves the progress one last
// time, as Run does when its program ends; call it once, after the
// program has returned.
func (m *Model) Finish() error {
	m.Close()
	if m.cfg.Store == nil {
		return nil
	}
	m.saveSeq++
	return m.cfg.Store.Save(m.State(), m.saveSeq)
}

// tickUntil is tea.Tick for an app that closes while its program's
// commands may still wait: a tick pending when done closes returns nil at
// once instead of holding its goroutine until the timer fires.
func tickUntil(done <-chan struct{}) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
	return func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		t := time.NewTimer(d) // from now, as tea.Tick's
		return func() tea.Msg {
			defer t.Stop()
			select {
			case now := <-t.C:
				return fn(now)
			case <-done:
				return nil
			}
		}
	}
}
