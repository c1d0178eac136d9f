package reader

import (
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

// lesson is n paragraphs of one line each under a heading, split in
// two slides.
func lesson(id string, n int) lessons.Lesson {
	var b strings.Builder
	b.WriteString("## One\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Paragraph %d.\n\n", i+1)
		if i == n/2 {
			b.WriteString("---\n\n## Two\n\n")
		}
	}
	return lessons.Lesson{ID: id, Title: "Test " + id, Lang: "en", Body: b.String(), Raw: b.String()}
}

func newReader(w, h int) *Model {
	m := New(common.New(theme.New(theme.Dark), locale.Match("en")))
	m.SetSize(w, h)
	return m
}

// settle runs the render commands until the pane shows what it should.
func settle(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	for i := 0; cmd != nil && !m.Ready(); i++ {
		if i > 10 {
			t.Fatal("the render never landed")
		}
		cmd = m.Update(cmd())
	}
	if !m.Ready() {
		t.Fatal("not ready")
	}
}

func press(m *Model, keys ...string) tea.Cmd {
	var last tea.Cmd
	for _, k := range keys {
		last = m.Update(panetest.Key(k))
	}
	return last
}

func screen(m *Model) string { return ansi.Strip(m.View()) }

func TestScrollKeys(t *testing.T) {
	m := newReader(60, 10)
	settle(t, m, m.SetLesson(lesson("a", 40), 0))
	max := len(m.lines) - 10
	for _, c := range []struct {
		keys []string
		want int
	}{
		{[]string{"j"}, 1},
		{[]string{"down", "down"}, 3},
		{[]string{"k"}, 2},
		{[]string{"up", "up", "up"}, 0}, // not above the top
		{[]string{"space"}, 10},
		{[]string{"pgdown"}, 20},
		{[]string{"f"}, 30},
		{[]string{"b"}, 20},
		{[]string{"pgup"}, 10},
		{[]string{"d"}, 15},
		{[]string{"u"}, 10},
		{[]string{"G"}, max},
		{[]string{"j"}, max}, // not below the end
		{[]string{"g"}, 0},
		{[]string{"end"}, max},
		{[]string{"home"}, 0},
		{[]string{"h", "l", "left", "right"}, 0}, // no sideways scroll
	} {
		press(m, c.keys...)
		if got := m.Offset(); got != c.want {
			t.Fatalf("after %v: offset %d, want %d", c.keys, got, c.want)
		}
	}
}

func TestWheelScrollsThreeLines(t *testing.T) {
	m := newReader(60, 10)
	settle(t, m, m.SetLesson(lesson("a", 40), 0))
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if m.Offset() != 3 {
		t.Fatalf("offset %d, want 3", m.Offset())
	}
}

// The last line says there is more below, until the end is on screen;
// Percent follows the offset.
func TestMoreBelowAndPercent(t *testing.T) {
	m := newReader(60, 10)
	settle(t, m, m.SetLesson(lesson("a", 40), 0))
	lines := strings.Split(screen(m), "\n")
	if len(lines) != 10 || !strings.HasSuffix(lines[9], " ↓") || strings.Contains(strings.Join(lines[:9], ""), "↓") {
		t.Fatalf("no mark on the last line only:\n%s", screen(m))
	}
	if m.Percent() != 0 {
		t.Fatalf("percent %v at the top", m.Percent())
	}
	press(m, "G")
	if m.Percent() != 1 || strings.Contains(screen(m), "↓") {
		t.Fatalf("at the end: percent %v, screen\n%s", m.Percent(), screen(m))
	}
	press(m, "g", "d")
	if p := m.Percent(); p <= 0 || p >= 1 {
		t.Fatalf("percent %v half way", p)
	}
}

// readAfter runs cmd, a wait the pane armed, in the bubble's fake time, and
// hands its tick to the pane; ok reports whether the pane then said the
// lesson is read.
func readAfter(m *Model, cmd tea.Cmd) (ReadMsg, bool) {
	if cmd == nil {
		return ReadMsg{}, false
	}
	next := m.Update(cmd())
	if next == nil {
		return ReadMsg{}, false
	}
	msg, ok := next().(ReadMsg)
	return msg, ok
}

