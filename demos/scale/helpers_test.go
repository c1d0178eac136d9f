package scale

import (
	"math"
	"testing"

	"go.uber.org/goleak"
)

// newDemo starts a demo from the defaults, changed by edit.
func newDemo(t testing.TB, edit func(*Config)) *Demo {
	t.Helper()
	cfg := DefaultConfig()
	if edit != nil {
		edit(&cfg)
	}
	d, err := NewDemo(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// within reports whether got is within frac of want.
func within(got, want, frac float64) bool {
	if want == 0 {
		return math.Abs(got) <= frac
	}
	return math.Abs(got-want)/math.Abs(want) <= frac
}

func sides(s *Snapshot) []*SideSnapshot { return []*SideSnapshot{&s.Up, &s.Out} }

// checkLeaks fails the test if goroutines it started outlive it. It runs
// after the test's other cleanups (which close its workers).
func checkLeaks(t *testing.T) {
	t.Helper()
	t.Cleanup(func() { goleak.VerifyNone(t) })
}
