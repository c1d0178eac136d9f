package main

import "distlab/demos/locale"

// The words of distlab raft run, scenarios and replay (raftsim.go,
// raftreplay.go), English beside Brazilian Portuguese (see package
// locale). A faults SPEC's keys, the bugs' and scenarios' names are
// notation, the same in both.
func init() {
	locale.Add(
		// distlab raft run
		locale.Str("Simulate a Raft cluster and print its events and the safety verdict",
			"Simula um cluster Raft e mostra os seus eventos e o veredito de segurança"),
		locale.Str("Run a simulated Raft cluster (etcd's raft library, on a network the simulation owns) and\n"+
			"print every event: its number, the simulated time and what happened, ▸ marking a step of\n"+
			"a scenario's script or a random fault. Raft's safety properties are checked after every\n"+
			"event; the last line is the verdict, in the language of the rest (--lang en for a script),\n"+
			"and the exit status is 1 when a property broke. The run stops at the first violation.\n\n"+
			"The same flags always give the same run, event for event. --steps is how many events\n"+
			"(default %d); a --scenario without --steps runs until its script has ended and the\n"+
			"cluster agrees (at most %d events).\n\n"+
			"--faults SPEC: none, random, or KEY=VALUE pairs separated by commas, random first to\n"+
			"change its values. drop and dup are the probabilities that a message sent is lost or\n"+
			"copied; crash, restart, partition, heal and write that a node crashes, a crashed one\n"+
			"restarts, the network splits in two, heals, or a client writes, after each event;\n"+
			"reorder is the most extra delay of a message (whole milliseconds), so messages overtake\n"+
			"each other; maxdown the most nodes down at once (0: a minority). random is\n\n"+
			"\t%s\n\n"+
			"--export FILE writes the run as JSON lines, one event a line with the action that made\n"+
			"it (- writes them instead of the log); distlab raft replay FILE plays it again.",
			"Roda um cluster Raft simulado (a biblioteca raft do etcd, numa rede que a simulação controla)\n"+
				"e mostra cada evento: o seu número, o tempo simulado e o que aconteceu, com ▸ marcando um\n"+
				"passo do roteiro de um cenário ou uma falha aleatória. As propriedades de segurança do Raft\n"+
				"são verificadas depois de cada evento; a última linha é o veredito, no idioma do resto\n"+
				"(--lang en para um script), e o código de saída é 1 quando uma propriedade foi violada. A\n"+
				"execução para na primeira violação.\n\n"+
				"As mesmas opções sempre dão a mesma execução, evento por evento. --steps é quantos eventos\n"+
				"(padrão %d); um --scenario sem --steps roda até o seu roteiro acabar e o cluster concordar\n"+
				"(no máximo %d eventos).\n\n"+
				"--faults SPEC: none, random, ou pares CHAVE=VALOR separados por vírgulas, com random primeiro\n"+
				"para mudar os seus valores. drop e dup são as probabilidades de uma mensagem enviada se\n"+
				"perder ou ser copiada; crash, restart, partition, heal e write, as de um nó cair, um nó\n"+
				"caído voltar, a rede se dividir em duas, se curar, ou um cliente escrever, depois de cada\n"+
				"evento; reorder é o maior atraso extra de uma mensagem (milissegundos inteiros), para que\n"+
				"mensagens ultrapassem umas às outras; maxdown, o máximo de nós fora do ar ao mesmo tempo\n"+
				"(0: uma minoria). random é\n\n"+
				"\t%s\n\n"+
				"--export ARQUIVO grava a execução em linhas JSON, um evento por linha com a ação que o fez\n"+
				"(- as escreve no lugar do log); distlab raft replay ARQUIVO a roda de novo."),
		locale.Str("--steps %d: want 1 to %d events", "--steps %d: use de 1 a %d eventos"),
		locale.Str("--nodes %d: want %d to %d nodes", "--nodes %d: use de %d a %d nós"),
		locale.Str("export: %v", "exportar: %v"),
		locale.Str("export %s: %v", "exportar %s: %v"),
		locale.Str("interrupted at event %d: %s was not written", "interrompido no evento %d: %s não foi gravado"),
		locale.Str("interrupted at event %d", "interrompido no evento %d"),
		locale.Plural("wrote %d events to %s (%s)", "wrote %d event to %s (%s)", "%d eventos gravados em %s (%s)", "%d evento gravado em %s (%s)"),
		locale.Str("nodes in the cluster, %d to %d (default %d, or the scenario's)",
			"nós no cluster, de %d a %d (padrão %d, ou o do cenário)"),
		locale.Str("random seed: the same seed gives the same run", "semente aleatória: a mesma semente dá a mesma execução"),
		locale.Str("run a named scenario (see: distlab raft scenarios)", "roda um cenário pelo nome (veja: distlab raft scenarios)"),
		locale.Str("events to run (default %d; a scenario: until it settles)",
			"eventos a rodar (padrão %d; um cenário: até se acalmar)"),
		locale.Str("random faults: none, random or KEY=VALUE,… (see above)",
			"falhas aleatórias: none, random ou CHAVE=VALOR,… (veja acima)"),
		locale.Str("break Raft on purpose, for the checker to catch: count-old-term or forget-vote",
			"quebra o Raft de propósito, para o verificador pegar: count-old-term ou forget-vote"),
		locale.Str("also write the run to FILE as JSON lines (- for stdout instead of the log)",
			"também grava a execução em ARQUIVO, em linhas JSON (- para a saída padrão em vez do log)"),
		locale.Str("safety: violated: %s", "segurança: violada: %s"),
		locale.Plural("%d nodes", "%d node", "%d nós", "%d nó"),
		locale.Str("seed %s", "semente %s"),
		locale.Str("no faults", "sem falhas"),
		locale.Str("faults %s", "falhas %s"),
		locale.Str("bug %s", "bug %s"),
		locale.Str("Raft, simulated: %s", "Raft, simulado: %s"),
		locale.Str("scenario %s: %s", "cenário %s: %s"),
		locale.Str("▸ marks a step of the scenario's script or a random fault",
			"▸ marca um passo do roteiro do cenário ou uma falha aleatória"),
		locale.Plural("%d events in %.3fs of simulated time, the properties checked after each",
			"%d event in %.3fs of simulated time, the properties checked after it",
			"%d eventos em %.3fs de tempo simulado, as propriedades verificadas depois de cada um",
			"%d evento em %.3fs de tempo simulado, as propriedades verificadas depois dele"),
		locale.Str("stopped at the first violation", "parou na primeira violação"),
		locale.Str("the scenario's script has ended and the cluster agrees", "o roteiro do cenário acabou e o cluster concorda"),
		locale.Str("nothing is left to happen: every node is down and no message is in flight",
			"nada mais pode acontecer: todos os nós estão fora do ar e nenhuma mensagem está na rede"),

		// distlab raft scenarios
		locale.Str("List the Raft demo's scenarios, each built to show one thing",
			"Lista os cenários da demonstração de Raft, cada um montado para mostrar uma coisa"),
		locale.Str("distlab raft run --scenario NAME", "distlab raft run --scenario NOME"),

		// distlab raft replay
		locale.Str("Replay a trace that distlab raft run --export wrote, and check it makes the same events",
			"Roda de novo um rastro que distlab raft run --export gravou, e confere que ele faz os mesmos eventos"),
		locale.Str("Read a trace (JSON lines from distlab raft run --export; - reads standard input), play its\n"+
			"actions on a new simulated cluster of the same nodes, seed, faults, bug and scenario, and\n"+
			"check that every event comes out the same, field by field, and the verdict too. The\n"+
			"simulation is deterministic, so a difference means the trace was edited or made by\n"+
			"another version of distlab; the first difference is the error. Otherwise the last line\n"+
			"is the replay's safety verdict, and the exit status is 1 when it is a violation, as for\n"+
			"distlab raft run. --log prints the replayed events too, in the CLI's language.",
			"Lê um rastro (linhas JSON de distlab raft run --export; - lê a entrada padrão), roda as suas\n"+
				"ações num novo cluster simulado com os mesmos nós, semente, falhas, bug e cenário, e confere\n"+
				"que cada evento sai igual, campo a campo, e o veredito também. A simulação é determinística,\n"+
				"então uma diferença quer dizer que o rastro foi editado ou feito por outra versão do\n"+
				"distlab; a primeira diferença é o erro. Senão, a última linha é o veredito de segurança da\n"+
				"repetição, e o código de saída é 1 quando ele é uma violação, como em distlab raft run.\n"+
				"--log mostra também os eventos repetidos, no idioma da linha de comando."),
		locale.Str("replay: %v", "repetir: %v"),
		locale.Str("FILE", "ARQUIVO"),
		locale.PluralArg(2, "%s: the replay made the trace's %d events, event for event, and its verdict",
			"%s: the replay made the trace's %d event, and its verdict",
			"%s: a repetição fez os %d eventos do rastro, evento por evento, e o seu veredito",
			"%s: a repetição fez o %d evento do rastro, e o seu veredito"),
		locale.Str("also print the replayed events", "mostra também os eventos repetidos"),
	)
}
