package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// Run starts the app on the terminal and returns when the user quits,
// after saving the progress.
func Run(cfg Config, opts ...tea.ProgramOption) error {
	m := New(cfg)
	final, err := tea.NewProgram(m, opts...).Run()
	if err != nil {
		return fmt.Errorf("tui: %w", err)
	}
	if fm, ok := final.(*Model); ok && cfg.Store != nil {
		fm.saveSeq++
		if err := cfg.Store.Save(fm.State(), fm.saveSeq); err != nil {
			return err
		}
	}
	return nil
}
