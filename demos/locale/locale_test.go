package locale

import "testing"

func TestDecimals(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"pt-BR", "atraso 5.000ms..40.000ms · perda 30%", "atraso 5,000ms..40,000ms · perda 30%"},
		{"pt-BR", "custo $0.75/h · disponibilidade 99.9900%", "custo $0,75/h · disponibilidade 99,9900%"},
		{"pt-BR", "nc 127.0.0.1 25000 · v2.1.0 · 0.1/s", "nc 127.0.0.1 25000 · v2.1.0 · 0,1/s"},
		{"pt-BR", "γ = 995.65, β = 7.69e-04", "γ = 995,65, β = 7,69e-04"},
		{"pt-BR", "\x1b[38;2;1;2;3m1.5\x1b[m fim.", "\x1b[38;2;1;2;3m1,5\x1b[m fim."},
		{"en", "delay 5.000ms", "delay 5.000ms"},
		{"pt-BR", "sem números. Fim.", "sem números. Fim."},
	} {
		if got := Decimals(c.lang, c.in); got != c.want {
			t.Errorf("Decimals(%q, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}
