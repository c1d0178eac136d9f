package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"go.uber.org/goleak"

	"distlab/tui/common"
	"distlab/tui/demo/demotest"
)

// tickers returns the test demos open in m, in pane order.
func tickers(m *Model) []*demotest.Model {
	var out []*demotest.Model
	for _, s := range m.slots {
		if t, ok := s.pane.(*demotest.Model); ok {
			out = append(out, t)
		}
	}
	return out
}

// seenPane reports whether the pane p is drawn on screen.
func seenPane(m *Model, p common.Pane) bool {
	for i, s := range m.slots {
		if s.pane == p {
			return m.seen(i)
		}
	}
	return false
}

func TestWorkspaceGolden(t *testing.T) {
	const w, h = 120, 40
	t.Run("lesson_and_demo", func(t *testing.T) {
		m := newApp(t, fixture, "en", w, h)
		press(t, m, "1") // the lesson's first demo, from its demo bar
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("zoomed", func(t *testing.T) {
		m := newApp(t, fixture, "en", w, h)
		press(t, m, "1", "z")
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("presenter", func(t *testing.T) {
		m := newApp(t, fixture, "en", w, h)
		press(t, m, "P")
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("presenter_notes_demo", func(t *testing.T) {
		m := newApp(t, fixture, "pt-BR", w, h)
		press(t, m, "P", "right", "N", "1")
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("picker", func(t *testing.T) {
		m := newApp(t, fixture, "en", w, h)
		press(t, m, "D")
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
}

func TestDemoBarOpensOrFocuses(t *testing.T) {
	m := newApp(t, fixture, "en", 120, 40)
	if !strings.Contains(screen(m), "▶ 1 ticker") {
		t.Fatalf("no demo bar:\n%s", screen(m))
	}
	press(t, m, "1")
	if m.Panes() != 2 || m.Focused() != "ticker" {
		t.Fatalf("1: %d panes, focus %s", m.Panes(), m.Focused())
	}
	press(t, m, "tab", "tab", "1") // from the list again: focuses the open one
	if m.Panes() != 2 || m.Focused() != "ticker" {
		t.Fatalf("second 1: %d panes, focus %s", m.Panes(), m.Focused())
	}
	press(t, m, "2") // the lesson has one demo: 2 is nothing (and the demo ignores it)
	if m.Panes() != 2 {
		t.Fatal("2 opened something")
	}
	press(t, m, "n") // n belongs to the demo while it has focus: no lesson change
	if m.Lesson() != "nodes" {
		t.Fatalf("n reached the lesson from a demo pane: %s", m.Lesson())
	}
}

func TestPickerOpensNewInstances(t *testing.T) {
	m := newApp(t, fixture, "en", 120, 40)
	press(t, m, "D", "t", "i", "c", "enter", "D", "enter")
	if m.Panes() != 3 || len(tickers(m)) != 2 || tickers(m)[0] == tickers(m)[1] {
		t.Fatalf("picker: %d panes, %d tickers", m.Panes(), len(tickers(m)))
	}
	press(t, m, "D", "z", "z", "z")
	if !strings.Contains(screen(m), "No demo matches") {
		t.Fatalf("filter that matches nothing:\n%s", screen(m))
	}
	press(t, m, "esc")
	if hasOverlay[pickerOverlay](m) || m.Panes() != 3 {
		t.Fatal("esc did not close the picker")
	}
	press(t, m, "D", "enter") // fourth pane
	press(t, m, "D", "enter") // full
	if m.Panes() != MaxPanes || !strings.Contains(screen(m), "workspace is full") {
		t.Fatalf("%d panes; screen:\n%s", m.Panes(), screen(m))
	}
}

func TestZoomCloseAndFocus(t *testing.T) {
	m := newApp(t, fixture, "en", 160, 40)
	press(t, m, "1", "D", "enter", "D", "enter") // reader + 3 tickers: grid
	if m.layout.Tiling != Grid {
		t.Fatalf("mode %v", m.layout.Tiling)
	}
	// Focus cycles list → reader → demos → list.
	var order []string
	for range 5 {
		press(t, m, "tab")
		order = append(order, m.Focused())
	}
	if got := strings.Join(order, " "); got != "catalog reader ticker ticker ticker" {
		t.Fatalf("tab order: %s", got)
	}
	press(t, m, "shift+tab")
	// Spatially: from the top-left (reader) right is pane 2, down is pane 3.
	for m.Focused() != "reader" {
		press(t, m, "tab")
	}
	press(t, m, "ctrl+right")
	if m.focus != 1 {
		t.Fatalf("ctrl+right from the reader: focus %d", m.focus)
	}
	press(t, m, "ctrl+down")
	if m.focus != 3 {
		t.Fatalf("ctrl+down: focus %d", m.focus)
	}
	press(t, m, "ctrl+left")
	if m.focus != 2 {
		t.Fatalf("ctrl+left: focus %d", m.focus)
	}
	// Zoom shows one pane; the hidden demos stop ticking.
	ts := tickers(m)
	press(t, m, "z")
	if n := visibleCount(m); n != 1 || !seenPane(m, ts[1]) || seenPane(m, ts[0]) || seenPane(m, ts[2]) {
		t.Fatalf("zoom: %d visible", n)
	}
	press(t, m, "z")
	if visibleCount(m) != 4 {
		t.Fatal("unzoom did not show every pane")
	}
	// The lesson pane cannot be closed; demos can, and their goroutines end.
	for m.Focused() != "reader" {
		press(t, m, "tab")
	}
	press(t, m, "x")
	if m.Panes() != 4 || !strings.Contains(screen(m), "lesson pane stays open") {
		t.Fatalf("x on the lesson: %d panes", m.Panes())
	}
	press(t, m, "tab", "x")
	if m.Panes() != 3 || !ts[0].Closed() || m.Focused() != "ticker" {
		t.Fatalf("x on a demo: %d panes, closed %v, focus %s", m.Panes(), ts[0].Closed(), m.Focused())
	}
	press(t, m, "x", "x")
	if m.Panes() != 1 || m.layout.Tiling != Single || m.Focused() != "reader" {
		t.Fatalf("after closing all demos: %d panes, focus %s", m.Panes(), m.Focused())
	}
	// The split moves and stays within bounds.
	press(t, m, "1")
	before := m.layout.Panes[0].W
	press(t, m, ">", ">")
	if m.layout.Panes[0].W <= before {
		t.Fatalf("> did not widen the left pane: %d → %d", before, m.layout.Panes[0].W)
	}
	for range 20 {
		press(t, m, "<")
	}
	if m.layout.Panes[0].W < minColumn {
		t.Fatal("split moved past its bound")
	}
}

func visibleCount(m *Model) int {
	n := 0
	for _, r := range m.layout.Panes {
		if !r.Empty() {
			n++
		}
	}
	return n
}

// The app's one frame clock runs only while a demo on screen animates:
// hidden, paused or closed, nothing is armed, so an idle app costs nothing.
func TestFrameClockRunsOnlyWhileSeen(t *testing.T) {
	m := newApp(t, fixture, "en", 160, 40)
	if m.frameArmed {
		t.Fatal("the frame clock runs with no demo open")
	}
	press(t, m, "1")
	tk := tickers(m)[0]
	if !m.frameArmed {
		t.Fatal("a visible running demo gets no frames")
	}
	now := time.Now()
	send(t, m, frameMsg{now})
	send(t, m, frameMsg{now.Add(time.Second / AnimationRate)})
	if tk.Frames() != 2 || !m.frameArmed {
		t.Fatalf("frames %d armed %v", tk.Frames(), m.frameArmed)
	}
	press(t, m, "space") // pause
	send(t, m, frameMsg{now})
	if m.frameArmed || tk.Frames() != 2 {
		t.Fatalf("a paused demo kept the clock running (frames %d)", tk.Frames())
	}
	press(t, m, "space") // run
	if !m.frameArmed {
		t.Fatal("resuming did not start the clock")
	}
	send(t, m, frameMsg{now})
	press(t, m, "tab", "tab", "z") // zoom the reader: the demo is hidden
	send(t, m, frameMsg{now})
	if m.frameArmed || seenPane(m, tk) || tk.Frames() != 3 {
		t.Fatalf("a hidden demo kept getting frames (%d)", tk.Frames())
	}
	send(t, m, tea.WindowSizeMsg{Width: 30, Height: 10}) // too small: nothing is seen
	press(t, m, "z")                                     // and keys do nothing unseen
	if seenPane(m, tk) || m.frameArmed || !m.zoom {
		t.Fatal("a demo is seen on a too-small screen, or a key acted there")
	}
	send(t, m, tea.WindowSizeMsg{Width: 160, Height: 40})
	press(t, m, "z")
	if !seenPane(m, tk) || !m.frameArmed {
		t.Fatal("the demo did not resume when seen again")
	}
}

func TestClosedDemosLeakNothing(t *testing.T) {
	// glamour's regexp engine keeps a clock goroutine for the process's life.
	defer goleak.VerifyNone(t, goleak.IgnoreAnyFunction("github.com/dlclark/regexp2.runClock"))
	m := newApp(t, fixture, "en", 120, 40)
	press(t, m, "1", "D", "enter", "D", "enter")
	ts := tickers(m)
	for _, tk := range ts {
		for deadline := time.Now().Add(5 * time.Second); tk.Count() == 0; { // the engines run on real timers
			if time.Now().After(deadline) {
				t.Fatal("an engine did not run")
			}
			time.Sleep(time.Millisecond)
		}
	}
	press(t, m, "x") // one closed by hand, the rest when the app ends
	m.Close()        // returns when the engines are gone: goleak needs no sleep
	for _, tk := range ts {
		if !tk.Closed() {
			t.Fatal("a demo was not closed")
		}
	}
}

func TestPresenter(t *testing.T) {
	m := newApp(t, fixture, "en", 160, 40)
	press(t, m, "P")
	if m.mode != Presenting || m.com.Styles.Theme.String() != "high-contrast" || !m.layout.Sidebar.Empty() {
		t.Fatalf("P: presenter %v theme %v sidebar %+v", m.mode, m.com.Styles.Theme, m.layout.Sidebar)
	}
	s := screen(m)
	if !strings.Contains(s, "1/3") || !strings.Contains(s, "┏┓╻") { // "N" in block letters
		t.Fatalf("first slide without counter or banner:\n%s", s)
	}
	steps := []struct {
		key  string
		want int
	}{{"right", 1}, {"space", 2}, {"space", 2}, {"backspace", 1}, {"left", 0}, {"left", 0},
		{"pgdown", 1}, {"pgup", 0}, {"G", 2}, {"g", 0}, {"end", 2}, {"home", 0}}
	for _, st := range steps {
		press(t, m, st.key)
		if i, _ := m.reader.Slide(); i != st.want {
			t.Fatalf("%s: slide %d, want %d", st.key, i, st.want)
		}
	}
	press(t, m, "right", "N")
	if !strings.Contains(screen(m), "ask the class for an example") {
		t.Fatalf("notes pane does not show slide 2's notes:\n%s", screen(m))
	}
	// The notes take the focus (long notes scroll there), and the slide
	// keys still turn the slides from it.
	press(t, m, "tab")
	if n := m.slotOf(notesSlot, ""); m.focus != n {
		t.Fatalf("tab: focus %d, the notes are %d", m.focus, n)
	}
	press(t, m, "right")
	if i, _ := m.reader.Slide(); i != 2 || !strings.Contains(screen(m), "No notes for this slide") {
		t.Fatalf("→ from the notes: slide %d, notes:\n%s", i, screen(m))
	}
	press(t, m, "left", "right", "tab")
	if m.focus != 0 {
		t.Fatalf("tab from the notes: focus %d, want the slides", m.focus)
	}
	// A demo beside the slides keeps its own keys: space pauses it.
	press(t, m, "1")
	tk := tickers(m)[0]
	press(t, m, "space")
	if !tk.Paused() {
		t.Fatal("space did not reach the demo in presenter mode")
	}
	if i, _ := m.reader.Slide(); i != 2 {
		t.Fatal("a key for the demo moved the slides")
	}
	press(t, m, "P")
	if m.mode == Presenting || m.com.Styles.Theme.String() != "dark" || m.layout.Sidebar.Empty() {
		t.Fatal("leaving presenter mode did not restore the theme and the list")
	}
	if strings.Contains(screen(m), "ask the class") {
		t.Fatal("speaker notes leak into the lesson text")
	}
}

// Presenting and back leaves the reader where it was when the slides did
// not move, or else at the place of the slide shown (not at 0%); it
// remembers the slide, and takes the speaker notes away from the students'
// screen.
func TestPresenterRoundTrip(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	press(t, m, "j", "j", "j")
	press(t, m, "P", "P")
	if m.reader.Offset() != 3 {
		t.Fatalf("P P on the first slide: offset %d, want 3", m.reader.Offset())
	}
	press(t, m, "P", "right", "N")
	if m.slotOf(notesSlot, "") < 0 {
		t.Fatal("N did not open notes in presenter mode")
	}
	press(t, m, "P")
	view := strings.Split(ansi.Strip(m.reader.View()), "\n")
	if len(view) < 2 || !strings.Contains(view[1], "## Body") || m.slotOf(notesSlot, "") >= 0 || m.Panes() != 1 {
		t.Fatalf("left from slide 2: offset %d, notes %v, %d panes, reader:\n%s",
			m.reader.Offset(), m.slotOf(notesSlot, "") >= 0, m.Panes(), strings.Join(view, "\n"))
	}
	press(t, m, "P")
	if i, _ := m.reader.Slide(); i != 1 {
		t.Fatalf("presenting again: slide %d, want the one left (2)", i+1)
	}
	press(t, m, "P", "N")
	if m.slotOf(notesSlot, "") >= 0 || !strings.Contains(screen(m), "presenter mode") {
		t.Fatal("N outside presenter mode showed speaker notes")
	}
}

// The problems list covers the workspace: keys and clicks do not reach the
// panes under it, and the demos there stop.
func TestProblemsListBlocksPanes(t *testing.T) {
	m := newApp(t, fixtureWithProblem(t), "en", 120, 40)
	press(t, m, "1")
	tk := tickers(m)[0]
	press(t, m, "!")
	if seenPane(m, tk) {
		t.Fatal("a demo under the problems list is still 'visible'")
	}
	press(t, m, "x", "z", "space", "1", "D")
	if m.Panes() != 2 || tk.Paused() || m.zoom || hasOverlay[pickerOverlay](m) {
		t.Fatal("keys reached the panes under the problems list")
	}
	send(t, m, tea.MouseClickMsg{X: 100, Y: 10, Button: tea.MouseLeft})
	press(t, m, "esc")
	if hasOverlay[problemsOverlay](m) || !seenPane(m, tk) || m.Focused() != "ticker" {
		t.Fatalf("esc: problem %v seen %v focus %s", hasOverlay[problemsOverlay](m), seenPane(m, tk), m.Focused())
	}
}
