package tui

import "testing"

// The checker of resets gets broken cases: every 0 inside an extended
// color is a value, not a reset.
func TestClearsBackground(t *testing.T) {
	for params, want := range map[string]bool{
		"": true, "0": true, "49": true, "1;0": true, ";1": true, "38;5;0;49": true,
		"48;2;0;0;170": false, "38;2;0;0;0": false, "1;48;5;0": false, "38:2::0:0:0": false,
		"1": false, "38;5;196": false, "48;2;255;0;0;1": false,
	} {
		if got := clearsBackground(params); got != want {
			t.Errorf("clearsBackground(%q) = %v, want %v", params, got, want)
		}
	}
}
