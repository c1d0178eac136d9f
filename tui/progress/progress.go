// Package progress remembers a student's place in the course between runs:
// the last lesson, the scroll offset of each lesson in each language, which
// lessons were read to the end, and the language and theme last used. It is a JSON file written atomically (a temporary file in
// the same folder, then a rename), so a crash mid-write leaves the old file
// whole; the temporary files of a killed save are removed on the next Load.
package progress

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"distlab/demos/locale"
)

// EnvPath names the environment variable that overrides the state file.
const EnvPath = "DISTLAB_STATE"

// DefaultPath is $DISTLAB_STATE, or distlab/state.json in the user's config
// folder.
func DefaultPath() (string, error) {
	if p := os.Getenv(EnvPath); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", locale.Errorf("progress: no config folder: %w", err)
	}
	return filepath.Join(dir, "distlab", "state.json"), nil
}

// Store reads and writes one state file. Save is safe for concurrent use;
// a save older than the last one written is dropped, so saves running in
// background commands can finish in any order.
type Store struct {
	path string

	mu      sync.Mutex // guards written and refused
	written uint64
	// refused: Load found a file that is not distlab's to replace (too
	// big): Save leaves it alone.
	refused bool
}

// NewStore returns a store for the file at path.
func NewStore(path string) *Store { return &Store{path: path} }

// Path returns the state file's path.
func (s *Store) Path() string { return s.path }

// MaxSize is the most a state file may hold. A course's progress is a few
// hundred bytes a lesson; a bigger file is not distlab's.
const MaxSize = 1 << 20

// staleAfter is how old a temporary file beside the state must be to be
// removed at Load: one that young may be another distlab's save under way.
const staleAfter = time.Minute

// Load reads the state. A missing file is an empty state and no error; an
// unreadable or corrupt one is an empty state and an error that says why, to
// be shown as a warning: it must never prevent the app from starting. Only
// a regular file is read (a FIFO would block, a device never end), and only
// up to MaxSize. Temporary files that a killed save left beside it are
// removed, and a corrupt file is moved aside, so that the app's saves start
// afresh.
func (s *Store) Load() (State, error) {
	s.removeStale()
	st, tooBig, corrupt, err := read(s.path)
	switch {
	case tooBig:
		return State{}, s.refuse()
	case corrupt != nil:
		// Kept aside, not overwritten: it may be worth a look, or not be
		// distlab's at all (a DISTLAB_STATE set by mistake).
		aside := s.path + ".corrupt"
		if rerr := os.Rename(s.path, aside); rerr != nil {
			s.refuse()
			return State{}, locale.Errorf("progress file %s is corrupt, and progress is not saved: %w", s.path, corrupt)
		}
		return State{}, locale.Errorf("progress file %s is corrupt: it was moved to %s, and progress starts afresh: %w", s.path, aside, corrupt)
	}
	return st, err
}

// Read reads the state at path as Load does, but changes nothing on disk:
// for commands that only report (distlab progress, distlab challenges). A
// missing file is an empty state; a corrupt or oversized one an error.
func Read(path string) (State, error) {
	st, tooBig, corrupt, err := read(path)
	switch {
	case tooBig:
		return State{}, locale.Errorf("progress file %s is larger than %d MB: it is not read", path, MaxSize>>20)
	case corrupt != nil:
		return State{}, locale.Errorf("progress file %s is corrupt: %w", path, corrupt)
	}
	return st, err
}

// read reads the state file at path: the state, or that it is too big, or
// the JSON error of a corrupt one, or another error.
func read(path string) (st State, tooBig bool, corrupt, err error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0) // a FIFO opens at once, and is refused below
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, false, nil, nil
	}
	if err != nil {
		return State{}, false, nil, locale.Errorf("progress: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	switch {
	case err != nil:
		return State{}, false, nil, locale.Errorf("progress: %w", err)
	case !fi.Mode().IsRegular():
		return State{}, false, nil, locale.Errorf("progress file %s is not a regular file: it is not read, and progress is not saved", path)
	case fi.Size() > MaxSize:
		return State{}, true, nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	switch {
	case err != nil:
		return State{}, false, nil, locale.Errorf("progress: %w", err)
	case len(data) > MaxSize:
		return State{}, true, nil, nil
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return State{}, false, err, nil
	}
	return st, false, nil, nil
}

// refuse makes Save leave the file alone, and says why.
func (s *Store) refuse() error {
	s.mu.Lock()
	s.refused = true
	s.mu.Unlock()
	return locale.Errorf("progress file %s is larger than %d MB: it is not read, and progress is not saved", s.path, MaxSize>>20)
}

// removeStale removes the temporary files of saves that never finished (the
// program was killed between writing and renaming).
func (s *Store) removeStale() {
	olds, _ := filepath.Glob(filepath.Join(filepath.Dir(s.path), tempPattern))
	for _, name := range olds {
		if fi, err := os.Lstat(name); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > staleAfter {
			_ = os.Remove(name)
		}
	}
}

// Save writes st atomically. seq orders saves: a save with a seq not greater
// than the last one written is skipped; seq 0 always writes. The file is
// compact JSON: nobody reads it but distlab.
func (s *Store) Save(st State, seq uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq != 0 && seq <= s.written || s.refused { // refused: Load said so already
		return nil
	}
	data, err := json.Marshal(st.forFile())
	if err != nil {
		return locale.Errorf("progress: %w", err)
	}
	if err := writeAtomic(s.path, append(data, '\n')); err != nil {
		return err
	}
	if seq != 0 { // seq 0 is an unordered save: it moves no watermark
		s.written = seq
	}
	return nil
}

// tempPattern names the temporary files of a save, beside the state file.
const tempPattern = ".state-*.json"

// writeAtomic writes data to a temporary file beside path and renames it over
// path, creating the folder when missing. A symlinked path is written where
// it points; a path that is not a regular file (a FIFO, a device) is never
// replaced.
func writeAtomic(path string, data []byte) error {
	path = linkTarget(path)
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return locale.Errorf("progress file %s is not a regular file: it is not read, and progress is not saved", path)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return locale.Errorf("progress: %w", err)
	}
	tmp, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		return locale.Errorf("progress: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return locale.Errorf("progress: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return locale.Errorf("progress: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return locale.Errorf("progress: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return locale.Errorf("progress: %w", err)
	}
	return nil
}

// linkTarget is where path leads through symlinks, also when the last one
// points at a file not made yet (a state kept in a synced folder): a save
// then creates that file and keeps the link. A path that is no link, or a
// chain too long or broken on the way, is itself.
func linkTarget(path string) string {
	for range 40 { // the kernel's own limit on a chain of links
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return path
		}
		to, err := os.Readlink(path)
		if err != nil {
			return path
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return path
}
