package chatpane

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/chat"
	"distlab/demos/locale"
	"distlab/tui/panetest"
)

// typingPane is a pane with no cluster, typing: the input line alone.
func typingPane() *Model {
	m := newPane(locale.English)
	m.SetSize(60, 20)
	m.input.Focus()
	return m
}

func TestInputEditing(t *testing.T) {
	m := typingPane()
	for _, k := range []string{"h", "e", "y", "space", "y", "o", "u"} {
		m.typeKey(panetest.Key(k))
	}
	m.typeKey(panetest.Key("backspace"))
	m.typeKey(panetest.Key("home"))
	m.typeKey(panetest.Key("right"))
	m.typeKey(tea.KeyPressMsg{Code: 'E', Text: "E"})
	if got := m.input.Value(); got != "hEey yo" {
		t.Fatalf("typed %q", got)
	}
	if !m.Capturing() {
		t.Fatal("not capturing while typing")
	}
	m.typeKey(panetest.Key("esc"))
	if m.Capturing() || m.input.Value() != "hEey yo" {
		t.Fatalf("esc: capturing %v, line %q", m.Capturing(), m.input.Value())
	}
}

// A paste goes in cleaned of what would break a terminal or the protocol,
// and the line never passes chat.MaxLine bytes, cut between runes.
func TestInputCleanAndLimit(t *testing.T) {
	m := typingPane()
	m.Update(tea.PasteMsg{Content: "a\x1b[31mred\x07\tb\r\nc"})
	if got, want := m.input.Value(), chat.Clean("a\x1b[31mred\x07\tb\r\nc"); got != want || strings.ContainsAny(got, "\x1b\x07\t\r\n") {
		t.Fatalf("pasted %q, want %q", got, want)
	}
	m.input.Reset()
	m.Update(tea.PasteMsg{Content: strings.Repeat("é", chat.MaxLine)}) // 2 bytes each
	if n := len(m.input.Value()); n != chat.MaxLine {
		t.Fatalf("%d bytes after a long paste", n)
	}
	m.typeKey(panetest.Key("backspace"))
	m.typeKey(tea.KeyPressMsg{Code: 'é', Text: "é"})
	m.typeKey(tea.KeyPressMsg{Code: 'x', Text: "x"}) // no room left
	if v := m.input.Value(); len(v) != chat.MaxLine || strings.HasSuffix(v, "x") {
		t.Fatalf("%d bytes, ends %q", len(v), v[len(v)-3:])
	}
	m.input.Blur()
	m.Update(tea.PasteMsg{Content: "ignored"})
	if strings.Contains(m.input.Value(), "ignored") {
		t.Fatal("a paste while not typing went in")
	}
}

// The input line is the demo's last line, above the challenge strip, the
// pane's width; a long line shows its end, where the cursor is; enter
// sends it and empties it.
func TestInputLine(t *testing.T) {
	m := start(t, locale.English)
	press(m, "i")
	m.Update(tea.PasteMsg{Content: "hello " + strings.Repeat("x", 100) + "END"})
	last := func() string {
		lines := strings.Split(ansi.Strip(m.View()), "\n")
		return lines[len(lines)-1-len(m.ChallengeStrip(m.Size()))]
	}
	if l := last(); ansi.StringWidth(l) != 100 || !strings.Contains(l, "xEND") || !strings.HasPrefix(l, " say: x") {
		t.Fatalf("input line %q", l)
	}
	press(m, "enter")
	if l := last(); m.input.Value() != "" || strings.Contains(l, "x") || !m.Capturing() {
		t.Fatalf("after enter: line %q, still typing %v", l, m.Capturing())
	}
	press(m, "esc")
	if l := last(); !strings.Contains(l, "i/enter") {
		t.Fatalf("after esc: %q", l)
	}
}
