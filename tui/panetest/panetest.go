// Package panetest holds test helpers for panes: checks every pane's View
// must pass, whatever the pane.
package panetest

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Pane is what the checks need of a pane.
type Pane interface {
	View() string
	SetSize(w, h int)
}

// Sizer adapts a pane whose SetSize returns a command.
type Sizer[C any] struct {
	V interface {
		View() string
		SetSize(w, h int) C
	}
}

// View is the pane's view.
func (s Sizer[C]) View() string { return s.V.View() }

// SetSize sizes the pane, dropping the command.
func (s Sizer[C]) SetSize(w, h int) { s.V.SetSize(w, h) }

// Sizes are the sizes CheckSizes tries: from 1×1 to a large screen.
var Sizes = [][2]int{{1, 1}, {8, 3}, {10, 3}, {30, 8}, {40, 10}, {60, 20}, {80, 24}, {200, 60}}

// CheckSizes sizes p to each of Sizes and fails unless its view is exactly
// that many lines of exactly that many cells.
func CheckSizes(t testing.TB, p Pane) {
	t.Helper()
	for _, sz := range Sizes {
		p.SetSize(sz[0], sz[1])
		lines := strings.Split(p.View(), "\n")
		if len(lines) != sz[1] {
			t.Fatalf("%dx%d: %d lines", sz[0], sz[1], len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != sz[0] {
				t.Fatalf("%dx%d: line %d is %d cells wide", sz[0], sz[1], i, w)
			}
		}
	}
}
