package tui

import (
	"regexp"
	"strings"
	"testing"

	glamouransi "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/markdown"
	"distlab/tui/theme"
)

// The sections every lesson has, by language.
var sections = map[string]struct{ tryIt, selfCheck, answers string }{
	"en":    {"## Try it", "## Self-check", "## Answers"},
	"pt-BR": {"## Experimente", "## Autoavaliação", "## Respostas"},
}

var numbered = regexp.MustCompile(`(?m)^\d+\. `)

// countItems counts the numbered items of the section that starts at
// heading, up to the next heading of the same level.
func countItems(body, heading string) int {
	i := strings.Index(body, heading+"\n")
	if i < 0 {
		return -1
	}
	rest := body[i+len(heading):]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j]
	}
	return len(numbered.FindAllString(rest, -1))
}

// Every lesson exists in both languages with the same id, has a Try it
// section, the same number of self-check questions and answers, and names
// only demos the app can open.
func TestCourseStructure(t *testing.T) {
	t.Parallel()
	c := embedded()
	reg := Demos()
	en, pt := c.Lessons("en"), c.Lessons("pt-BR")
	if len(en) != len(pt) || len(en) == 0 {
		t.Fatalf("%d lessons in en, %d in pt-BR", len(en), len(pt))
	}
	for _, l := range en {
		p, ok := c.Find("pt-BR", l.ID)
		if !ok {
			t.Errorf("%s: no pt-BR version", l.ID)
			continue
		}
		counts := map[string]int{}
		for lang, les := range map[string]lessons.Lesson{"en": l, "pt-BR": p} {
			s := sections[lang]
			if !strings.Contains(les.Body, s.tryIt+"\n") {
				t.Errorf("%s/%s: no %q section", lang, les.ID, s.tryIt)
			}
			q, a := countItems(les.Body, s.selfCheck), countItems(les.Body, s.answers)
			if q < 3 || q > 5 || q != a {
				t.Errorf("%s/%s: %d self-check questions, %d answers", lang, les.ID, q, a)
			}
			counts[lang] = q
			for _, d := range les.Demos {
				if !reg.Known(d) {
					t.Errorf("%s/%s: demo %q is not in the registry", lang, les.ID, d)
				}
			}
		}
		if counts["en"] != counts["pt-BR"] {
			t.Errorf("%s: %d questions in en, %d in pt-BR", l.ID, counts["en"], counts["pt-BR"])
		}
		if strings.Join(l.Demos, ",") != strings.Join(p.Demos, ",") {
			t.Errorf("%s: demos %v in en, %v in pt-BR", l.ID, l.Demos, p.Demos)
		}
	}
}

// Every slide of every lesson fits a 100×30 presenter screen without
// horizontal overflow: no rendered line is wider than the pane (diagrams
// and code included). Slides taller than the pane scroll.
func TestSlidesFitPresenter(t *testing.T) {
	t.Parallel()
	const paneW = 100 - 2 // the lesson pane fills the width, inside its frame
	style := theme.New(theme.HighContrast).Glamour
	for _, lang := range lessons.Languages {
		for _, l := range embedded().Lessons(lang) {
			t.Run(lang+"/"+l.ID, func(t *testing.T) {
				t.Parallel() // glamour renders share nothing
				for i, sl := range lessons.Slides(l) {
					out, err := markdown.Render("", sl.Body, paneW, style)
					if err != nil {
						t.Fatal(err)
					}
					for _, line := range strings.Split(out, "\n") {
						if w := ansi.StringWidth(line); w > paneW {
							t.Errorf("%s/%s slide %d: a line %d cells wide: %q", lang, l.ID, i+1, w, strings.TrimSpace(ansi.Strip(line)))
							break
						}
					}
				}
			})
		}
	}
}

// narrowReaderWidth is the lesson pane's inner width on an 80×24 terminal,
// beside the lesson list: the smallest screen a student is expected to use.
func narrowReaderWidth() int {
	l := Arrange(80, 24, Options{Panes: 1, Sidebar: true, Zoom: -1})
	return l.Panes[0].W - 2
}

// codeFits is the widest code line glamour draws on one line in a pane of
// width cells: past it, a diagram wraps and falls apart.
func codeFits(t *testing.T, width int, style glamouransi.StyleConfig) int {
	t.Helper()
	fits := 0
	for k := 8; k <= width; k++ {
		// Words and spaces, as in a diagram: glamour breaks at spaces.
		line := strings.Repeat("x ", k)[:k-1] + "y"
		out, err := markdown.Render("", "```\n"+line+"\n```\n", width, style)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(out, "y") != 1 || strings.Count(strings.TrimSpace(ansi.Strip(out)), "\n") > 0 {
			break
		}
		fits = k
	}
	return fits
}

// Every lesson reads at 80×24 beside the lesson list: prose wraps, but a
// diagram or code line wider than the pane would wrap or be cut, so every
// line of every code block fits. Errors name the file and line to narrow.
func TestLessonsFitNarrowReader(t *testing.T) {
	t.Parallel()
	w := narrowReaderWidth()
	limit := codeFits(t, w, theme.New(theme.Dark).Glamour)
	if limit < 40 {
		t.Fatalf("at 80×24 the reader is %d cells wide and fits code lines of %d", w, limit)
	}
	for _, lang := range lessons.Languages {
		for _, l := range embedded().Lessons(lang) {
			fenced := false
			for i, line := range strings.Split(l.Raw, "\n") {
				if strings.HasPrefix(line, "```") {
					fenced = !fenced
					continue
				}
				line = strings.ReplaceAll(line, "\t", "    ")
				if fenced && ansi.StringWidth(line) > limit {
					t.Errorf("%s:%d: code line %d cells wide; at 80×24 the reader fits %d", l.Path, l.Line+i, ansi.StringWidth(line), limit)
				}
			}
		}
	}
}
