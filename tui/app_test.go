package tui

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/lessons"
	"distlab/tui/progress"
	"distlab/tui/reader"
	"distlab/tui/theme"
)

// Every screen is exactly the terminal's size, whatever happens.
func assertSize(t *testing.T, m *Model, w, h int) {
	t.Helper()
	lines := strings.Split(m.Render(), "\n")
	if len(lines) != h {
		t.Fatalf("screen has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, got, w, ansi.Strip(l))
		}
	}
}

func TestGoldenScreens(t *testing.T) {
	const w, h = 100, 30
	t.Run("home", func(t *testing.T) {
		m := newApp(t, fixture, "en", w, h)
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("lesson_open", func(t *testing.T) {
		m := newApp(t, fixture, "en", w, h)
		press(t, m, "enter", "j", "j", "j", "j", "j")
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("after_L", func(t *testing.T) {
		m := newApp(t, fixture, "en", w, h)
		press(t, m, "enter", "L")
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("too_small", func(t *testing.T) {
		m := newApp(t, fixture, "en", w, h)
		send(t, m, tea.WindowSizeMsg{Width: 50, Height: 12})
		assertSize(t, m, 50, 12)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("full_help", func(t *testing.T) {
		m := newApp(t, fixture, "pt-BR", w, h)
		press(t, m, "?")
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
	// With colors, at a fixed profile: the styles themselves are reviewed here.
	t.Run("home_ansi", func(t *testing.T) {
		m := newApp(t, fixture, "en", w, h)
		golden.RequireEqual(t, m.Render())
	})
}

func TestOpenAndNavigate(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	if m.Lesson() != "nodes" || m.Focused() != "reader" {
		t.Fatalf("start: lesson %q focus %q, want nodes in the reader", m.Lesson(), m.Focused())
	}
	press(t, m, "shift+tab", "j", "enter")
	if m.Lesson() != "clocks" || m.Focused() != "reader" {
		t.Fatalf("after j enter: lesson %q focus %q", m.Lesson(), m.Focused())
	}
	press(t, m, "p")
	if m.Lesson() != "nodes" {
		t.Fatalf("p: lesson %q, want nodes", m.Lesson())
	}
	press(t, m, "p") // already first: stays
	if m.Lesson() != "nodes" {
		t.Fatalf("p at first: lesson %q", m.Lesson())
	}
	press(t, m, "n", "n")
	if m.Lesson() != "clocks" {
		t.Fatalf("n n: lesson %q, want clocks (last)", m.Lesson())
	}
	if !strings.Contains(screen(m), "2. Clocks without a global time") {
		t.Fatalf("header does not name the lesson:\n%s", screen(m))
	}
}

func TestLanguageSwitchKeepsLesson(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	press(t, m, "shift+tab", "j", "enter", "L")
	if m.Lang() != "pt-BR" || m.Lesson() != "clocks" {
		t.Fatalf("after L: %s %s", m.Lang(), m.Lesson())
	}
	s := screen(m)
	for _, want := range []string{"Relógios sem tempo global", "Lições", "pt-BR", "idioma"} {
		if !strings.Contains(s, want) {
			t.Errorf("pt-BR screen lacks %q:\n%s", want, s)
		}
	}
	press(t, m, "L")
	if m.Lang() != "en" || !strings.Contains(screen(m), "Clocks without a global time") {
		t.Fatalf("second L did not come back to English:\n%s", screen(m))
	}
}

func TestFilter(t *testing.T) {
	m := newApp(t, fixture, "pt-BR", 100, 30)
	// "relogios" matches "Relógios" without the accent (lesson 1's text
	// says "relógio", singular: a body hit would list it too).
	press(t, m, "shift+tab", "/", "r", "e", "l", "o", "g", "i", "o", "s")
	s := screen(m)
	if !strings.Contains(s, "filtro: relogios") || strings.Contains(s, "1 · Nós e mensagens") || !strings.Contains(s, "2 · Relógios") {
		t.Fatalf("filter did not narrow the list:\n%s", s)
	}
	press(t, m, "enter")
	if m.Lesson() != "clocks" {
		t.Fatalf("enter in filter opened %q", m.Lesson())
	}
	if s := screen(m); strings.Contains(s, "filtro:") || !strings.Contains(s, "1 · Nós e mensagens") {
		t.Fatalf("opening a lesson left the list filtered:\n%s", s)
	}
	// While typing, global keys are text: q must not quit, L must not switch.
	m = newApp(t, fixture, "en", 100, 30)
	press(t, m, "shift+tab", "/", "q", "L")
	if m.Lang() != "en" || !strings.Contains(screen(m), "filter: qL") {
		t.Fatalf("keys leaked out of the filter:\n%s", screen(m))
	}
	press(t, m, "esc")
	if strings.Contains(screen(m), "filter:") {
		t.Fatal("esc did not clear the filter")
	}
}

func TestReadMarkAndProgress(t *testing.T) {
	store := progress.NewStore(t.TempDir() + "/state.json")
	m := New(Config{Load: fixture, Lang: "en", Theme: theme.Dark, Store: store})
	var readWaits []func(time.Time) tea.Msg // the reader's waits, delivered by hand
	m.com.Tick = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		if d == reader.ReadAfter {
			readWaits = append(readWaits, fn)
		}
		return nil
	}
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if m.state.Read["nodes"] {
		t.Fatal("nodes read before scrolling to its end")
	}
	press(t, m, "j", "j", "j")
	off := m.reader.Offset()
	if off != 3 {
		t.Fatalf("offset %d after three j, want 3", off)
	}
	press(t, m, "end")
	if m.state.Read["nodes"] || len(readWaits) != 1 {
		t.Fatalf("the end on screen: read %v at once, %d waits armed", m.state.Read["nodes"], len(readWaits))
	}
	send(t, m, readWaits[0](time.Now())) // the end stayed on screen
	if !m.state.Read["nodes"] {
		t.Fatal("the end stayed on screen, and the lesson is not marked read")
	}
	if !strings.Contains(screen(m), "✓ Nodes and messages") {
		t.Fatalf("no read mark in the list:\n%s", screen(m))
	}
	press(t, m, "home", "j", "j", "n") // leave nodes at line 2, open clocks
	saved, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if saved.LastLesson != "clocks" || saved.Offsets["nodes"] != 2 || !saved.Read["nodes"] {
		t.Fatalf("saved state %+v", saved)
	}
	// A new app picks up where the last one stopped.
	m2 := New(Config{Load: fixture, Lang: "en", Theme: theme.Dark, Store: store, State: saved})
	m2.com.Tick = holdTicks
	run(t, m2, m2.Init())
	send(t, m2, tea.WindowSizeMsg{Width: 100, Height: 30})
	if m2.Lesson() != "clocks" {
		t.Fatalf("restart opened %q, want clocks", m2.Lesson())
	}
	press(t, m2, "p")
	if m2.reader.Offset() != 2 {
		t.Fatalf("restart: nodes at line %d, want 2", m2.reader.Offset())
	}
}

func TestThemeCycleAndBackground(t *testing.T) {
	m := New(Config{Load: fixture, Lang: "en", Theme: theme.Dark, ThemeAuto: true})
	m.com.Tick = holdTicks
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	send(t, m, tea.BackgroundColorMsg{Color: ansiWhite})
	if m.com.Styles.Theme != theme.Light {
		t.Fatalf("light background gave %v", m.com.Styles.Theme)
	}
	for _, want := range []theme.Theme{theme.HighContrast, theme.Dark, theme.Light} {
		press(t, m, "T")
		if m.com.Styles.Theme != want {
			t.Fatalf("T gave %v, want %v", m.com.Styles.Theme, want)
		}
		if !m.reader.Ready() {
			t.Fatalf("lesson not re-rendered for %v", want)
		}
	}
	press(t, m, "T") // high contrast: the terminal background is set too
	if v := m.View(); v.BackgroundColor == nil || !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion {
		t.Fatalf("view: bg %v alt %v mouse %v", v.BackgroundColor, v.AltScreen, v.MouseMode)
	}
}

func TestMouse(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	// Row 2 of the sidebar's inside is the second lesson: header 1 + border 1.
	send(t, m, tea.MouseClickMsg{X: 5, Y: 3, Button: tea.MouseLeft})
	if m.Lesson() != "clocks" || m.Focused() != "reader" {
		t.Fatalf("click: lesson %q focus %q", m.Lesson(), m.Focused())
	}
	send(t, m, tea.MouseClickMsg{X: 5, Y: 2, Button: tea.MouseLeft})
	if m.Lesson() != "nodes" {
		t.Fatalf("click on the first row opened %q", m.Lesson())
	}
	// The second title wraps at this width: its second line opens it too.
	send(t, m, tea.MouseClickMsg{X: 12, Y: 4, Button: tea.MouseLeft})
	if m.Lesson() != "clocks" {
		t.Fatalf("click on a wrapped title's second line opened %q", m.Lesson())
	}
	send(t, m, tea.MouseClickMsg{X: 5, Y: 2, Button: tea.MouseLeft})
	send(t, m, tea.MouseClickMsg{X: 5, Y: 20, Button: tea.MouseLeft}) // below the items
	if m.Lesson() != "nodes" || m.Focused() != "catalog" {
		t.Fatalf("click on the empty list: lesson %q focus %q", m.Lesson(), m.Focused())
	}
	send(t, m, tea.MouseWheelMsg{X: 60, Y: 10, Button: tea.MouseWheelDown})
	if m.reader.Offset() != 3 || m.Focused() != "catalog" {
		t.Fatalf("wheel over reader: offset %d focus %s", m.reader.Offset(), m.Focused())
	}
}

func TestProblemsAreShown(t *testing.T) {
	m := newApp(t, fixtureWithProblem(t), "en", 100, 30)
	s := screen(m)
	if !strings.Contains(s, "1 problem in lesson files") || !strings.Contains(s, "Nodes and messages") {
		t.Fatalf("problem line missing or lessons lost:\n%s", s)
	}
	press(t, m, "!")
	if !strings.Contains(screen(m), "course/en/03-bad.md:1: missing title") {
		t.Fatalf("problems view:\n%s", screen(m))
	}
	press(t, m, "esc")
	if hasOverlay[problemsOverlay](m) {
		t.Fatal("esc did not close the problems view")
	}
}

// Scrolling arms one save a little later, so a closed terminal keeps the
// place; the status line clears itself.
func TestSaveSoonAndStatusTimeout(t *testing.T) {
	store := progress.NewStore(t.TempDir() + "/state.json")
	m := New(Config{Load: fixture, Lang: "en", Theme: theme.Dark, Store: store})
	var armed []time.Duration
	m.com.Tick = func(d time.Duration, _ func(time.Time) tea.Msg) tea.Cmd { armed = append(armed, d); return nil }
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, m, "j", "j", "j", "j")
	if len(armed) != 1 || armed[0] != 2*time.Second {
		t.Fatalf("scrolling armed %v, want one 2s save", armed)
	}
	send(t, m, saveTickMsg{})
	if st, _ := store.Load(); st.Offsets["nodes"] != 4 {
		t.Fatalf("saved offset %d, want 4", st.Offsets["nodes"])
	}
	press(t, m, "x") // "the lesson pane stays open"
	if m.status == nil {
		t.Fatal("no status")
	}
	send(t, m, statusTimeoutMsg{seq: m.statusSeq - 1})
	if m.status == nil {
		t.Fatal("an old timeout cleared a newer status")
	}
	send(t, m, statusTimeoutMsg{seq: m.statusSeq})
	if m.status != nil || m.layout.Status.H != 0 {
		t.Fatal("the status did not clear")
	}
}

// A lesson that stops loading while open keeps its last good text and
// says so; the others reload.
func TestReloadWhenTheOpenLessonBreaks(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	broken := fixtureWithProblem(t)()
	send(t, m, loadedMsg{broken})
	if !strings.Contains(screen(m), "lessons reloaded") {
		t.Fatalf("no reload notice:\n%s", screen(m))
	}
	// Now drop "nodes", the lesson on screen.
	c := lessons.Load(fstest.MapFS{"en/02-clocks.md": &fstest.MapFile{Data: []byte("---\nid: clocks\ntitle: Clocks\n---\nx\n")}}, lessons.Options{})
	send(t, m, loadedMsg{c})
	s := screen(m)
	if !strings.Contains(s, "no longer loads") || !strings.Contains(s, "Learning goals") {
		t.Fatalf("the open lesson vanished without a word:\n%s", s)
	}
	press(t, m, "n", "p") // the lesson is not in the course: n and p do nothing
	if m.Lesson() != "nodes" {
		t.Fatalf("n/p moved to %q", m.Lesson())
	}
}

func TestClickWhileFiltering(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	press(t, m, "shift+tab", "/", "c", "l", "o", "c", "k", "s")      // in lesson 2's title only
	send(t, m, tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft}) // first match, under the filter line
	if m.Lesson() != "clocks" || m.list.Capturing() {
		t.Fatalf("click in a filtered list: lesson %q, still typing %v", m.Lesson(), m.list.Capturing())
	}
	press(t, m, "tab", "q") // q quits again, not typed into the filter
	if m.list.Capturing() {
		t.Fatal("filter still capturing")
	}
}

// However narrow the view, a problem wraps whole: its place, then its
// message, never "path:N::" nor a word lost, nor a line past the width.
func TestProblemsWrap(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	long := "course/a-rather-long-folder-name/another/en/03-a-lesson-with-a-long-name.md"
	m.course.Problems = []lessons.Problem{
		{Path: long, Line: 12, Format: "unknown field %q (fields: %s)", Args: []any{"titel", "id, title, order, summary, demos"}},
		{Path: "course/en/01.md", Line: 3, Format: "missing title"},
	}
	for w := 12; w <= 100; w++ {
		out := ansi.Strip(m.problems(w))
		var joined strings.Builder
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, "::") {
				t.Fatalf("width %d: %q", w, l)
			}
			if ansi.StringWidth(l) > w {
				t.Fatalf("width %d: %q is %d wide", w, l, ansi.StringWidth(l))
			}
			joined.WriteString(strings.TrimSpace(l))
		}
		all := strings.ReplaceAll(joined.String(), " ", "")
		for _, want := range []string{long + ":12:", `unknownfield"titel"(fields:id,title,order,summary,demos)`, "course/en/01.md:3:missingtitle"} {
			if !strings.Contains(all, want) {
				t.Fatalf("width %d: %q lost:\n%s", w, want, out)
			}
		}
	}
}

// Every start shows the same first screen: the reader has the keys, and
// the footer's first hint, which pages the lesson, does so.
func TestFirstScreenFocusesTheReader(t *testing.T) {
	for _, cfg := range []Config{{}, {Lesson: "nodes"}, {State: progress.State{LastLesson: "nodes"}}} {
		cfg.Load, cfg.Lang, cfg.Source = fixture, "en", "test"
		m := New(cfg)
		m.com.Tick = holdTicks
		run(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		lines := strings.Split(screen(m), "\n")
		footer := lines[len(lines)-1]
		if m.Focused() != "reader" || !strings.HasPrefix(footer, "pgdn/space page down") {
			t.Fatalf("start %+v: focus %s, footer %q", cfg.Lesson, m.Focused(), footer)
		}
		press(t, m, "space")
		if m.reader.Offset() == 0 {
			t.Fatalf("start %+v: space did not page down", cfg.Lesson)
		}
		m.Close()
	}
}

// A course of one's own (--lessons DIR) is named by its folder in the
// header, escapes taken out; the built-in course keeps its name.
func TestHeaderNamesTheCourse(t *testing.T) {
	header := func(course string) string {
		m := New(Config{Load: fixture, Lang: "en", Theme: theme.Dark, Source: "test", Demos: testDemos, Course: course})
		m.com.Tick = holdTicks
		t.Cleanup(m.Close)
		run(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: 120, Height: 30})
		return strings.SplitN(screen(m), "\n", 2)[0]
	}
	if h := header(""); !strings.Contains(h, "distlab · Fundamentals of Distributed Systems") {
		t.Errorf("built-in course: %q", h)
	}
	if h := header("my-course\x1b]0;PWNED\a"); !strings.Contains(h, "distlab · my-course") || strings.Contains(h, "Fundamentals") || strings.Contains(h, "PWNED") {
		t.Errorf("own course: %q", h)
	}
}