// A lesson counts as read when its end has stayed on screen for ReadAfter,
// not when G jumps there: jumping to the end and away marks nothing, and a
// lesson is marked once.
func TestReadWhenTheEndStaysOnScreen(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newReader(60, 10)
		settle(t, m, m.SetLesson(lesson("a", 40), 0))
		if cmd := press(m, "space"); cmd != nil {
			t.Fatal("a wait armed before the end")
		}
		start := time.Now()
		wait := press(m, "G")
		press(m, "k") // away before the wait ends
		if _, ok := readAfter(m, wait); ok {
			t.Fatal("read although the end left the screen")
		}
		wait = press(m, "G")
		if again := press(m, "G"); again != nil {
			t.Fatal("a second wait armed while one is under way")
		}
		msg, ok := readAfter(m, wait)
		if !ok || msg.ID != "a" {
			t.Fatalf("the end stayed on screen: got %#v, %v", msg, ok)
		}
		if waited := time.Since(start); waited < ReadAfter {
			t.Fatalf("read after %v, want %v", waited, ReadAfter)
		}
		if press(m, "k", "j") != nil {
			t.Fatal("ReadMsg twice")
		}
		// Another lesson opened meanwhile: the old wait's tick marks nothing.
		wait = press(m, "g", "G")
		settle(t, m, m.SetLesson(lesson("b", 2), 0)) // arms a wait of its own
		if _, ok := readAfter(m, wait); ok {
			t.Fatal("a stale wait marked a lesson read")
		}
	})
}

// A lesson that fits is read once it has been on screen for ReadAfter, and
// is padded to the pane's height.
func TestShortLesson(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := newReader(60, 30)
		cmd := m.SetLesson(lesson("s", 2), 0)
		for !m.Ready() {
			cmd = m.Update(cmd())
		}
		if msg, ok := readAfter(m, cmd); !ok || msg.ID != "s" {
			t.Fatalf("a short lesson on screen is not read: got %#v", msg)
		}
		if m.Percent() != 1 || press(m, "j") != nil || m.Offset() != 0 {
			t.Fatal("a short lesson scrolls")
		}
		lines := strings.Split(screen(m), "\n")
		if len(lines) != 30 || strings.TrimSpace(lines[29]) != "" || ansi.StringWidth(lines[29]) != 60 {
			t.Fatalf("not padded:\n%s", screen(m))
		}
	})
}

// Each lesson opens at the offset it is given, and gives it back.
func TestOffsetPerLesson(t *testing.T) {
	m := newReader(60, 10)
	settle(t, m, m.SetLesson(lesson("a", 40), 0))
	press(m, "space", "j")
	a := m.Offset()
	settle(t, m, m.SetLesson(lesson("b", 40), 5))
	if m.Offset() != 5 {
		t.Fatalf("b opened at %d", m.Offset())
	}
	m.SetLesson(lesson("a", 40), a) // cached: shown at once
	if !m.Ready() || m.Offset() != a {
		t.Fatalf("a back at %d, want %d", m.Offset(), a)
	}
	m.SetLesson(lesson("b", 40), 1000) // past the end: the end
	if m.Offset() != len(m.lines)-10 || !m.AtEnd() {
		t.Fatalf("offset %d past the end", m.Offset())
	}
}

// A demo bar takes the top line: the text below is one line shorter.
func TestDemoBarTakesALine(t *testing.T) {
	m := newReader(60, 10)
	settle(t, m, m.SetLesson(lesson("a", 40), 0))
	press(m, "G")
	end := m.Offset()
	m.SetDemos([]DemoLabel{{Short: "chat", Title: "chat cluster"}})
	if m.Offset() != end || m.AtEnd() { // the top line stays; the last goes under
		t.Fatalf("offset %d with the bar, want %d", m.Offset(), end)
	}
	lines := strings.Split(screen(m), "\n")
	if len(lines) != 10 || !strings.Contains(lines[0], "▶ 1 chat cluster") {
		t.Fatalf("screen:\n%s", screen(m))
	}
	press(m, "g", "space")
	if m.Offset() != 9 {
		t.Fatalf("a page under the bar is %d lines", m.Offset())
	}
}

// nextSlide presses space until the next slide shows (space first scrolls
// what a slide too long for the pane hides), and returns how many presses
// scrolled.
func nextSlide(t *testing.T, m *Model) (scrolled int) {
	t.Helper()
	from := m.Counter()
	for ; scrolled < 50; scrolled++ {
		settle(t, m, press(m, "space"))
		if m.Counter() != from {
			return scrolled
		}
	}
	t.Fatalf("space never left slide %s", from)
	return scrolled
}

