package lessons

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// A lesson file is text an author (or whoever sent it to them) wrote, and it
// reaches terminals: the app's window title, `distlab lessons`, `lesson show`.
// So nothing that a terminal would act on gets out of the loader: escape
// sequences, C0 and C1 controls, DEL, bidi and zero-width characters are
// removed, and the loader says so as a problem.
//
// The rule is the chat's (chat.Clean in demos/chat, which lessons may not
// import; TestCleanIsTheChatRule in tui checks that they agree line by line):
// escape sequences go (ansi.Strip), then only the runes unicode.IsPrint
// accepts and ' ' stay. A multi-line text also keeps its newlines and tabs
// (markdown needs them, and a tab moves the cursor, no more), and is cleaned a
// line at a time, so that an escape sequence left open swallows the rest of
// its line only.

// CleanLine is s with every escape sequence and non-printable rune removed;
// a tab becomes a space. It reports whether anything was removed or changed.
func CleanLine(s string) (string, bool) {
	if clean(s, false) {
		return s, false
	}
	return cleanLine(s, false), true
}

// CleanText is CleanLine for a text of many lines: newlines and tabs stay.
func CleanText(s string) (string, bool) {
	if clean(s, true) {
		return s, false
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = cleanLine(l, true)
	}
	return strings.Join(lines, "\n"), true
}

// firstDirtyLine is the line (counting from first) of s's first rune that
// CleanText removes, or of its first entity that cleanEntities does.
func firstDirtyLine(s string, first int) int {
	for i, l := range strings.Split(s, "\n") {
		if _, dirty := cleanEntities(l); dirty || !clean(l, true) {
			return first + i
		}
	}
	return first
}

// entity is a character reference as markdown decodes it: &#27;, &#x1b;,
// &lrm;.
var entity = regexp.MustCompile(`&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});`)

// cleanEntities removes the character references that markdown would turn
// into what CleanText removes (an escape, a bell, a bidi override): the
// source holds only "&#27;", the rendered text the ESC itself. It reports
// whether it removed any.
func cleanEntities(s string) (string, bool) {
	if !strings.Contains(s, "&") {
		return s, false
	}
	dirty := false
	out := entity.ReplaceAllStringFunc(s, func(ref string) string {
		if r := html.UnescapeString(ref); r == ref || clean(r, true) && !strings.Contains(r, "\n") {
			return ref // not a reference, or a harmless one (&amp;, &eacute;)
		}
		dirty = true
		return ""
	})
	return out, dirty
}

// clean reports whether s is valid UTF-8 made of printable runes (and, for
// text, newlines and tabs): whether cleaning leaves it as it is.
func clean(s string, text bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || text && (c == '\n' || c == '\t') {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !unicode.IsPrint(r) {
			return false
		}
		i += size
	}
	return true
}

// cleanLine removes escape sequences, then keeps whole printable runes and
// spaces (and tabs in text; a tab becomes a space otherwise). ansi.Strip
// alone is not enough: it passes C0 controls, DEL and some C1 bytes through.
func cleanLine(s string, text bool) string {
	t := ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(t))
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c < 0x7f:
				b.WriteByte(c)
			case c == '\t' && text:
				b.WriteByte('\t')
			case c == '\t':
				b.WriteByte(' ')
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if !(r == utf8.RuneError && size == 1) && unicode.IsPrint(r) {
			b.WriteString(t[i : i+size])
		}
		i += size
	}
	return b.String()
}
