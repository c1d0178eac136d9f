package lessons_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"distlab/lessons"
)

const (
	changeTimeout = 5 * time.Second
	quietPeriod   = 500 * time.Millisecond
)

// course makes a folder with en/ and pt-BR/ subfolders.
func course(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, lang := range lessons.Languages {
		if err := os.Mkdir(filepath.Join(dir, lang), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// watcher starts Watch on dir and returns a channel that receives one value
// per onChange call, and a count of calls. The watch stops with the test.
func watcher(t *testing.T, dir string) (<-chan struct{}, *atomic.Int32, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	changed := make(chan struct{}, 100)
	var calls atomic.Int32
	err := lessons.Watch(ctx, dir, func() {
		calls.Add(1)
		select {
		case changed <- struct{}{}:
		default:
		}
	})
	if err != nil {
		t.Fatalf("Watch: %v", err)
	}
	return changed, &calls, cancel
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func expectChange(t *testing.T, changed <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-changed:
	case <-time.After(changeTimeout):
		t.Fatalf("onChange not called within %v after %s", changeTimeout, what)
	}
}

func expectQuiet(t *testing.T, changed <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-changed:
		t.Fatalf("onChange called after %s", what)
	case <-time.After(quietPeriod):
	}
}

func TestWatchMarkdownWrite(t *testing.T) {
	dir := course(t)
	changed, _, _ := watcher(t, dir)
	write(t, filepath.Join(dir, "en", "01-a.md"), lessonFile("a", "A", 1))
	expectChange(t, changed, "writing en/01-a.md")
	write(t, filepath.Join(dir, "pt-BR", "01-a.md"), lessonFile("a", "A", 1))
	expectChange(t, changed, "writing pt-BR/01-a.md")
}

func TestWatchRemoveAndRename(t *testing.T) {
	dir := course(t)
	md := filepath.Join(dir, "en", "01-a.md")
	write(t, md, lessonFile("a", "A", 1))
	changed, _, _ := watcher(t, dir)

	// Editors often save to a temporary name, then rename over the file.
	tmp := filepath.Join(dir, "en", ".01-a.md.tmp")
	write(t, tmp, lessonFile("a", "A2", 1))
	if err := os.Rename(tmp, md); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changed, "renaming over en/01-a.md")

	if err := os.Remove(md); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changed, "removing en/01-a.md")
}

func TestWatchIgnoresOtherFiles(t *testing.T) {
	dir := course(t)
	changed, _, _ := watcher(t, dir)
	write(t, filepath.Join(dir, "en", "notes.txt"), "not a lesson")
	write(t, filepath.Join(dir, "pt-BR", "01-a.md~"), "backup")
	write(t, filepath.Join(dir, "top.md"), "outside the language folders")
	expectQuiet(t, changed, "writing non-lesson files")
	// The watcher is alive: a lesson write is still seen.
	write(t, filepath.Join(dir, "en", "01-a.md"), lessonFile("a", "A", 1))
	expectChange(t, changed, "writing en/01-a.md")
}

func TestWatchCoalescesBurst(t *testing.T) {
	dir := course(t)
	changed, calls, _ := watcher(t, dir)
	const n = 10
	for i := range n {
		write(t, filepath.Join(dir, "en", strconv.Itoa(i)+".md"), lessonFile("a", "A", i))
	}
	expectChange(t, changed, "a burst of writes")
	time.Sleep(quietPeriod)
	// Each write makes at least two events; without the settle timer there
	// would be one call per event.
	if got := calls.Load(); got >= n {
		t.Errorf("onChange called %d times for a burst of %d writes, want it coalesced", got, n)
	}
}

func TestWatchOneLanguageFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "pt-BR"), 0o755); err != nil {
		t.Fatal(err)
	}
	changed, _, _ := watcher(t, dir)
	write(t, filepath.Join(dir, "pt-BR", "a.md"), lessonFile("a", "A", 1))
	expectChange(t, changed, "writing pt-BR/a.md")
}

func TestWatchCancelStops(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	dir := course(t)
	changed, calls, cancel := watcher(t, dir)
	write(t, filepath.Join(dir, "en", "a.md"), lessonFile("a", "A", 1))
	expectChange(t, changed, "writing en/a.md")

	cancel()
	before := calls.Load()
	time.Sleep(50 * time.Millisecond)
	write(t, filepath.Join(dir, "en", "b.md"), lessonFile("b", "B", 2))
	time.Sleep(quietPeriod)
	if got := calls.Load(); got != before {
		t.Errorf("onChange called %d more times after cancel", got-before)
	}
	// goleak then checks that the watch goroutine and fsnotify's own
	// goroutines are gone.
}

func TestWatchErrors(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	called := func() { t.Error("onChange called") }

	missing := filepath.Join(t.TempDir(), "nope")
	if err := lessons.Watch(ctx, missing, called); err == nil {
		t.Error("Watch on a missing folder returned nil")
	}
}

// A folder with no language folder yet (an instructor starting a course)
// is watched: the app shows it as a problem, and reloads when en/ comes.
func TestWatchEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	changed, _, _ := watcher(t, dir)
	if err := os.Mkdir(filepath.Join(dir, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changed, "a language folder created in an empty folder")
	write(t, filepath.Join(dir, "en", "01-a.md"), "x")
	expectChange(t, changed, "a lesson written in it")
}

// A language folder replaced wholesale (git checkout, rsync) is watched
// again, and so is one created after the watch started.
func TestWatchReplacedFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	changed, _, _ := watcher(t, dir)
	pt := filepath.Join(dir, "pt-BR")
	if err := os.Mkdir(pt, 0o755); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changed, "a language folder created")
	write(t, filepath.Join(pt, "01-a.md"), "x")
	expectChange(t, changed, "a write in a folder created after the start")
	if err := os.Rename(pt, filepath.Join(dir, "old")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(pt, 0o755); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changed, "the folder replaced")
	write(t, filepath.Join(pt, "01-a.md"), "y")
	expectChange(t, changed, "a write in the replaced folder")
}
