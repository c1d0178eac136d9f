package main

import (
	"regexp"
	"strings"
	"testing"
)

// appKey is a sentence that sends the reader to a key of the app ("Press
// h to heal", "Tecle h"), which the command line does not have.
var appKey = regexp.MustCompile(`(?i)(^|[^\pL])(press|tecle|aperte)($|[^\pL])`)

// The scenarios the CLI lists are told in words for the command line: no
// key of the app to press, in either language.
func TestScenariosNameNoAppKey(t *testing.T) {
	t.Parallel()
	for _, demo := range []string{"raft", "kv", "clocks"} {
		for _, lang := range []string{"en", "pt-BR"} {
			out, _, err := execute(t, "--lang", lang, demo, "scenarios")
			if err != nil {
				t.Fatalf("%s %s scenarios: %v", lang, demo, err)
			}
			for _, line := range strings.Split(out, "\n") {
				if appKey.MatchString(line) {
					t.Errorf("%s %s scenarios names a key of the app: %q", lang, demo, line)
				}
			}
		}
	}
}
