package lessons

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Every search of the course, the lesson list's filter, the demo picker's
// (through tui/match) and the body search, folds text the same way, so that
// a student without a Portuguese keyboard finds "lição" by typing "licao",
// and one with it finds it either way. The rule lives here, at the bottom,
// since lessons may not import the UI; tui/match calls it.

// Fold is s lowercased and without accents: "Relógio" → "relogio". Letters
// that are not a base letter plus marks (ø, ł, ß) stay as they are. Folding
// twice changes nothing more.
func Fold(s string) string {
	if isLowerASCII(s) { // the common case, typed queries and ids: no work
		return s
	}
	folded, _ := foldMap(s, false)
	return folded
}

// Unaccent drops the accents of s and keeps its case: "Lição" → "Licao".
func Unaccent(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var buf []byte
	for _, r := range s {
		buf = appendUnaccented(buf[:0], r)
		b.Write(buf)
	}
	return b.String()
}

// foldMap folds s a rune at a time (Fold is this, without the offsets) and,
// when track is set, also returns for each byte of the result the offset in
// s of the rune it came from, with len(s) appended: a match found in the
// folded text is then a range of s to highlight. A mark that folds away
// belongs to the range of the letter before it.
func foldMap(s string, track bool) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	var offs []int
	if track {
		offs = make([]int, 0, len(s)+1)
	}
	var buf []byte
	for i, r := range s {
		n := b.Len()
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		} else if r < rune(len(latinFolds)) {
			b.WriteString(latinFolds[r]) // the accented letters of the course's languages
		} else {
			buf = appendUnaccented(buf[:0], unicode.ToLower(r))
			b.Write(buf)
		}
		for range b.Len() - n {
			if track {
				offs = append(offs, i)
			}
		}
	}
	if track {
		offs = append(offs, len(s))
	}
	return b.String(), offs
}

// latinFolds are the folds of the runes up to Latin Extended-A (ç, ã, é…),
// worked out once: they are most of the Portuguese text's runes that are
// not ASCII, and decomposing each took most of a search's reading time.
var latinFolds = func() (t [0x180]string) {
	for r := range rune(len(t)) {
		t[r] = string(appendUnaccented(nil, unicode.ToLower(r)))
	}
	return t
}()

// appendUnaccented appends r decomposed (NFD) without its nonspacing marks.
func appendUnaccented(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(buf, byte(r))
	}
	if unicode.Is(unicode.Mn, r) {
		return buf
	}
	start := len(buf)
	buf = norm.NFD.AppendString(buf, string(r))
	out := buf[:start]
	for _, m := range string(buf[start:]) {
		if !unicode.Is(unicode.Mn, m) {
			out = utf8.AppendRune(out, m)
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
