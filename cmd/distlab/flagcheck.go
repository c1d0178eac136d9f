package main

import (
	"math"
	"time"

	"distlab/demos/locale"
)

// The engines take a zero setting for their default (a Config's zero
// fields are filled in), which suits a program but not a person: a flag
// given 0 or less where it wants more would run with some other value
// without a word. So the commands check what was typed, and say which
// flag wants what; a flag whose --help says what 0 means keeps it.

// checkAtLeast checks that a duration flag is at least least.
func checkAtLeast(g *globals, flag string, d, least time.Duration) error {
	if d >= least {
		return nil
	}
	return g.errorf("--%s %s: want a duration of at least %s", flag, g.p.Duration(d), g.p.Duration(least))
}

// checkPositive checks that a duration flag is above 0; example is a
// value it could have.
func checkPositive(g *globals, flag string, d, example time.Duration) error {
	if d > 0 {
		return nil
	}
	return g.errorf("--%s %s: want a duration above 0, such as %s", flag, g.p.Duration(d), g.p.Duration(example))
}

// finite reports whether x is a number a rate can be: not NaN, not ±Inf
// (which the flag parser accepts).
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// The flag checks' shared words, English beside Brazilian Portuguese (see
// package locale).
func init() {
	locale.Add(
		locale.Str("--%s %s: want a duration of at least %s", "--%s %s: use uma duração de pelo menos %s"),
		locale.Str("--%s %s: want a duration above 0, such as %s", "--%s %s: use uma duração acima de 0, como %s"),
	)
}
