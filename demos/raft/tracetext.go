package raft

import "distlab/demos/locale"

// The words of the faults SPEC, the bugs' names and traces (faultspec.go,
// trace.go, replay.go), English beside Brazilian Portuguese (see package
// locale). A SPEC's keys and a trace's JSON keys are notation, the same in
// both languages.
func init() {
	locale.Add(
		// Faults and bugs.
		locale.Str("faults: %q is not KEY=VALUE (keys: %s; or random, or none)",
			"falhas: %q não é CHAVE=VALOR (chaves: %s; ou random, ou none)"),
		locale.Str("faults: %s given twice", "falhas: %s dada duas vezes"),
		locale.Str("faults: none means no faults at all and stands alone: give none, or only the faults you want, as drop=0.1",
			"falhas: none quer dizer nenhuma falha e vem sozinho: dê none, ou só as falhas que quer, como drop=0.1"),
		locale.Str("faults: random goes first, and the keys after it change its values, as in random,drop=0.2",
			"falhas: random vem primeiro, e as chaves depois dele mudam os seus valores, como em random,drop=0.2"),
		locale.Str("faults: reorder=%s: want whole milliseconds from 0 to 1s, as 20ms",
			"falhas: reorder=%s: use milissegundos inteiros de 0 a 1s, como 20ms"),
		locale.Str("faults: maxdown=%s: want a whole number of nodes from 0 to %d (0 for a minority)",
			"falhas: maxdown=%s: use um número inteiro de nós de 0 a %d (0 para uma minoria)"),
		locale.Str("faults: no key %q (keys: %s)", "falhas: não há a chave %q (chaves: %s)"),
		locale.Str("faults: %s=%s: want a probability from 0 to 1, as 0.05",
			"falhas: %s=%s: use uma probabilidade de 0 a 1, como 0.05"),
		locale.Str("no bug %q: want count-old-term or forget-vote", "não há o bug %q: use count-old-term ou forget-vote"),

		// Traces.
		locale.Str("trace line %d: %v", "linha %d do rastro: %v"),
		locale.Str("not a trace: want a header line, the events and a verdict line",
			"não é um rastro: esperava uma linha de cabeçalho, os eventos e uma linha de veredito"),
		locale.Str("trace line 1: not a trace's header (want {\"trace\":%q,…})",
			"linha 1 do rastro: não é o cabeçalho de um rastro (esperava {\"trace\":%q,…})"),
		locale.Str("trace line 1: version %d, but this distlab reads version %d",
			"linha 1 do rastro: versão %d, mas este distlab lê a versão %d"),
		locale.Str("trace line 1: %v", "linha 1 do rastro: %v"),
		locale.Str("trace line %d: event %d where event %d belongs",
			"linha %d do rastro: evento %d onde devia estar o evento %d"),
		locale.Str("trace line %d: not a verdict (want {\"safety\":\"ok\"} or {\"safety\":\"violated\",…}): the trace is cut short?",
			"linha %d do rastro: não é um veredito (esperava {\"safety\":\"ok\"} ou {\"safety\":\"violated\",…}): o rastro está cortado?"),
		locale.Str("more than one value on the line", "mais de um valor na linha"),
		locale.Str("the verdict differs from the trace's: %s is %q in the trace, %q in the replay",
			"o veredito difere do rastro: %s é %q no rastro, %q na repetição"),
		locale.Str("event %d differs from the trace's: the replay made no event",
			"o evento %d difere do rastro: a repetição não fez evento nenhum"),
		locale.Str("event %d differs from the trace's: %s is %q in the trace, %q in the replay",
			"o evento %d difere do rastro: %s é %q no rastro, %q na repetição"),
	)
}
