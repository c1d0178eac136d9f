package chat

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"pgregory.net/rapid"
)

type cleanCase struct {
	name string
	in   string
	want string
}

// cleanCases is the hostile corpus. Every case asserts the exact output of
// Clean; they also seed FuzzClean.
var cleanCases = []cleanCase{
	// Ordinary text survives untouched.
	{"empty", "", ""},
	{"plain ascii", "hello, world! 1+1=2 ~`'\"<>{}[]|\\", "hello, world! 1+1=2 ~`'\"<>{}[]|\\"},
	{"portuguese japanese emoji", "olá, mundo — ação ✓ 日本語 😀", "olá, mundo — ação ✓ 日本語 😀"},
	{"combining acute kept", "cafe\u0301", "cafe\u0301"},
	{"variation selector kept", "✔\ufe0f ok", "✔\ufe0f ok"},
	{"0x9B/0x9D as continuation bytes", "Û ś ؛ ĝ", "Û ś ؛ ĝ"}, // C3 9B, C5 9B, D8 9B, C4 9D
	{"real U+FFFD kept", "a\ufffdb", "a\ufffdb"},
	{"tabs become spaces", "a\tb\t\tc\t", "a b  c "},

	// OSC: clipboard writes, window titles, hyperlinks.
	{"OSC 52 clipboard BEL", "a\x1b]52;c;cm0gLXJmIH4K\x07b", "ab"},
	{"OSC 52 clipboard ST", "a\x1b]52;c;cm0gLXJmIH4K\x1b\\b", "ab"},
	{"OSC 52 query", "\x1b]52;c;?\x07x", "x"},
	{"OSC 0 title", "\x1b]0;pwned\x07hi", "hi"},
	{"OSC 2 title ST", "\x1b]2;pwned\x1b\\hi", "hi"},
	{"OSC 8 hyperlink", "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\", "click"},
	{"OSC cancelled by CAN", "a\x1b]0;t\x18b", "ab"},
	{"OSC with UTF-8 payload", "\x1b]0;日本\x07ok", "ok"},
	// ansi.Strip treats a 0x9C continuation byte inside an OSC string as
	// 8-bit ST: "本" is E6 9C AC, so the OSC ends in the middle of that rune
	// and the rest of the payload ("語") leaks out as text. Harmless, but
	// surprising.
	{"OSC payload with 0x9C continuation byte", "\x1b]0;日本語\x07ok", "語ok"},

	// CSI.
	{"CSI 2J clear screen", "\x1b[H\x1b[2Jhi", "hi"},
	{"CSI K erase line", "abc\x1b[Kdef", "abcdef"},
	{"CSI A cursor up", "line\x1b[Aup\x1b[3A", "lineup"},
	{"CSI SGR params", "\x1b[31;1mred\x1b[0m", "red"},
	{"CSI SGR colon subparams", "\x1b[38:2::255:0:0mx\x1b[m", "x"},
	{"CSI private alt screen", "\x1b[?1049hx\x1b[?1049l", "x"},
	{"CSI DSR request", "\x1b[6nx", "x"},
	{"CSI with intermediate", "a\x1b[0 qb", "ab"},
	{"CSI with C0 inside", "a\x1b[3\n1mb", "ab"},
	{"unterminated CSI at end", "hello\x1b[", "hello"},
	{"lone ESC at end", "hello\x1b", "hello"},

	// Other escape sequences.
	{"ESC c full reset", "\x1bcx", "x"},
	{"ESC 7/8 save restore cursor", "a\x1b7b\x1b8c", "abc"},
	{"ESC ( 0 charset switch", "a\x1b(0b", "ab"},
	{"DCS", "a\x1bP+q544e\x1b\\b", "ab"},
	{"DCS sixel", "a\x1bPq#0;2;0;0;0#0~~\x1b\\b", "ab"},
	{"APC kitty graphics", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
	{"PM", "a\x1b^secret\x1b\\b", "ab"},
	{"SOS", "a\x1bXsecret\x1b\\b", "ab"},

	// C0 controls and DEL.
	{"bare CR", "abc\rxyz", "abcxyz"},
	{"BS", "abc\b\bX", "abcX"},
	{"BEL", "ding\adong", "dingdong"},
	{"DEL", "ab\x7fc", "abc"},
	{"NUL", "\x00a\x00b\x00", "ab"},
	{"LF VT FF", "a\nb\vc\fd", "abcd"},
	{"SUB CAN", "a\x1ab\x18c", "abc"},

	// 8-bit C1 controls as raw bytes (not valid UTF-8).
	{"raw 0x9B CSI", "a\x9b31mb", "ab"},
	{"raw 0x9B CSI 2J", "a\x9b2Jb", "ab"},
	{"raw 0x9D OSC BEL", "a\x9d0;title\x07b", "ab"},
	{"raw 0x9D OSC ST", "a\x9d52;c;QUJD\x9cb", "ab"},
	{"raw 0x90 DCS", "a\x90+q544e\x9cb", "ab"},
	{"raw 0x98 SOS", "a\x98secret\x9cb", "ab"},
	{"raw 0x85 NEL", "a\x85b", "ab"},
	{"raw 0x9C ST", "a\x9cb", "ab"},

	// C1 controls encoded as UTF-8: ansi.Strip keeps them, the rune filter
	// drops them (the CSI parameters are left as harmless text).
	{"UTF-8 U+009B", "a\u009b31mb", "a31mb"},
	{"UTF-8 U+009D", "a\u009d0;t\u0007b", "a0;tb"},
	{"UTF-8 U+0085", "a\u0085b", "ab"},

	// Bidi, zero-width and other format characters.
	{"RLO U+202E", "abc\u202etxt.exe", "abctxt.exe"},
	{"bidi embeddings U+202A-U+202E", "\u202aa\u202bb\u202cc\u202dd\u202ee", "abcde"},
	{"bidi isolates U+2066-U+2069", "x\u2066y\u2067z\u2068w\u2069v", "xyzwv"},
	{"LRM RLM", "a\u200eb\u200fc", "abc"},
	{"zero-width space", "ad\u200bmin", "admin"},
	{"ZWNJ ZWJ", "a\u200cb\u200dc", "abc"},
	{"ZWJ emoji sequence split", "👩\u200d💻", "👩💻"},
	{"BOM U+FEFF", "\ufeffhi", "hi"},
	{"line and paragraph separators", "a\u2028b\u2029c", "abc"},
	{"soft hyphen", "in\u00advisible", "invisible"},
	{"word joiner", "a\u2060b", "ab"},
	{"tag characters", "a\U000e0041\U000e007fb", "ab"},
	{"non-ASCII spaces dropped", "a\u00a0b\u3000c\u2003d", "abcd"},
	{"private use dropped", "a\ue000b", "ab"},
	{"unassigned dropped", "a\U000e0080b", "ab"},

	// Telnet IAC negotiation.
	{"telnet IAC WILL ECHO", "\xff\xfb\x01hi", "hi"},
	{"telnet IAC DO SGA", "\xff\xfd\x03hi", "hi"},
	{"telnet IAC SB ... SE", "a\xff\xfa\x18\x01\xff\xf0b", "ab"},

	// Invalid UTF-8.
	{"invalid 2-byte C3 28", "a\xc3\x28b", "a(b"},
	{"lone continuation 0x80", "a\x80b", "ab"},
	{"overlong slash", "a\xc0\xafb", "ab"},
	{"UTF-16 surrogate", "a\xed\xa0\x80b", "ab"},
	{"truncated rune at end", "ab\xe2\x82", "ab"},
	{"invalid lead 0xF8", "a\xf8\x88\x80\x80\x80b", "ab"},
	{"above U+10FFFF", "a\xf4\x90\x80\x80b", "ab"},

	// Where ansi.Strip and terminals disagree, or text is swallowed.
	//
	// An unterminated OSC/DCS/APC string swallows the rest of the line.
	{"unterminated OSC swallows rest", "hi\x1b]0;title never ends, this is lost", "hi"},
	{"unterminated DCS swallows rest", "hi\x1bPq lost", "hi"},
	// ansi.Strip copies the bytes after a UTF-8 lead byte blindly, so the ESC
	// of "\xe2\x1b[2J" reaches its output (see
	// TestCleanStripLeaksESCAfterBadLeadByte); the sequence is broken up and
	// shows as text, but no ESC survives Clean.
	{"ESC after truncated lead byte", "\xe2\x1b[2Jx", "[2Jx"},
	{"OSC after truncated lead byte", "\xc3\x1b]52;c;QUJD\x07x", "]52;c;QUJDx"},
	// 0x9B after an ASCII byte is a CSI introducer, not a continuation byte.
	{"0x9B after ASCII", "a\x9bAb", "ab"},
}

func TestClean(t *testing.T) {
	for _, tc := range cleanCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Clean(tc.in)
			if got != tc.want {
				t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if slow := cleanSlow(tc.in); slow != got {
				t.Errorf("cleanSlow(%q) = %q, Clean = %q", tc.in, slow, got)
			}
			checkCleanInvariants(t, tc.in, got)
		})
	}
}

