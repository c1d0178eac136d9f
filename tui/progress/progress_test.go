package progress_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"distlab/tui/progress"
)

func sample() progress.State {
	return progress.State{
		LastLesson: "scalability",
		Offsets:    map[string]int{"scalability": 42, "intro": 0},
		Read:       map[string]bool{"intro": true},
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// noTempFiles fails if a .state-* temporary file is left in dir.
func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	left, err := filepath.Glob(filepath.Join(dir, ".state-*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestLoadMissingFile(t *testing.T) {
	s := progress.NewStore(filepath.Join(t.TempDir(), "no", "state.json"))
	st, err := s.Load()
	if err != nil {
		t.Errorf("Load of a missing file: %v", err)
	}
	if !reflect.DeepEqual(st, progress.State{}) {
		t.Errorf("state = %#v, want empty", st)
	}
}

func TestLoadCorrupt(t *testing.T) {
	for name, data := range map[string]string{
		"truncated":  `{"last_lesson": "scal`,
		"wrong type": `{"offsets": {"a": "x"}}`,
		"not json":   "hello",
		"empty":      "",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
				t.Fatal(err)
			}
			st, err := progress.NewStore(path).Load()
			if err == nil {
				t.Fatal("Load of a corrupt file returned no error")
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name %s", err, path)
			}
			if !reflect.DeepEqual(st, progress.State{}) {
				t.Errorf("state = %#v, want empty (no half-decoded fields)", st)
			}
		})
	}
}

func TestLoadUnreadable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := progress.NewStore(path).Load()
	if err == nil {
		t.Fatal("Load of a directory returned no error")
	}
	if want := "progress file " + path + " is not a regular file"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q, want it to start %q", err, want)
	}
	if !reflect.DeepEqual(st, progress.State{}) {
		t.Errorf("state = %#v, want empty", st)
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "config", "distlab") // does not exist yet
	path := filepath.Join(dir, "state.json")
	s := progress.NewStore(path)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	if err := s.Save(sample(), 1); err != nil {
		t.Fatalf("Save: %v", err)
	}
	got, err := progress.NewStore(path).Load() // a fresh store, as on the next run
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if !reflect.DeepEqual(got, sample()) {
		t.Errorf("round trip = %#v, want %#v", got, sample())
	}
	noTempFiles(t, dir)

	var raw map[string]any
	if err := json.Unmarshal(readFile(t, path), &raw); err != nil {
		t.Fatalf("state file is not JSON: %v", err)
	}
	for _, key := range []string{"last_lesson", "offsets", "read"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("state file lacks %q: %v", key, raw)
		}
	}
}

func TestSaveEmptyState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := progress.NewStore(path)
	if err := s.Save(progress.State{}, 1); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(readFile(t, path))); got != "{}" {
		t.Errorf("empty state saved as %q, want {}", got)
	}
	st, err := s.Load()
	if err != nil || !reflect.DeepEqual(st, progress.State{}) {
		t.Errorf("Load = %#v, %v", st, err)
	}
}

func TestSaveOverwritesAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s := progress.NewStore(path)
	for seq := uint64(1); seq <= 5; seq++ {
		st := sample()
		st.Offsets["scalability"] = int(seq)
		if err := s.Save(st, seq); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Load()
	if err != nil || got.Offsets["scalability"] != 5 {
		t.Errorf("after 5 saves: %#v, %v", got, err)
	}
	noTempFiles(t, dir)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only state.json", len(entries))
	}
}

