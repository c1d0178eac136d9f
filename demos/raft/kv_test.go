package raft

import "testing"

// Commands read back what they were written as; keys and values that a
// terminal would act on (controls, bidi overrides, zero-width runes,
// invalid UTF-8) or spaces are refused.
func TestParseCommand(t *testing.T) {
	for _, c := range []Command{{Op: "put", Key: "x", Value: "3"}, {Op: "get", Key: "x", ID: 7}, {Op: "put", Key: "ação", Value: "é", ID: 1}} {
		got, err := ParseCommand(c.Encode())
		if err != nil || got != c {
			t.Errorf("%q: %+v %v", c.Encode(), got, err)
		}
	}
	for _, bad := range []string{"put x", "del x", "put x 1 2", "get \x1b[2J", "put x \u009b2J", "put \u202ex 1", "put x\u200b 1", "get \xff", "get x #0", "get x #a"} {
		if c, err := ParseCommand([]byte(bad)); err == nil {
			t.Errorf("%q accepted: %+v", bad, c)
		}
	}
}