func TestCleanNick(t *testing.T) {
	cases := []cleanCase{
		{"empty", "", ""},
		{"plain", "alice", "alice"},
		{"trimmed", "  alice  ", "alice"},
		{"inner space", "bob smith", "bob_smith"},
		{"inner spaces", " a  b ", "a__b"},
		{"tabs", "\t\tx\ty\t", "x_y"},
		{"only spaces", "   \t ", ""},
		{"SGR", "\x1b[31mroot\x1b[0m", "root"},
		{"RLO", "\u202eadmin", "admin"},
		{"zero-width", "ad\u200bmin", "admin"},
		{"newline", "x\ny", "xy"},
		{"NBSP dropped not replaced", "a\u00a0b", "ab"},
		{"unicode", "日本 語", "日本_語"},
		{"OSC title", "\x1b]0;x\x07 eve ", "eve"},
		{"space left by escape", "eve \x1b[2J", "eve"},
		{"raw CSI", "\x9b2J mallory", "mallory"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := CleanNick(tc.in); got != tc.want {
				t.Errorf("CleanNick(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestCleanStripLeaksESCAfterBadLeadByte documents why ansi.Strip alone is not
// enough: it passes controls through and, after a UTF-8 lead byte, copies the
// continuation bytes without looking at them, ESC included.
func TestCleanStripLeaksESCAfterBadLeadByte(t *testing.T) {
	for in, want := range map[string]string{
		"\xe2\x1b[2Jx":  "\xe2\x1b[2Jx", // ESC survives Strip
		"a\rb\x00\x7f":  "a\rb\x00\x7f", // C0 and DEL survive Strip
		"a\x85\x9cb":    "a\x85\x9cb",   // raw C1 NEL and ST survive Strip
		"a\u009bb":      "a\u009bb",     // UTF-8 encoded C1 survives Strip
		"a\u202eb":      "a\u202eb",     // bidi override survives Strip
		"hi\x1b]0;lost": "hi",           // unterminated OSC eats the rest
	} {
		if got := ansi.Strip(in); got != want {
			t.Errorf("ansi.Strip(%q) = %q, want %q (did ansi change?)", in, got, want)
		}
		checkCleanInvariants(t, in, Clean(in))
	}
}

func TestCleanFastPathNoAlloc(t *testing.T) {
	for _, s := range []string{
		"the quick brown fox jumps over the lazy dog, 0123456789!?",
		"olá, mundo — ação ✓ 日本語 😀",
	} {
		if n := testing.AllocsPerRun(100, func() { _ = Clean(s) }); n != 0 {
			t.Errorf("Clean(%q) allocates %v times, want 0", s, n)
		}
		if n := testing.AllocsPerRun(100, func() { _ = CleanNick("alice") }); n != 0 {
			t.Errorf("CleanNick allocates %v times, want 0", n)
		}
	}
}

// fataler is what checkCleanInvariants needs from *testing.T and *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// checkCleanInvariants checks what must hold for out = Clean(in), whatever in.
func checkCleanInvariants(t fataler, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Clean(%q) = %q: not valid UTF-8", in, out)
	}
	for i, r := range out {
		switch {
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			t.Fatalf("Clean(%q) = %q: control %U at byte %d", in, out, r, i)
		case unicode.Is(unicode.Cf, r):
			t.Fatalf("Clean(%q) = %q: format rune %U at byte %d", in, out, r, i)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Fatalf("Clean(%q) = %q: bidi control %U at byte %d", in, out, r, i)
		case r == '\u2028' || r == '\u2029':
			t.Fatalf("Clean(%q) = %q: separator %U at byte %d", in, out, r, i)
		case r != ' ' && !unicode.IsPrint(r):
			t.Fatalf("Clean(%q) = %q: non-printable %U at byte %d", in, out, r, i)
		}
	}
	if strings.IndexByte(out, 0x1b) >= 0 {
		t.Fatalf("Clean(%q) = %q: contains ESC", in, out)
	}
	if again := Clean(out); again != out {
		t.Fatalf("Clean not idempotent: Clean(%q) = %q, Clean of that = %q", in, out, again)
	}
	if slow := cleanSlow(in); slow != out {
		t.Fatalf("fast path differs: Clean(%q) = %q, cleanSlow = %q", in, out, slow)
	}
	nick := CleanNick(in)
	if strings.Contains(nick, " ") || nick != strings.ReplaceAll(strings.Trim(out, " "), " ", "_") {
		t.Fatalf("CleanNick(%q) = %q, Clean = %q", in, nick, out)
	}
	if CleanNick(nick) != nick {
		t.Fatalf("CleanNick not idempotent on %q: %q then %q", in, nick, CleanNick(nick))
	}
}

// hostileFragment generates pieces that, glued together, exercise the
// escape-sequence parser much harder than uniformly random bytes do.
var hostileFragment = rapid.OneOf(
	rapid.Map(rapid.Byte(), func(b byte) string { return string([]byte{b}) }),
	rapid.SampledFrom([]string{
		"\x1b", "\x1b[", "\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x1bX", "\x1b\\",
		"\x9b", "\x9d", "\x90", "\x98", "\x9c", "\x07", "\x18", "\x1a",
		"[", "]", ";", "0", "2J", "31;1m", "52;c;", "?1049h", "\t", "\r", "\n",
		"\xc2", "\xe2", "\xe2\x80", "\xf0\x9f", "\xff", "\xc3\x28",
		"\u009b", "\u0085", "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028",
		"a", " ", "é", "日", "😀", "\ufffd",
	}),
)

func TestCleanProperties(t *testing.T) {
	t.Run("arbitrary bytes", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			in := string(rapid.SliceOf(rapid.Byte()).Draw(t, "in"))
			checkCleanInvariants(t, in, Clean(in))
		})
	})
	t.Run("hostile fragments", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			in := strings.Join(rapid.SliceOf(hostileFragment).Draw(t, "in"), "")
			checkCleanInvariants(t, in, Clean(in))
		})
	})
	t.Run("arbitrary strings", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			in := rapid.String().Draw(t, "in")
			checkCleanInvariants(t, in, Clean(in))
		})
	})
	t.Run("printable is identity", func(t *testing.T) {
		printable := rapid.RuneFrom([]rune{' '}, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
		rapid.Check(t, func(t *rapid.T) {
			in := rapid.StringOf(printable).Draw(t, "in")
			if got := Clean(in); got != in {
				t.Fatalf("Clean(%q) = %q, want it unchanged", in, got)
			}
			if got := cleanSlow(in); got != in {
				t.Fatalf("cleanSlow(%q) = %q, want it unchanged", in, got)
			}
		})
	})
}

func FuzzClean(f *testing.F) {
	for _, tc := range cleanCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Clean(in)
		checkCleanInvariants(t, in, out)
		if isPrintableOnly(in) && out != in {
			t.Fatalf("Clean(%q) = %q, want it unchanged", in, out)
		}
	})
}

// isPrintableOnly reports whether s is valid UTF-8 made only of runes that
// unicode.IsPrint accepts (so no ESC and no tab).
func isPrintableOnly(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

var (
	benchPlain   = "hey everyone, the build is green again; merging in 5 min :)"
	benchHostile = "\x1b]52;c;cm0gLXJmIH4K\x07\x1b[2J\x1b[31;1mhi\u202e\u200b\x9b2J\xff\xfb\x01 olá\x7f\r\x1b["
)

func BenchmarkClean(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"plain_ascii", benchPlain},
		{"plain_utf8", "olá, mundo — ação ✓ 日本語 😀 tudo bem por aí?"},
		{"hostile", benchHostile},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Clean(bc.in)
			}
		})
	}
}
