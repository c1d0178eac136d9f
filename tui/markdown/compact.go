package markdown

import (
	"strings"

	"distlab/tui/common"
)

// compact writes a render again with as few SGR sequences as draw it:
// glamour styles every run of text and every space of its margins on its
// own, with a reset after each (lesson 1 at 100 columns: 41,664 escape
// sequences in 505 kB, against about 1,300 in 62 kB compacted). The reader
// keeps these lines and paints a screenful of them on every scroll. Every
// line starts and ends at the terminal's defaults, as the reader lays lines
// side by side with other panes'. s holds only SGR sequences and OSC 8
// links besides its text (safe made it so); one that compact does not
// know (glamour writes none) leaves s as it is.
func compact(s string) string {
	var b strings.Builder
	b.Grow(len(s)/4 + 64)
	var want, have pen // the style the text is to have; the style written
	link := ""         // the OSC 8 sequence of the link open, "" if none
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\n':
			if !have.zero() {
				b.WriteString("\x1b[m")
				have = pen{}
			}
			if link != "" { // a link is closed and opened again around a line's end
				b.WriteString("\x1b]8;;\x1b\\\n")
				b.WriteString(link)
			} else {
				b.WriteByte('\n')
			}
			i++
		case strings.HasPrefix(s[i:], "\x1b["):
			end := common.SGREnd(s, i+2)
			if end < 0 {
				return s // not SGR: safe lets none through
			}
			if !want.apply(s[i+2 : end]) {
				return s // a parameter compact does not know: s as it is
			}
			i = end + 1
		case strings.HasPrefix(s[i:], "\x1b]"):
			n := common.OSCLen(s[i:])
			seq := s[i : i+n]
			if body, ok := strings.CutPrefix(seq, "\x1b]8;"); ok {
				body = strings.TrimSuffix(strings.TrimSuffix(body, "\a"), "\x1b\\")
				link = seq
				if _, url, _ := strings.Cut(body, ";"); url == "" {
					link = "" // "\x1b]8;;" closes the link
				}
			}
			b.WriteString(seq)
			i += n
		default:
			if want != have {
				b.WriteString(want.from(have))
				have = want
			}
			j := i + 1
			for j < len(s) && s[j] != '\n' && s[j] != 0x1b {
				j++
			}
			b.WriteString(s[i:j])
			i = j
		}
	}
	if !have.zero() {
		b.WriteString("\x1b[m")
	}
	return b.String()
}

// A pen is a style as SGR sets it: colours as their parameters
// ("38;5;252"), attributes as a set of SGR numbers.
type pen struct {
	fg, bg, ul string
	attrs      uint32 // bit n: SGR attribute n (1 bold … 9 crossed out) is on
	under      string // an underline's style, "4:3", when it has one
}

func (p pen) zero() bool { return p == pen{} }

// attrOff is the SGR number that turns attribute n off.
var attrOff = [10]string{1: "22", 2: "22", 3: "23", 4: "24", 5: "25", 6: "25", 7: "27", 8: "28", 9: "29"}

// apply changes p by the SGR parameters params, in order. It reports
// false, leaving p as it was, for a parameter it does not know. It reads
// params without allocating: glamour writes thousands of sequences.
func (p *pen) apply(params string) bool {
	q := *p
	rest := params
	for more := true; more; {
		var v string
		start := len(params) - len(rest)
		v, rest, more = strings.Cut(rest, ";")
		if strings.Contains(v, ":") { // 38:2::r:g:b, 4:3
			switch kind, _, _ := strings.Cut(v, ":"); kind {
			case "38":
				q.fg = v
			case "48":
				q.bg = v
			case "58":
				q.ul = v
			case "4":
				q.attrs, q.under = q.attrs|1<<4, v
			default:
				return false
			}
			continue
		}
		switch v {
		case "", "0":
			q = pen{}
		case "1", "2", "3", "4", "5", "6", "7", "8", "9":
			q.attrs |= 1 << (v[0] - '0')
			if v == "4" {
				q.under = ""
			}
		case "22":
			q.attrs &^= 1<<1 | 1<<2
		case "23", "24", "25", "27", "28", "29":
			for n, off := range attrOff {
				if off == v {
					q.attrs &^= 1 << n
				}
			}
			if v == "24" {
				q.under = ""
			}
		case "39":
			q.fg = ""
		case "49":
			q.bg = ""
		case "59":
			q.ul = ""
		case "38", "48", "58":
			// 38;5;n or 38;2;r;g;b: the colour is its parameters, as written.
			values := 0
			switch {
			case strings.HasPrefix(rest, "5;"):
				values = 2
			case strings.HasPrefix(rest, "2;"):
				values = 4
			}
			for k := 0; k < values; k++ {
				if !more {
					return false
				}
				_, rest, more = strings.Cut(rest, ";")
			}
			if values == 0 {
				return false
			}
			end := len(params) - len(rest)
			if more {
				end-- // the ';' before what follows
			}
			c := params[start:end]
			switch v {
			case "38":
				q.fg = c
			case "48":
				q.bg = c
			default:
				q.ul = c
			}
		default:
			switch {
			case len(v) == 2 && (v[0] == '3' || v[0] == '9') && v[1] >= '0' && v[1] <= '7':
				q.fg = v
			case len(v) == 2 && v[0] == '4' && v[1] >= '0' && v[1] <= '7',
				len(v) == 3 && v[:2] == "10" && v[2] >= '0' && v[2] <= '7':
				q.bg = v
			default:
				return false
			}
		}
	}
	*p = q
	return true
}

// from is the SGR sequence that turns have into p: what changed, or a
// reset and all of p when something has to be turned off.
func (p pen) from(have pen) string {
	var ps []string
	off := have.attrs&^p.attrs != 0 || have.fg != "" && p.fg == "" ||
		have.bg != "" && p.bg == "" || have.ul != "" && p.ul == "" || have.under != "" && p.under == ""
	if off {
		ps = append(ps, "0")
		have = pen{}
	}
	for n := 1; n < len(attrOff); n++ {
		if p.attrs&(1<<n) != 0 && have.attrs&(1<<n) == 0 || n == 4 && p.under != have.under && p.under != "" {
			if n == 4 && p.under != "" {
				ps = append(ps, p.under)
			} else {
				ps = append(ps, string(rune('0'+n)))
			}
		}
	}
	for _, c := range [][2]string{{p.fg, have.fg}, {p.bg, have.bg}, {p.ul, have.ul}} {
		if c[0] != c[1] && c[0] != "" {
			ps = append(ps, c[0])
		}
	}
	if len(ps) == 1 && ps[0] == "0" {
		return "\x1b[m"
	}
	return "\x1b[" + strings.Join(ps, ";") + "m"
}
