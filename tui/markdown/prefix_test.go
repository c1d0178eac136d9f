package markdown

import "testing"

func TestPrefixCutsAtABlankLineOutsideBlocks(t *testing.T) {
	for _, c := range []struct {
		name, md string
		n        int
		want     string // "" for no cut
	}{
		{"short", "a\n\nb\n", 10, ""},
		{"at the first blank line past n", "a\nb\n\nc\n\nd\n", 1, "a\nb\n"},
		{"a blank line at n itself", "a\n\nb\n", 1, "a\n"},
		{"not in a fence", "a\n\n```go\nx\n\ny\n```\n\nb\n", 3, "a\n\n```go\nx\n\ny\n```\n"},
		{"not in a tilde fence, whose ``` is text", "~~~\n```\n\n~~~\n\nb\n", 1, "~~~\n```\n\n~~~\n"},
		{"a longer fence closes", "````\nx\n\n`````\n\nb\n", 1, "````\nx\n\n`````\n"},
		{"a shorter fence does not", "````\n\n```\n\n````\n\nb\n", 1, "````\n\n```\n\n````\n"},
		{"not in an HTML comment", "a\n<!-- notes:\n\nmore -->\n\nb\n", 1, "a\n<!-- notes:\n\nmore -->\n"},
		{"a comment closed on its line", "<!-- x -->\n\nb\n", 1, "<!-- x -->\n"},
		{"nothing but blank lines after", "a\nb\n\n\n  \n", 1, ""},
		{"a fence left open", "a\n```\n\nb\n", 1, ""},
		{"a link reference definition", "[x][r]\n\nb\n\n[r]: https://example.com\n", 1, ""},
		{"a footnote", "a[^1]\n\nb\n\n[^1]: note\n", 1, ""},
	} {
		got, ok := Prefix(c.md, c.n)
		switch {
		case c.want == "" && (ok || got != c.md):
			t.Errorf("%s: Prefix = %q, %v; want no cut", c.name, got, ok)
		case c.want != "" && (!ok || got != c.want):
			t.Errorf("%s: Prefix = %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
}
