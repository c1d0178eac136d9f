package tui

import (
	"context"
	"errors"
	"fmt"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// FrameRate is the most frames a second the screen is redrawn. distlab's
// Bubble Tea (tui/third_party/bubbletea, see its PATCH.md) draws a frame as
// soon as a view changes and sleeps while nothing does, so the rate only caps
// bursts (a demo's animation, a held key): an idle app costs nothing at any
// rate, and a key waits at most one interval behind a frame just drawn —
// 8 ms at 120, Bubble Tea's most. Measured by tui/perf with three demos
// beside a lesson at 200×60: key to frame p99 19–22 ms at 120 against
// 25–26 ms at 60, CPU the same (6.7% of a core: the demos animate at
// AnimationRate whatever this is). Released v2.1.1 ticked at this rate for
// the program's whole life, which is why it used to be 12 (idle 0.3% of a
// core, a key p99 83 ms).
const FrameRate = 120

// Run starts the app on the terminal and returns when the user quits. The
// progress is saved however the program ends (quit, interrupt, SIGTERM, the
// terminal closed), and every pane's goroutines and sockets are released.
func Run(cfg Config, opts ...tea.ProgramOption) error {
	// Closing the terminal (SIGHUP) ends the program as q does, progress
	// saved: by default the signal would kill it first. Bubble Tea handles
	// SIGINT and SIGTERM itself.
	hangup, stop := signal.NotifyContext(context.Background(), syscall.SIGHUP)
	defer stop()
	m := New(cfg)
	final, err := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithFPS(FrameRate), tea.WithContext(hangup)}, opts...)...).Run()
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
	// A hang-up ends the program by cancelling its context: that is no
	// error, but a panic on the way still is.
	hungUp := hangup.Err() != nil && !errors.Is(err, tea.ErrProgramPanic)
	if err != nil && !errors.Is(err, tea.ErrInterrupted) && !hungUp {
		return errors.Join(fmt.Errorf("tui: %w", err), saveErr)
	}
	return saveErr
}
