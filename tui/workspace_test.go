package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"go.uber.org/goleak"
)

// tickers returns the test demos open in m, in pane order.
func tickers(m *Model) []*ticker {
	var out []*ticker
	for _, p := range m.panes {
		if t, ok := p.(*ticker); ok {
			out = append(out, t)
		}
	}
	return out
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
	if m.picker != nil || m.Panes() != 3 {
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
	if m.layout.Mode != Grid {
		t.Fatalf("mode %v", m.layout.Mode)
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
	if n := visibleCount(m); n != 1 || !ts[1].visible || ts[0].visible || ts[2].visible {
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
	if m.Panes() != 3 || !ts[0].closed || m.Focused() != "ticker" {
		t.Fatalf("x on a demo: %d panes, closed %v, focus %s", m.Panes(), ts[0].closed, m.Focused())
	}
	press(t, m, "x", "x")
	if m.Panes() != 1 || m.layout.Mode != Single || m.Focused() != "reader" {
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

// A demo ticks only while visible and running: hidden, paused or closed it
// arms no timer, so an idle app costs nothing.
func TestDemoTicksOnlyWhenSeen(t *testing.T) {
	m := newApp(t, fixture, "en", 160, 40)
	press(t, m, "1")
	tk := tickers(m)[0]
	if !tk.armed {
		t.Fatal("a visible running demo is not ticking")
	}
	send(t, m, tickerFrameMsg{id: tk.id})
	send(t, m, tickerFrameMsg{id: tk.id})
	if tk.frames != 2 || !tk.armed {
		t.Fatalf("frames %d armed %v", tk.frames, tk.armed)
	}
	press(t, m, "space") // pause
	send(t, m, tickerFrameMsg{id: tk.id})
	if tk.armed {
		t.Fatal("a paused demo re-armed its tick")
	}
	press(t, m, "space") // run
	if !tk.armed {
		t.Fatal("resuming did not tick")
	}
	send(t, m, tickerFrameMsg{id: tk.id})
	press(t, m, "tab", "tab", "z") // zoom the reader: the demo is hidden
	send(t, m, tickerFrameMsg{id: tk.id})
	if tk.armed || tk.visible {
		t.Fatal("a hidden demo kept ticking")
	}
	send(t, m, tea.WindowSizeMsg{Width: 30, Height: 10}) // too small: nothing is seen
	press(t, m, "z")
	if tk.visible {
		t.Fatal("a demo is 'visible' on a too-small screen")
	}
	send(t, m, tea.WindowSizeMsg{Width: 160, Height: 40})
	if !tk.visible || !tk.armed {
		t.Fatal("the demo did not resume when seen again")
	}
}

func TestClosedDemosLeakNothing(t *testing.T) {
	// glamour's regexp engine keeps a clock goroutine for the process's life.
	defer goleak.VerifyNone(t, goleak.IgnoreAnyFunction("github.com/dlclark/regexp2.runClock"))
	m := newApp(t, fixture, "en", 120, 40)
	press(t, m, "1", "D", "enter", "D", "enter")
	time.Sleep(20 * time.Millisecond) // let the engines count
	ts := tickers(m)
	for _, tk := range ts {
		tk.mu.Lock()
		n := tk.count
		tk.mu.Unlock()
		if n == 0 {
			t.Fatal("engine goroutine did not run")
		}
	}
	press(t, m, "x") // one closed by hand, the rest when the app ends
	m.Close()
	for _, tk := range ts {
		if !tk.closed {
			t.Fatal("a demo was not closed")
		}
	}
}

func TestPresenter(t *testing.T) {
	m := newApp(t, fixture, "en", 160, 40)
	press(t, m, "P")
	if !m.presenter || m.com.Styles.Theme.String() != "high-contrast" || !m.layout.Sidebar.Empty() {
		t.Fatalf("P: presenter %v theme %v sidebar %+v", m.presenter, m.com.Styles.Theme, m.layout.Sidebar)
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
	press(t, m, "right")
	if !strings.Contains(screen(m), "No notes for this slide") {
		t.Fatal("notes pane did not follow the slide")
	}
	// A demo beside the slides keeps its own keys: space pauses it.
	press(t, m, "1")
	tk := tickers(m)[0]
	press(t, m, "space")
	if tk.running {
		t.Fatal("space did not reach the demo in presenter mode")
	}
	if i, _ := m.reader.Slide(); i != 2 {
		t.Fatal("a key for the demo moved the slides")
	}
	press(t, m, "P")
	if m.presenter || m.com.Styles.Theme.String() != "dark" || m.layout.Sidebar.Empty() {
		t.Fatal("leaving presenter mode did not restore the theme and the list")
	}
	if strings.Contains(screen(m), "ask the class") {
		t.Fatal("speaker notes leak into the lesson text")
	}
}

// Presenting and back leaves the reader where it was, remembers the slide,
// and takes the speaker notes away from the students' screen.
func TestPresenterRoundTrip(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	press(t, m, "tab", "j", "j", "j")
	press(t, m, "P", "right", "N")
	if m.notes == nil {
		t.Fatal("N did not open notes in presenter mode")
	}
	press(t, m, "P")
	if m.reader.Offset() != 3 || m.notes != nil || m.Panes() != 1 {
		t.Fatalf("after P P: offset %d, notes %v, %d panes", m.reader.Offset(), m.notes != nil, m.Panes())
	}
	press(t, m, "P")
	if i, _ := m.reader.Slide(); i != 1 {
		t.Fatalf("presenting again: slide %d, want the one left (2)", i+1)
	}
	press(t, m, "P", "N")
	if m.notes != nil || !strings.Contains(screen(m), "presenter mode") {
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
	if tk.visible {
		t.Fatal("a demo under the problems list is still 'visible'")
	}
	press(t, m, "x", "z", "space", "1", "D")
	if m.Panes() != 2 || !tk.running || m.zoom || m.picker != nil {
		t.Fatal("keys reached the panes under the problems list")
	}
	send(t, m, tea.MouseClickMsg{X: 100, Y: 10, Button: tea.MouseLeft})
	press(t, m, "esc")
	if m.problem || !tk.visible || m.Focused() != "ticker" {
		t.Fatalf("esc: problem %v visible %v focus %s", m.problem, tk.visible, m.Focused())
	}
}
