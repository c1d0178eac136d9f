package ansi

// distlab: stripTags replaces bluemonday.StrictPolicy().Sanitize, the only
// use glamour made of bluemonday, whose package initialisation (its own, its
// CSS parser's and gorilla/css's regular expressions) cost 3–4 ms of every
// start (see PATCH.md).

import (
	"strings"

	"golang.org/x/net/html"
)

// skipContent are the elements whose text StrictPolicy drops with them
// (bluemonday's setOfElementsToSkipContent).
var skipContent = map[string]bool{
	"frame": true, "frameset": true, "iframe": true, "noembed": true,
	"noframes": true, "noscript": true, "nostyle": true, "object": true,
	"script": true, "style": true, "title": true,
}

// stripTags is s with every element, comment and doctype taken out and the
// text left, escaped: what StrictPolicy returns.
func stripTags(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken: // io.EOF: a strings.Reader fails in no other way
			return b.String()
		case html.StartTagToken:
			if name, _ := z.TagName(); skipContent[string(name)] {
				skip++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); skipContent[string(name)] && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				b.WriteString(html.EscapeString(string(z.Text())))
			}
		}
	}
}
