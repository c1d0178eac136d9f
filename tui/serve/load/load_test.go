package load

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"distlab/lessons"
	"distlab/tui"
	"distlab/tui/serve"
	"distlab/tui/serve/load/floor"
)

func TestMain(m *testing.M) {
	// regexp2 (the lessons' code highlighting) keeps a clock goroutine for a
	// while after a match timeout: not ours.
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("github.com/dlclark/regexp2.runClock"))
}

// The scanner finds mode 2026's sequences wherever reads split them, and
// nothing else.
func TestScanner(t *testing.T) {
	stream := "x\x1b[?2026$p\x1b[?2027$p" + "\x1b[?2026h\x1b[1;1Hhi\x1b[?2026l" + "\x1b[?2025h\x1b[?202\x1b[?2026l" + "\x1b[?2026$q"
	want := "phll"
	for size := 1; size <= len(stream); size++ {
		var sc scanner
		var got strings.Builder
		for i := 0; i < len(stream); i += size {
			sc.feed([]byte(stream[i:min(i+size, len(stream))]), func(ev byte) { got.WriteByte(ev) })
		}
		if got.String() != want {
			t.Fatalf("reads of %d bytes: events %q, want %q", size, got.String(), want)
		}
	}
}

func TestStats(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	s := statsOf(ds)
	if s.N != 100 || s.P50 != 50*time.Millisecond || s.P90 != 90*time.Millisecond || s.P99 != 99*time.Millisecond || s.Max != 100*time.Millisecond {
		t.Fatalf("stats %+v", s)
	}
	if s := statsOf(nil); s.N != 0 {
		t.Fatalf("no values: %+v", s)
	}
}

// short is a run of a few sessions for a second: enough to show every
// session comes up and every key is timed, not to measure anything.
func short(addr, code string) Config {
	return Config{
		Addr: addr, Code: code, Sessions: 3, Rate: 10,
		Typing: time.Second, Idle: 300 * time.Millisecond, KeyTimeout: 10 * time.Second,
		PID: os.Getpid(), // the test's own process: only that it is read
	}
}

// checkRun asserts what any run must show, whatever the machine's speed.
func checkRun(t *testing.T, res Result) {
	t.Helper()
	if res.Up != 3 || len(res.Failures) != 0 {
		t.Fatalf("%d of 3 sessions up: %v", res.Up, res.Failures)
	}
	if res.Course.N != 3 || res.Course.Max <= 0 || res.FirstScreen.Max <= 0 || res.FirstScreen.Max > res.Course.Max {
		t.Errorf("times to the screen %+v, to the course %+v", res.FirstScreen, res.Course)
	}
	// 10 keys a second for a second: each session types about 10.
	if res.Keys.N < 3*5 || res.Missed != 0 || res.Keys.P50 <= 0 || res.Keys.Max < res.Keys.P99 {
		t.Errorf("keys: %+v, %d missed", res.Keys, res.Missed)
	}
	if res.FirstByte.Max > res.Keys.Max {
		t.Errorf("first bytes %+v after the frames %+v", res.FirstByte, res.Keys)
	}
	if res.Bracketed != 3 {
		t.Errorf("%d of 3 sessions had bracketed frames", res.Bracketed)
	}
	if res.IdleFrames != 0 {
		t.Errorf("%d frames while idle", res.IdleFrames)
	}
	if res.RSSAfter <= 0 || res.RSSBefore <= 0 || res.TypingFor <= 0 || res.IdleFor <= 0 || res.BaseFor <= 0 {
		t.Errorf("the process was not read: %+v", res)
	}
}

// TestRunDistlab puts a short load on distlab's own server (in this
// process) and checks every session reached the course through the entry
// and every key had its frame.
func TestRunDistlab(t *testing.T) {
	if testing.Short() {
		t.Skip("opens SSH sessions for a few seconds")
	}
	dir := t.TempDir()
	d := tui.Demos()
	course := lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix, KnownDemo: d.Known, KnownStart: d.KnownStart})
	srv, err := serve.New(serve.Config{
		Listen: "127.0.0.1:0", Code: "abc-def",
		HostKeyPath: dir + "/key", StudentsDir: dir + "/students",
		App: tui.Config{Load: func() *lessons.Catalog { return course }, Demos: d, Source: "lessons"},
	})
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(context.Background()) }()
	defer func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
		if err := <-served; err != nil {
			t.Error(err)
		}
	}()
	var phases []Phase
	cfg := short(srv.Addr(), "abc-def")
	cfg.Progress = func(p Phase) { phases = append(phases, p) }
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	checkRun(t, res)
	if len(phases) != 3 || phases[0] != Connecting || phases[2] != Idling {
		t.Errorf("phases %v", phases)
	}
}

// TestRunFloor puts the same load on the floor.
func TestRunFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("opens SSH sessions for a few seconds")
	}
	srv, err := floor.New("127.0.0.1:0", tui.FrameRate)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Error(err)
		}
	}()
	res, err := Run(context.Background(), short(srv.Addr(), ""))
	if err != nil {
		t.Fatal(err)
	}
	checkRun(t, res)
}

// A session that cannot come up is counted, with why.
func TestRunRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("opens SSH sessions")
	}
	addr, err := FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Config{Addr: addr, Sessions: 2})
	if err != errNoSession || res.Up != 0 || len(res.Failures) != 2 || !strings.Contains(res.Failures[0], "bench00") {
		t.Fatalf("nothing listening: %v, %+v", err, res)
	}
}

// The course is up once its title is in the first row, and not while the
// entry shows there (its first frame, before the window's size is known).
func TestReady(t *testing.T) {
	for screen, want := range map[string]bool{
		" distlab · Fundamentals of Distributed Systems   1. What Is…\n╭─ Lessons ─╮":                                          true,
		" distlab · floor: hello, world over SSH\n\n keys: 0":                                                                  true,
		"distlab · Fundamentals of Distributed Systems\n\nWelcome to the class! What name should the class see?\n\n> bench001": false,
		"distlab · Fundamentals of Distributed Systems\n\nChoose your language:\n\n▸ English":                                  false,
		"distlab · Fundamentals of Distributed Systems\n\nOpening the course…":                                                 false,
		"\n\n      distlab · Fundamentals of Distributed Systems\n\n      Choose your language:":                               false,
	} {
		if got := ready(screen); got != want {
			t.Errorf("ready(%q) = %v, want %v", screen, got, want)
		}
	}
}
