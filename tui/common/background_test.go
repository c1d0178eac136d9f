package common

import (
	"strings"
	"testing"
)

func TestPaintBackground(t *testing.T) {
	const bg = "\x1b[48;5;0m"
	in := "plain \x1b[1mbold\x1b[m tail\n\x1b[38;5;3;49mx\x1b[0m\x1b[44my"
	got := PaintBackground(in, bg)
	want := bg + "plain \x1b[1mbold\x1b[m" + bg + " tail\n" + bg + "\x1b[38;5;3;49m" + bg + "x\x1b[0m" + bg + "\x1b[44my"
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	if strings.Count(PaintBackground("a\nb\nc", bg), bg) != 3 {
		t.Fatal("every line starts on the background")
	}
}
