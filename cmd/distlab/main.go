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
)

func main() {
	if err := newRootCmd(os.Args[1:]).Execute(); err != nil {
		var quiet errQuiet
		if !errors.As(err, &quiet) {
			fmt.Fprintln(os.Stderr, "distlab:", err)
		}
		os.Exit(1)
	}
}

// errQuiet fails the command with exit status 1 after the command has said
// why itself.
type errQuiet struct{ error }
