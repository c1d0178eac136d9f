//go:build linux

package progress_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"distlab/tui/progress"
)

// loadSoon is Load, failing the test if it does not return: a FIFO opened
// for reading the usual way would block it for good.
func loadSoon(t *testing.T, s *progress.Store) (progress.State, error) {
	t.Helper()
	type result struct {
		st  progress.State
		err error
	}
	done := make(chan result, 1)
	go func() { st, err := s.Load(); done <- result{st, err} }()
	select {
	case r := <-done:
		return r.st, r.err
	case <-time.After(10 * time.Second): // a guard, not a measurement
		t.Fatal("Load did not return")
		return progress.State{}, nil
	}
}

// A FIFO, /dev/zero (through a symlink) or /dev/null at the state's path is
// refused at once, with an error that names it; a save never replaces it.
func TestSpecialStateFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, zero, "/dev/null"} {
		s := progress.NewStore(path)
		st, err := loadSoon(t, s)
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: Load error %v, want not a regular file", path, err)
		}
		if !reflect.DeepEqual(st, progress.State{}) {
			t.Errorf("%s: state %#v", path, st)
		}
		if err := s.Save(progress.State{LastLesson: "x"}, 1); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: Save error %v, want not a regular file", path, err)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}
	if target, err := os.Readlink(zero); err != nil || target != "/dev/zero" {
		t.Errorf("the symlink to /dev/zero changed: %q %v", target, err)
	}
	if fi, err := os.Stat("/dev/null"); err != nil || fi.Mode().IsRegular() {
		t.Errorf("/dev/null was replaced: %v %v", fi.Mode(), err)
	}
}

// A state file over MaxSize is not read, nor replaced by a save: it is
// not distlab's.
func TestHugeStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	big := bytes.Repeat([]byte("not a state "), progress.MaxSize/12+1)
	if err := os.WriteFile(path, big, 0o644); err != nil {
		t.Fatal(err)
	}
	s := progress.NewStore(path)
	_, err := s.Load()
	if err == nil || !strings.Contains(err.Error(), "larger than 1 MB: it is not read, and progress is not saved") {
		t.Errorf("Load error %v", err)
	}
	if err := s.Save(progress.State{LastLesson: "a"}, 0); err != nil {
		t.Errorf("Save: %v", err)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, big) {
		t.Error("the big file was overwritten")
	}
}

// A corrupt state file is moved aside, not overwritten, and progress goes
// on in a fresh one.
func TestCorruptStateKeptAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte("{oops"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := progress.NewStore(path)
	if _, err := s.Load(); err == nil || !strings.Contains(err.Error(), "moved to "+path+".corrupt") {
		t.Errorf("Load error %v", err)
	}
	if data, err := os.ReadFile(path + ".corrupt"); err != nil || string(data) != "{oops" {
		t.Errorf("the corrupt file is not kept aside: %q %v", data, err)
	}
	if err := s.Save(progress.State{LastLesson: "a"}, 1); err != nil {
		t.Fatal(err)
	}
	if st, err := s.Load(); err != nil || st.LastLesson != "a" {
		t.Errorf("after a fresh save: %#v %v", st, err)
	}
}

// A symlink to a file not made yet (a folder synced later) is written
// through, and stays a link.
func TestSaveThroughDanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "sync", "state.json"), filepath.Join(dir, "link.json")
	if err := os.Symlink("sync/state.json", link); err != nil {
		t.Fatal(err)
	}
	s := progress.NewStore(link)
	if err := s.Save(progress.State{LastLesson: "a"}, 1); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if data, err := os.ReadFile(target); err != nil || !strings.Contains(string(data), `"a"`) {
		t.Fatalf("the target: %q %v", data, err)
	}
}

// A symlinked state file is saved where it points, and stays a link.
func TestSaveThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real.json"), filepath.Join(dir, "link.json")
	if err := os.WriteFile(real, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	s := progress.NewStore(link)
	if err := s.Save(progress.State{LastLesson: "a"}, 1); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if st, err := s.Load(); err != nil || st.LastLesson != "a" {
		t.Fatalf("Load through the link: %#v %v", st, err)
	}
}

// Temporary files a killed save left are removed at the next start, unless
// young enough to be another save under way; the state is compact JSON.
func TestStaleTempFilesAndCompactState(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	old, young := filepath.Join(dir, ".state-111.json"), filepath.Join(dir, ".state-222.json")
	for _, f := range []string{old, young} {
		if err := os.WriteFile(f, []byte("{"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	s := progress.NewStore(path)
	if _, err := s.Load(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("a stale temporary file stayed: %v", err)
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("a fresh temporary file was removed: %v", err)
	}
	if err := s.Save(progress.State{LastLesson: "a", Offsets: map[string]int{"a": 3}, Read: map[string]bool{"a": true}}, 1); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if want := `{"last_lesson":"a","offsets":{"a":3},"read":{"a":true}}` + "\n"; string(data) != want {
		t.Errorf("state file %q, want %q", data, want)
	}
}
