// Command distlab is a terminal course on the fundamentals of distributed
// systems: lessons in Brazilian Portuguese and English beside live demos.
//
// This package only parses flags and wires packages together; see tui,
// lessons and demos for everything else.
package main

import (
	"errors"
	"fmt"
	"os"

	"distlab/demos/locale"
)

func main() {
	args := os.Args[1:]
	if err := newRootCmd(args).Execute(); err != nil {
		var quiet errQuiet
		if !errors.As(err, &quiet) {
			// The commands' errors are in the CLI's language already; one
			// that is a bare locale.Error is said in it here. The prefix is
			// the program's name, in no language.
			p := locale.For(cliLang(args, os.Getenv))
			fmt.Fprintln(os.Stderr, "distlab:", p.Err(err))
		}
		os.Exit(1)
	}
}

// errQuiet fails the command with exit status 1 after the command has said
// why itself.
type errQuiet struct{ error }
