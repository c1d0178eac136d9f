package banner

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGlyphsAreRectangular(t *testing.T) {
	for r, g := range glyphs {
		w := utf8.RuneCountInString(g[0])
		for _, row := range g {
			if utf8.RuneCountInString(row) != w {
				t.Errorf("glyph %q has rows of different widths: %q", r, g)
			}
		}
	}
}

func TestRender(t *testing.T) {
	got := strings.Join(Render("Lição 2", 80), "\n")
	want := "" +
		"╻   ╻ ┏━╸ ┏━┓ ┏━┓    ┏━┓\n" +
		"┃   ┃ ┃   ┣━┫ ┃ ┃    ┏━┛\n" +
		"┗━╸ ╹ ┗━╸ ╹ ╹ ┗━┛    ┗━╸"
	if got != want {
		t.Fatalf("banner:\n%s\nwant:\n%s", got, want)
	}
	if Width("Lição 2") != 24 {
		t.Fatalf("Width = %d", Width("Lição 2"))
	}
}

func TestRenderWraps(t *testing.T) {
	lines := Render("What is a distributed system?", 40)
	if len(lines)%Height != 0 || len(lines) < 2*Height {
		t.Fatalf("%d lines, want several rows of %d", len(lines), Height)
	}
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > 40 {
			t.Fatalf("line %d wide: %q", n, l)
		}
	}
	if Render("Supercalifragilistic", 20) != nil {
		t.Fatal("a word wider than the room must give nil")
	}
}
