package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/locale"
	"distlab/lessons"
	"distlab/tui/demo"
	"distlab/tui/demo/demotest"
	"distlab/tui/theme"
)

// standIns are the shipped demos' ids with a test pane behind each: a slide
// that opens a demo is measured beside it, as the class sees it, without
// the real sockets and simulations.
func standIns() *demo.Registry {
	var ds []demo.Demo
	for _, d := range Demos().All() {
		ds = append(ds, demo.Demo{ID: d.ID, Names: d.Names, Starts: d.Starts, New: demotest.Demo().New})
	}
	return demo.NewRegistry(ds...)
}

// projectors are the sizes every slide must fit in presenter mode: a
// projector's terminal in a large font.
var projectors = [][2]int{{100, 30}, {120, 35}}

// besideADemo is the projector size every slide must fit in the pane
// beside a demo the presenter opened (the notes say "press 1 now"): the
// slide pane is then about half the screen.
var besideADemo = [2]int{100, 30}

// Every lesson has a deck written for the projector, and every slide of it
// fits the projector sizes whole, in both languages: nothing below the pane
// (the class would never see it) and no line cut at its edge. Slides are
// walked in order with → as in class, so one that opens a demo is measured
// in the narrower pane beside it, and the slides after it too.
func TestSlideDecksFit(t *testing.T) {
	t.Parallel()
	c := embedded()
	for _, w := range c.Warnings {
		t.Errorf("%s", w.Error())
	}
	for _, lang := range lessons.Languages {
		for _, l := range c.Lessons(lang) {
			if len(l.Deck) == 0 {
				t.Errorf("%s: no slide deck (%s)", l.Path, lessons.DeckSuffix)
				continue
			}
			for _, size := range projectors {
				checkDeckFits(t, c, l, size[0], size[1], false)
			}
			if len(l.Demos) > 0 {
				checkDeckFits(t, c, l, besideADemo[0], besideADemo[1], true)
			}
		}
	}
}

// checkDeckFits walks l's deck at w×h; withDemo opens the lesson's first
// demo before the first slide, as a presenter pressing 1 does.
func checkDeckFits(t *testing.T, c *lessons.Catalog, l lessons.Lesson, w, h int, withDemo bool) {
	t.Helper()
	m := New(Config{Load: func() *lessons.Catalog { return c }, Lang: l.Lang, Theme: theme.Dark,
		Source: "test", Demos: standIns(), Lesson: l.ID, Presenter: true})
	m.com.Tick = holdTicks
	defer m.Close()
	run(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	where := ""
	if withDemo {
		press(t, m, "1")
		if m.Focused() != "reader" {
			press(t, m, "shift+tab")
		}
		if m.Panes() != 2 || m.Focused() != "reader" {
			t.Fatalf("%s: 1 opened %d panes, the keys on %s", l.Path, m.Panes(), m.Focused())
		}
		where = " beside " + l.Demos[0]
	}
	for i, s := range l.Deck {
		// → scrolls a slide taller than the pane before it goes on.
		for n := 0; i > 0 && n < 100; n++ {
			if at, _ := m.reader.Slide(); at == i {
				break
			}
			press(t, m, "right")
		}
		if at, _ := m.reader.Slide(); at != i {
			t.Fatalf("%s: → stayed on slide %d, not %d", l.Path, at+1, i+1)
		}
		below, cut := m.reader.Overflow()
		if below > 0 || cut > 0 {
			t.Errorf("%s:%d: slide %d at %d×%d%s (%s): %d lines below the pane, %d lines cut at its edge ",
				s.Path, s.Line, i+1, w, h, where, locale.Match(l.Lang), below, cut)
		}
	}
}
