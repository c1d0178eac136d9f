package picker

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/tui/common"
	"distlab/tui/demo"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

// registry holds two demos named in both languages, accents in Portuguese.
func registry() *demo.Registry {
	named := func(id, en, pt, sumEN, sumPT string) demo.Demo {
		return demo.Demo{
			ID: id,
			Names: func(p *locale.Printer) demo.Names {
				if p.Lang() == locale.Portuguese {
					return demo.Names{Title: pt, Summary: sumPT}
				}
				return demo.Names{Title: en, Summary: sumEN}
			},
			New: func(demo.Env) common.Pane { return nil },
		}
	}
	return demo.NewRegistry(
		named("chat", "chat cluster", "cluster de chat", "Three nodes.", "Três nós."),
		named("clocks", "clock ordering", "ordenação de relógios", "Lamport time.", "Tempo de Lamport."),
	)
}

func newPicker(lang string) *Model {
	return New(common.New(theme.New(theme.Dark), locale.Match(lang)), registry())
}

func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func ids(m *Model) string {
	var out []string
	for _, d := range m.shown {
		out = append(out, d.ID)
	}
	return strings.Join(out, ",")
}

func TestFilterIgnoresAccents(t *testing.T) {
	for _, c := range []struct {
		lang, query, want string
	}{
		{"pt-BR", "", "chat,clocks"},
		{"pt-BR", "relóg", "clocks"},
		{"pt-BR", "relog", "clocks"}, // no accent typed: found all the same
		{"pt-BR", "ORDENACAO", "clocks"},
		{"pt-BR", "tres", "chat"},     // the summary counts
		{"pt-BR", "clocks", "clocks"}, // and the id
		{"en", "relog", ""},
		{"en", "cluster", "chat"},
		{"en", "zzz", ""},
	} {
		m := newPicker(c.lang)
		typeText(m, c.query)
		if got := ids(m); got != c.want || m.Query() != c.query {
			t.Errorf("%s %q: shown %q (query %q), want %q", c.lang, c.query, got, m.Query(), c.want)
		}
	}
}

// The filter is a text field: backspace, the cursor keys and a paste edit
// it, and the list follows.
func TestFilterEditing(t *testing.T) {
	m := newPicker("pt-BR")
	typeText(m, "relx")
	if ids(m) != "" {
		t.Fatalf("relx shows %q", ids(m))
	}
	m.Update(panetest.Key("backspace"))
	if m.Query() != "rel" || ids(m) != "clocks" {
		t.Fatalf("after backspace: %q shows %q", m.Query(), ids(m))
	}
	m.Update(panetest.Key("home"))
	typeText(m, "x")
	if m.Query() != "xrel" || ids(m) != "" {
		t.Fatalf("typed at the start: %q shows %q", m.Query(), ids(m))
	}
	m.Update(panetest.Key("right")) // after the r
	m.Update(panetest.Key("left"))
	m.Update(panetest.Key("left")) // before the x: delete it
	m.Update(tea.KeyPressMsg{Code: tea.KeyDelete})
	if m.Query() != "rel" {
		t.Fatalf("after delete: %q", m.Query())
	}
	m.Update(panetest.Key("end"))
	m.Update(tea.KeyPressMsg{Code: 'w', Mod: tea.ModCtrl}) // the word before the cursor
	if m.Query() != "" || ids(m) != "chat,clocks" {
		t.Fatalf("after ctrl+w: %q shows %q", m.Query(), ids(m))
	}
	m.Update(tea.PasteMsg{Content: "de\nrelóg"})
	if m.Query() != "de relóg" || ids(m) != "clocks" { // a pasted newline is a space
		t.Fatalf("after paste: %q shows %q", m.Query(), ids(m))
	}
}

func TestChooseAndClose(t *testing.T) {
	m := newPicker("en")
	m.Update(panetest.Key("down"))
	m.Update(panetest.Key("down")) // not past the last
	msg := m.Update(panetest.Key("enter"))()
	if open, ok := msg.(demo.OpenMsg); !ok || open.ID != "clocks" || !open.New {
		t.Fatalf("enter sent %#v", msg)
	}
	typeText(m, "chat") // the cursor follows the list as it shrinks
	msg = m.Update(panetest.Key("enter"))()
	if open, ok := msg.(demo.OpenMsg); !ok || open.ID != "chat" {
		t.Fatalf("enter sent %#v", msg)
	}
	typeText(m, "zzz")
	if m.Update(panetest.Key("enter")) != nil {
		t.Fatal("enter with nothing shown opens something")
	}
	if _, ok := m.Update(panetest.Key("esc"))().(CloseMsg); !ok {
		t.Fatal("esc does not close")
	}
	// Letters the app binds elsewhere are text here.
	m = newPicker("en")
	typeText(m, "q?jkD")
	if m.Query() != "q?jkD" {
		t.Fatalf("typed %q", m.Query())
	}
}

