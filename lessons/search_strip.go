package lessons

import (
	"html"
	"strings"
)

// sourceLines walks a lesson's source text a line at a time, as a search
// reads it: each line's number in the file and its text with markdown's
// marks taken out (see plainLine), or "" for a line a reader never sees as
// text: an HTML comment (speaker notes, a slide's demo), a code fence's
// ``` line.
func sourceLines(l Lesson, each func(line int, text string)) {
	inFence, fence := false, ""
	inComment := false
	for i, raw := range strings.Split(l.Raw, "\n") {
		line := l.Line + i
		trimmed := strings.TrimSpace(raw)
		switch {
		case inComment:
			if _, after, ok := strings.Cut(raw, "-->"); ok {
				inComment = false
				each(line, plainLine(after))
			}
			continue
		case inFence:
			if strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == "" {
				inFence = false
				continue
			}
			each(line, strings.Join(strings.Fields(raw), " "))
			continue
		}
		if f := fenceOf(trimmed); f != "" {
			inFence, fence = true, f
			continue
		}
		text, open := dropComments(raw)
		inComment = open
		each(line, plainLine(text))
	}
}

// fenceOf is the fence a code block opens with (``` or ~~~, three or
// more), or "".
func fenceOf(line string) string {
	for _, c := range []string{"`", "~"} {
		n := len(line) - len(strings.TrimLeft(line, c))
		if n >= 3 {
			return line[:n]
		}
	}
	return ""
}

// dropComments removes the HTML comments of a line, and reports whether one
// is left open at its end.
func dropComments(s string) (string, bool) {
	var b strings.Builder
	for {
		before, after, ok := strings.Cut(s, "<!--")
		if !ok {
			b.WriteString(s)
			return b.String(), false
		}
		b.WriteString(before)
		_, rest, closed := strings.Cut(after, "-->")
		if !closed {
			return b.String(), true
		}
		s = rest
	}
}

// PlainLine is one line of markdown as a reader sees its words: without a
// heading's #, a list's - or 1., a quote's >, emphasis, backticks and link
// syntax (a link is its text), spaces collapsed.
func PlainLine(s string) string { return plainLine(s) }

func plainLine(s string) string {
	s = strings.TrimSpace(s)
	for strings.HasPrefix(s, ">") {
		s = strings.TrimSpace(s[1:])
	}
	s = dropMarker(s)
	if strings.HasPrefix(s, "#") {
		s = strings.TrimSpace(strings.TrimLeft(s, "#"))
		s = strings.TrimSpace(strings.TrimRight(s, "#"))
	}
	if strings.HasPrefix(s, "|") {
		return tableRow(s)
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			b.WriteString(inline(s))
			break
		}
		b.WriteString(inline(s[:i]))
		n := len(s[i:]) - len(strings.TrimLeft(s[i:], "`"))
		end := strings.Index(s[i+n:], s[i:i+n])
		if end < 0 { // an unclosed span: the backticks are text
			b.WriteString(s[i : i+n])
			s = s[i+n:]
			continue
		}
		b.WriteString(s[i+n : i+n+end]) // code as it is
		s = s[i+n+end+n:]
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// tableRow is a table's row as a reader sees it: its cells' words, " · "
// between the cells that have any ("| a | | b |" reads "a · b"), and
// nothing for the row of dashes under the header.
func tableRow(s string) string {
	var cells []string
	rule := true
	for _, c := range splitCells(strings.Trim(s, "|")) {
		c = strings.TrimSpace(c)
		if strings.Trim(c, ":-") != "" || c == "" {
			rule = rule && c == ""
		}
		if t := plainLine(strings.ReplaceAll(c, "\\|", "|")); t != "" { // a table's \| is a pipe, in code too
			cells = append(cells, t)
		}
	}
	if rule {
		return ""
	}
	return strings.Join(cells, " · ")
}

// splitCells cuts a row at its pipes, but not at an escaped one (\|).
func splitCells(s string) []string {
	var cells []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, s[start:i])
			start = i + 1
		}
	}
	return append(cells, s[start:])
}

// dropMarker removes a list item's marker: "- ", "* ", "+ ", "1. ", "2) ",
// and a task's "[ ] " or "[x] " after it.
func dropMarker(s string) string {
	rest := s
	switch {
	case len(s) >= 2 && strings.ContainsRune("-*+", rune(s[0])) && (s[1] == ' ' || s[1] == '\t'):
		rest = s[2:]
	default:
		n := len(s) - len(strings.TrimLeft(s, "0123456789"))
		if n == 0 || n > 9 || len(s) < n+2 || !strings.ContainsRune(".)", rune(s[n])) || s[n+1] != ' ' {
			return s
		}
		rest = s[n+2:]
	}
	rest = strings.TrimSpace(rest)
	for _, task := range []string{"[ ] ", "[x] ", "[X] "} {
		rest = strings.TrimPrefix(rest, task)
	}
	return rest
}

// inline removes the marks of markdown outside code: links and images keep
// their text, emphasis and backslash escapes go, entities are decoded.
func inline(s string) string {
	if !strings.ContainsAny(s, "[]*_\\&<~") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!|<>", s[i+1]) >= 0 {
				i++
				b.WriteByte(s[i])
				continue
			}
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				continue // an image: its alt text follows
			}
		case '[':
			if text, n, ok := link(s[i:]); ok {
				b.WriteString(inline(text))
				i += n - 1
				continue
			}
		case '<':
			if end := strings.IndexByte(s[i:], '>'); end > 0 && strings.Contains(s[i:i+end], "://") {
				b.WriteString(s[i+1 : i+end]) // an autolink
				i += end
				continue
			}
		case '*', '_':
			if delimiter(s, i) {
				continue
			}
		case '~':
			if i+1 < len(s) && s[i+1] == '~' { // ~~struck~~
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return html.UnescapeString(b.String())
}

// link reads [text](url) or [text][ref] at the start of s: its text and
// how many bytes it takes.
func link(s string) (text string, n int, ok bool) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			text, n = s[1:i], i+1
			rest := s[n:]
			for _, pair := range []string{"()", "[]"} {
				if strings.HasPrefix(rest, pair[:1]) {
					if end := strings.IndexByte(rest, pair[1]); end > 0 {
						return text, n + end + 1, true
					}
				}
			}
			return "", 0, false // [3,0,0] is text: a vector, not a link
		}
	}
	return "", 0, false
}

// delimiter reports whether the * or _ at s[i] opens or closes emphasis:
// a run of them against a word on one side only ("*this*", "**that**"),
// not one between spaces ("3 * 4") or inside a word (snake_case).
func delimiter(s string, i int) bool {
	c := s[i]
	from, to := i, i
	for from > 0 && s[from-1] == c {
		from--
	}
	for to+1 < len(s) && s[to+1] == c {
		to++
	}
	space := func(j int) bool { return j < 0 || j >= len(s) || s[j] == ' ' || s[j] == '\t' }
	word := func(j int) bool { return !space(j) && strings.IndexByte(".,;:!?()\"'", s[j]) < 0 }
	before, after := from-1, to+1
	if space(before) && space(after) {
		return false
	}
	if c == '_' && word(before) && word(after) {
		return false
	}
	return true
}