func TestSaveParentIsFile(t *testing.T) {
	dir := t.TempDir()
	parent := filepath.Join(dir, "config")
	if err := os.WriteFile(parent, []byte("a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := progress.NewStore(filepath.Join(parent, "state.json"))
	if err := s.Save(sample(), 1); err == nil {
		t.Fatal("Save under a file returned no error")
	}
	if got := string(readFile(t, parent)); got != "a file" {
		t.Errorf("the file in the way was changed to %q", got)
	}
	noTempFiles(t, dir)
}

func TestSaveRenameFails(t *testing.T) {
	// The state path is a non-empty folder: the temporary file is written,
	// but the rename over it fails.
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := os.MkdirAll(filepath.Join(path, "keep"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := progress.NewStore(path)
	if err := s.Save(sample(), 1); err == nil {
		t.Fatal("Save over a folder returned no error")
	}
	noTempFiles(t, dir)
	if _, err := os.Stat(filepath.Join(path, "keep")); err != nil {
		t.Errorf("the folder in the way was damaged: %v", err)
	}
	// A failed save is not remembered as written: once the way is clear the
	// same seq is saved.
	if err := os.RemoveAll(path); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(sample(), 1); err != nil {
		t.Fatalf("retry: %v", err)
	}
	if got, _ := s.Load(); !reflect.DeepEqual(got, sample()) {
		t.Errorf("after retry: %#v", got)
	}
}

func TestSaveSkipsStaleSeq(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := progress.NewStore(path)
	newer := sample()
	if err := s.Save(newer, 5); err != nil {
		t.Fatal(err)
	}
	want := readFile(t, path)
	for _, seq := range []uint64{5, 4, 1} {
		stale := progress.State{LastLesson: "stale"}
		if err := s.Save(stale, seq); err != nil {
			t.Errorf("stale Save(seq %d) returned %v, want nil (skipped)", seq, err)
		}
		if got := readFile(t, path); !bytes.Equal(got, want) {
			t.Errorf("Save with seq %d after 5 rewrote the file:\n%s", seq, got)
		}
	}
	newer.LastLesson = "intro"
	if err := s.Save(newer, 6); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Load(); got.LastLesson != "intro" {
		t.Errorf("Save with seq 6 was not written: %#v", got)
	}
}

func TestSaveZeroSeqKeepsOrdering(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := progress.NewStore(path)
	if err := s.Save(progress.State{LastLesson: "five"}, 5); err != nil {
		t.Fatal(err)
	}
	_ = s.Save(progress.State{LastLesson: "zero"}, 0)
	if err := s.Save(progress.State{LastLesson: "stale"}, 3); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Load(); got.LastLesson == "stale" {
		t.Errorf("a save with seq 3 overwrote the state after seq 5 was written")
	}
}

func TestConcurrentSaves(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s := progress.NewStore(path)
	const n = 20
	stateFor := func(seq int) progress.State {
		return progress.State{
			LastLesson: "lesson-" + strings.Repeat("x", seq),
			Offsets:    map[string]int{"a": seq},
			Read:       map[string]bool{"a": seq%2 == 0},
		}
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make(chan error, n)
	for i := 1; i <= n; i++ {
		wg.Go(func() {
			<-start
			errs <- s.Save(stateFor(i), uint64(i))
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Save: %v", err)
		}
	}
	var got progress.State
	if err := json.Unmarshal(readFile(t, path), &got); err != nil {
		t.Fatalf("state file is not valid JSON: %v", err)
	}
	if want := stateFor(n); !reflect.DeepEqual(got, want) {
		t.Errorf("final state = %#v, want seq %d's %#v", got, n, want)
	}
	noTempFiles(t, dir)
}

func TestDefaultPath(t *testing.T) {
	t.Run("env", func(t *testing.T) {
		want := filepath.Join(t.TempDir(), "custom.json")
		t.Setenv(progress.EnvPath, want)
		got, err := progress.DefaultPath()
		if err != nil || got != want {
			t.Errorf("DefaultPath() = %q, %v; want %q", got, err, want)
		}
	})
	t.Run("config folder", func(t *testing.T) {
		cfg := t.TempDir()
		t.Setenv(progress.EnvPath, "")
		t.Setenv("XDG_CONFIG_HOME", cfg) // read by os.UserConfigDir on Unix
		t.Setenv("HOME", cfg)            // used on macOS
		want, err := os.UserConfigDir()
		if err != nil {
			t.Skip("no config folder on this system:", err)
		}
		got, err := progress.DefaultPath()
		if err != nil || got != filepath.Join(want, "distlab", "state.json") {
			t.Errorf("DefaultPath() = %q, %v; want %q", got, err, filepath.Join(want, "distlab", "state.json"))
		}
	})
	if progress.EnvPath != "DISTLAB_STATE" {
		t.Errorf("EnvPath = %q, want DISTLAB_STATE", progress.EnvPath)
	}
}

func TestCloneIsDeep(t *testing.T) {
	orig := sample()
	c := orig.Clone()
	if !reflect.DeepEqual(c, orig) {
		t.Fatalf("clone %#v differs from %#v", c, orig)
	}
	c.Offsets["scalability"] = 7
	c.Offsets["new"] = 1
	c.Read["intro"] = false
	c.Read["new"] = true
	c.LastLesson = "other"
	if !reflect.DeepEqual(orig, sample()) {
		t.Errorf("mutating the clone changed the original: %#v", orig)
	}
	var empty progress.State
	if ec := empty.Clone(); ec.Offsets != nil || ec.Read != nil {
		t.Errorf("clone of empty state = %#v, want nil maps", ec)
	}
}
