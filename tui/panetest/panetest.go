// Package panetest holds test helpers for panes: checks every pane's View
// must pass, whatever the pane.
package panetest

import (
	tea "charm.land/bubbletea/v2"
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

// Key is the key press Bubble Tea delivers for k, spelled as tea prints it
// ("enter", "shift+tab", "ctrl+left", "space", "G"…). It panics on a name it
// does not know, so a test never presses nothing by mistake.
func Key(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "ctrl+left":
		return tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModCtrl}
	case "ctrl+right":
		return tea.KeyPressMsg{Code: tea.KeyRight, Mod: tea.ModCtrl}
	case "ctrl+up":
		return tea.KeyPressMsg{Code: tea.KeyUp, Mod: tea.ModCtrl}
	case "ctrl+down":
		return tea.KeyPressMsg{Code: tea.KeyDown, Mod: tea.ModCtrl}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("panetest: unknown key " + k)
	}
	code := r[0]
	var mod tea.KeyMod
	if code >= 'A' && code <= 'Z' {
		code, mod = code+('a'-'A'), tea.ModShift
	}
	return tea.KeyPressMsg{Code: code, ShiftedCode: r[0], Mod: mod, Text: k}
}
