package match

import (
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestContains(t *testing.T) {
	for _, c := range []struct {
		text, query string
		want        bool
	}{
		{"Lição 3: relógios", "licao", true},
		{"Lição 3: relógios", "LIÇÃO", true},
		{"ordenação de relógios", "relog", true},
		{"ordenação de relógios", "relóg", true},
		{"clock ordering", "relóg", false},
		{"São Paulo", "sao p", true},
		{"anything", "", true},
		{"", "x", false},
		{"cafe\u0301", "café", true},  // decomposed text, composed query
		{"café", "cafe\u0301", true},  // and the other way round
		{"Øresund", "oresund", false}, // ø is a letter of its own, not an accented o
	} {
		if got := Contains(c.text, c.query); got != c.want {
			t.Errorf("Contains(%q, %q) = %v, want %v", c.text, c.query, got, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Relógio":  "relogio",
		"ÇÃO":      "cao",
		"plain":    "plain",
		"Mixed Up": "mixed up",
		"naïve":    "naive",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Unaccent("Lição"); got != "Licao" {
		t.Errorf("Unaccent keeps case: got %q", got)
	}
}

// text draws strings of what people type and what lessons hold: Latin
// letters in both cases, accented letters precomposed and decomposed,
// digits, spaces and punctuation.
func text() *rapid.Generator[string] {
	return rapid.StringOf(rapid.SampledFrom([]rune(
		"abcxyzABCXYZ019 -:.çÇãÃáÁéÉêÊíóÓôõúüñßøØ\u0301\u0303\u0327")))
}

func TestFoldIsIdempotent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s") // any Unicode at all
		if once, twice := Fold(s), Fold(Fold(s)); once != twice {
			t.Fatalf("Fold(%q) = %q, Fold of that = %q", s, once, twice)
		}
	})
}

func TestEveryTextMatchesItself(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s")
		if !Contains(s, s) || !Contains(s, "") {
			t.Fatalf("%q does not match itself or the empty query", s)
		}
	})
}

// A piece of a text, typed with or without its accents, finds the text.
func TestEveryPieceMatches(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := text().Draw(t, "s")
		r := []rune(s)
		i := rapid.IntRange(0, len(r)).Draw(t, "i")
		j := rapid.IntRange(i, len(r)).Draw(t, "j")
		piece := string(r[i:j])
		for _, q := range []string{piece, Unaccent(piece), strings.ToUpper(piece), Fold(piece)} {
			if !Contains(s, q) {
				t.Fatalf("%q does not find %q (from %q)", s, q, piece)
			}
		}
	})
}

// The folded query finds the same texts as the query itself.
func TestQueryMatchesLikeContains(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, q := text().Draw(t, "text"), text().Draw(t, "query")
		if got, want := NewQuery(q).In(Fold(s)), Contains(s, q); got != want {
			t.Fatalf("Query(%q).In(Fold(%q)) = %v, Contains = %v", q, s, got, want)
		}
		if NewQuery(q).Empty() != (Fold(q) == "") {
			t.Fatalf("Empty(%q) wrong", q)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	for _, s := range []string{"clock ordering and lamport time", "Ordenação por relógios de Lamport"} {
		b.Run(s[:5], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Fold(s)
			}
		})
	}
}
