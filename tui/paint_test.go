package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"

	"distlab/tui/theme"
)

// The reader of SGR parameters gets broken cases: every 0 inside an
// extended colour is a value, not a reset, and parameters are read in
// order, so a reset followed by a colour leaves that colour.
func TestClearsDefaults(t *testing.T) {
	type res struct{ fg, bg bool }
	for params, want := range map[string]res{
		"": {true, true}, "0": {true, true}, "1;0": {true, true}, ";1": {true, true},
		"49": {false, true}, "39": {true, false}, "38;5;0;49": {false, true},
		"48;2;0;0;170": {false, false}, "38;2;0;0;0": {false, false}, "1;48;5;0": {false, false},
		"38:2::0:0:0": {false, false}, "0;48;5;4": {true, false}, "0;38;2;1;2;3": {false, true},
		"0;31;42": {false, false}, "1": {false, false}, "38;5;196": {false, false}, "48;2;255;0;0;1": {false, false},
		"48;2;0;0;0;0": {true, true}, "4:3": {false, false}, "38;5": {false, false},
	} {
		if fg, bg := clearsDefaults(params, false, false); fg != want.fg || bg != want.bg {
			t.Errorf("clearsDefaults(%q) = %v, %v; want %v, %v", params, fg, bg, want.fg, want.bg)
		}
	}
	// Attributes leave the colours as they were.
	if fg, bg := clearsDefaults("1;3;22", true, false); !fg || bg {
		t.Errorf("bold and italic changed the colours: %v, %v", fg, bg)
	}
}

// paintDefaults fills what a block leaves to the terminal, on every line
// and after every reset, just before the text it would reach, and keeps
// every colour the block sets.
func TestPaintDefaults(t *testing.T) {
	const fg, bg, both = "\x1b[38;5;1m", "\x1b[48;5;2m", "\x1b[38;5;1;48;5;2m"
	for in, want := range map[string]string{
		"ab\ncd":                        both + "ab\n" + both + "cd",
		"a\x1b[0mb":                     both + "a\x1b[0m" + both + "b",
		"a\x1b[1;48;2;0;0;170mb\x1b[m":  both + "a\x1b[1;48;2;0;0;170mb\x1b[m",
		"\x1b[39mx\x1b[49my":            "\x1b[39m" + both + "x\x1b[49m" + bg + "y",
		"\x1b[0m\x1b[38;5;9mz":          "\x1b[0m\x1b[38;5;9m" + bg + "z",
		"\x1b[38;5;9;48;5;4mz\x1b[39mw": "\x1b[38;5;9;48;5;4mz\x1b[39m" + fg + "w",
		"\x1b]8;;https://a-b.c\x07l":    "\x1b]8;;https://a-b.c\x07" + both + "l",
		"\x1b[2Kx\x1b[":                 "\x1b[2K" + both + "x\x1b[",
	} {
		if got := paintDefaults(in, fg, bg); got != want {
			t.Errorf("paintDefaults(%q) = %q, want %q", in, got, want)
		}
	}
}

// unpainted lists the cells of screen s (w×h) that keep the terminal's
// colours, or whose glyph does not read on its background.
func unpainted(s string, w, h int, th theme.Theme) []string {
	buf := cells(s, w, h)
	var bad []string
	for y := range h {
		for x := range w {
			c := buf.CellAt(x, y)
			if c == nil || c.Content == "" { // the second cell of a wide glyph
				continue
			}
			where := fmt.Sprintf("%q at (%d, %d) in %q", c.Content, x, y, strings.TrimSpace(buf.Line(y).String()))
			if c.Style.Bg == nil {
				bad = append(bad, "no background: "+where)
				continue
			}
			if strings.TrimSpace(c.Content) == "" {
				continue
			}
			if c.Style.Fg == nil {
				bad = append(bad, "no colour: "+where)
				continue
			}
			fg, bg := c.Style.Fg, c.Style.Bg
			if c.Style.Attrs&uv.AttrReverse != 0 {
				fg, bg = bg, fg
			}
			if cr := theme.Contrast(fg, bg); cr < th.MinContrastOf(c.Content) || c.Style.Attrs&uv.AttrFaint != 0 {
				bad = append(bad, fmt.Sprintf("%.2f:1: %s", cr, where))
			}
		}
	}
	return bad
}

// Every theme paints its own background wherever it draws, so no cell
// keeps the terminal's (the light theme's near-black text was invisible on
// a dark terminal, high contrast's black was patchy), and every glyph
// keeps the theme's contrast on what it is drawn on: the lesson list, the
// reader, a demo pane, the help overlay and the demo picker, at 80×24 and
// 100×30, in both languages.
func TestEveryThemePaintsEveryCell(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"lesson list", nil},
		{"reader", []string{"enter", "pgdown"}},
		{"demo pane", []string{"1"}},
		{"help", []string{"?"}},
		{"picker", []string{"D"}},
		{"problems", []string{"!"}},
		{"presenter", []string{"P"}}, // in high contrast whatever the theme was
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}} {
		w, h := size[0], size[1]
		for _, lang := range []string{"en", "pt-BR"} {
			for _, th := range []theme.Theme{theme.Dark, theme.Light, theme.HighContrast} {
				for _, sc := range screens {
					t.Run(fmt.Sprintf("%dx%d/%s/%v/%s", w, h, lang, th, sc.name), func(t *testing.T) {
						m := newApp(t, fixtureWithProblem(t), lang, w, h)
						for m.com.Styles.Theme != th {
							press(t, m, "T")
						}
						press(t, m, sc.keys...)
						if bad := unpainted(m.Render(), w, h, m.com.Styles.Theme); len(bad) > 0 {
							t.Errorf("%d cells, first: %s\n%s", len(bad), strings.Join(bad[:min(len(bad), 4)], "\n"), screen(m))
						}
					})
				}
			}
		}
	}
}

// The real demos paint every cell too, beside their lessons: the chat
// cluster, the clocks and scale-out, after a few frames of running.
func TestEveryThemePaintsTheDemos(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the real demos")
	}
	const w, h = 100, 30
	for _, d := range []struct{ lesson, demo string }{
		{"what-is-a-distributed-system", "chat"},
		{"time-consistency-failures", "clocks"},
		{"scalability", "scale"},
	} {
		for _, th := range []theme.Theme{theme.Dark, theme.Light, theme.HighContrast} {
			t.Run(d.demo+"/"+th.String(), func(t *testing.T) {
				m := New(Config{Load: embedded, Lang: "en", Theme: th, Source: "test", Demos: Demos(), Lesson: d.lesson, Demo: d.demo})
				m.com.Tick = holdTicks
				t.Cleanup(m.Close)
				run(t, m, m.Init())
				send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
				start := time.Now()
				for i := range 5 {
					send(t, m, frameMsg{start.Add(time.Duration(i) * time.Second / AnimationRate)})
				}
				if !strings.Contains(screen(m), "▶ "+d.demo) && len(m.slots) < 2 {
					t.Fatalf("no %s pane:\n%s", d.demo, screen(m))
				}
				if bad := unpainted(m.Render(), w, h, th); len(bad) > 0 {
					t.Errorf("%d cells, first: %s\n%s", len(bad), strings.Join(bad[:min(len(bad), 4)], "\n"), screen(m))
				}
			})
		}
	}
}
