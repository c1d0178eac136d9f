package catalog

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"distlab/demos/locale"
	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/panetest"
	"distlab/tui/theme"
)

// courseList is the list of the embedded course in lang, w×h, focused.
func courseList(t testing.TB, lang string, w, h int) *Model {
	t.Helper()
	return listOf(course().Lessons(lang), lang, w, h)
}

func listOf(ls []lessons.Lesson, lang string, w, h int) *Model {
	m := New(common.New(theme.New(theme.Dark), locale.Match(lang)))
	m.SetSize(w, h)
	m.SetLessons(ls)
	m.Focus(true)
	return m
}

// fixture is a small course whose lines stay put, in English and
// Portuguese: lesson 1 says Lamport five times, lesson 2 never, lesson 3
// once, in a list item, and twice in its title's words.
func fixture(t testing.TB, lang string) []lessons.Lesson {
	t.Helper()
	en := map[string]string{
		"01-nodes.md": "---\nid: nodes\ntitle: Nodes and Messages\norder: 1\nsummary: Computers that only send messages.\n---\n\n" +
			"## Why Lamport matters\n\nLeslie Lamport described a distributed system as one where a computer you did not know existed can make your own unusable.\n\n" +
			"The **relógio** of each node drifts.\n\nLamport, Shostak and Pease named the Byzantine generals.\n\n" +
			"See [Lamport's paper](https://example.com/lamport) and the notes.\n\n<!-- notes: Lamport in the notes is never shown -->\n\nL. Lamport, \"Time, Clocks\", 1978.\n",
		"02-scale.md": "---\nid: scale\ntitle: Scalability\norder: 2\nsummary: Up or out.\n---\n\nNothing about clocks here.\n",
		"03-clocks.md": "---\nid: clocks\ntitle: Logical Clocks\norder: 3\nsummary: Ordering events without a global time.\n---\n\n" +
			"- a **Lamport clock** counts events;\n- a vector clock compares them.\n",
	}
	pt := map[string]string{
		"01-nodes.md": "---\nid: nodes\ntitle: Nós e mensagens\norder: 1\nsummary: Computadores que só trocam mensagens.\n---\n\n" +
			"## Sem relógio comum\n\nCada nó tem seu próprio relógio, sistema operacional e estado, e os relógios divergem aos poucos.\n\n" +
			"Um RELÓGIO atrasado parece um nó lento.\n\nNão há relogio global.\n\nO relógio de Lamport conta eventos.\n",
		"02-scale.md":  "---\nid: scale\ntitle: Escalabilidade\norder: 2\nsummary: Para cima ou para fora.\n---\n\nNada de tempo aqui.\n",
		"03-clocks.md": "---\nid: clocks\ntitle: Relógios lógicos\norder: 3\nsummary: Ordem sem tempo global.\n---\n\n- um **relógio de Lamport** conta eventos;\n",
	}
	fsys := fstest.MapFS{}
	for name, text := range en {
		fsys["en/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	for name, text := range pt {
		fsys["pt-BR/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	c := lessons.Load(fsys, lessons.Options{})
	if len(c.Problems) > 0 {
		t.Fatalf("fixture: %v", c.Problems)
	}
	return c.Lessons(lang)
}

// rowsString is the rows as ids and hit lines: "clocks", "clocks:91", "+4".
func rowsString(m *Model) string {
	var out []string
	for _, r := range m.rows {
		switch {
		case r.more > 0:
			out = append(out, fmt.Sprintf("+%d", r.more))
		case r.hit >= 0:
			out = append(out, fmt.Sprintf("%s:%d", m.hits[r.hit].ID, m.hits[r.hit].Line))
		default:
			out = append(out, m.lessons[r.lesson].ID)
		}
	}
	return strings.Join(out, " ")
}

// A query lists the lessons whose text holds it, even when their title
// does not, each with its first hits under it and how many more it has;
// a lesson whose title holds it is listed too.
func TestQueryListsHitsUnderTheirLessons(t *testing.T) {
	m := listOf(fixture(t, "en"), "en", 80, 40)
	press(m, "/")
	typeText(m, "lamport")
	if got, want := rowsString(m), "nodes nodes:8 nodes:10 nodes:14 +2 clocks clocks:8"; got != want {
		t.Fatalf("rows %q, want %q", got, want)
	}
	typeText(m, " clock") // "lamport clock": only lesson 3's list item
	if got, want := rowsString(m), "clocks clocks:8"; got != want {
		t.Fatalf("rows %q, want %q", got, want)
	}
	press(m, "esc", "/")
	typeText(m, "clocks") // a title, and a body that says it
	if got, want := rowsString(m), "nodes nodes:20 scale scale:8 clocks"; got != want {
		t.Fatalf("rows %q, want %q", got, want)
	}
	// The real course: every hit under its lesson, as many as the search.
	m = courseList(t, "en", 80, 40)
	press(m, "/")
	typeText(m, "lamport")
	total := 0
	for _, h := range lessons.Search(m.lessons, "lamport") {
		if h.Kind == lessons.InBody {
			total++
		}
	}
	if m.Hits() != total || total < 10 || !strings.Contains(visible(m), "time-consistency-failures") {
		t.Errorf("%d hits in %s, the search finds %d", m.Hits(), visible(m), total)
	}
}

// ↑/↓ walk over lessons and hits and skip the "+N more" line; enter on a
// hit opens its lesson at its line, with the query to highlight; on a
// lesson, at the lesson's own place.
func TestEnterOnAHitOpensAtItsLine(t *testing.T) {
	m := listOf(fixture(t, "en"), "en", 80, 40)
	press(m, "/")
	typeText(m, "LAMPORT")
	press(m, "down")
	if got := m.Chosen(); got != (OpenMsg{ID: "nodes", Line: 8, Find: "LAMPORT"}) {
		t.Fatalf("on the first hit: %+v", got)
	}
	press(m, "down", "down", "down") // past 10, 14 and the "+2" line
	if got := m.Chosen(); got != (OpenMsg{ID: "clocks"}) {
		t.Fatalf("three down: %+v\n%s", got, m.String())
	}
	press(m, "up")
	if !m.OpensOnKey(panetest.Key("enter")) {
		t.Fatal("enter does not open a hit")
	}
	cmd := press(m, "enter")
	msg, ok := cmd().(OpenMsg)
	if !ok || msg != (OpenMsg{ID: "nodes", Line: 14, Find: "LAMPORT"}) {
		t.Fatalf("enter opened %+v", msg)
	}
	// A click on a hit opens it too; on the "+N more" line, nothing.
	press(m, "/")
	clicked := 0
	for y, l := range strings.Split(m.String(), "\n") {
		if strings.Contains(l, "+2 more lines") {
			clicked++
			if cmd := m.Update(tea.MouseClickMsg{Button: tea.MouseLeft, Y: y}); cmd != nil {
				t.Errorf("a click on %q opens %+v", l, cmd())
			}
		}
		if strings.Contains(l, "l.10 ") {
			clicked++
			msg, _ := m.Update(tea.MouseClickMsg{Button: tea.MouseLeft, Y: y})().(OpenMsg)
			if msg.ID != "nodes" || msg.Line != 10 {
				t.Errorf("a click on %q opens %+v", l, msg)
			}
		}
	}
	if clicked != 2 {
		t.Fatalf("the lines to click are not drawn:\n%s", m.String())
	}
}

// The match is highlighted in its hit line, accents and case as the lesson
// writes them, and the line is cut around it when it comes late.
func TestHitLineHighlightsTheMatch(t *testing.T) {
	m := listOf(fixture(t, "pt-BR"), "pt-BR", 30, 30)
	press(m, "/")
	typeText(m, "relogio")
	view := m.View()
	s := m.com.Styles
	if !strings.Contains(view, s.FilterPrompt.Render("relógio")) || !strings.Contains(view, s.FilterPrompt.Render("RELÓGIO")) {
		t.Errorf("no highlighted relógio:\n%s", m.String())
	}
	for _, l := range strings.Split(m.String(), "\n") {
		if strings.Contains(l, "l.") && !strings.Contains(lessons.Fold(l), "relogio") {
			t.Errorf("a hit line without its match in view: %q", l)
		}
	}
}

func TestSearchGolden(t *testing.T) {
	t.Run("lamport_80x24", func(t *testing.T) {
		m := listOf(fixture(t, "en"), "en", 80, 24)
		press(m, "/")
		typeText(m, "lamport")
		press(m, "down", "down")
		golden.RequireEqual(t, m.String())
	})
	t.Run("relogio_pt_30x24", func(t *testing.T) {
		m := listOf(fixture(t, "pt-BR"), "pt-BR", 30, 24)
		press(m, "/")
		typeText(m, "relogio")
		press(m, "down")
		golden.RequireEqual(t, m.String())
	})
}

// Random keys, pastes, clicks and sizes with a query open: every view is
// exactly the pane's size, the cursor is on a row it can open (a lesson or
// a hit, never a "+N more" line), and every hit listed holds the query.
func TestSoakWithAQuery(t *testing.T) {
	m := courseList(t, "pt-BR", 40, 20)
	press(m, "/")
	typeText(m, "rel")
	keys := []string{"up", "down", "up", "down", "home", "end", "backspace", "left", "right", "enter", "esc", "/", "/", "g", "G", "j", "k"}
	letters := []rune("lamportrelógiovcsáãç ")
	rng := rand.New(rand.NewPCG(15, 4))
	w, h := 40, 20
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := range n {
		switch r := rng.IntN(100); {
		case r < 5:
			w, h = 1+rng.IntN(120), 1+rng.IntN(50)
			m.SetSize(w, h)
		case r < 10:
			m.Update(tea.MouseClickMsg{Button: tea.MouseLeft, Y: rng.IntN(h + 2)})
		case r < 12:
			m.Update(tea.PasteMsg{Content: string(letters[rng.IntN(len(letters))]) + "o"})
		case r < 14:
			swapCourse(m, rng.IntN(2) == 0)
		case r < 55:
			typeText(m, string(letters[rng.IntN(len(letters))]))
		default:
			press(m, keys[rng.IntN(len(keys))])
		}
		lines := strings.Split(m.View(), "\n")
		if len(lines) != h {
			t.Fatalf("step %d at %d×%d: %d lines", i, w, h, len(lines))
		}
		for j, l := range lines {
			if got := ansi.StringWidth(l); got != w {
				t.Fatalf("step %d at %d×%d: line %d is %d wide: %q", i, w, h, j, got, ansi.Strip(l))
			}
		}
		if len(m.rows) > 0 && (m.cursor >= len(m.rows) || !m.rows[m.cursor].selectable()) {
			t.Fatalf("step %d: cursor %d on %s", i, m.cursor, rowsString(m))
		}
		if (m.Chosen().ID == "") != (len(m.rows) == 0) {
			t.Fatalf("step %d: chosen %+v with %d rows", i, m.Chosen(), len(m.rows))
		}
		q := lessons.NewQuery(m.Query())
		for _, hit := range m.hits {
			if !q.Matches(hit.Text) {
				t.Fatalf("step %d: hit %q for query %q", i, hit.Text, m.Query())
			}
		}
	}
}

// swapCourse gives the list the course in the other language, as the
// app's L does: the list searches the new lessons.
func swapCourse(m *Model, pt bool) {
	lang := "en"
	if pt {
		lang = "pt-BR"
	}
	m.SetLessons(course().Lessons(lang))
}

// course is the embedded course, loaded once.
var course = sync.OnceValue(func() *lessons.Catalog {
	return lessons.Load(lessons.Embedded, lessons.Options{KnownDemo: func(string) bool { return true }})
})
