package tui

import (
	"testing"

	"pgregory.net/rapid"

	"distlab/demos/chat"
	"distlab/lessons"
)

// TestCleanIsTheChatRule: what a lesson file may put on a terminal is what a
// chat line may, by the same rule. lessons may not import demos, so it
// carries the rule itself; this holds the two together on lines made of
// the pieces that matter (escapes, C0 and C1 controls, bidi, zero-width,
// invalid UTF-8) and random text.
func TestCleanIsTheChatRule(t *testing.T) {
	pieces := []string{"a", "é", " ", "\t", "\x1b", "\x1b[31m", "\x1b]0;t\a", "\x1b]52;c;x\x1b\\", "\x1bP", "\u009b", "\x9b", "\x9d",
		"\x07", "\x00", "\x7f", "\r", "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028", "\ufffd", "\xff", "\xe2\x1b[", "[", "m", ";"}
	rapid.Check(t, func(t *rapid.T) {
		var s string
		if rapid.Bool().Draw(t, "random") {
			s = rapid.String().Draw(t, "s")
		} else {
			for _, p := range rapid.SliceOfN(rapid.SampledFrom(pieces), 0, 30).Draw(t, "pieces") {
				s += p
			}
		}
		got, changed := lessons.CleanLine(s)
		if want := chat.Clean(s); got != want {
			t.Fatalf("CleanLine(%q) = %q, chat.Clean = %q", s, got, want)
		}
		if changed != (got != s) {
			t.Fatalf("CleanLine(%q) says changed=%v, but %q", s, changed, got)
		}
	})
}
