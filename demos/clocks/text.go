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
		locale.Str("%s · %s · delay %.3fms..%.3fms · loss %.4g%% · dup %.4g%%", "%s · %s · atraso %.3fms..%.3fms · perda %.4g%% · duplicação %.4g%%"),
		locale.Plural("%d processes", "%d process", "%d processos", "%d processo"),
		locale.Plural("%d events", "%d event", "%d eventos", "%d evento"),
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

		// Challenges.
		locale.Str("Predict: can a receive be stamped before its send? Make one happen in a random run and see.", "Preveja: um recebimento pode ser carimbado antes do envio? Faça acontecer numa execução aleatória e veja."),
		locale.Str("The scenarios set their clocks by hand: press c until the status line says random.", "Os cenários acertam os relógios à mão: aperte c até a linha de status dizer aleatório."),
		locale.Str("k raises the skew, the most a clock may be off; a message takes %d–%d ms.", "k aumenta o desvio, o máximo que um relógio pode errar; uma mensagem leva de %d a %d ms."),
		locale.Str("With skew %d ms or more, play the run to its end on the physical axis: a red message runs backwards. r tries another seed.", "Com desvio de %d ms ou mais, toque a execução até o fim no eixo físico: uma mensagem vermelha volta no tempo. r tenta outra semente."),
		locale.Str("Clocks differ in offset and drift: off by more than a message's delay, stamps put effect before cause.", "Relógios têm desvio e deriva: se erram mais que o atraso da mensagem, o efeito precede a causa."),
		locale.Str("Seed %s: receive %s was stamped %.3fms before its send %s.", "Semente %s: recebimento %s carimbado %.3fms antes do envio %s."),
		locale.Str("Predict: does L(x) < L(y) imply x → y? Find two events Lamport orders that no chain links, and see.", "Preveja: L(x) < L(y) implica x → y? Ache dois eventos que Lamport ordena e nenhuma cadeia liga, e veja."),
		locale.Str("↓ selects an event and enter pins it; select another: the line under the diagram relates the two.", "↓ escolhe um evento e enter o fixa; escolha outro: a linha sob o diagrama relaciona os dois."),
		locale.Str("Events that no chain of messages links are concurrent (∥): their vectors are incomparable.", "Eventos que nenhuma cadeia de mensagens liga são concorrentes (∥): seus vetores são incomparáveis."),
		locale.Str("In %s, pin a2 and select b1, then compare their L column.", "Em %s, fixe a2 e escolha b1; depois compare a coluna L dos dois."),
		locale.Str("Lamport: a → b implies L(a) < L(b), but not the converse. Vector clocks: V(a) < V(b) iff a → b.", "Lamport: a → b implica L(a) < L(b), mas não a recíproca. Com vetores: V(a) < V(b) se e só se a → b."),
		locale.Str("L(%s) = %s < L(%s) = %s, yet %s ∥ %s: vectors %s and %s.", "L(%s) = %s < L(%s) = %s, mas %s ∥ %s: vetores %s e %s."),
		locale.Str("Predict: can an event on a reach c through b? Find x → y on two processes, chained through a third.", "Preveja: um evento de a chega a c por meio de b? Ache x → y em dois processos, ligados por um terceiro."),
		locale.Str("Pin one event and select another: when one happened before the other, the sentence shows the chain.", "Fixe um evento e escolha outro: quando um aconteceu antes do outro, a frase mostra a cadeia."),
		locale.Str("You need a message from x's process to a third one, and a later one from that third process to y's.", "É preciso uma mensagem do processo de x para um terceiro, e depois outra desse terceiro para o processo de y."),
		locale.Str("In %s (c), pin a1 and select c2.", "Em %s (c), fixe a1 e escolha c2."),
		locale.Str("Happened-before is transitive (Lamport, 1978): influence travels along any chain of messages.", "Aconteceu-antes é transitiva (Lamport, 1978): a influência viaja por qualquer cadeia de mensagens."),
		locale.Str("%s → %s by way of %s: %s (messages %s).", "%s → %s por meio de %s: %s (mensagens %s)."),

		// Errors.
		locale.Str("clocks: bad config", "clocks: configuração inválida"),
		locale.Str("clocks: unknown scenario", "clocks: cenário desconhecido"),
		locale.Str("%v %q (scenarios: %s)", "%v %q (cenários: %s)"),
		locale.PluralArg(2, "%v: %d processes: want 2..%d", "%v: %d process: want 2..%d", "%v: %d processos: use de 2 a %d", "%v: %d processo: use de 2 a %d"),
		locale.PluralArg(2, "%v: %d events: want 1..%d", "%v: %d event: want 1..%d", "%v: %d eventos: use de 1 a %d", "%v: %d evento: use de 1 a %d"),
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
