package tui

import (
	"image/color"
	"strconv"
	"strings"

	"distlab/tui/common"
)

// paint gives every cell of block that has no colour of its own the
// theme's: its background, and its text colour. Every theme paints its
// background wherever it draws, so that its colours read the same on a
// dark terminal as on a light one, and where a terminal ignores the
// request to change its background colour. Blocks are painted when they
// are drawn, so a pane that did not change is not painted again.
func (m *Model) paint(block string) string {
	p := m.com.Styles.Palette
	if p.Bg == nil || p.Fg == nil {
		return block
	}
	return paintDefaults(block, sgrColor(38, p.Fg), sgrColor(48, p.Bg))
}

// sgrColor is the SGR sequence that sets c as the foreground (kind 38) or
// background (48) colour.
func sgrColor(kind int, c color.Color) string {
	r, g, b, _ := c.RGBA()
	return "\x1b[" + strconv.Itoa(kind) + ";2;" + strconv.Itoa(int(r>>8)) + ";" + strconv.Itoa(int(g>>8)) + ";" + strconv.Itoa(int(b>>8)) + "m"
}

// paintDefaults gives every cell of s that would be drawn in the
// terminal's default foreground or background fg or bg (SGR sequences
// such as "\x1b[38;2;255;255;255m" and "\x1b[48;2;0;0;0m"). It follows the
// colours s sets, line by line (each line starts at the defaults, as
// blocks are laid side by side), and writes fg or bg just before text that
// would have the default: glamour resets after every run of text and most
// runs set their own colour next, so painting after every reset would
// write twice the bytes. It reads s once, without a regular expression or
// an allocation but the result's: the reader's pane is painted on every
// scroll.
func paintDefaults(s, fg, bg string) string {
	both := strings.TrimSuffix(fg, "m") + ";" + strings.TrimPrefix(bg, "\x1b[")
	var b strings.Builder
	b.Grow(len(s) + len(s)/4 + len(both))
	fgDefault, bgDefault := true, true
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\n':
			b.WriteByte('\n')
			fgDefault, bgDefault = true, true
			i++
		case s[i] == 0x1b:
			n := 1
			if i+1 < len(s) && s[i+1] == '[' {
				if end := common.SGREnd(s, i+2); end >= 0 {
					fgDefault, bgDefault = clearsDefaults(s[i+2:end], fgDefault, bgDefault)
					n = end + 1 - i
				} else { // another CSI sequence, as it is, up to its final byte
					for n = 2; i+n < len(s) && (s[i+n] < 0x40 || s[i+n] > 0x7e); n++ {
					}
					n = min(n+1, len(s)-i)
				}
			} else if i+1 < len(s) && s[i+1] == ']' {
				n = common.OSCLen(s[i:])
			}
			b.WriteString(s[i : i+n])
			i += n
		default:
			switch {
			case fgDefault && bgDefault:
				b.WriteString(both)
			case fgDefault:
				b.WriteString(fg)
			case bgDefault:
				b.WriteString(bg)
			}
			fgDefault, bgDefault = false, false
			j := i + 1
			for j < len(s) && s[j] != '\n' && s[j] != 0x1b {
				j++
			}
			b.WriteString(s[i:j])
			i = j
		}
	}
	return b.String()
}

// clearsDefaults reports whether the foreground and the background are at
// the terminal's default after the SGR parameters params, given whether
// they were before (fg, bg). Parameters are read in order: "0;48;5;4"
// resets, then sets a background. The parameters of an extended colour
// (38;5;n, 48;2;r;g;b, 58;…) are values, not attributes: the 0 in
// 48;2;0;0;170 is no reset. One pass over the bytes: glamour writes a
// sequence for every few cells.
func clearsDefaults(params string, fg, bg bool) (bool, bool) {
	n, sub := 0, false // the parameter being read; whether it has ':' values
	skip := 0          // values of an extended colour still to pass over
	for i := 0; i <= len(params); i++ {
		if i < len(params) && params[i] != ';' {
			switch c := params[i]; {
			case c == ':':
				sub = true // 38:2::r:g:b carries its values with it
			case !sub && n < 1<<16:
				n = n*10 + int(c-'0')
			}
			continue
		}
		switch {
		case skip > 0:
			skip--
		case n == 0:
			fg, bg = true, true
		case n == 39:
			fg = true
		case n == 49:
			bg = true
		case n >= 30 && n <= 37 || n >= 90 && n <= 97:
			fg = false
		case n >= 40 && n <= 47 || n >= 100 && n <= 107:
			bg = false
		case n == 38 || n == 48 || n == 58:
			fg = fg && n != 38
			bg = bg && n != 48
			if !sub && i+1 < len(params) { // 38;5;n or 38;2;r;g;b
				switch params[i+1] {
				case '5':
					skip = 2
				case '2':
					skip = 4
				}
			}
		}
		n, sub = 0, false
	}
	return fg, bg
}
