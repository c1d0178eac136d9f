package tui

import (
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

// fixture loads the small test course in testdata/course.
func fixture() *lessons.Catalog {
	return lessons.Load(os.DirFS("testdata/course"), lessons.Options{Prefix: "course", KnownDemo: testDemos.Known})
}

// embedded loads the real course.
func embedded() *lessons.Catalog {
	return lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix, KnownDemo: KnownDemo})
}

// newApp starts an app on course at w×h, with every command run to the end,
// as a program would, but synchronously.
func newApp(tb testing.TB, load func() *lessons.Catalog, lang string, w, h int) *Model {
	tb.Helper()
	m := New(Config{Load: load, Lang: lang, Theme: theme.Dark, Source: "test", Demos: testDemos})
	m.com.Tick = holdTicks
	tb.Cleanup(m.Close) // demos' engine goroutines end with the test
	run(tb, m, m.Init())
	send(tb, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// holdTicks stands in for tea.Tick: frames are never delivered by
// themselves, so tests are deterministic; a test sends frame messages
// itself when it wants one.
func holdTicks(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }

// send delivers msg and runs the commands it returns.
func send(tb testing.TB, m *Model, msg tea.Msg) {
	tb.Helper()
	_, cmd := m.Update(msg)
	run(tb, m, cmd)
}

// run executes cmd and feeds what it returns back into m, breadth first,
// the way tea.Program would (minus the concurrency). Quit is noted, not
// obeyed: the tests read the model afterwards.
func run(tb testing.TB, m *Model, cmd tea.Cmd) {
	tb.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			tb.Fatal("commands did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// press sends key presses, by their names as tea prints them.
func press(tb testing.TB, m *Model, keys ...string) {
	tb.Helper()
	for _, k := range keys {
		send(tb, m, keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyPressMsg { return panetest.Key(k) }

// screen is the app's content without colors.
func screen(m *Model) string { return ansi.Strip(m.Render()) }
