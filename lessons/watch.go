package lessons

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch calls onChange after any .md file under dir/<lang>/ is written,
// created, removed or renamed, once per burst of events (editors often save
// in several steps). It returns when ctx is done, or at once with an error if
// the folders cannot be watched.
func Watch(ctx context.Context, dir string, onChange func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	watched := 0
	for _, lang := range Languages {
		if err := w.Add(filepath.Join(dir, lang)); err == nil {
			watched++
		}
	}
	if watched == 0 {
		err := w.Add(dir) // says why dir itself cannot be watched
		w.Close()
		if err == nil {
			err = fmt.Errorf("lessons: %s has no %v folder to watch", dir, Languages)
		}
		return err
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
