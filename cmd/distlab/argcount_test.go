package main

import (
	"slices"
	"strings"
	"testing"
)

// wrongArgCounts are, for every command that runs and checks its
// arguments, the counts from 0 to 5 it refuses, each as that many
// arguments after the command's path.
func wrongArgCounts(t *testing.T) [][]string {
	t.Helper()
	root := newRootCmd(nil)
	paths, _ := commandTree(root)
	var runs [][]string
	for _, path := range paths {
		c, _, err := root.Find(path)
		if err != nil || c.Args == nil || !c.Runnable() { // one that does not run prints its help
			continue
		}
		for n := range 6 {
			args := slices.Repeat([]string{"x"}, n)
			if c.Args(c, args) != nil {
				runs = append(runs, append(slices.Clone(path), args...))
			}
		}
	}
	return runs
}

// Every command refuses a wrong number of arguments in the language asked
// for: cobra's own words ("accepts between 3 and 4 arg(s), received 2")
// are said again by cobraError, whichever check the command uses
// (ExactArgs, RangeArgs, MinimumNArgs, MaximumNArgs, NoArgs).
func TestArgCountErrorsInEveryLanguage(t *testing.T) {
	t.Parallel()
	_, commands := commandTree(newRootCmd(nil))
	runs := wrongArgCounts(t)
	if len(runs) < 20 {
		t.Fatalf("only %d wrong argument counts found: %q", len(runs), runs)
	}
	for _, want := range [][]string{{"raft", "client", "x", "x"}, {"chat", "server", "x", "x", "x"}, {"demo"}} {
		if !slices.ContainsFunc(runs, func(r []string) bool { return slices.Equal(r, want) }) {
			t.Errorf("%q is not among the wrong counts", want)
		}
	}
	for _, lang := range []string{"pt-BR", "en"} {
		words, language := foreignWords(lang)
		for _, run := range runs {
			args := append([]string{"--lang", lang}, run...)
			_, _, err := execute(t, args...)
			if err == nil {
				t.Errorf("distlab %s: no error", strings.Join(args, " "))
				continue
			}
			msg := err.Error()
			if strings.Contains(msg, "arg(s)") {
				t.Errorf("distlab %s: cobra's own words: %q", strings.Join(args, " "), msg)
			}
			if found := wordsIn(msg, words, commands); len(found) > 0 {
				t.Errorf("distlab %s: %s %q in the error %q", strings.Join(args, " "), language, found, msg)
			}
		}
	}
	_, _, err := execute(t, "--lang", "pt-BR", "raft", "client", "127.0.0.1:27202", "put")
	if got, want := err.Error(), "aceita de 3 a 4 argumentos, recebeu 2"; got != want {
		t.Errorf("raft client with 2 arguments: %q, want %q", got, want)
	}
}