// Presenting, the slide keys move between slides, and ↑/↓ scroll a slide
// too long for the pane; so do space and backspace before they turn it,
// below a mark that says the slide goes on.
func TestPresenterSlides(t *testing.T) {
	m := newReader(60, 8)
	settle(t, m, m.SetLesson(lesson("a", 20), 0))
	settle(t, m, m.SetPresenting(true, 0))
	if m.Counter() != "1/2" || !m.Presenting() {
		t.Fatalf("counter %q", m.Counter())
	}
	press(m, "j", "j")
	if m.Offset() != 2 {
		t.Fatalf("↓ scrolls a slide: offset %d", m.Offset())
	}
	last := strings.Split(screen(m), "\n")[7]
	if !strings.Contains(last, "more below: →/space") || strings.Contains(screen(m), "Two") {
		t.Fatalf("a slide taller than the pane ends with a mark:\n%s", screen(m))
	}
	press(m, "space")
	if m.Counter() != "1/2" || m.Offset() != 2+6 {
		t.Fatalf("space on a slide with more below scrolls it a page less two lines: %q at %d", m.Counter(), m.Offset())
	}
	press(m, "backspace")
	if m.Counter() != "1/2" || m.Offset() != 2 {
		t.Fatalf("backspace scrolls it back first: %q at %d", m.Counter(), m.Offset())
	}
	if n := nextSlide(t, m); n == 0 {
		t.Fatal("space turned a slide whose end was never shown")
	}
	if m.Counter() != "2/2" || m.Offset() != 0 {
		t.Fatalf("space: %q at %d", m.Counter(), m.Offset())
	}
	if !strings.Contains(screen(m), "Two") {
		t.Fatalf("slide 2:\n%s", screen(m))
	}
	for range 21 {
		press(m, "space") // down the last slide, and no slide after it
	}
	bottom := m.Offset()
	press(m, "space")
	if m.Counter() != "2/2" || m.MoreBelow() || m.Offset() != bottom || bottom == 0 {
		t.Fatalf("past the last slide: %s at %d, was at %d", m.Counter(), m.Offset(), bottom)
	}
	for n := 0; n < 20 && m.Counter() == "2/2"; n++ {
		press(m, "backspace")
	}
	if m.Counter() != "1/2" || !m.Ready() { // rendered before: from the cache
		t.Fatalf("backspace: %q", m.Counter())
	}
	settle(t, m, m.SetPresenting(false, 7))
	if m.Presenting() || m.Offset() != 7 || m.Counter() != "" {
		t.Fatalf("back to the lesson at %d", m.Offset())
	}
}

// Leaving presenter mode from another slide than the one it began on puts
// the reader where that slide is in the text, its heading at the top; in
// the other language's render of the lesson too.
func TestLeavingSlidesGoesToTheSlidesPlace(t *testing.T) {
	m := newReader(60, 8)
	settle(t, m, m.SetLesson(lesson("a", 20), 0))
	settle(t, m, m.SetPresenting(true, 0))
	nextSlide(t, m)
	settle(t, m, m.SetPresenting(false, 0))
	top := strings.TrimSpace(strings.Split(screen(m), "\n")[0])
	if !strings.Contains(top, "Two") || m.Percent() <= 0.3 {
		t.Fatalf("left slide 2 at %d (%.0f%%):\n%s", m.Offset(), 100*m.Percent(), screen(m))
	}
}

// Wide panes keep a readable measure: the text is wrapped at MaxTextWidth
// and centered.
func TestWidePaneKeepsTheMeasure(t *testing.T) {
	m := newReader(200, 20)
	long := lessons.Lesson{ID: "w", Lang: "en", Title: "W", Body: strings.Repeat("word ", 100), Raw: "x"}
	settle(t, m, m.SetLesson(long, 0))
	for _, l := range strings.Split(screen(m), "\n") {
		if ansi.StringWidth(l) != 200 {
			t.Fatalf("line of %d cells", ansi.StringWidth(l))
		}
		if text := strings.TrimSpace(l); len(text) > MaxTextWidth {
			t.Fatalf("text %d wide: %q", len(text), text)
		}
	}
}

