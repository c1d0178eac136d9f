package tui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A search in the lesson list finds a line of a lesson's text; enter on it
// opens the lesson there with the search open in the reader, whose n and N
// are then the search's (not the next lesson and the notes), until esc.
func TestSearchHitOpensTheLesson(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	press(t, m, "n") // lesson 2, so that the hit opens another lesson
	if m.Lesson() != "clocks" {
		t.Fatalf("n opened %q", m.Lesson())
	}
	press(t, m, "shift+tab", "/", "o", "w", "n", " ", "c", "l", "o", "c", "k")
	if s := screen(m); !strings.Contains(s, "l.16 its own clock") {
		t.Fatalf("the list does not show lesson 1's line:\n%s", s)
	}
	press(t, m, "down")
	if got := m.list.Chosen(); got.ID != "nodes" || got.Line != 16 {
		t.Fatalf("down: %+v", got)
	}
	press(t, m, "enter")
	s := screen(m)
	if m.Lesson() != "nodes" || m.focus == focusList || !m.reader.Searching() || m.reader.Query() != "own clock" {
		t.Fatalf("enter: lesson %q, searching %v %q:\n%s", m.Lesson(), m.reader.Searching(), m.reader.Query(), s)
	}
	if n, total := m.reader.Match(); n != 1 || total != 1 || !strings.Contains(s, "its own clock") || !strings.Contains(s, "/own clock") {
		t.Fatalf("match %d/%d, not shown:\n%s", n, total, s)
	}
	if strings.Contains(s, "next/prev lesson") {
		t.Errorf("the help offers n for the next lesson while n is the search's:\n%s", s)
	}
	press(t, m, "n", "N")
	if n, _ := m.reader.Match(); m.Lesson() != "nodes" || n != 1 || strings.Contains(screen(m), "speaker notes") {
		t.Fatalf("n/N acted as the app's: lesson %q, match %d:\n%s", m.Lesson(), n, screen(m))
	}
	press(t, m, "esc")
	if m.reader.Searching() {
		t.Fatal("esc leaves the search open")
	}
	press(t, m, "n")
	if m.Lesson() != "clocks" {
		t.Fatalf("after esc, n opened %q", m.Lesson())
	}
}

// / in the reader types a query: the app's keys are text until enter.
func TestSearchInTheReaderTakesTheKeys(t *testing.T) {
	m := newApp(t, fixture, "en", 100, 30)
	press(t, m, "/", "q", "L", "T", "?")
	if m.reader.Query() != "qLT?" || m.Lang() != "en" || m.top() != nil {
		t.Fatalf("typing: query %q, lang %s, overlay %v", m.reader.Query(), m.Lang(), m.top())
	}
	press(t, m, "esc", "/")
	for _, r := range "message" {
		press(t, m, string(r))
	}
	press(t, m, "enter")
	if n, total := m.reader.Match(); n == 0 || total < 2 {
		t.Fatalf("message: match %d/%d:\n%s", n, total, screen(m))
	}
	_, cmd := m.Update(keyMsg("q")) // q is not the search's once searched: it quits
	if !quits(cmd) {
		t.Fatal("q does not quit with a search open")
	}
}

// quits reports whether cmd, run through its batches, quits.
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		return slices.ContainsFunc(msg, quits)
	}
	return false
}

// TestSoakSearch is the soak with a query typed in the lesson list and a
// search open in the reader to begin with.
func TestSoakSearch(t *testing.T) {
	t.Parallel()
	soak(t, 3, func(m *Model) {
		press(t, m, "/", "n", "o", "enter", "shift+tab", "/", "o", "d", "e")
	})
}
