package markdown

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// sgrBefore is the last colour set before word in out.
func sgrBefore(t *testing.T, out, word string) string {
	t.Helper()
	i := strings.Index(out, word)
	if i < 0 {
		t.Fatalf("%q not in %q", word, out)
	}
	all := regexp.MustCompile(`\x1b\[38;5;\d+m`).FindAllString(out[:i], -1)
	if len(all) == 0 {
		t.Fatalf("no colour before %q in %q", word, out)
	}
	return all[len(all)-1]
}

func render(t *testing.T, md, style string) string {
	t.Helper()
	out, err := Render("", md, 60, *styles.DefaultStyles[style])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The languages the lessons use are highlighted: a keyword and a name get
// different colours. Text, and a language without a lexer, are one colour.
func TestCodeIsHighlighted(t *testing.T) {
	for _, c := range []struct{ lang, code, keyword, name string }{
		{"go", "package main\n\nfunc serve() {}", "func", "serve"},
		{"sh", "if true; then\n  nc 127.0.0.1 9000\nfi", "then", "nc"},
		{"python", "def serve():\n    pass", "def", "serve"},
		{"json", `{"port": 9000}`, `"port"`, "9000"},
	} {
		out := render(t, "```"+c.lang+"\n"+c.code+"\n```\n", "dark")
		if sgrBefore(t, out, c.keyword) == sgrBefore(t, out, c.name) {
			t.Errorf("%s: %q and %q have the same colour:\n%q", c.lang, c.keyword, c.name, out)
		}
	}
	for _, lang := range []string{"text", "cobol"} {
		out := render(t, "```"+lang+"\nfunc serve() {}\n```\n", "dark")
		if sgrBefore(t, out, "func") != sgrBefore(t, out, "serve") {
			t.Errorf("%s is highlighted:\n%q", lang, out)
		}
	}
}

// Each style colours code its own way, whichever was drawn first (glamour
// registered the first style's code colours for every later one).
func TestCodeColoursFollowTheStyle(t *testing.T) {
	md := "```go\nfunc serve() {}\n```\n"
	dark, light := render(t, md, "dark"), render(t, md, "light")
	if sgrBefore(t, dark, "serve") == sgrBefore(t, light, "serve") {
		t.Errorf("a function name has the same colour in dark and light:\n%q\n%q", dark, light)
	}
}

// HTML in a lesson shows as its text: tags, comments and scripts go.
func TestHTMLIsStripped(t *testing.T) {
	md := "<div class=\"x\">block &amp; text</div>\n\n<script>alert(1)</script>\n\nA <b>bold</b> word.\n"
	plain := ansi.Strip(render(t, md, "dark"))
	for _, want := range []string{"block & text", "bold", "word"} {
		if !strings.Contains(plain, want) {
			t.Errorf("%q missing:\n%s", want, plain)
		}
	}
	for _, gone := range []string{"<div", "</div>", "alert", "<b>", "class="} {
		if strings.Contains(plain, gone) {
			t.Errorf("%q left in:\n%s", gone, plain)
		}
	}
}

// The app does not link chroma's lexers and styles or bluemonday: their
// package initialisation cost most of distlab's start-up.
func TestSlowInitsNotLinked(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "distlab/cmd/distlab").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch pkg {
		case "github.com/alecthomas/chroma/v2/lexers", "github.com/alecthomas/chroma/v2/styles",
			"github.com/alecthomas/chroma/v2/quick", "github.com/microcosm-cc/bluemonday":
			t.Errorf("distlab links %s", pkg)
		}
	}
}

// Whatever reaches Render (the loader cleans lessons first), its output
// holds glamour's colours and links and nothing else a terminal acts on.
func TestRenderIsSafe(t *testing.T) {
	md := "Raw \x1b]0;PWNED\a\x1b[2J\u009b31m\u202e here, refs &#27;]2;T&#7; &#x1b;[3J, a [link](https://example.com/a) and `code`.\n"
	for _, style := range []string{"dark", "notty"} {
		out := render(t, md, style)
		for i := 0; i < len(out); i++ {
			if out[i] == 0x1b {
				n := glamourSequence(out[i:])
				if n == 0 {
					t.Fatalf("%s: an escape that is not glamour's at %d: %q", style, i, out[i:min(i+20, len(out))])
				}
				i += n - 1
			}
		}
		plain := ansi.Strip(out)
		for _, r := range plain {
			if r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 || r == 0x202e {
				t.Fatalf("%s: %U in %q", style, r, plain)
			}
		}
		if !strings.Contains(plain, "Raw") || !strings.Contains(plain, "here") || !strings.Contains(plain, "code") {
			t.Errorf("%s: text lost: %q", style, plain)
		}
	}
	if out := render(t, "a [link](https://example.com/a)\n", "dark"); !strings.Contains(out, "\x1b]8;") {
		t.Logf("glamour wrote no OSC 8 link here: %q", out) // links are kept when it does
	}
}
