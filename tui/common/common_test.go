package common

import "testing"

// A cut line's "…" follows its last word, not the space after it.
func TestEllipsisFollowsTheWord(t *testing.T) {
	for _, c := range []struct {
		line string
		w    int
		want string
	}{
		{"every line waits for it", 17, "every line waits…"},
		{"every line waits for it", 18, "every line waits… "},
		{"every line waits  for it", 19, "every line waits…  "},
		{"short", 8, "short   "},
	} {
		if got := Ellipsis(c.line, c.w); got != c.want {
			t.Errorf("Ellipsis(%q, %d) = %q, want %q", c.line, c.w, got, c.want)
		}
	}
}
