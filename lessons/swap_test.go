//go:build unix

package lessons

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// liarFS says every file is regular, as a file swapped for a FIFO just
// after the check would look.
type liarFS struct{ nonBlockingFS }

func (l liarFS) Stat(name string) (fs.FileInfo, error) { return regularInfo{}, nil }

type regularInfo struct{ fs.FileInfo }

func (regularInfo) Mode() fs.FileMode { return 0 }

// A FIFO that passed the check is opened without blocking and refused by
// what the open file is.
func TestSwappedForAFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "a.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan *Problem, 1)
	go func() {
		_, p := readLesson(liarFS{nonBlockingFS{os.DirFS(dir), dir}}, "a.md", "a.md")
		done <- p
	}()
	select {
	case p := <-done:
		if p == nil || p.Error() != "a.md: not a regular file" {
			t.Fatalf("problem %v", p)
		}
	case <-time.After(10 * time.Second): // a guard, not a measurement
		t.Fatal("reading a FIFO blocked")
	}
}
