package catalog

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

func newList(t *testing.T) *Model {
	t.Helper()
	m := New(common.New(theme.New(theme.Dark), locale.Match("pt-BR")))
	m.SetSize(40, 20)
	m.SetLessons([]lessons.Lesson{
		{ID: "nodes", Title: "Nós e mensagens", Order: 1, Summary: "Computadores que só trocam mensagens."},
		{ID: "clocks", Title: "Relógios sem um tempo global", Order: 2, Summary: "Lição sobre ordem."},
		{ID: "scale", Title: "Escalar para cima ou para fora", Order: 3},
	})
	m.Focus(true)
	return m
}

func press(m *Model, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		cmd = m.Update(panetest.Key(k))
	}
	return cmd
}

func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func visible(m *Model) string {
	var out []string
	for _, i := range m.visible {
		out = append(out, m.lessons[i].ID)
	}
	return strings.Join(out, ",")
}

func opened(t *testing.T, cmd tea.Cmd) string {
	t.Helper()
	if cmd == nil {
		return ""
	}
	msg, ok := cmd().(OpenMsg)
	if !ok {
		t.Fatalf("sent %#v", msg)
	}
	return msg.ID
}

func TestFilterIgnoresAccents(t *testing.T) {
	for _, c := range []struct{ query, want string }{
		{"relog", "clocks"},
		{"relóg", "clocks"},
		{"RELÓGIOS", "clocks"},
		{"licao", "clocks"}, // in the summary
		{"lição", "clocks"},
		{"nos", "nodes"},
		{"scale", "scale"}, // the id
		{"mensagens", "nodes"},
		{"para", "scale"},
		{"xyz", ""},
	} {
		m := newList(t)
		press(m, "/")
		typeText(m, c.query)
		if got := visible(m); got != c.want || m.Query() != c.query {
			t.Errorf("%q: shows %q (query %q), want %q", c.query, got, m.Query(), c.want)
		}
	}
}

// While the filter is typed, every key is text but enter, esc and ↑/↓;
// the text is a field: backspace, ←/→ and a paste edit it.
func TestFilterEditing(t *testing.T) {
	m := newList(t)
	if m.Capturing() {
		t.Fatal("capturing before /")
	}
	press(m, "/")
	if !m.Capturing() {
		t.Fatal("/ does not start the filter")
	}
	typeText(m, "jkgGq/")
	if m.Query() != "jkgGq/" || visible(m) != "" {
		t.Fatalf("keys the list binds are text while filtering: %q shows %q", m.Query(), visible(m))
	}
	m.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}) // all before the cursor
	typeText(m, "rexlog")
	press(m, "left", "left", "left", "backspace") // the x
	if m.Query() != "relog" || visible(m) != "clocks" {
		t.Fatalf("edited to %q, shows %q", m.Query(), visible(m))
	}
	press(m, "esc")
	if m.Capturing() || m.Query() != "" || visible(m) != "nodes,clocks,scale" {
		t.Fatalf("esc leaves %q, shows %q", m.Query(), visible(m))
	}
	press(m, "/")
	m.Update(tea.PasteMsg{Content: "para\tfora"})
	if m.Query() != "para fora" || visible(m) != "scale" {
		t.Fatalf("pasted %q shows %q", m.Query(), visible(m))
	}
	m.Update(tea.PasteMsg{Content: "ignored"})
	press(m, "esc")
	m.Update(tea.PasteMsg{Content: "ignored"}) // not filtering: no text field
	if m.Query() != "" {
		t.Fatalf("a paste outside the filter typed %q", m.Query())
	}
}

// Enter opens the match under the cursor and leaves the query shown; ↑/↓
// move among the matches.
func TestFilterEnterOpens(t *testing.T) {
	m := newList(t)
	press(m, "/")
	typeText(m, "a") // all three have an a
	press(m, "down", "down", "down", "up")
	if !m.OpensOnKey(panetest.Key("enter")) || m.OpensOnKey(panetest.Key("l")) {
		t.Fatal("while filtering only enter opens")
	}
	if id := opened(t, press(m, "enter")); id != "clocks" {
		t.Fatalf("enter opened %q", id)
	}
	if m.Capturing() || m.Query() != "a" {
		t.Fatalf("after enter: capturing %v, query %q", m.Capturing(), m.Query())
	}
	if !strings.Contains(m.String(), "filtro: a") {
		t.Fatalf("the query left is not shown:\n%s", m.String())
	}
	m.CloseFilter()
	if m.Query() != "" || visible(m) != "nodes,clocks,scale" || m.Selected() != "clocks" {
		t.Fatalf("CloseFilter: query %q, shows %q, on %q", m.Query(), visible(m), m.Selected())
	}
	press(m, "/")
	typeText(m, "zzz")
	if cmd := press(m, "enter"); opened(t, cmd) != "" {
		t.Fatal("enter with no match opens something")
	}
}

