package tui

import (
	"image/color"
	"strconv"
	"strings"
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

// paintDefaults starts every line of s with fg and bg (SGR sequences such
// as "\x1b[38;2;255;255;255m" and "\x1b[48;2;0;0;0m") and sets them again after every SGR sequence that
// leaves the foreground or the background at the terminal's default. It
// reads s once, without a regular expression: the reader's pane is painted
// on every scroll.
func paintDefaults(s, fg, bg string) string {
	// Both at once, in one sequence: glamour resets after every run of text.
	both := strings.TrimSuffix(fg, "m") + ";" + strings.TrimPrefix(bg, "\x1b[")
	var b strings.Builder
	b.Grow(len(s) + len(s)/4 + len(both))
	b.WriteString(both)
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\n':
			b.WriteByte('\n')
			b.WriteString(both)
			i++
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[':
			end := sgrEnd(s, i+2)
			if end < 0 { // another CSI sequence, or a broken one: as it is
				b.WriteString(s[i : i+2])
				i += 2
				continue
			}
			b.WriteString(s[i : end+1])
			switch clearFg, clearBg := clearsDefaults(s[i+2 : end]); {
			case clearFg && clearBg:
				b.WriteString(both)
			case clearFg:
				b.WriteString(fg)
			case clearBg:
				b.WriteString(bg)
			}
			i = end + 1
		default:
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

// sgrEnd is the index of the 'm' that ends the SGR sequence whose
// parameters start at s[i], or -1 if the sequence there is not SGR.
func sgrEnd(s string, i int) int {
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i
		case c >= '0' && c <= '9' || c == ';' || c == ':':
		default:
			return -1
		}
	}
	return -1
}

// clearsDefaults reports whether the SGR parameters params leave the
// foreground and the background at the terminal's default, read in order:
// "0;48;5;4" resets, then sets a background. The parameters of an
// extended color (38;5;n, 48;2;r;g;b, 58;…) are values, not attributes:
// the 0 in 48;2;0;0;170 is no reset.
func clearsDefaults(params string) (fg, bg bool) {
	if params == "" {
		return true, true
	}
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		if strings.Contains(p, ":") { // 38:2::r:g:b carries its values with it
			switch strings.SplitN(p, ":", 2)[0] {
			case "38":
				fg = false
			case "48":
				bg = false
			}
			continue
		}
		n, err := strconv.Atoi(p)
		if p == "" {
			n, err = 0, nil
		}
		if err != nil {
			continue
		}
		switch {
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
			if n == 38 {
				fg = false
			} else if n == 48 {
				bg = false
			}
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
	return fg, bg
}
