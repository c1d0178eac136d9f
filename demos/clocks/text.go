package clocks

import "distlab/demos/locale"

// The engine's words, English beside Brazilian Portuguese (see package
// locale): the scenarios, the anomalies' and relations' sentences and the
// report the CLI prints.
func init() {
	locale.Add(
		// Scenarios.
		locale.Str("Receive before send", "Recebimento antes do envio"),
		locale.Str("b's clock is 35 ms behind a's, more than a message takes: b stamps the receive of a2's message earlier than a stamped its send.", "O relógio de b está 35 ms atrás do de a, mais do que uma mensagem leva: b carimba o recebimento da mensagem de a2 antes do horário em que a carimbou o envio."),
		locale.Str("Concurrent events", "Eventos concorrentes"),
		locale.Str("a2 and b2 are concurrent: no chain of messages links them, so neither could have influenced the other, although a2 comes first by every clock.", "a2 e b2 são concorrentes: nenhuma cadeia de mensagens os liga, então nenhum poderia ter influenciado o outro, embora a2 venha primeiro em todos os relógios."),
		locale.Str("Lamport order is not causality", "Ordem de Lamport não é causalidade"),
		locale.Str("L(a1) = 1 < L(c2) = 4, yet no message links them (a1 even happens later): a smaller Lamport time does not mean \"happened before\".", "L(a1) = 1 < L(c2) = 4, mas nenhuma mensagem os liga (a1 até acontece depois): um tempo de Lamport menor não significa \"aconteceu antes\"."),
		locale.Str("Lost message", "Mensagem perdida"),
		locale.Str("a2's message never arrives: a send with no receive, and b learns nothing of it until a3 sends again.", "A mensagem de a2 nunca chega: um envio sem recebimento, e b não sabe de nada até a3 enviar de novo."),
		locale.Str("Duplicate delivery", "Entrega duplicada"),
		locale.Str("The network delivers a1's message twice: b1 and b3 receive the same message with the same timestamps, and b must notice the copy itself.", "A rede entrega a mensagem de a1 duas vezes: b1 e b3 recebem a mesma mensagem com os mesmos carimbos, e cabe a b perceber a cópia."),
		locale.Str("Partition", "Partição"),
		locale.Str("From 10 to 30 ms {a,b} and {c,d} cannot talk: c2's and d1's messages are lost, while messages within each side still arrive.", "De 10 a 30 ms, {a,b} e {c,d} não se falam: as mensagens de c2 e d1 se perdem, enquanto as de dentro de cada lado ainda chegam."),

		// Anomalies and relations.
		locale.Str("%s receives message %s sent at %s, so %s → %s; yet %s's clock reads %.3fms at the receive, no later than %s's %.3fms at the send: %s's clock was %.3fms behind %s's, at least the %.3fms the message took.",
			"%s recebe a mensagem %s enviada em %s, então %s → %s; mas o relógio de %s marca %.3fms no recebimento, não depois do relógio de %s, que marcava %.3fms no envio: o relógio de %s estava %.3fms atrás do de %s, pelo menos os %.3fms que a mensagem levou."),
		locale.Str("L(%s) = %s < L(%s) = %s, yet %s ∥ %s: no chain of messages links them, so neither could have influenced the other; a smaller Lamport time does not mean \"happened before\".", "L(%s) = %s < L(%s) = %s, mas %s ∥ %s: nenhuma cadeia de mensagens os liga, então nenhum poderia ter influenciado o outro; um tempo de Lamport menor não significa \"aconteceu antes\"."),
		locale.Str("%s is the same event", "%s é o mesmo evento"),
		locale.Str("%s ∥ %s: they have the same Lamport time (%s), and neither could have influenced the other; their vectors %s and %s are incomparable", "%s ∥ %s: têm o mesmo tempo de Lamport (%s), e nenhum poderia ter influenciado o outro; seus vetores %s e %s são incomparáveis"),
		locale.Str("%s ∥ %s: Lamport orders them (%s %s %s), but neither could have influenced the other; their vectors %s and %s are incomparable", "%s ∥ %s: Lamport os ordena (%s %s %s), mas nenhum poderia ter influenciado o outro; seus vetores %s e %s são incomparáveis"),
		locale.Str("%s → %s because %s comes earlier on process %s", "%s → %s porque %s vem antes no processo %s"),
		locale.Str("%s → %s because %s receives message %s, sent at %s", "%s → %s porque %s recebe a mensagem %s, enviada em %s"),
		locale.Str("%s → %s because of the chain %s (message %s)", "%s → %s por causa da cadeia %s (mensagem %s)"),
		locale.Str("%s → %s because of the chain %s (messages %s)", "%s → %s por causa da cadeia %s (mensagens %s)"),

		// The report.
		locale.Str("Scenario: %s", "Cenário: %s"),
		locale.Str("Random run, seed %s", "Execução aleatória, semente %s"),
		locale.Str("%d processes · %d events · delay %.3fms..%.3fms · loss %.4g%% · dup %.4g%%", "%d processos · %d eventos · atraso %.3fms..%.3fms · perda %.4g%% · duplicação %.4g%%"),
		locale.Str(" · partition %s | %s from %.3fms to %.3fms", " · partição %s | %s de %.3fms a %.3fms"),
		locale.Str("clocks (offset, drift):", "relógios (desvio, deriva):"),
		locale.Str("  %s %+.3fms %+.0fppm", "  %s %+.3fms %+.0fppm"),
		locale.Str("%.3fms", "%.3fms"),
		locale.Str("send", "envio"),
		locale.Str("receive", "recebimento"),
		locale.Str("local", "local"),
		locale.Str("event\tprocess\tkind\ttrue time\tphysical\tLamport\tvector\tmessage", "evento\tprocesso\ttipo\ttempo real\tfísico\tLamport\tvetor\tmensagem"),
		locale.Str("lost", "perdida"),
		locale.Str("duplicate", "duplicada"),
		locale.Str("! stamped before its send", "! carimbado antes do envio"),
		locale.Plural("Physical clocks: %d receives stamped no later than their send", "Physical clocks: %d receive stamped no later than its send", "Relógios físicos: %d recebimentos carimbados antes do envio (ou junto)", "Relógios físicos: %d recebimento carimbado antes do envio (ou junto)"),
		locale.Plural("(the first %d shown)", "(only %d shown)", "(os primeiros %d abaixo)", "(só %d abaixo)"),
		locale.Plural("Lamport clocks: %d pairs with L(a) < L(b) but a ∥ b", "Lamport clocks: %d pair with L(a) < L(b) but a ∥ b", "Relógios de Lamport: %d pares com L(a) < L(b) mas a ∥ b", "Relógios de Lamport: %d par com L(a) < L(b) mas a ∥ b"),
		locale.Str("; %d shown, at most one per event b", "; %d abaixo, no máximo um por evento b"),

		// Errors.
		locale.Str("clocks: bad config", "clocks: configuração inválida"),
		locale.Str("clocks: unknown scenario", "clocks: cenário desconhecido"),
		locale.Str("%v %q (scenarios: %s)", "%v %q (cenários: %s)"),
		locale.Str("%v: %d processes: want 2..%d", "%v: %d processos: use de 2 a %d"),
		locale.Str("%v: %d events: want 1..%d", "%v: %d eventos: use de 1 a %d"),
		locale.Str("%v: skew %v is negative (it is the largest offset either way)", "%v: o desvio %v é negativo (ele é o maior desvio, para mais ou para menos)"),
		locale.Str("%v: drift %v ppm: want 0..%d", "%v: deriva de %v ppm: use de 0 a %d"),
		locale.Str("%v: delay %v..%v: the minimum is negative", "%v: atraso %v..%v: o mínimo é negativo"),
		locale.Str("%v: delay %v..%v: the minimum is above the maximum", "%v: atraso %v..%v: o mínimo passa do máximo"),
		locale.Str("%v: loss %v: want a probability in 0..1", "%v: perda %v: use uma probabilidade entre 0 e 1"),
		locale.Str("%v: dup %v: want a probability in 0..1", "%v: duplicação %v: use uma probabilidade entre 0 e 1"),
		locale.Str("%v: interval %v is negative", "%v: o intervalo %v é negativo"),
		locale.Str("%v: %v", "%v: %v"),
		locale.Str("partition: both groups need a process", "partição: os dois grupos precisam de um processo"),
		locale.Str("partition: window %v..%v is empty or negative", "partição: a janela %v..%v é vazia ou negativa"),
		locale.Str("partition: process %d is not one of the %d", "partição: o processo %d não é um dos %d"),
		locale.Str("partition: process %s is in group %s and %s", "partição: o processo %s está no grupo %s e no %s"),
		locale.Str("delay %q: want MIN..MAX with units, e.g. 5ms..40ms", "atraso %q: use MIN..MAX com unidades, por exemplo 5ms..40ms"),
		locale.Str("delay %q: a delay cannot be negative", "atraso %q: um atraso não pode ser negativo"),
		locale.Str("delay %q: MIN %v is above MAX %v", "atraso %q: MIN %v passa de MAX %v"),
	)
}
