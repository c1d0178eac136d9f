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

func TestProtectLeavesStructureAlone(t *testing.T) {
	for _, md := range []string{"---", "| a | b |\n|---|---|", "1. one\n2. two", "- item", "a - b", "```\na,b\n```"} {
		if got := protect(md); got != md {
			t.Errorf("protect(%q) = %q", md, got)
		}
	}
	if got := unprotect.Replace(protect("1,5 e 127.0.0.1; a-b+c;d")); got != "1,5 e 127.0.0.1; a-b+c;d" {
		t.Errorf("round trip: %q", got)
	}
}

// Where markdown itself reads the marks (URLs, link and image targets,
// entities, code), the guard changes nothing: the render is glamour's own.
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
		want = safe(want) // glamour's own sequences stay; the test is about protect
		got, err := Render("", md, 60, style)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%q renders differently:\n got %q\nwant %q", md, ansi.Strip(got), ansi.Strip(want))
		}
	}
}
