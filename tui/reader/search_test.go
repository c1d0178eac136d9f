package reader

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/panetest"
)

// clockLesson is 40 one-line paragraphs, "relógio" in paragraphs 5, 20
// and 35, twice in 20.
func clockLesson() lessons.Lesson {
	var b strings.Builder
	for i := 1; i <= 40; i++ {
		switch i {
		case 5, 35:
			fmt.Fprintf(&b, "Paragraph %d has a relógio.\n\n", i)
		case 20:
			fmt.Fprintf(&b, "Paragraph %d: Relógio meets RELÓGIO.\n\n", i)
		default:
			fmt.Fprintf(&b, "Paragraph %d.\n\n", i)
		}
	}
	return lessons.Lesson{ID: "clocks", Title: "Clocks", Lang: "en", Body: b.String(), Raw: b.String(), Line: 1}
}

func typeQuery(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// bar is the search's line, the view's last.
func bar(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// currentLine is the text of the line the current match is on.
func currentLine(m *Model) string {
	f := &m.search
	if f.cur < 0 {
		return ""
	}
	return ansi.Strip(m.lines[f.matches[f.cur].line])
}

// checkSize fails unless the view is exactly the pane's size.
func checkSize(t *testing.T, m *Model, w, h int) {
	t.Helper()
	lines := strings.Split(m.View(), "\n")
	if len(lines) != h {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), h, screen(m))
	}
	for i, l := range lines {
		if ansi.StringWidth(l) != w {
			t.Fatalf("line %d is %d wide: %q", i, ansi.StringWidth(l), ansi.Strip(l))
		}
	}
}

// / opens the input, enter goes to the first match at or after the top,
// n and N to the next and previous, round the ends, and every match is
// counted, accents and case aside.
func TestSearchNextPrevWrap(t *testing.T) {
	m := newReader(60, 10)
	m.Focus(true)
	settle(t, m, m.SetLesson(clockLesson(), 0))
	press(m, "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j") // past paragraph 5
	press(m, "/")
	if !m.Capturing() || !m.Searching() {
		t.Fatal("/ does not open the search")
	}
	typeQuery(m, "RELOGIO n")
	press(m, "backspace", "backspace")
	checkSize(t, m, 60, 10)
	if got := bar(m); !strings.HasPrefix(got, "/RELOGIO ") || !strings.HasSuffix(got, " 4 matches") {
		t.Fatalf("typing, the bar is %q", got)
	}
	press(m, "enter")
	if m.Capturing() || !m.Searching() {
		t.Fatal("enter leaves the query typed or closes the search")
	}
	steps := []struct {
		key, line, count string
	}{
		{"", "Paragraph 20: Relógio", "2/4"}, // the first after the top line
		{"n", "Paragraph 20: Relógio", "3/4"},
		{"n", "Paragraph 35", "4/4"},
		{"n", "Paragraph 5 ", "↻ 1/4"},
		{"N", "Paragraph 35", "↻ 4/4"},
		{"N", "Paragraph 20", "3/4"},
		{"N", "Paragraph 20", "2/4"},
		{"N", "Paragraph 5 ", "1/4"},
	}
	for i, s := range steps {
		if s.key != "" {
			if !m.ClaimsKey(panetest.Key(s.key)) {
				t.Fatalf("the search does not claim %s", s.key)
			}
			press(m, s.key)
		}
		if line := currentLine(m); !strings.Contains(line, s.line) {
			t.Errorf("step %d (%s): on %q, want %q", i, s.key, line, s.line)
		}
		if !strings.HasSuffix(bar(m), s.count) {
			t.Errorf("step %d (%s): bar %q, want it to end %q", i, s.key, bar(m), s.count)
		}
		if !strings.Contains(screen(m), s.line) {
			t.Errorf("step %d (%s): the match is not on screen:\n%s", i, s.key, screen(m))
		}
		checkSize(t, m, 60, 10)
	}
	// Scrolled away, n goes on from the top line, not from the match left
	// behind.
	press(m, "G")
	press(m, "n")
	if n, _ := m.Match(); n != 1 || !strings.HasSuffix(bar(m), "↻ 1/4") {
		t.Errorf("n at the end: match %d, bar %q", n, bar(m))
	}
	press(m, "esc")
	if m.Searching() || m.ClaimsKey(panetest.Key("n")) {
		t.Fatal("esc does not end the search")
	}
	checkSize(t, m, 60, 10)
	if strings.Contains(screen(m), "/RELOGIO") {
		t.Fatalf("the search's line is left:\n%s", screen(m))
	}
}

// The matches on screen are highlighted as the lesson writes them, the
// current one in reverse video, the others in the selection's colors.
func TestSearchHighlights(t *testing.T) {
	m := newReader(60, 50)
	m.Focus(true)
	settle(t, m, m.SetLesson(clockLesson(), 0))
	press(m, "/")
	typeQuery(m, "relógio")
	press(m, "enter")
	view := m.View()
	cur := lipgloss.NewStyle().Reverse(true).Bold(true).Render("relógio")
	other := m.com.Styles.ItemSelected.Render("Relógio")
	if !strings.Contains(view, cur) || !strings.Contains(view, other) {
		t.Fatalf("want %q current and %q highlighted in:\n%q", cur, other, view)
	}
	if ansi.Strip(view) != screen(m) || strings.Count(screen(m), "relógio") != 2 {
		t.Fatalf("the highlight changed the text:\n%s", screen(m))
	}
}

