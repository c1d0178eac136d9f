package main

import (
	"strings"
	"testing"
)

// scaleFlagErrors are bad values of the scale commands' flags, each with
// what its error must say in English and in Portuguese: the flag, its
// value and what it takes. None of them starts a worker or a bench.
var scaleFlagErrors = []struct {
	args   []string
	en, pt string
}{
	{[]string{"scale", "bench", "--up", "257"}, "--up 257: want 1..256 cores", "--up 257: use 1..256 núcleos"},
	{[]string{"scale", "bench", "--up", "0"}, "--up 0: want 1..256 cores", "--up 0: use 1..256 núcleos"},
	{[]string{"scale", "worker", "--max-conns", "0"}, "--max-conns 0: want 1..100,000 connections", "--max-conns 0: use 1..100.000 conexões"},
}

// Each bad flag value is refused before anything starts, with a message in
// the CLI's language that names the flag and what it takes.
func TestScaleFlagErrors(t *testing.T) {
	t.Parallel()
	for _, c := range scaleFlagErrors {
		for lang, want := range map[string]string{"en": c.en, "pt-BR": c.pt} {
			args := append([]string{"--lang", lang}, c.args...)
			_, _, err := execute(t, args...)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("distlab %s: err %v, want one saying %q", strings.Join(args, " "), err, want)
			}
		}
	}
}
