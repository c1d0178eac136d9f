package kv

import "distlab/demos/locale"

// The engine's words, English beside Brazilian Portuguese (see package
// locale). The terms are lesson 9's: réplica, quórum (quóruns), quórum
// relaxado (sloppy quorum), hinted handoff, dica (hint), reserva (spare),
// carimbo (timestamp), a última escrita vence (last writer wins), vetores
// de versão, versões irmãs (siblings), reparo na leitura, leitura
// desatualizada, atualização perdida, confirmação (acknowledgement), leia
// suas escritas, leituras monotônicas, sessão fixa (sticky), token; read
// repair's write-back "grava o valor … de volta" (gravação de volta), never
// "escreve … de volta"; a spare keeps a write "no lugar de" a replica (a
// bare "por n1" is "through n1"); a verdict the checker could not reach is
// "inconclusivo"; a stale read "leu um valor desatualizado de x".
// A number and its unit ("12 ms") are joined by a no-break space (\u00a0)
// in both languages, so that no wrap parts them.
// "A última escrita vence" is a rule's name: alone as a knob's value, but
// inside a sentence "a regra “a última escrita vence”" ("pela regra…",
// "da regra…"), never "com a última escrita vence" or "de a última…".
func init() {
	locale.Add(
		// Challenges.
		locale.Str("Predict: with R + W > N every read meets the last write. Can a read still be stale? Produce one with R + W > N.", "Preveja: com R + W > N toda leitura encontra a última escrita. Uma leitura ainda pode sair desatualizada? Produza uma com R + W > N."),
		locale.Str("R + W > N speaks of completed writes. What about a write still in progress, or one given up on?", "R + W > N fala de escritas concluídas. E uma escrita ainda em andamento, ou abandonada?"),
		locale.Str("On the quorum scenario turn read repair off (e), then open the knobs (o) and let the network lose 30%% of messages; play.", "No cenário dos quóruns, desligue o reparo na leitura (e), abra os ajustes (o) e deixe a rede perder 30%% das mensagens; rode."),
		locale.Str("Watch for a write given up on that one replica kept: a read through that replica returns it, a later read elsewhere the old value.", "Procure uma escrita abandonada que uma réplica guardou: uma leitura por essa réplica a devolve, uma leitura posterior em outro lugar devolve o valor antigo."),
		locale.Str("A read can see a write still in progress (or given up on), and a later read a quorum without it: without writing back what it read to W replicas (ABD's read repair), R + W > N is not linearizable.", "Uma leitura pode ver uma escrita ainda em andamento (ou abandonada), e uma leitura posterior, um quórum sem ela: sem gravar de volta em W réplicas o que leu (o reparo na leitura do ABD), R + W > N não é linearizável."),
		locale.Str("Predict: under CP, what does a replica cut off from the others answer? Make the store refuse an operation.", "Preveja: em CP, o que responde uma réplica isolada das outras? Faça o armazenamento recusar uma operação."),
		locale.Str("Mode CP is the default (m toggles it).", "O modo CP é o padrão (m alterna)."),
		locale.Str("p starts a partition: press a server's number to cut it off, then enter.", "p inicia uma partição: tecle o número de um servidor para isolá-lo e depois enter."),
		locale.Str("Select the cut-off server and read (g) or write (w) through it: it reaches too few replicas.", "Selecione o servidor isolado e leia (g) ou escreva (w) por ele: ele não alcança réplicas suficientes."),
		locale.Str("A CP store without a quorum refuses: it gives up availability to keep every answer consistent, as CAP says it must under a partition.", "Um armazenamento CP sem quórum recusa: abre mão da disponibilidade para manter toda resposta consistente, como o CAP diz que é preciso durante uma partição."),
		locale.Str("Predict: under last writer wins, can a write be acknowledged and still vanish? Lose an update.", "Preveja: pela regra “a última escrita vence” (LWW), uma escrita pode ser confirmada e mesmo assim sumir? Perca uma atualização."),
		locale.Str("Open the knobs (o) and set one server's clock skew ahead, say +500\u00a0ms.", "Abra os ajustes (o) e adiante o relógio de um servidor, digamos +500\u00a0ms."),
		locale.Str("Write through the fast server, wait for the answer, then write through another.", "Escreva pelo servidor adiantado, espere a resposta e escreva por outro."),
		locale.Str("The second write is acknowledged, but its stamp is older: every replica keeps the first.", "A segunda escrita é confirmada, mas o carimbo dela é mais antigo: toda réplica fica com a primeira."),
		locale.Str("Last writer wins orders writes by physical stamps; a fast clock makes an earlier write look later, and the later write is lost though acknowledged.", "A regra “a última escrita vence” ordena as escritas por carimbos físicos; um relógio adiantado faz uma escrita anterior parecer posterior, e a escrita posterior se perde, embora confirmada."),

		// Scenarios.
		locale.Str("Quorums that overlap", "Quóruns que se cruzam"),
		locale.Str("N = 3, R = 2, W = 2 with read repair, no faults: every read meets the last write, and the history is linearizable.", "N = 3, R = 2, W = 2 com reparo na leitura, sem falhas: toda leitura encontra a última escrita, e a história é linearizável."),
		locale.Str("N = 3, R = 1, W = 1: a write answered by one replica, a read by another that has not heard of it yet: a stale read.", "N = 3, R = 1, W = 1: uma escrita confirmada por uma réplica, uma leitura respondida por outra que ainda não a recebeu: uma leitura desatualizada."),
		locale.Str("A partition under CP", "Uma partição em CP"),
		locale.Str("n3 is cut off for the middle of the run; it refuses what it cannot do with a quorum, and the history stays linearizable.", "n3 fica isolado no meio da execução; recusa o que não consegue fazer com um quórum, e a história continua linearizável."),
		locale.Str("A partition under AP", "Uma partição em AP"),
		locale.Str("n3 cut off again, but every side answers with the replicas it reaches: a stale read on n3's side, a write there that the others miss, and siblings once it heals.", "n3 isolado de novo, mas cada lado responde com as réplicas que alcança: uma leitura desatualizada do lado de n3, uma escrita ali que os outros não veem, e versões irmãs quando a partição se desfaz."),
		locale.Str("Last writer wins, skewed clocks", "A regra LWW com relógios desviados"),
		locale.Str("n1's clock runs 100\u00a0ms fast. c1 writes through n1, then c2 writes through n2: c2's write is acknowledged and then loses to the older one.", "O relógio de n1 está 100\u00a0ms adiantado. c1 escreve por n1, depois c2 escreve por n2: a escrita de c2 é confirmada e depois perde para a mais antiga."),
		locale.Str("Version vectors and siblings", "Vetores de versão e versões irmãs"),
		locale.Str("c1 and c2 write x at once through n1 and n2: neither vector descends from the other, so both are kept; c3 reads both and writes a merged value.", "c1 e c2 escrevem x ao mesmo tempo por n1 e n2: nenhum vetor descende do outro, então os dois são guardados; c3 lê os dois e escreve um valor mesclado."),
		locale.Str("A sloppy quorum", "Um quórum relaxado"),
		locale.Str("n1 and n2 are cut off; n3 writes with spares n4 and n5 standing in, so a read on n1's side misses it although R + W > N; at the heal the spares hand it back.", "n1 e n2 ficam isolados; n3 escreve com as reservas n4 e n5 no lugar deles, então uma leitura do lado de n1 não vê essa escrita, embora R + W > N; quando a partição se desfaz, as reservas a devolvem."),
		locale.Str("no scenario %q (distlab kv scenarios lists them)", "não há cenário %q (distlab kv scenarios lista os cenários)"),

		// Knobs and their names.
		locale.Str("without a quorum, answer with the replicas reached", "sem quórum, responde com as réplicas alcançadas"),
		locale.Str("without a quorum, refuse", "sem quórum, recusa"),
		locale.Str("version vectors", "vetores de versão"),
		locale.Str("last writer wins", "a última escrita vence"),
		locale.Str("sticky", "sessão fixa"),
		locale.Str("token", "token"),
		locale.Str("off", "desligado"),
		locale.Str("R = %d from the next read on", "R = %d a partir da próxima leitura"),
		locale.Str("W = %d from the next write on", "W = %d a partir da próxima escrita"),
		locale.Str("mode %s: %s", "modo %s: %s"),
		locale.Str("conflicts: %s", "conflitos: %s"),
		locale.Str("read repair on: a read writes what it found newest back to W replicas before answering", "reparo na leitura ligado: uma leitura grava o valor mais novo que encontrou de volta em W réplicas antes de responder"),
		locale.Str("read repair off", "reparo na leitura desligado"),
		locale.Str("sloppy quorums", "quóruns relaxados"),
		locale.Str("read repair", "reparo na leitura"),
		locale.Str("read your writes: %s", "leia suas escritas: %s"),
		locale.Str("monotonic reads: %s", "leituras monotônicas: %s"),
		locale.Str("the network loses %d%% of messages", "a rede perde %d%% das mensagens"),
		locale.Str("%s's clock is now %d\u00a0ms off", "o relógio de %s agora está desviado em %d\u00a0ms"),

		// Faults.
		locale.Str("partition: %s cut off from the other servers", "partição: %s fora do alcance dos outros servidores"),
		locale.Str("the partition heals: every server reaches every other", "a partição se desfaz: todo servidor alcança todos os outros"),
		locale.Str("%s crashes: its stored values survive, what it coordinates fails", "%s cai: os valores guardados sobrevivem, o que ele coordena falha"),
		locale.Str("%s crashed", "%s caiu"),
		locale.Str("%s restarts with what it had stored", "%s volta com o que tinha guardado"),
		locale.PluralArg(2, "%s hands %d hinted writes back to their replicas", "%s hands %d hinted write back to its replica", "%s devolve %d escritas com dica às réplicas de origem", "%s devolve %d escrita com dica à réplica de origem"),

		// Messages and what replicas do with them.
		locale.Str("%s write %s = %s", "%s escrita %s = %s"),
		locale.Str("%s acknowledgement", "%s confirmação"),
		locale.Str("%s read %s", "%s leitura %s"),
		locale.Str("%s answer %s = %s", "%s resposta %s = %s"),
		locale.Str("%s repair %s = %s", "%s reparo %s = %s"),
		locale.Str("%s repair acknowledgement", "%s confirmação do reparo"),
		locale.Str("%s hinted handoff %s = %s", "%s hinted handoff %s = %s"),
		locale.Str("%s lost: %s", "%s se perde: %s"),
		locale.Str("%s is down", "%s está fora do ar"),
		locale.Str("the partition", "a partição"),
		locale.Str("the network dropped it", "a rede a descartou"),
		locale.Str("%s keeps %s = %s: its version vector already covers %s's", "%s fica com %s = %s: o vetor de versão desse valor já cobre o de %s"),
		locale.Str("%s keeps %s = %s: its stamp is newer than %s's", "%s fica com %s = %s: o carimbo desse valor é mais novo que o de %s"),
		locale.Str("%s keeps %s = %s: concurrent versions, siblings", "%s fica com %s = %s: versões concorrentes, guardadas como versões irmãs"),
		locale.Str("%s stores %s = %s for %s, with a hint to hand it back", "%s guarda %s = %s no lugar de %s, com uma dica para devolvê-la"),
		locale.Str("%s is repaired: %s = %s, it had %s", "%s é reparado: %s = %s; tinha %s"),
		locale.Str("%s already has %s = %s: nothing to repair", "%s já tem %s = %s: nada a reparar"),
		locale.Str("%s already has %s = %s: the spare's copy changes nothing", "%s já tem %s = %s: a cópia da reserva não muda nada"),
		locale.Str("%s already has %s = %s", "%s já tem %s = %s"),
		locale.Str("%s gets %s = %s back from a spare", "%s recebe %s = %s de volta de uma reserva"),
		locale.Str("%s stores %s = %s", "%s guarda %s = %s"),
		locale.Str("%s answers the read of %s: %s", "%s responde à leitura de %s: %s"),

		// Coordinators.
		locale.Str("%s reaches %d of %d replicas, %s = %d", "%s alcança %d de %d réplicas, %s = %d"),
		locale.PluralArg(3, "%s has %d of %d acknowledgements for %s = %d", "%s has %d of %d acknowledgement for %s = %d",
			"%s tem %d de %d confirmações para %s = %d", "%s tem %d de %d confirmação para %s = %d"),
		locale.PluralArg(3, "%s has %d of %d answers for the read of %s", "%s has %d of %d answer for the read of %s",
			"%s tem %d de %d respostas para a leitura de %s", "%s tem %d de %d resposta para a leitura de %s"),
		locale.Str("no replica it reached has what c%d saw before", "nenhuma réplica alcançada tem o que c%d já viu"),
		locale.Str("%s read %s = %s; before answering it %s", "%s leu %s = %s; antes de responder, %s"),
		locale.Str("%s read %s = %s; enough replicas hold it, so it answers at once, and it still %s", "%s leu %s = %s; o valor já está em réplicas suficientes, então responde sem esperar e, mesmo assim, %s"),
		locale.Str("%s and %s", "%s e %s"),
		locale.Plural("repairs %d replicas behind", "repairs %d replica behind", "repara %d réplicas atrasadas", "repara %d réplica atrasada"),
		locale.Plural("writes it to %d replicas that have not answered", "writes it to %d replica that has not answered",
			"grava o valor em %d réplicas que ainda não responderam", "grava o valor em %d réplica que ainda não respondeu"),
		locale.Plural("writes it to %d more that have not answered", "writes it to %d more that has not answered",
			"grava o valor em mais %d que ainda não responderam", "grava o valor em mais %d que ainda não respondeu"),
		locale.PluralArg(2, "%s waits for %d more repairs", "%s waits for %d more repair", "%s espera mais %d reparos", "%s espera mais %d reparo"),
		locale.PluralArg(2, "timed out with %d of %d answers", "timed out with %d of %d answer",
			"o tempo acabou com %d de %d respostas", "o tempo acabou com %d de %d resposta"),

		// Operations and their answers.
		locale.Str("write %s = %d", "escrita %s = %d"),
		locale.Str("read %s", "leitura %s"),
		locale.Str("read %s → %s", "leitura %s → %s"),
		locale.Str("%s: %s refused: %s", "%s: %s recusada: %s"),
		locale.Str("%s: %s given up: %s", "%s: %s abandonada: %s"),
		locale.Str("%s: %s given up: %s; some replicas may keep it", "%s: %s abandonada: %s; algumas réplicas podem ficar com ela"),
		locale.Str("%s: %s through %s (%s = %d of %d)", "%s: %s por %s (%s = %d de %d)"),
		locale.Str("%s: write %s = %d done", "%s: escrita %s = %d concluída"),
		locale.Str("%s: write %s = %d done, but its stamp %s is older than %s = %d's %s, which finished first: the update is lost", "%s: escrita %s = %d concluída, mas o carimbo dela, %s, é mais antigo que o de %s = %d, %s, que terminou antes: a atualização se perde"),
		locale.Str("%s: read %s → %s", "%s: leitura %s → %s"),
		locale.Str("%s: read %s → %s, stale: %s = %d was seen before the read began", "%s: leitura %s → %s, desatualizada: %s = %d já tinha sido visto antes de a leitura começar"),
		locale.Str("%s: read %s → %s: siblings, concurrent writes the client must merge", "%s: leitura %s → %s: versões irmãs, escritas concorrentes que o cliente precisa mesclar"),
		locale.Str("%s: read %s → %s, missing its own write", "%s: leitura %s → %s, sem a própria escrita"),
		locale.Str("%s: read %s → %s, older than what it read before", "%s: leitura %s → %s, mais antiga que o que já tinha lido"),
		locale.Str("%s was refused: %s.", "%s recebeu uma recusa: %s."),
		locale.Str("%s read %s stale with R = %d, W = %d, N = %d.", "%s leu um valor desatualizado de %s com R = %d, W = %d, N = %d."),
		locale.Str("%s's write %s = %d was acknowledged and lost.", "%s escreveu %s = %d, recebeu a confirmação e mesmo assim a escrita se perdeu."),

		// The checker.
		locale.Str("linearizable: yes", "linearizável: sim"),
		locale.Str("linearizable: no: %s", "linearizável: não: %s"),
		locale.Plural("linearizable: undecided: the checker ran out of time on %d operations", "linearizable: undecided: the checker ran out of time on %d operation",
			"linearizável: inconclusivo: o verificador ficou sem tempo em %d operações", "linearizável: inconclusivo: o verificador ficou sem tempo em %d operação"),
		locale.Str("%d\u00a0ms", "%d\u00a0ms"), // a time of the history, its digits grouped the language's way
		locale.Str("%s at %s after %s completed at %s", "%s iniciada em %s, depois da %s, concluída em %s"),
		locale.Str("%s at %s: a register holds one value, not siblings", "%s iniciada em %s: um registrador guarda um só valor, não versões irmãs"),
		locale.Plural("no order of the %d operations on %s fits them all (the HTML export shows Porcupine's longest orders)", "no order of the %d operation on %s fits it (the HTML export shows Porcupine's longest orders)",
			"nenhuma ordem das %d operações em %s é compatível com todas elas (a exportação HTML mostra as ordens mais longas que o Porcupine encontrou)", "a %d operação em %s não se encaixa em nenhuma ordem (a exportação HTML mostra as ordens mais longas que o Porcupine encontrou)"),

		// Config.Validate.
		locale.Str("a key has %d to %d replicas, not %d", "uma chave tem de %d a %d réplicas, não %d"),
		locale.Str("R is between 1 and N (%d), not %d", "R fica entre 1 e N (%d), não %d"),
		locale.Str("W is between 1 and N (%d), not %d", "W fica entre 1 e N (%d), não %d"),
		locale.Str("there are 1 to %d clients, not %d", "há de 1 a %d clientes, não %d"),
		locale.Str("at most %d keys, not %d", "no máximo %d chaves, não %d"),
		locale.Str("a key is 1 to 8 letters or digits, not %q", "uma chave tem de 1 a 8 letras ou dígitos, não %q"),
		locale.Str("key %q given twice", "a chave %q aparece duas vezes"),
		locale.Str("the mode is cp or ap", "o modo é cp ou ap"),
		locale.Str("conflicts are resolved by lww or vv", "os conflitos se resolvem por lww ou vv"),
		locale.Str("a session guarantee is off, sticky or token", "uma garantia de sessão é off, sticky ou token"),
		locale.Str("%d clock skews for %d servers", "%d desvios de relógio para %d servidores"),
		locale.Str("a message's delay %s..%s: the minimum is at least 0 and at most the maximum", "atraso de mensagem %s..%s: o mínimo precisa ficar entre 0 e o máximo"),
		locale.Str("the loss is a probability between 0 and 1, not %g", "a perda é uma probabilidade entre 0 e 1, não %g"),
		locale.Str("the timeout is positive", "o timeout precisa ser positivo"),
		locale.Str("the clients' operations are 0 or more (or unlimited), not %d", "as operações dos clientes são 0 ou mais (ou ilimitadas), não %d"),
		locale.Str("a think time %s..%s: the minimum is at least 0 and at most the maximum", "intervalo entre operações %s..%s: o mínimo precisa ficar entre 0 e o máximo"),
		locale.Str("a partition cuts off 1 to %d of the %d servers, not %d", "uma partição isola de 1 a %d dos %d servidores, não %d"),
		locale.Str("a partition's side names servers 1 to %d, each once", "um lado de partição lista servidores de 1 a %d, cada um uma só vez"),
		locale.Str("a partition starts at an operation and heals at a later one, not %d..%d", "uma partição começa numa operação e se desfaz numa posterior, não %d..%d"),
	)
}
