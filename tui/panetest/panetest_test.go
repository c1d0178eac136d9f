package panetest

import "testing"

// The harness must spell keys the way Bubble Tea does, or every other test
// here tests nothing.
func TestKeyMsgStrings(t *testing.T) {
	for _, k := range []string{"enter", "esc", "tab", "shift+tab", "up", "down", "pgdown", "pgup",
		"home", "end", "left", "right", "ctrl+left", "ctrl+right", "ctrl+up", "ctrl+down", "backspace", "space", "ctrl+c", "j", "L", "T", "?", "!", "/", "G"} {
		if got := Key(k).String(); got != k {
			t.Errorf("Key(%q).String() = %q", k, got)
		}
	}
}
