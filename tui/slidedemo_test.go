package tui

import (
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"

	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/demo/demotest"
	"distlab/tui/theme"
)

// startRecorder is the test demo, recording how it was asked to start.
type startRecorder struct {
	*demotest.Model
	starts *[]string
}

func (s startRecorder) StartAs(start string) tea.Cmd {
	*s.starts = append(*s.starts, "again:"+start)
	return nil
}

// A slide that names a demo opens it beside the slide, started as the
// slide says, when the slide comes on screen, and the keys stay on the
// slides: the next → turns the slide rather than reach the demo. Shown
// again, it puts the open demo back in that state; closed by the
// presenter, the demo stays closed until the slide is shown again.
func TestSlideOpensItsDemo(t *testing.T) {
	var starts []string
	reg := demo.NewRegistry(demo.Demo{ID: demotest.ID, Starts: func() []string { return []string{"fast"} },
		New: func(env demo.Env) common.Pane {
			starts = append(starts, "new:"+env.Start)
			return startRecorder{demotest.New(env), &starts}
		}})
	lesson := "---\nid: one\ntitle: One\norder: 1\ndemos: [ticker]\n---\n## A\n\nText.\n"
	deck := "# A\n<!-- notes: n -->\n---\n# B\n<!-- demo: ticker fast -->\n<!-- notes: n -->\n---\n# C\n<!-- notes: n -->\n"
	fsys := fstest.MapFS{"en/01-one.md": {Data: []byte(lesson)}, "en/01-one.slides.md": {Data: []byte(deck)}}
	c := lessons.Load(fsys, lessons.Options{Prefix: "t", KnownDemo: reg.Known, KnownStart: reg.KnownStart})
	if len(c.Problems)+len(c.Warnings) > 0 {
		t.Fatalf("%v %v", c.Problems, c.Warnings)
	}
	m := New(Config{Load: func() *lessons.Catalog { return c }, Lang: "en", Theme: theme.Dark,
		Source: "test", Demos: reg, Lesson: "one", Presenter: true})
	m.com.Tick = holdTicks
	t.Cleanup(m.Close)
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if m.Panes() != 1 {
		t.Fatalf("slide 1 names no demo, yet %d panes", m.Panes())
	}
	press(t, m, "right")
	if m.Panes() != 2 || m.Focused() != "reader" || len(starts) != 1 || starts[0] != "new:fast" {
		t.Fatalf("slide 2: %d panes, focus on %s, starts %q", m.Panes(), m.Focused(), starts)
	}
	press(t, m, "right")
	if at, _ := m.reader.Slide(); at != 2 || m.Panes() != 2 {
		t.Fatalf("→ beside the demo: slide %d, %d panes", at+1, m.Panes())
	}
	press(t, m, "left")
	if len(starts) != 2 || starts[1] != "again:fast" || m.Panes() != 2 {
		t.Fatalf("slide 2 again: starts %q, %d panes", starts, m.Panes())
	}
	press(t, m, "tab", "x") // the presenter closes it (tab to the demo, x closes)
	if m.Panes() != 1 {
		t.Fatalf("closing the demo: %d panes", m.Panes())
	}
	press(t, m, "left", "right")
	if m.Panes() != 2 || m.Focused() != "reader" {
		t.Fatalf("slide 2 shown again: %d panes, focus on %s", m.Panes(), m.Focused())
	}
}

// The slide a lesson was presented at is where presenting it starts again,
// in this run and the next (the progress file keeps it); closing a demo
// while presenting gives the keys back to the slides, not to another demo.
func TestPresenterRemembersTheSlide(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	id := m.Lesson()
	press(t, m, "P", "right", "right", "P")
	if got := m.State().Slides[id]; got != 2 {
		t.Fatalf("slide saved: %d", got)
	}
	next := New(Config{Load: fixture, Lang: "en", Theme: theme.Dark, Source: "test", Demos: testDemos, State: m.State()})
	next.com.Tick = holdTicks
	t.Cleanup(next.Close)
	run(t, next, next.Init())
	send(t, next, tea.WindowSizeMsg{Width: 100, Height: 30})
	press(t, next, "P")
	if i, _ := next.reader.Slide(); i != 2 {
		t.Fatalf("the next run presents slide %d", i+1)
	}
	press(t, next, "n", "p") // to the next lesson and back, presenting
	if i, _ := next.reader.Slide(); i != 2 || next.Lesson() != id {
		t.Fatalf("back from the next lesson: %s slide %d", next.Lesson(), i+1)
	}
	press(t, next, "1", "D", "enter") // two demos beside the slides
	if next.Panes() != 3 {
		t.Fatalf("%d panes", next.Panes())
	}
	press(t, next, "x")
	if next.Focused() != "reader" {
		t.Fatalf("closing a demo gave the keys to %s", next.Focused())
	}
}
