package common

import (
	"slices"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Parts go whole onto as few lines as fit, the first after lead and the
// others after indent; only a part wider than a line is wrapped.
func TestPack(t *testing.T) {
	got := Pack(20, "> ", "  ", " · ", "alpha beta", "gamma", "delta epsilon zeta")
	want := []string{"> alpha beta · gamma", "  delta epsilon zeta"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	long := Pack(10, "", "", " ", "one two three four five")
	for _, l := range long {
		if ansi.StringWidth(l) > 10 {
			t.Fatalf("line %q wider than 10 in %q", l, long)
		}
	}
	if len(long) < 3 {
		t.Fatalf("a part wider than a line was not wrapped: %q", long)
	}
}
