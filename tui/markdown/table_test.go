package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A table never loses a letter of a cell, whatever the width: lesson 10's
// slide lost the "8" of "3, 5, 7, 8" at 44–48 cells, where Lip Gloss
// kept the columns' natural widths and cut the table (see fitTable in
// the patched glamour).
func TestTableLosesNothing(t *testing.T) {
	st, err := Standard("dark")
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]string{
		{"", "o que é", "lições"},
		{"chat", "cluster para quebrar", "1, 3–7"},
		{"relógios", "a lição 7 visível", "5, 7"},
		{"escala", "a USL sob carga", "2, 3"},
		{"raft", "consenso, conferido", "3, 5, 7, 8"},
		{"kv", "consistência, medida", "7–9"},
	}
	var md strings.Builder
	for i, r := range rows {
		md.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			md.WriteString("|---|---|---|\n")
		}
	}
	for w := 30; w <= 100; w++ {
		out, err := Render("", md.String(), w, st)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		for _, line := range strings.Split(plain, "\n") {
			if ansi.StringWidth(line) > w {
				t.Fatalf("w=%d: a line of %d cells: %q", w, ansi.StringWidth(line), line)
			}
		}
		// Every letter of every cell is there, as many times: a cell may
		// wrap, even inside a word in a narrow column, but lose nothing.
		count := func(s string) map[rune]int {
			n := map[rune]int{}
			for _, r := range s {
				if !strings.ContainsRune(" │─┼…\n", r) {
					n[r]++
				}
			}
			return n
		}
		got := count(plain)
		for r, want := range count(strings.Join(slices.Concat(rows...), "")) {
			if got[r] != want {
				t.Fatalf("w=%d: %d %q in the table, want %d:\n%s", w, got[r], r, want, plain)
			}
		}
	}
}
