package notes

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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

// Notes longer than the pane scroll: a ↓ ends the last line while more
// follows, ↓/j and d move on until the end shows (and the mark goes), a new
// slide starts at the top; the slide keys are not the pane's (the root
// gives them to the slides).
func TestLongNotesScroll(t *testing.T) {
	m := New(common.New(theme.New(theme.Dark), locale.English))
	m.SetSize(30, 5)
	var words []string
	for i := range 60 {
		words = append(words, fmt.Sprintf("w%02d", i))
	}
	m.Set("3/9", []string{strings.Join(words, " ")})
	plain := func() string { return ansi.Strip(m.View()) }
	offers := func(desc string) bool {
		for _, b := range m.KeyMap().ShortHelp() {
			if b.Help().Desc == desc {
				return true
			}
		}
		return false
	}
	if v := plain(); !strings.Contains(v, "w00") || !strings.HasSuffix(strings.Split(v, "\n")[4], "↓") {
		t.Fatalf("long notes at the top:\n%s", v)
	}
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	if !m.Handles(down) || m.Handles(tea.KeyPressMsg{Code: tea.KeyRight}) || m.Handles(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}) {
		t.Fatal("the notes take ↓ only, not the slide keys")
	}
	for range 20 {
		m.Update(down)
	}
	v := plain()
	if !strings.Contains(v, "w59") || strings.Contains(v, "↓") || strings.Contains(v, "w00") {
		t.Fatalf("scrolled to the end:\n%s", v)
	}
	if !offers("down") || !offers("next slide") {
		t.Fatal("the help bar does not offer the scroll keys")
	}
	m.Set("4/9", []string{strings.Join(words, " ")})
	if !strings.Contains(plain(), "w00") {
		t.Fatalf("a new slide's notes do not start at the top:\n%s", plain())
	}
	m.Update(tea.KeyPressMsg{Code: 'd', Text: "d"})
	if strings.Contains(plain(), "w00") {
		t.Fatalf("d did not scroll half a page:\n%s", plain())
	}
	m.Set("4/9", []string{"short"})
	if strings.Contains(plain(), "↓") || offers("down") || !offers("next slide") {
		t.Fatalf("short notes offer scrolling:\n%s", plain())
	}
}
