package common

import (
	"regexp"
	"strings"
)

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// PaintBackground makes every cell of s use the background set by bg (an SGR
// sequence such as "\x1b[48;2;0;0;0m"), including cells no style touched
// and cells after a reset. The high-contrast theme needs it: it must be
// white on black even on a terminal that ignores the request to change its
// background color.
func PaintBackground(s, bg string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(bg)
		b.WriteString(sgr.ReplaceAllStringFunc(line, func(seq string) string {
			if resetsBackground(seq[2 : len(seq)-1]) {
				return seq + bg
			}
			return seq
		}))
	}
	return b.String()
}

// resetsBackground reports whether SGR parameters params clear the
// background: a full reset or 49 (default background).
func resetsBackground(params string) bool {
	if params == "" {
		return true
	}
	for _, p := range strings.Split(params, ";") {
		if p == "0" || p == "49" || p == "" {
			return true
		}
	}
	return false
}
