package lessons

import (
	"context"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch calls onChange after any .md file under dir/<lang>/ is written,
// created, removed or renamed, once per burst of events (editors often save
// in several steps). It also watches dir itself, so that a language folder
// created or replaced later (a git checkout, an rsync) is watched again. It
// returns when ctx is done, or at once with an error if dir cannot be
// watched.
func Watch(ctx context.Context, dir string, onChange func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	if err := w.Add(dir); err != nil {
		w.Close()
		return err // the system's words; the caller names dir
	}
	for _, lang := range Languages {
		// A language folder missing now is watched once it is created:
		// dir's own events say so.
		_ = w.Add(filepath.Join(dir, lang))
	}
	go func() {
		defer w.Close()
		const settle = 150 * time.Millisecond
		timer := time.NewTimer(time.Hour)
		timer.Stop()
		for {
			select {
			case <-ctx.Done():
				timer.Stop()
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if filepath.Dir(ev.Name) == filepath.Clean(dir) {
					// A language folder came (back): watch it and reload.
					if slices.Contains(Languages, filepath.Base(ev.Name)) && ev.Has(fsnotify.Create) {
						_ = w.Add(ev.Name)
						timer.Reset(settle)
					}
					continue
				}
				if filepath.Ext(ev.Name) == ".md" {
					timer.Reset(settle)
				}
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			case <-timer.C:
				onChange()
			}
		}
	}()
	return nil
}
