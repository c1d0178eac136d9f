package tui

import (
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/lessons"
	"distlab/tui/clockpane"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/demo/demotest"
	"distlab/tui/theme"
)

// presenterCourse is one lesson whose deck opens the clock demo on its
// second slide.
func presenterCourse(reg *demo.Registry) func() *lessons.Catalog {
	lesson := "---\nid: time\ntitle: Time\norder: 1\ndemos: [clocks]\n---\n## Clocks\n\nText.\n"
	deck := "# What time is it?\n- every node has its own clock\n<!-- notes: Ask. -->\n---\n" +
		"# Receive before send\n- a's clock +40 ms, b's +5 ms\n- the message takes 6 ms\n- sorted by timestamp, b2 comes first\n" +
		"<!-- demo: clocks receive-before-send -->\n<!-- notes: Watch the red line. -->\n"
	fsys := fstest.MapFS{"en/01-time.md": {Data: []byte(lesson)}, "en/01-time.slides.md": {Data: []byte(deck)}}
	return func() *lessons.Catalog {
		return lessons.Load(fsys, lessons.Options{Prefix: "t", KnownDemo: reg.Known, KnownStart: reg.KnownStart})
	}
}

// The presenter's screens at a projector's 100×30, reviewed as pictures of
// text: a slide with the demo it opens beside it, the join banner, and the
// blank screen (with its colours: it is nothing but them).
func TestPresenterGoldens(t *testing.T) {
	const w, h = 100, 30
	t.Run("slide_with_demo", func(t *testing.T) {
		reg := demo.NewRegistry(clockpane.Demo())
		m := New(Config{Load: presenterCourse(reg), Lang: "en", Theme: theme.Dark, Source: "test", Demos: reg, Presenter: true})
		m.com.Tick = holdTicks
		t.Cleanup(m.Close)
		run(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		press(t, m, "right")
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("join_banner", func(t *testing.T) {
		nodes := []common.JoinNode{
			{Name: "n1", Addr: "192.168.0.12:7001", Up: true, Clients: 4},
			{Name: "n2", Addr: "192.168.0.12:7002", Up: true, Clients: 2},
			{Name: "n3", Addr: "192.168.0.12:7003", Up: false},
		}
		reg := demo.NewRegistry(demo.Demo{ID: demotest.ID, New: func(env demo.Env) common.Pane {
			return joinable{demotest.New(env), &nodes}
		}})
		m := New(Config{Load: fixture, Lang: "pt-BR", Theme: theme.Dark, Source: "test", Demos: reg})
		m.com.Tick = holdTicks
		t.Cleanup(m.Close)
		run(t, m, m.Init())
		send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		press(t, m, "1", "J")
		assertSize(t, m, w, h)
		golden.RequireEqual(t, screen(m))
	})
	t.Run("blank_ansi", func(t *testing.T) {
		m := newApp(t, fixture, "en", w, h)
		press(t, m, "P", "w")
		golden.RequireEqual(t, m.Render())
	})
}
