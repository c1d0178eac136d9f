package chat

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Clean returns s with every escape sequence removed and only printable runes
// kept (tab becomes a space). Text that arrives from the network goes through
// Clean before it is broadcast and again before it is displayed.
//
// The escape sequences are removed by ansi.Strip; the result is then filtered
// rune by rune, keeping ' ' and the runes for which unicode.IsPrint is true.
// That drops C0 and C1 controls (also 8-bit C1 bytes such as 0x9B and 0x9D),
// DEL, bidi overrides and isolates, zero-width and other format characters
// (unicode.Cf), line and paragraph separators, non-ASCII spaces, and every
// byte that is not part of valid UTF-8. A real U+FFFD in the input is kept.
//
// An escape sequence that is never terminated (for example an OSC string with
// no BEL or ST) swallows the rest of s: that text is lost, never shown.
//
// The result is always valid UTF-8, Clean is idempotent, and a string made
// only of printable runes is returned unchanged without allocating.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	return cleanSlow(s)
}

// CleanNick is Clean, then trimmed of spaces; nicks may not contain spaces at
// all: spaces inside become '_'.
func CleanNick(s string) string {
	s = strings.Trim(Clean(s), " ")
	return strings.ReplaceAll(s, " ", "_")
}

// isClean reports whether every rune of s is valid UTF-8 and printable in the
// sense of unicode.IsPrint, that is whether Clean(s) == s. Plain printable
// ASCII, the common case, is checked a byte at a time.
//
// ansi.Strip is the identity on such strings: it only leaves the ground state
// on C0 controls, DEL, ESC, C1 bytes and invalid lead bytes, none of which
// occurs in valid UTF-8 made of printable runes (0x80–0x9F occur only as
// continuation bytes, which Strip copies verbatim after the lead byte).
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false // C0 control (tab, ESC, ...) or DEL
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !unicode.IsPrint(r) {
			return false
		}
		i += size
	}
	return true
}

// cleanSlow is Clean without the fast path.
func cleanSlow(s string) string {
	// ansi.Strip is not a filter by itself: it passes C0 controls, DEL and
	// 8-bit C1 controls (0x80–0x8F, 0x91–0x97, 0x99, 0x9A, 0x9C) through,
	// and it copies the bytes after a UTF-8 lead byte without checking them,
	// so "\xe2\x1b[" comes out with its ESC. The loop below is what makes the
	// result safe: it keeps only whole, valid, printable runes.
	t := ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(t))
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c < 0x7f:
				b.WriteByte(c)
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
