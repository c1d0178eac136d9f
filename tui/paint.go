package tui

import (
	"regexp"
	"strconv"
	"strings"

	"distlab/tui/theme"
)

// paint gives every cell of block that has no background the theme's, in
// high contrast only: it must be white on black even on a terminal that
// ignores the request to change its background color. Blocks are painted
// when they are drawn, so a pane that did not change is not painted again.
func (m *Model) paint(block string) string {
	st := m.com.Styles
	if st.Theme != theme.HighContrast || st.Palette.Bg == nil {
		return block
	}
	r, g, b, _ := st.Palette.Bg.RGBA()
	return paintBackground(block, "\x1b[48;2;"+strconv.Itoa(int(r>>8))+";"+strconv.Itoa(int(g>>8))+";"+strconv.Itoa(int(b>>8))+"m")
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// paintBackground starts every line of s with bg (an SGR sequence such as
// "\x1b[48;2;0;0;0m") and sets it again after every sequence that clears
// the background.
func paintBackground(s, bg string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(bg)
		b.WriteString(sgr.ReplaceAllStringFunc(line, func(seq string) string {
			if clearsBackground(seq[2 : len(seq)-1]) {
				return seq + bg
			}
			return seq
		}))
	}
	return b.String()
}

// clearsBackground reports whether the SGR parameters params reset the
// background: a full reset (no parameter, 0) or 49 (default background).
// The parameters of an extended color (38;5;n, 48;2;r;g;b, 58;…) are
// values, not attributes: the 0 in 48;2;0;0;170 is no reset.
func clearsBackground(params string) bool {
	if params == "" {
		return true
	}
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		switch p := ps[i]; {
		case strings.Contains(p, ":"): // 38:2::r:g:b carries its values with it
		case p == "" || p == "0" || p == "49":
			return true
		case p == "38" || p == "48" || p == "58":
			if i+1 < len(ps) {
				switch ps[i+1] {
				case "5":
					i += 2
				case "2":
					i += 4
				}
			}
		}
	}
	return false
}
