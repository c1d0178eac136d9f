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

// alphabet is every letter of English and Brazilian Portuguese titles,
// both cases, and the digits.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "abcdefghijklmnopqrstuvwxyz" +
	"ÁÀÂÃÉÊÍÓÔÕÚÇ" + "áàâãéêíóôõúç" + "0123456789"

// Every letter of both alphabets, accented ones included, is drawn unlike
// any other: a student reads "DISTRIBUÍDO", not "OISTRIBUIOO", and
// "CONSISTÊNCIA", not "CONSISTENCIA". A letter and its capital are the same
// drawing (the banner writes capitals), and none is the "?" of a letter
// the font lacks.
func TestEveryLetterIsDistinct(t *testing.T) {
	unknown := strings.Join(Render("?", 80), "\n")
	seen := map[string]rune{}
	for _, r := range alphabet {
		drawn := strings.Join(Render(string(r), 80), "\n")
		if drawn == unknown {
			t.Errorf("%q is drawn as ?:\n%s", r, drawn)
		}
		upper := []rune(strings.ToUpper(string(r)))[0]
		if other, ok := seen[drawn]; ok && other != upper {
			t.Errorf("%q and %q are drawn alike:\n%s", other, r, drawn)
		}
		seen[drawn] = upper
	}
	// The punctuation of titles, too.
	for r, g := range glyphs {
		for q, h := range glyphs {
			if r < q && g == h {
				t.Errorf("%q and %q are the same glyph %q", r, q, g)
			}
		}
	}
}

func TestRender(t *testing.T) {
	got := strings.Join(Render("Lição 2", 80), "\n")
	want := "" +
		"          ╭─╯           \n" +
		"╻   ╻ ┏━╸ ┏━┓ ┏━┓    ┏━┓\n" +
		"┃   ┃ ┃   ┣━┫ ┃ ┃     ┏┛\n" +
		"┗━╸ ╹ ┗┳╸ ╹ ╹ ┗━┛    ╺┻╸\n" +
		"      ╺┛                "
	if got != want {
		t.Fatalf("banner:\n%s\nwant:\n%s", got, want)
	}
	if Width("Lição 2") != 24 {
		t.Fatalf("Width = %d", Width("Lição 2"))
	}
	// Without accents a row is three lines; every line of a row is as
	// wide, so that centering keeps the letters aligned.
	rows := Render("Clock", 80)
	if len(rows) != Height {
		t.Fatalf("%d lines for a word without accents", len(rows))
	}
	for _, text := range []string{"Clock", "Consistência", "Ação e reação", "Í"} {
		rows := Render(text, 80)
		for _, r := range rows {
			if utf8.RuneCountInString(r) != Width(text) {
				t.Errorf("%q: line %q is %d wide, the banner %d", text, r, utf8.RuneCountInString(r), Width(text))
			}
		}
	}
	// A letter written decomposed (e + combining circumflex) is the same.
	if a, b := Render("Consistência", 80), Render("Consiste\u0302ncia", 80); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("decomposed ê drawn otherwise:\n%s\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
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
