package kv

import (
	"regexp"
	"testing"

	"distlab/demos/locale"
)

// Every text of the demo's joins a number to its unit with a no-break
// space, in both languages, so that a pane's wrap never leaves "12" at the
// end of a line and "ms" at the start of the next.
func TestNumbersKeepTheirUnits(t *testing.T) {
	apart := regexp.MustCompile(`(\d|%d)[ \t](ms|s|µs)\b`)
	for _, m := range locale.Messages() {
		for _, text := range []string{m.Key, m.PT, m.KeyOne, m.PTOne} {
			if apart.MatchString(text) {
				t.Errorf("%q: a plain space between a number and its unit", text)
			}
		}
	}
}
