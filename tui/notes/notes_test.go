package notes

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

func TestNotes(t *testing.T) {
	m := New(common.New(theme.New(theme.HighContrast), locale.Portuguese))
	m.SetSize(30, 6)
	if !strings.Contains(m.View(), "Sem notas para este slide.") || m.Title() != "Notas do apresentador" {
		t.Fatalf("empty notes:\n%s\ntitle %q", m.View(), m.Title())
	}
	if !m.Set("2/5", []string{"ask the class for an example before the diagram"}) {
		t.Fatal("new notes reported unchanged")
	}
	if m.Set("2/5", []string{"ask the class for an example before the diagram"}) {
		t.Fatal("the same notes reported changed: the pane would be drawn again for nothing")
	}
	if m.Title() != "Notas do apresentador · 2/5" {
		t.Fatalf("title %q", m.Title())
	}
	v := m.View()
	if !strings.Contains(v, "ask the class for") || !strings.Contains(v, "example before the") {
		t.Fatalf("notes not wrapped to the pane:\n%s", v)
	}
	panetest.CheckSizes(t, panetest.Sizer[tea.Cmd]{V: m})
}
