package markdown

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/theme"
)

// lines is a render's text, line by line, without glamour's margins.
func lines(out string) []string {
	ls := strings.Split(ansi.Strip(out), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimSpace(l)
	}
	return ls
}

// onOneLine reports whether some line of ls holds tok.
func onOneLine(ls []string, tok string) bool {
	for _, l := range ls {
		if strings.Contains(l, tok) {
			return true
		}
	}
	return false
}

// Words are never cut at their marks, in a list item (glamour cut those
// at any of " ,.;-+|") as in a paragraph or a quote: not a URL at its
// dots, an option after its dashes, nor a reference before its closing
// parenthesis; and a number keeps its unit. Only a word longer than the
// line is cut.
func TestWrapKeepsWordsWhole(t *testing.T) {
	const text = "Location transparency: `https://example.com/report` says nothing, nor does " +
		"https://example.com/a-b/c-d; wait for a timeout (3 s here), then run `--preset` " +
		"or scale-out at 10.0.0.10 (eds.), as in [the notes](https://example.com/x) of 2023.)"
	tokens := []string{"https://example.com/report", "https://example.com/a-b/c-d;", "(3 s",
		"--preset", "scale-out", "10.0.0.10", "(eds.),", "2023.)"}
	md := "- " + text + "\n\n" + text + "\n\n> " + text + "\n\n1. " + text + "\n"
	for _, th := range []theme.Theme{theme.Dark, theme.HighContrast} {
		for w := 34; w <= 100; w++ {
			out, err := Render("", md, w, theme.New(th).Glamour)
			if err != nil {
				t.Fatal(err)
			}
			ls := lines(out)
			for _, tok := range tokens {
				// Four blocks: each token is on one line in each of them.
				n := 0
				for _, l := range ls {
					n += strings.Count(l, tok)
				}
				if n != 4 {
					t.Errorf("%v, width %d: %q is whole %d times of 4:\n%s", th, w, tok, n, strings.Join(ls, "\n"))
				}
			}
			if strings.ContainsAny(ansi.Strip(out), "\u00a0\u2011") {
				t.Fatalf("width %d: a stand-in left in the text", w)
			}
		}
	}
	// Longer than the line, a word is cut where the line ends.
	out, err := Render("", "- see https://example.com/a/very/long/path/to/a/report/of/the/run\n", 30, theme.New(theme.Dark).Glamour)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(ansi.Strip(out), "\n") {
		if ansi.StringWidth(l) > 30 {
			t.Errorf("a line wider than 30: %q", l)
		}
	}
}

// The lessons where a student saw words cut (lesson 1: a URL in a list
// item, "(3" / "s here)") keep them whole at the reader's widths, in both
// languages: 76 is an 80×24 screen's text, 96 one of 100×30.
func TestLessonWordsStayWhole(t *testing.T) {
	c := lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix, KnownDemo: func(string) bool { return true }})
	want := map[string][]string{
		"en":    {"https://example.com/report", "(3 s", "`nc` (netcat)"},
		"pt-BR": {"https://example.com/relatorio", "3 s),", "`nc` (netcat)"},
	}
	for lang, toks := range want {
		var body string
		for _, l := range c.Lessons(lang) {
			if l.Order == 1 {
				body = l.Body
			}
		}
		for _, tok := range toks {
			if !strings.Contains(strings.Join(strings.Fields(body), " "), tok) {
				t.Fatalf("%s: lesson 1 no longer says %q: update the test", lang, tok)
			}
		}
		for _, w := range []int{50, 60, 70, 76, 80, 90, 96} {
			out, err := Render("", body, w, theme.New(theme.Dark).Glamour)
			if err != nil {
				t.Fatal(err)
			}
			ls := lines(out)
			for _, tok := range toks {
				tok = strings.ReplaceAll(tok, "`", "")
				if !onOneLine(ls, tok) {
					t.Errorf("%s, width %d: %q is cut", lang, w, tok)
				}
			}
		}
	}
}

