package tui

import (
	"strings"
	"testing"
	"time"

	"distlab/demos/class"

	tea "charm.land/bubbletea/v2"
)

func TestPeekHeader(t *testing.T) {
	hub := class.New(time.Now)
	teacher := classApp(t, "en", nil, hub)
	s := classApp(t, "en", hub.Join("a", "Ana"), nil)
	for _, m := range []*Model{teacher, s} {
		send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	}
	press(t, teacher, "A")
	t.Log("\n" + screen(teacher))
	press(t, teacher, "enter")
	news(t, s)
	t.Log("\n" + screen(teacher))
	t.Log("\n" + screen(s))
	m := newApp(t, embedded, "en", 80, 24)
	press(t, m, "Q")
	t.Log("\n" + screen(m))
	_ = strings.Split
}
