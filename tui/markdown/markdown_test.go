package markdown

import (
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// Numbers, addresses and vectors stay whole at every width, in list items
// (which glamour wraps at punctuation) as in paragraphs, and the text
// comes back with its own marks.
func TestNumbersAreNotCutAtTheLineEnd(t *testing.T) {
	tokens := []string{"99,99%", "52,56", "5,256", "127.0.0.1", "[2,2,3]", "0,999875", "e.g.", "scale-out"}
	md := "- Um ano: 99,99% dá 52,56 min; 99,999% dá `5,256 min`, em 127.0.0.1 o vetor [2,2,3] e 0,999875 (e.g. scale-out).\n\n" +
		"Parágrafo: 99,99% dá 52,56 min; 127.0.0.1 e [2,2,3].\n\n```\nfmt.Println(1,2)\n```\n"
	for w := 30; w <= 70; w++ {
		out, err := Render("", md, w, *styles.DefaultStyles["dark"])
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		if strings.ContainsAny(plain, "\uE000\uE001\uE002\uE003\uE004") {
			t.Fatalf("width %d: a stand-in left in the text", w)
		}
		for _, tok := range tokens {
			if !strings.Contains(plain, tok) {
				t.Errorf("width %d: %q cut or changed:\n%s", w, tok, plain)
			}
		}
		if !strings.Contains(plain, "fmt.Println(1,2)") {
			t.Errorf("width %d: code changed:\n%s", w, plain)
		}
	}
}

// A number and its unit stay on one line; code keeps its spaces as they
// are; nothing else changes.
func TestProtectKeepsANumberWithItsUnit(t *testing.T) {
	for md, want := range map[string]string{
		"a timeout (3 s here)":             "a timeout (3\u00a0s here)",
		"150–450 ms, 48 req/s** and 1,5 %": "150–450\u00a0ms, 48\u00a0req/s** and 1,5\u00a0%",
		"**30 s**, `5 MB`":                 "**30\u00a0s**, `5\u00a0MB`",
		"3 nodes, 2 s.":                    "3 nodes, 2\u00a0s.",
		"1. one\n2. two":                   "1. one\n2. two",
		"```\nsleep 3 s\n```":              "```\nsleep 3 s\n```",
		"text\n\n    wait 3 s\n":           "text\n\n    wait 3 s\n",
		"| 3 | s |":                        "| 3 | s |",
	} {
		if got := protect(md); got != want {
			t.Errorf("protect(%q) = %q, want %q", md, got, want)
		}
		if got := unprotect.Replace(protect(md)); got != md {
			t.Errorf("round trip of %q: %q", md, got)
		}
	}
}

// Where there is no number and unit, the render is glamour's own.
func TestProtectKeepsMarkdownMeaning(t *testing.T) {
	style := *styles.DefaultStyles["dark"]
	for _, md := range []string{
		"See https://distributedclocks.github.io/shiviz/ and www.example.com today.",
		"Fish a&amp;b and a&#45;b.",
		"![x](pic-1.png) and [the 1.5 notes](notes-1.5.html).",
		"~~~go\nfmt.Println(1.5)\n~~~",
		"text\n\n    indented.code(1.5)\n",
		"<span>1.5</span> inline html",
	} {
		r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(60))
		if err != nil {
			t.Fatal(err)
		}
		want, err := r.Render(md)
		if err != nil {
			t.Fatal(err)
		}
		want = compact(safe(want)) // glamour's own sequences, compacted; the test is about protect
		got, err := Render("", md, 60, style)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%q renders differently:\n got %q\nwant %q", md, ansi.Strip(got), ansi.Strip(want))
		}
	}
}
