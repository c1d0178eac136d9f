package main

import "distlab/demos/locale"

// distlab kv's words (kv.go), in lesson 9's terms.
func init() {
	locale.Add(
		locale.Str("The replicated store demo on the command line: quorums, partitions, conflicts, and each history checked for linearizability",
			"A demonstração do armazenamento replicado na linha de comando: quóruns, partições, conflitos, e cada história verificada quanto à linearizabilidade"),
		locale.Str("Simulate a replicated store and print its counters and the linearizability verdict",
			"Simula um armazenamento replicado e mostra os contadores e o veredito de linearizabilidade"),
		locale.Str("Run N replicas of a key-value store and clients that read and write concurrently, on a\n"+
			"simulated network with delays, loss and partitions, then print the counters (operations\n"+
			"refused, stale reads, lost updates, siblings, session violations) and, on its own last\n"+
			"line, the verdict of Porcupine's linearizability checker: \"linearizable: yes\" or\n"+
			"\"linearizable: no: …\" with the operations involved. The exit status is 0 either way.\n"+
			"The same flags always give the same run.\n\n"+
			"--partition SPEC cuts servers off from the rest while the run lasts:\n"+
			"\tnone      no partition (the default)\n"+
			"\tauto      the last replica, for the middle third of the operations\n"+
			"\t3 or 1,2  these servers, for the middle third of the operations\n"+
			"\t3@10-20   server 3, from the 10th operation invoked to the 20th\n\n"+
			"--scenario runs one of the demo's scenarios (see: distlab kv scenarios); it sets the\n"+
			"store's knobs itself, so only --seed, --events and the output flags go with it.",
			"Roda N réplicas de um armazenamento chave-valor e clientes que leem e escrevem ao mesmo\n"+
				"tempo, numa rede simulada com atrasos, perdas e partições, e mostra os contadores\n"+
				"(operações recusadas, leituras desatualizadas, atualizações perdidas, versões irmãs,\n"+
				"violações de sessão) e, sozinho na última linha, o veredito do verificador de\n"+
				"linearizabilidade Porcupine: \"linearizável: sim\" ou \"linearizável: não: …\" com as\n"+
				"operações envolvidas. O código de saída é 0 nos dois casos. As mesmas opções sempre\n"+
				"dão a mesma execução.\n\n"+
				"--partition SPEC isola servidores do resto durante a execução:\n"+
				"\tnone      sem partição (o padrão)\n"+
				"\tauto      a última réplica, no terço do meio das operações\n"+
				"\t3 ou 1,2  esses servidores, no terço do meio das operações\n"+
				"\t3@10-20   o servidor 3, da 10ª operação invocada até a 20ª\n\n"+
				"--scenario roda um dos cenários da demonstração (veja: distlab kv scenarios); ele mesmo\n"+
				"ajusta o armazenamento, então só --seed, --events e as opções de saída combinam com ele."),
		locale.Str("%5d %6d ms  %s%s", "%5d %6d ms  %s%s"),
		locale.Str("wrote the history to %s (Porcupine's visualization: open it in a browser)", "história gravada em %s (a visualização do Porcupine: abra num navegador)"),
		locale.Plural("checked %d operations in %s", "checked %d operation in %s", "%d operações verificadas em %s", "%d operação verificada em %s"),
		locale.Str("replicas of every key, %d to %d (default %d)", "réplicas de cada chave, de %d a %d (padrão %d)"),
		locale.Str("read quorum: replicas a read waits for (default a majority)", "quórum de leitura: réplicas que uma leitura espera (padrão: uma maioria)"),
		locale.Str("write quorum: replicas a write waits for (default a majority)", "quórum de escrita: réplicas que uma escrita espera (padrão: uma maioria)"),
		locale.Str("cut servers off: none, auto, 3, 1,2 or 3@10-20 (see above)", "isola servidores: none, auto, 3, 1,2 ou 3@10-20 (veja acima)"),
		locale.Str("without a quorum: cp refuses, ap answers with the replicas reached", "sem quórum: cp recusa, ap responde com as réplicas alcançadas"),
		locale.Str("concurrent writes: lww (last writer wins, by timestamp) or vv (version vectors, siblings kept)", "escritas concorrentes: lww (a regra “a última escrita vence”, pelo carimbo) ou vv (vetores de versão, versões irmãs guardadas)"),
		locale.Str("sloppy quorums: spare servers stand in for replicas cut off, with hinted handoff", "quóruns relaxados: servidores reserva substituem réplicas isoladas, com hinted handoff"),
		locale.Str("a read writes what it found newest back to W replicas before answering", "uma leitura grava o valor mais novo que encontrou de volta em W réplicas antes de responder"),
		locale.Str("read your writes: off (violations counted), sticky or token", "leia suas escritas: off (violações contadas), sticky (sessão fixa) ou token"),
		locale.Str("monotonic reads: off (violations counted), sticky or token", "leituras monotônicas: off (violações contadas), sticky (sessão fixa) ou token"),
		locale.Str("servers' clock offsets, as n1=500ms,n2=-40ms (timestamps of last writer wins)", "desvios dos relógios dos servidores, como n1=500ms,n2=-40ms (os carimbos da regra “a última escrita vence”)"),
		locale.Str("probability that a message is lost, 0 to 1", "probabilidade de uma mensagem se perder, de 0 a 1"),
		locale.Str("clients issuing operations, 1 to %d (default %d)", "clientes que fazem operações, de 1 a %d (padrão %d)"),
		locale.Str("operations the clients issue in all, 1 to %d", "operações que os clientes fazem no total, de 1 a %d"),
		locale.Str("run a named scenario (see: distlab kv scenarios)", "roda um cenário pelo nome (veja: distlab kv scenarios)"),
		locale.Str("check the history for linearizability (--check=false to skip)", "verifica a linearizabilidade da história (--check=false para pular)"),
		locale.Str("also print every event, one a line", "mostra também cada evento, um por linha"),
		locale.Str("also write the history to FILE as Porcupine's HTML visualization", "grava também a história em ARQUIVO como a visualização HTML do Porcupine"),
		locale.Str("--%s has no effect with --scenario: a scenario sets the store's knobs itself", "--%s não tem efeito com --scenario: o cenário ajusta o armazenamento sozinho"),
		locale.Str("--ops %d: want 1 to %d operations", "--ops %d: use de 1 a %d operações"),
		locale.Str("--n %d: want %d to %d replicas", "--n %d: use de %d a %d réplicas"),
		locale.Str("--%s %d: want 1 to %d, the replicas of a key (--n)", "--%s %d: use de 1 a %d, as réplicas de uma chave (--n)"),
		locale.Str("--clients %d: want 1 to %d clients", "--clients %d: use de 1 a %d clientes"),
		locale.Str("--mode %s: want cp or ap", "--mode %s: use cp ou ap"),
		locale.Str("--conflicts %s: want lww or vv", "--conflicts %s: use lww ou vv"),
		locale.Str("--%s %s: want off, sticky or token", "--%s %s: use off, sticky ou token"),
		locale.Str("--skew %s: want SERVER=OFFSET pairs such as n1=500ms,n2=-40ms", "--skew %s: use pares SERVIDOR=DESVIO como n1=500ms,n2=-40ms"),
		locale.Str("--partition %s: want none, auto, servers such as 3 or 1,2, or 3@10-20 (from operation 10 to 20)", "--partition %s: use none, auto, servidores como 3 ou 1,2, ou 3@10-20 (da operação 10 à 20)"),
		locale.Str("Replicated store, simulated: %s", "Armazenamento replicado, simulado: %s"),
		locale.Plural("%d clients", "%d client", "%d clientes", "%d cliente"),
		locale.Plural("%d operations", "%d operation", "%d operações", "%d operação"),
		locale.Str("%g%% of messages lost", "%g%% das mensagens perdidas"),
		locale.Str("clocks: %s", "relógios: %s"),
		locale.Str("seed %s", "semente %s"),
		locale.Str("partition: %s cut off from operation %d to %d", "partição: %s isolado da operação %d à %d"),
		locale.Str("operations", "operações"),
		locale.Str("answered", "respondidas"),
		locale.Str("refused", "recusadas"),
		locale.Str("writes given up on", "escritas abandonadas"),
		locale.Str("stale reads", "leituras desatualizadas"),
		locale.Str("lost updates", "atualizações perdidas"),
		locale.Str("reads with siblings", "leituras com versões irmãs"),
		locale.Str("read-your-writes violations", "violações de leia suas escritas"),
		locale.Str("monotonic-reads violations", "violações de leituras monotônicas"),
		locale.Str("List the replicated store's scenarios, each built to show one thing", "Lista os cenários do armazenamento replicado, cada um feito para mostrar uma coisa"),
		locale.Str("distlab kv run --scenario NAME", "distlab kv run --scenario NOME"),
	)
}
