package reader

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A resize storm while renders are slow: one render runs at a time, a
// resize during it starts nothing, and in the end the pane shows the last
// width.
func TestResizeStormRendersOneAtATime(t *testing.T) {
	m := newReader(80, 20)
	var running tea.Cmd
	start := func(cmd tea.Cmd, what string) {
		if cmd == nil {
			return
		}
		if running != nil {
			t.Fatalf("%s started a second render", what)
		}
		running = cmd
	}
	land := func() {
		cmd := running
		running = nil
		msg := cmd()
		if _, ok := msg.(RenderedMsg); !ok {
			t.Fatalf("a render command returned %T", msg)
		}
		start(m.Update(msg), "a landing render")
	}
	start(m.SetLesson(lesson("a", 400), 0), "SetLesson")
	last := 0
	for i := range 64 {
		last = 40 + (i*7)%120
		start(m.SetSize(last, 20), "a resize")
		if i%8 == 7 && running != nil { // a render lands now and then
			land()
		}
	}
	for n := 0; running != nil; n++ {
		if n > 10 {
			t.Fatal("renders never stop")
		}
		land()
	}
	if !m.Ready() || m.shown.width != last || !strings.Contains(screen(m), "Paragraph 1.") {
		t.Fatalf("after the storm: ready %v, width %d shown, want %d", m.Ready(), m.shown.width, last)
	}
}

// The cache holds at most maxCacheBytes, dropping what was used least
// recently, and keeps the render put last whatever its size.
func TestRenderCacheBoundedByBytes(t *testing.T) {
	c := newRenderCache()
	big := func(kb int) render {
		line := strings.Repeat("x", 1000)
		r := render{}
		for range kb {
			r.lines = append(r.lines, line)
		}
		return r
	}
	key := func(w int) renderKey { return renderKey{id: "a", width: w} }
	for w := 1; w <= 100; w++ {
		c.put(key(w), big(1024)) // about 1 MB each
		if w == 10 {
			c.get(key(1)) // used again: kept over 2..10
		}
		if c.bytes > maxCacheBytes {
			t.Fatalf("after %d renders the cache holds %d bytes, over %d", w, c.bytes, maxCacheBytes)
		}
	}
	if _, ok := c.get(key(100)); !ok {
		t.Error("the render put last was dropped")
	}
	if _, ok := c.get(key(2)); ok {
		t.Error("an old, unused render was kept")
	}
	sum := 0
	for _, e := range c.entries {
		sum += e.size
	}
	if sum != c.bytes {
		t.Errorf("the cache counts %d bytes, its entries hold %d", c.bytes, sum)
	}
	c.put(key(0), big(40*1024)) // bigger than the whole cache
	if _, ok := c.get(key(0)); !ok || len(c.entries) != 1 {
		t.Errorf("a render bigger than the cache: kept %v, %d entries", ok, len(c.entries))
	}
}