// The search is the reader's own: closed by a new lesson or a slide show,
// not offered while presenting, kept and found again across a resize.
func TestSearchFollowsTheReader(t *testing.T) {
	m := newReader(60, 10)
	m.Focus(true)
	settle(t, m, m.SetLesson(clockLesson(), 0))
	press(m, "/")
	typeQuery(m, "relogio")
	press(m, "enter", "n")
	settle(t, m, m.SetSize(30, 12))
	if _, total := m.Match(); !m.Searching() || total != 4 {
		t.Fatalf("after a resize: searching %v, %d matches", m.Searching(), total)
	}
	if n, _ := m.Match(); n < 1 || !strings.Contains(screen(m), "Relógio") && !strings.Contains(screen(m), "relógio") {
		t.Fatalf("after a resize the current match is %d, off screen:\n%s", n, screen(m))
	}
	checkSize(t, m, 30, 12)
	settle(t, m, m.SetLesson(lesson("other", 10), 0))
	if m.Searching() {
		t.Fatal("another lesson keeps the search")
	}
	settle(t, m, m.SetPresenting(true, 0))
	press(m, "/")
	if m.Searching() || m.Capturing() {
		t.Fatal("/ searches in presenter mode")
	}
	// In a pane of one line there is no room for it, and nothing breaks.
	m2 := newReader(20, 1)
	settle(t, m2, m2.SetLesson(clockLesson(), 0))
	press(m2, "/")
	typeQuery(m2, "x")
	checkSize(t, m2, 20, 1)
}

// course is the embedded course, loaded once.
var course = sync.OnceValue(func() *lessons.Catalog {
	return lessons.Load(lessons.Embedded, lessons.Options{KnownDemo: func(string) bool { return true }})
})

// A hit of the lesson list, opened, is shown on the rendered line of its
// paragraph, for every hit of a query in the course: its current match is
// in the paragraph whose first words are the hit's. A hit in the hidden
// answers shows their heading.
func TestRevealEveryHit(t *testing.T) {
	for _, c := range []struct{ lang, query string }{{"en", "lamport"}, {"pt-BR", "relogio"}, {"en", "timeout"}} {
		ls := course().Lessons(c.lang)
		for _, w := range []int{60, 100} {
			m := newReader(w, 20)
			m.com.Tick = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
				return func() tea.Msg { return fn(time.Time{}) } // the read wait, not waited
			}
			for _, h := range lessons.Search(ls, c.query) {
				if h.Kind != lessons.InBody {
					continue
				}
				l, _ := course().Find(c.lang, h.ID)
				cmd := m.SetLesson(l, 0)
				cmd = tea.Batch(cmd, m.Reveal(h.Line, c.query))
				settleAll(t, m, cmd)
				where := fmt.Sprintf("%s %d cols: %s:%d %q", c.lang, w, h.ID, h.Line, h.Text)
				if inAnswers(l, h.Line) {
					top := ansi.Strip(strings.Join(m.lines[m.Offset():min(m.Offset()+m.viewHeight(), len(m.lines))], "\n"))
					if !strings.Contains(top, "## "+lessons.AnswersHeadings[c.lang]) {
						t.Errorf("%s: in the answers, the view is not at their heading:\n%s", where, top)
					}
					continue
				}
				n, _ := m.Match()
				if n == 0 {
					t.Errorf("%s: no current match", where)
					continue
				}
				line := m.search.matches[n-1].line
				if line < m.Offset() || line >= m.Offset()+m.viewHeight() {
					t.Errorf("%s: the match is off screen", where)
				}
				if para := paragraph(m.lines, line); !strings.Contains(para, headOf(h.Text)) {
					t.Errorf("%s: landed in %q", where, para)
				}
			}
		}
	}
}

// settleAll runs cmd and the messages it leads to (a batch's too) until
// none is left.
func settleAll(t *testing.T, m *Model, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for i := 0; len(queue) > 0; i++ {
		if i > 50 {
			t.Fatal("the commands never end")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case RenderedMsg:
			queue = append(queue, m.Update(msg))
		}
	}
}

// paragraph is the folded text of the block of lines around line i,
// between blank lines.
func paragraph(lines []string, i int) string {
	blank := func(j int) bool { return strings.TrimSpace(ansi.Strip(lines[j])) == "" }
	from, to := i, i
	for from > 0 && !blank(from-1) {
		from--
	}
	for to+1 < len(lines) && !blank(to+1) {
		to++
	}
	var words []string
	for _, l := range lines[from : to+1] {
		words = append(words, strings.Fields(ansi.Strip(l))...)
	}
	return lessons.Fold(strings.Join(words, " "))
}
