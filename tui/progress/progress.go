// Package progress remembers a student's place in the course between runs:
// the last lesson, the scroll offset of each lesson and which lessons were
// read to the end. It is a JSON file written atomically (a temporary file in
// the same folder, then a rename), so a crash mid-write leaves the old file
// whole.
package progress

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sync"
)

// EnvPath names the environment variable that overrides the state file.
const EnvPath = "DISTLAB_STATE"

// State is what is remembered. Lessons are keyed by id, the same in every
// language.
type State struct {
	LastLesson string          `json:"last_lesson,omitempty"`
	Offsets    map[string]int  `json:"offsets,omitempty"` // lesson id → first visible line
	Read       map[string]bool `json:"read,omitempty"`
}

// Clone returns a deep copy, safe to hand to another goroutine.
func (s State) Clone() State {
	s.Offsets = maps.Clone(s.Offsets)
	s.Read = maps.Clone(s.Read)
	return s
}

// DefaultPath is $DISTLAB_STATE, or distlab/state.json in the user's config
// folder.
func DefaultPath() (string, error) {
	if p := os.Getenv(EnvPath); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("progress: no config folder: %w", err)
	}
	return filepath.Join(dir, "distlab", "state.json"), nil
}

// Store reads and writes one state file. Save is safe for concurrent use;
// a save older than the last one written is dropped, so saves running in
// background commands can finish in any order.
type Store struct {
	path string

	mu      sync.Mutex // guards written
	written uint64
}

// NewStore returns a store for the file at path.
func NewStore(path string) *Store { return &Store{path: path} }

// Path returns the state file's path.
func (s *Store) Path() string { return s.path }

// Load reads the state. A missing file is an empty state and no error; an
// unreadable or corrupt one is an empty state and an error that says why, to
// be shown as a warning: it must never prevent the app from starting.
func (s *Store) Load() (State, error) {
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, nil
	}
	if err != nil {
		return State{}, fmt.Errorf("progress: %w", err)
	}
	var st State
	if err := json.Unmarshal(data, &st); err != nil {
		return State{}, fmt.Errorf("progress file %s is corrupt, starting afresh: %w", s.path, err)
	}
	return st, nil
}

// Save writes st atomically. seq orders saves: a save with a seq not greater
// than the last one written is skipped; seq 0 always writes.
func (s *Store) Save(st State, seq uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq != 0 && seq <= s.written {
		return nil
	}
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("progress: %w", err)
	}
	if err := writeAtomic(s.path, append(data, '\n')); err != nil {
		return fmt.Errorf("progress: %w", err)
	}
	if seq != 0 { // seq 0 is an unordered save: it moves no watermark
		s.written = seq
	}
	return nil
}

// writeAtomic writes data to a temporary file beside path and renames it over
// path, creating the folder when missing.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".state-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
