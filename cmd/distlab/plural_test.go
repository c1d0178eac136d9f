package main

import (
	"strings"
	"testing"

	"distlab/demos/clocks"
	"distlab/demos/locale"
)

// A count that can be 1 takes the singular in both languages: the
// messages that printed "1 processes", "1 eventos" or "1 operações" are
// plurals, and the reports that print them say "1 evento".
func TestCountsOfOne(t *testing.T) {
	t.Parallel()
	en, pt := locale.For(locale.English), locale.For(locale.Portuguese)
	badProcs := clocks.Config{Procs: 1, Events: 10}.Validate()
	for _, c := range []struct{ got, want string }{
		{pt.Err(badProcs), "clocks: configuração inválida: 1 processo: use de 2 a 8"},
		{en.Err(badProcs), "clocks: bad config: 1 process: want 2..8"},
		{pt.T("%d events", 1), "1 evento"},
		{pt.T("%d processes", 1), "1 processo"},
		{pt.T("checked %d operations in %s", 1, "1ms"), "1 operação verificada em 1ms"},
		{en.T("checked %d operations in %s", 1, "1ms"), "checked 1 operation in 1ms"},
		{pt.T("timed out with %d of %d answers", 0, 1), "o tempo acabou com 0 de 1 resposta"},
		{pt.T("%s has %d of %d answers for the read of %s", "n1", 1, 1, "x"), "n1 tem 1 de 1 resposta para a leitura de x"},
		{pt.T("%s has %d of %d acknowledgements for %s = %d", "n1", 1, 1, "x", 2), "n1 tem 1 de 1 confirmação para x = 2"},
		{pt.T("%d duplicates", 1), "1 duplicada"},
		{en.T("only %d of %d sessions came up", 0, 1), "only 0 of 1 session came up"},
		{pt.T("%d slides, but %d in %s: slide numbers must match between languages", 1, 5, "en"),
			"1 slide, mas 5 em en: os números dos slides devem coincidir entre os idiomas"},
		{en.T("%d questions, but %d in %s: a quiz asks the same in every language", 1, 2, "en"),
			"1 question, but 2 in en: a quiz asks the same in every language"},
		{pt.T("question %q has %d options: want 2 to 6", "q1", 1), `a pergunta "q1" tem 1 opção: são de 2 a 6`},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	for lang, want := range map[string]string{"pt-BR": "2 processos · 1 evento · atraso", "en": "2 processes · 1 event · delay"} {
		out, _, err := execute(t, "--lang", lang, "clocks", "run", "--events", "1", "--procs", "2")
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("%s clocks run --events 1: %v, want %q in:\n%s", lang, err, want, out)
		}
	}
	for lang, want := range map[string]string{"pt-BR": "1 operação verificada em", "en": "checked 1 operation in"} {
		out, _, err := execute(t, "--lang", lang, "kv", "run", "--ops", "1")
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("%s kv run --ops 1: %v, want %q in:\n%s", lang, err, want, out)
		}
	}
}