func TestView(t *testing.T) {
	m := newPicker("pt-BR")
	typeText(m, "relog")
	lines := strings.Split(ansi.Strip(m.View(60, 40)), "\n")
	for _, l := range lines {
		if ansi.StringWidth(l) != 60 {
			t.Fatalf("line %d wide: %q", ansi.StringWidth(l), l)
		}
	}
	if !strings.Contains(lines[1], "relog") || !strings.Contains(lines[3], "› ordenação de relógios  clocks") {
		t.Fatalf("view:\n%s", strings.Join(lines, "\n"))
	}
	// A query wider than the box scrolls: its end, where the cursor is,
	// stays in view.
	typeText(m, strings.Repeat("x", 80)+"END")
	if v := ansi.Strip(m.View(40, 40)); !strings.Contains(v, "xEND") {
		t.Fatalf("the end of a long query is hidden:\n%s", v)
	}
}

// In a narrow box a summary too long for its line ends with "…", and the
// hint wraps onto more lines rather than lose its end: how to close the
// picker stays in sight.
func TestNarrowViewCutsWithEllipsisAndKeepsTheHint(t *testing.T) {
	for _, lang := range []string{"en", "pt-BR"} {
		m := newPicker(lang)
		long := demo.Demo{ID: "long", Names: func(*locale.Printer) demo.Names {
			return demo.Names{Title: "a title", Summary: strings.Repeat("a summary much too long for the box ", 4)}
		}, New: func(demo.Env) common.Pane { return nil }}
		m.demos = append(m.demos, long)
		m.folded = nil
		m.refilter()
		v := ansi.Strip(m.View(40, 40))
		lines := strings.Split(v, "\n")
		for _, l := range lines {
			if ansi.StringWidth(l) != 40 {
				t.Fatalf("%s: line %d wide: %q", lang, ansi.StringWidth(l), l)
			}
		}
		if !strings.Contains(v, "a summary much too long for the b…") {
			t.Errorf("%s: the long summary is cut without …:\n%s", lang, v)
		}
		esc := map[string]string{"en": "esc closes", "pt-BR": "esc fecha"}[lang]
		if !strings.Contains(strings.Join(strings.Fields(v), " "), esc) {
			t.Errorf("%s: the hint lost %q:\n%s", lang, esc, v)
		}
	}
}

// In a short workspace the box keeps to the height it is given: summaries
// go first, then demos far from the cursor, never the hint or the cursor.
func TestShortViewKeepsTheCursorAndTheHint(t *testing.T) {
	m := newPicker("en")
	m.Update(panetest.Key("down"))
	for _, h := range []int{12, 10, 9} {
		v := ansi.Strip(m.View(60, h))
		lines := strings.Split(v, "\n")
		if len(lines) > h {
			t.Fatalf("height %d: %d lines:\n%s", h, len(lines), v)
		}
		for _, want := range []string{"› clock ordering", "Lamport time.", "esc closes"} {
			if !strings.Contains(v, want) {
				t.Errorf("height %d lacks %q:\n%s", h, want, v)
			}
		}
	}
	if v := ansi.Strip(m.View(60, 9)); strings.Contains(v, "Three nodes.") {
		t.Errorf("a summary away from the cursor kept in a short box:\n%s", v)
	}
}

// The chosen demo's summary is read whole, wrapped; the others' are cut
// to a line.
func TestChosenSummaryIsWhole(t *testing.T) {
	long := "Three real TCP nodes, bots and you: crash a node and watch the clients fail over without losing a line."
	named := func(id string) demo.Demo {
		return demo.Demo{ID: id, Names: func(*locale.Printer) demo.Names { return demo.Names{Title: id, Summary: long} },
			New: func(demo.Env) common.Pane { return nil }}
	}
	m := New(common.New(theme.New(theme.Dark), locale.Match("en")), demo.NewRegistry(named("one"), named("two")))
	m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	view := ansi.Strip(m.View(48, 30))
	flat := strings.Join(strings.Fields(strings.NewReplacer("┃", " ", "│", " ").Replace(view)), " ")
	if !strings.Contains(flat, "two "+long) {
		t.Errorf("the chosen demo's summary is not whole:\n%s", view)
	}
	if strings.Count(view, "without losing a line.") != 1 || !strings.Contains(view, "…") {
		t.Errorf("the other demo's summary should be cut to one line:\n%s", view)
	}
}