// Every size down to 1×1 draws exactly the size asked.
func TestSizes(t *testing.T) {
	m := newReader(60, 10)
	m.SetDemos([]DemoLabel{{Short: "chat", Title: "chat cluster"}})
	settle(t, m, m.SetLesson(lesson("a", 40), 3))
	panetest.CheckSizes(t, panetest.Sizer[tea.Cmd]{V: m})
}

// BenchmarkScroll is one scroll key, Update then View, at 200×60, as the
// reader draws it; BenchmarkScroll/viewport is the same with the
// viewport's own View, for comparison (why View draws the lines itself).
func BenchmarkScroll(b *testing.B) {
	m := newReader(200, 60)
	settle(b, m, m.SetLesson(lesson("a", 300), 0))
	for _, c := range []struct {
		name string
		view func() string
	}{
		{"reader", m.View},
		{"viewport", func() string { return m.vp.View() }},
	} {
		b.Run(c.name, func(b *testing.B) {
			down, up := panetest.Key("j"), panetest.Key("k")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				k := down
				if i%40 >= 20 {
					k = up
				}
				i++
				m.Update(k)
				_ = c.view()
			}
		})
	}
}

// BenchmarkSwitchCached is showing a lesson already rendered (n/p, a slide
// seen before): no render, and no measuring of its lines either.
func BenchmarkSwitchCached(b *testing.B) {
	m := newReader(200, 60)
	a, c := lesson("a", 300), lesson("c", 300)
	settle(b, m, m.SetLesson(a, 0))
	settle(b, m, m.SetLesson(c, 0))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		l := a
		if i%2 == 1 {
			l = c
		}
		i++
		if m.SetLesson(l, 10); !m.Ready() {
			b.Fatal("not from the cache")
		}
	}
}

// The full help names every key the pane acts on: home/g and u/d were
// missing from it although they worked.
func TestFullHelpNamesEveryKey(t *testing.T) {
	m := newReader(60, 10)
	settle(t, m, m.SetLesson(lesson("a", 40), 0))
	named := func() map[string]bool {
		out := map[string]bool{}
		for _, col := range m.KeyMap().FullHelp() {
			for _, b := range col {
				if b.Enabled() {
					for _, k := range b.Keys() {
						out[k] = true
					}
				}
			}
		}
		return out
	}
	keys := named()
	for _, k := range []string{"up", "k", "down", "j", "pgup", "b", "pgdown", "space", "f", "u", "d", "home", "g", "end", "G"} {
		if !keys[k] {
			t.Errorf("reading: the full help lacks %q", k)
		}
	}
	settle(t, m, m.SetPresenting(true, 0))
	m.SetSize(60, 4) // a slide taller than the pane scrolls too
	settle(t, m, m.show())
	keys = named()
	for _, k := range []string{"right", "space", "left", "backspace", "g", "G", "up", "down", "u", "d", "f"} { // b blanks the screen: the app's
		if !keys[k] {
			t.Errorf("presenting: the full help lacks %q", k)
		}
	}
}

// The help bar offers what acts: page down while there is more below,
// page up once the end is in view; a search with no match offers no
// next/previous match.
func TestShortHelpActs(t *testing.T) {
	m := newReader(60, 10)
	settle(t, m, m.SetLesson(lesson("a", 40), 0))
	descs := func() string {
		var d []string
		for _, b := range m.KeyMap().ShortHelp() {
			if b.Enabled() {
				d = append(d, b.Help().Desc)
			}
		}
		return strings.Join(d, ", ")
	}
	if got := descs(); !strings.Contains(got, "page down") || strings.Contains(got, "page up") {
		t.Fatalf("at the top: %s", got)
	}
	press(m, "G")
	if got := descs(); strings.Contains(got, "page down") || !strings.Contains(got, "page up") {
		t.Fatalf("at the bottom: %s", got)
	}
	press(m, "g", "/")
	typeQuery(m, "Paragraph 3")
	press(m, "enter")
	next := m.search.keys.Next.Help().Desc
	if got := descs(); !strings.Contains(got, next) {
		t.Fatalf("a search with matches offers: %s", got)
	}
	press(m, "esc", "/")
	typeQuery(m, "zzzqqq")
	press(m, "enter")
	if got := descs(); strings.Contains(got, next) || !m.search.open {
		t.Fatalf("a search with no match offers: %s", got)
	}
}