// Inline code sits between single spaces: glamour padded it with a space
// of its own on each side, which read as "com o  nc  (netcat)".
func TestInlineCodeSpacing(t *testing.T) {
	const md = "Abra dois terminais com o `nc` (netcat) e digite `/nick ana`.\n\n- Um item com `nc` (netcat).\n"
	styles := map[string]func() (string, error){}
	for _, th := range []theme.Theme{theme.Dark, theme.Light, theme.HighContrast} {
		styles[th.String()] = func() (string, error) { return Render("", md, 80, theme.New(th).Glamour) }
	}
	for _, name := range []string{"dark", "light"} {
		styles["glamour "+name] = func() (string, error) {
			cfg, err := Standard(name)
			if err != nil {
				return "", err
			}
			return Render("", md, 80, cfg)
		}
	}
	for name, render := range styles {
		out, err := render()
		if err != nil {
			t.Fatal(err)
		}
		plain := strings.Join(lines(out), "\n")
		for _, want := range []string{"com o nc (netcat) e digite /nick ana.", "Um item com nc (netcat)."} {
			if !strings.Contains(plain, want) {
				t.Errorf("%s: %q not in\n%s", name, want, plain)
			}
		}
	}
}

// A code block or a diagram is never wrapped, in a list item as at the top
// level: each of its lines comes out whole on one line, however narrow the
// pane (the reader cuts what is too wide, with "…"), while the text around
// it still wraps. Before, a slide's table of layers beside a demo read
// "5 application  messages   HTTP, DNS," / "SMTP, chat". The mark that
// keeps code whole never reaches the screen.
func TestCodeIsNeverWrapped(t *testing.T) {
	const md = "A paragraph long enough to wrap at thirty columns, twice at least.\n\n" +
		"```text\n 5 application  messages   HTTP, DNS, SMTP, chat\n 4 transport    segments   TCP, UDP\n```\n\n" +
		"- a step:\n\n  ```sh\n  distlab chat cluster --nodes 3 --port 7000\n  ```\n\n" +
		"    an indented block, also code, wider than thirty columns\n"
	codeLines := []string{"5 application  messages   HTTP, DNS, SMTP, chat", "4 transport    segments   TCP, UDP",
		"distlab chat cluster --nodes 3 --port 7000", "an indented block, also code, wider than thirty columns"}
	for _, th := range []theme.Theme{theme.Dark, theme.Light, theme.HighContrast} {
		out, err := Render("", md, 30, theme.New(th).Glamour)
		if err != nil {
			t.Fatal(err)
		}
		ls := lines(out)
		for _, want := range codeLines {
			if !onOneLine(ls, want) {
				t.Errorf("%s: %q wrapped:\n%s", th, want, strings.Join(ls, "\n"))
			}
		}
		if onOneLine(ls, "A paragraph long enough to wrap") && onOneLine(ls, "twice at least.") &&
			onOneLine(ls, "A paragraph long enough to wrap at thirty columns, twice at least.") {
			t.Errorf("%s: the paragraph did not wrap:\n%s", th, strings.Join(ls, "\n"))
		}
		if strings.ContainsRune(out, '\u2060') {
			t.Errorf("%s: the code mark reached the screen", th)
		}
	}
}

// Every code line of every lesson, in both languages, comes out whole at a
// width narrower than any of them.
func TestLessonCodeIsNeverWrapped(t *testing.T) {
	c := lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix, KnownDemo: func(string) bool { return true }})
	for _, lang := range lessons.Languages {
		for _, l := range c.Lessons(lang) {
			out, err := Render("", l.Body, 24, theme.New(theme.Dark).Glamour)
			if err != nil {
				t.Fatal(err)
			}
			ls := lines(out)
			fence := false
			for i, src := range strings.Split(l.Body, "\n") {
				if strings.HasPrefix(strings.TrimSpace(src), "```") {
					fence = !fence
					continue
				}
				if want := strings.TrimSpace(src); fence && want != "" && !onOneLine(ls, want) {
					t.Errorf("%s: code line %d wrapped: %q", l.Path, i+1, want)
				}
			}
		}
	}
}
