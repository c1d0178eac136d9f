package tui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// Run starts the app on the terminal and returns when the user quits. The
// progress is saved however the program ends (quit, interrupt, kill), and
// every pane's goroutines and sockets are released.
func Run(cfg Config, opts ...tea.ProgramOption) error {
	m := New(cfg)
	final, err := tea.NewProgram(m, opts...).Run()
	fm, ok := final.(*Model)
	if !ok {
		fm = m
	}
	fm.Close()
	var saveErr error
	if cfg.Store != nil {
		fm.saveSeq++
		saveErr = cfg.Store.Save(fm.State(), fm.saveSeq)
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return errors.Join(fmt.Errorf("tui: %w", err), saveErr)
	}
	return saveErr
}
