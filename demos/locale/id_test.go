package locale

import "testing"

// An ID is written in plain digits in every language, padded to a width;
// a count beside it is grouped as the language groups it.
func TestIDIsNotGrouped(t *testing.T) {
	Add(Str("test: event %d of %d", "test: evento %d de %d"), Str("test: [%5d] [%-5d]", "test: [%5d] [%-5d]"))
	for _, c := range []struct{ lang, want string }{
		{"en", "test: event 12864 of 20,000"},
		{"pt-BR", "test: evento 12864 de 20.000"},
	} {
		if got := For(Match(c.lang)).T("test: event %d of %d", ID(12864), 20000); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
	if got := For(Match("pt-BR")).T("test: [%5d] [%-5d]", ID(42), ID(7)); got != "test: [   42] [7    ]" {
		t.Errorf("widths: %q", got)
	}
}
