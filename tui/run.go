package tui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// FrameRate is the most frames a second the screen is redrawn. Bubble
// Tea's renderer wakes at this rate for the program's whole life, even when
// nothing changes: at its default of 60 an idle distlab used 1.6% of a CPU
// here, at 12 about 0.3%. Twelve frames a second is smooth enough for
// scrolling and for the demos' animations.
const FrameRate = 12

// Run starts the app on the terminal and returns when the user quits. The
// progress is saved however the program ends (quit, interrupt, kill), and
// every pane's goroutines and sockets are released.
func Run(cfg Config, opts ...tea.ProgramOption) error {
	m := New(cfg)
	final, err := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithFPS(FrameRate)}, opts...)...).Run()
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
