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
