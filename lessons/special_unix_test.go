//go:build unix

package lessons_test

import (
	"net"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"

	"distlab/lessons"
)

// loadDirSoon is LoadDir, failing the test if it does not return: a FIFO
// opened for reading would block it for good.
func loadDirSoon(t *testing.T, dir string) *lessons.Catalog {
	t.Helper()
	done := make(chan *lessons.Catalog, 1)
	go func() { done <- lessons.LoadDir(dir, lessons.Options{}) }()
	select {
	case c := <-done:
		return c
	case <-time.After(10 * time.Second): // a guard, not a measurement
		t.Fatal("LoadDir did not return: it opened a special file")
		return nil
	}
}

// A FIFO, a device, a symlink to /dev/zero and a socket named like lessons
// are each one problem, "not a regular file", and are never opened; the
// real lesson beside them loads.
func TestSpecialFilesAreNotRead(t *testing.T) {
	dir := t.TempDir()
	en := filepath.Join(dir, "en")
	if err := os.Mkdir(en, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(en, "01-a.md"), []byte(lessonFile("a", "A", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(en, "02-fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(en, "03-zero.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/null", filepath.Join(en, "04-null.md")); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("unix", filepath.Join(en, "05-sock.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()

	c := loadDirSoon(t, dir)
	var got []string
	for _, p := range c.Problems {
		got = append(got, p.Error())
	}
	var want []string
	for _, name := range []string{"02-fifo.md", "03-zero.md", "04-null.md", "05-sock.md"} {
		want = append(want, filepath.Join(en, name)+": not a regular file")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	if got := ids(c.Lessons("en")); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("lessons = %v, want [a]", got)
	}
}