// The filter line pushes the items down: a click lands on the item drawn
// where it is.
func TestClickUnderTheFilter(t *testing.T) {
	m := newList(t)
	press(m, "/")
	typeText(m, "e") // all three
	if !strings.HasPrefix(strings.Split(m.String(), "\n")[2], "›  1") {
		t.Fatalf("view:\n%s", m.String())
	}
	id := opened(t, m.Update(tea.MouseClickMsg{Button: tea.MouseLeft, Y: 3}))
	if id != "clocks" {
		t.Fatalf("click on line 3 opened %q:\n%s", id, m.String())
	}
}

func TestViewSizes(t *testing.T) {
	m := newList(t)
	press(m, "/")
	typeText(m, strings.Repeat("long query ", 10))
	for _, w := range []int{40, 12, 3} {
		m.SetSize(w, 10)
		for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
			if ansi.StringWidth(l) != w {
				t.Fatalf("width %d: line %q", w, l)
			}
		}
	}
	panetest.CheckSizes(t, panetest.Sizer[tea.Cmd]{V: m})
}

// The full help names every key the list acts on (home/g and end/G were
// missing), and while a filter is typed, the keys that act then.
func TestFullHelpNamesEveryKey(t *testing.T) {
	m := newList(t)
	named := func() map[string]bool {
		out := map[string]bool{}
		for _, col := range m.KeyMap().FullHelp() {
			for _, b := range col {
				for _, k := range b.Keys() {
					out[k] = true
				}
			}
		}
		return out
	}
	keys := named()
	for _, k := range []string{"up", "k", "down", "j", "home", "g", "end", "G", "enter", "/"} {
		if !keys[k] {
			t.Errorf("the full help lacks %q", k)
		}
	}
	press(m, "/")
	keys = named()
	for _, k := range []string{"enter", "esc", "up", "down"} {
		if !keys[k] {
			t.Errorf("filtering: the full help lacks %q", k)
		}
	}
	if keys["/"] || keys["g"] {
		t.Error("filtering: the full help names keys that type")
	}
}

// A filter given up (esc while typing, or esc after) brings back the whole
// list with the cursor on the lesson open in the reader, not on the match
// it was on: enter would have opened another lesson than the one read.
func TestDroppedFilterReturnsToTheOpenLesson(t *testing.T) {
	for _, keys := range [][]string{{"esc"}, {"enter", "esc"}} {
		m := newList(t)
		m.SetCurrent("scale")
		press(m, "/")
		typeText(m, "relog")
		if m.Selected() != "clocks" {
			t.Fatalf("the filter is on %q", m.Selected())
		}
		if keys[0] == "enter" {
			m.filter.Blur() // as enter does, without opening
			keys = keys[1:]
		}
		press(m, keys...)
		if m.Query() != "" || visible(m) != "nodes,clocks,scale" || m.Selected() != "scale" {
			t.Fatalf("%v: query %q, shows %q, cursor on %q", keys, m.Query(), visible(m), m.Selected())
		}
	}
}

// A title too long for two lines of the list gets a third: at 80 columns
// the list is 24 cells wide, and "What Is a Distributed System?" was cut
// to "Distributed Sy…".
func TestLongTitleWrapsOnThreeLines(t *testing.T) {
	m := New(common.New(theme.New(theme.Dark), locale.Match("en")))
	m.SetSize(22, 20)
	m.SetLessons([]lessons.Lesson{{ID: "what", Title: "What Is a Distributed System?", Order: 1}})
	s := ansi.Strip(m.View())
	if strings.Contains(s, "…") || !strings.Contains(s, "System?") {
		t.Fatalf("the title is cut:\n%s", s)
	}
	m.SetSize(12, 20) // no room even in three: cut, with a mark
	if s := ansi.Strip(m.View()); !strings.Contains(s, "…") {
		t.Fatalf("a title too long for three lines is not marked cut:\n%s", s)
	}
}
