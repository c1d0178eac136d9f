//go:build linux

package progress_test

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"distlab/tui/progress"
)

// TestSaveWriteFailsKeepsOldFile makes the write itself fail, with a file
// size limit smaller than the new state (this works even as root, where a
// read-only folder would not stop the write). Go ignores SIGXFSZ, so the
// write returns EFBIG instead of killing the process.
func TestSaveWriteFailsKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s := progress.NewStore(path)
	if err := s.Save(progress.State{LastLesson: "old"}, 1); err != nil {
		t.Fatal(err)
	}
	old := readFile(t, path)

	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skip("no RLIMIT_FSIZE:", err)
	}
	small := lim
	small.Cur = 8
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &small); err != nil {
		t.Skip("cannot lower RLIMIT_FSIZE:", err)
	}
	err := s.Save(sample(), 2)
	if rerr := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); rerr != nil {
		t.Fatalf("restoring RLIMIT_FSIZE: %v", rerr)
	}

	if err == nil {
		t.Fatal("Save returned no error although the write failed")
	}
	t.Logf("Save failed as expected: %v", err)
	if got := readFile(t, path); !bytes.Equal(got, old) {
		t.Errorf("failed Save changed the state file:\n%s\nwas\n%s", got, old)
	}
	noTempFiles(t, dir)
	if st, err := s.Load(); err != nil || st.LastLesson != "old" {
		t.Errorf("after a failed save Load = %#v, %v; want the old state", st, err)
	}
	// The failed seq was not recorded: it can be saved once writes work.
	if err := s.Save(sample(), 2); err != nil {
		t.Fatalf("retry: %v", err)
	}
	if st, _ := s.Load(); st.LastLesson != sample().LastLesson {
		t.Errorf("retry not written: %#v", st)
	}
	_ = os.Remove(path)
}
