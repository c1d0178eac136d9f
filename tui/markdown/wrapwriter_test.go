package markdown

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"pgregory.net/rapid"

	gansi "charm.land/glamour/v2/ansi"
)

// The patched glamour's WrapWriter (tui/third_party/glamour/ansi/
// wrapwriter.go) skips the parser over plain text; whatever is written to
// it, cut into whatever writes, it must give what lipgloss's WrapWriter
// gives: the same bytes, the pen reset before each newline and set after.
func TestWrapWriterSameAsLipgloss(t *testing.T) {
	pieces := []string{
		"a", "word ", "\n", "é", "ção", "界", "🙂", "\t", " ",
		"\x1b[1m", "\x1b[0m", "\x1b[m", "\x1b[38;5;203m", "\x1b[48;2;1;2;3m", "\x1b[4;3m", "\x1b[22m",
		"\x1b]8;;https://x.test/a\x07", "\x1b]8;;\x07", "\x1b]8;id=1;u\x1b\\", "\x1b]8;;\x1b\\",
		"\x1b[2J", "\x1b7", "\x9b", "\xff", "\xe2\x82", "\xac",
	}
	rapid.Check(t, func(t *rapid.T) {
		parts := rapid.SliceOfN(rapid.SampledFrom(pieces), 0, 60).Draw(t, "parts")
		text := []byte(strings.Join(parts, ""))
		cuts := rapid.SliceOfN(rapid.IntRange(0, len(text)), 0, 8).Draw(t, "cuts")
		write := func(w io.WriteCloser) {
			at := 0
			for _, c := range cuts {
				if c > at {
					_, _ = w.Write(text[at:c])
					at = c
				}
			}
			_, _ = w.Write(text[at:])
			_ = w.Close()
		}
		var want, got bytes.Buffer
		write(lipgloss.NewWrapWriter(&want))
		write(gansi.NewWrapWriter(&got))
		if !bytes.Equal(want.Bytes(), got.Bytes()) {
			t.Fatalf("written %q in writes cut at %v:\nlipgloss %q\npatched  %q", text, cuts, want.Bytes(), got.Bytes())
		}
	})
}
