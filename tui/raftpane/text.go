package raftpane

import (
	"distlab/demos/locale"
	"distlab/tui/demo"
)

// The pane's words, English beside Brazilian Portuguese (see package
// locale), in the Raft vocabulary of the engine's (demos/raft/text.go):
// líder, seguidor, candidato, mandato (term), entrada, efetivada
// (committed), índice de efetivação. Call sites print them with
// m.Com.T("English text", args...).
func init() {
	locale.Add(
		locale.Str("Raft consensus", "consenso Raft"),
		locale.Str("raft", "raft"),
		locale.Str("Real etcd Raft nodes on a network you control: elections, log replication, crashes and partitions, with safety checked at every step.", "Nós Raft de verdade, do etcd, numa rede que você controla: eleições, replicação do log, quedas e partições, com a segurança verificada a cada passo."),

		// Keys.
		locale.Str("play/pause", "rodar/pausar"),
		locale.Str("step", "avançar"),
		locale.Str("step back", "voltar"),
		locale.Str("slower", "mais devagar"),
		locale.Str("faster", "mais rápido"),
		locale.Str("select node", "escolher nó"),
		locale.Str("crash/restart", "derrubar/religar"),
		locale.Str("fire its timer", "disparar o timer"),
		locale.Str("partition", "partição"),
		locale.Str("heal", "curar"),
		locale.Str("drop next message", "descartar a próxima mensagem"),
		locale.Str("client write", "escrita do cliente"),
		locale.Str("client read", "leitura do cliente"),
		locale.Str("scenario", "cenário"),
		locale.Str("new seed", "nova semente"),
		locale.Str("reset demo", "reiniciar a demonstração"),
		locale.Str("bug", "bug"),
		locale.Str("fewer nodes", "menos nós"),
		locale.Str("more nodes", "mais nós"),
		locale.Str("cut off node", "isolar nó"),
		locale.Str("apply", "aplicar"),
		locale.Str("cancel", "cancelar"),

		// The status line.
		locale.Str("Free run", "Execução livre"),
		locale.Plural("%d nodes", "%d node", "%d nós", "%d nó"),
		locale.Str("seed %d", "semente %d"),
		locale.Str("event %d", "evento %d"),
		locale.Str("time %s", "tempo %s"),
		locale.Str("▶ playing %s×", "▶ rodando a %s×"),
		locale.Str("⏸ paused (speed %s×)", "⏸ pausado (velocidade %s×)"),
		locale.Str("bug: commits old-term entries by counting", "bug: efetiva entradas de mandatos antigos contando réplicas"),
		locale.Str("bug: forgets its vote on restart", "bug: esquece o voto ao religar"),
		locale.Str("This cluster has %d nodes.", "Este cluster tem %d nós."),
		locale.Str("The network is whole: there is no partition to heal.", "A rede está inteira: não há partição para curar."),
		locale.Str("%s is down: a crashed node takes no requests. Select another, or restart it with k.", "%s está fora do ar: um nó derrubado não aceita requisições. Escolha outro ou religue-o com k."),
		locale.Str("A scenario sets its own nodes: press c until the free run to choose how many.", "Um cenário define os próprios nós: tecle c até a execução livre para escolher quantos."),
		locale.Str("A cluster has %d to %d nodes.", "Um cluster tem de %d a %d nós."),
		locale.Str("Cut off at least one node and leave at least one on the other side.", "Isole pelo menos um nó e deixe pelo menos um do outro lado."),
		locale.Str("Partition: press the numbers of the nodes to cut off (1–%d), enter to cut, esc to cancel.", "Partição: tecle os números dos nós a isolar (1–%d), enter para cortar, esc para cancelar."),
		locale.Str("Partition: cut off %s from the rest · more numbers, enter to cut, esc to cancel.", "Partição: isolar %s do resto · mais números, enter para cortar, esc para cancelar."),

		// The nodes.
		locale.Str("term %d", "mandato %d"),
		locale.Str("vote %s", "voto %s"),
		locale.Plural("%d votes", "%d vote", "%d votos", "%d voto"),
		locale.Str("empty log", "log vazio"),
		locale.Str("✂ partition: messages between the sides are lost", "✂ partição: mensagens entre os lados se perdem"),

		// The network.
		locale.Plural("network: %d messages in flight, the next to arrive first", "network: %d message in flight", "rede: %d mensagens a caminho, a próxima a chegar primeiro", "rede: %d mensagem a caminho"),
		locale.Plural("network: %d messages in flight", "network: %d message in flight", "rede: %d mensagens a caminho", "rede: %d mensagem a caminho"),
		locale.Str("network: no messages in flight", "rede: nenhuma mensagem a caminho"),
		locale.Str("+%d more", "+%d outras"),
		locale.Str("✗ dropped", "✗ descartada"),
		locale.Str("✂ cut", "✂ cortada"),
		locale.Str("✗ lost", "✗ perdida"),
		locale.Str("✗ down", "✗ fora do ar"),
		locale.Str("◎ copy", "◎ cópia"),

		// The sentence, the verdict, the clients.
		locale.Str("#%d at %s:", "#%d em %s:"),
		locale.Str("#%d at %s, the scenario:", "#%d em %s, o cenário:"),
		locale.Str("Nothing has happened yet: play with space, or step one event with →.", "Nada aconteceu ainda: rode com espaço ou avance um evento com →."),
		locale.Plural("%d checks", "%d check", "%d verificações", "%d verificação"),
		locale.Str("clients:", "clientes:"),
		locale.Str("%s at %s", "%s em %s"),
		locale.Str("%s → %s ✓", "%s → %s ✓"),
		locale.Str("%s ✓ committed", "%s ✓ efetivada"),
		locale.Str("%s ✗ failed", "%s ✗ falhou"),
		locale.Str("%s ✗ no answer, given up", "%s ✗ sem resposta, desistiu"),
		locale.Str("%s … waiting", "%s … esperando"),
		locale.Str("★ leader ◇ candidate ○ follower ✗ crashed · log index:term, committed in green · c= commit index · ▰ election timer · ● a message on its way", "★ líder ◇ candidato ○ seguidor ✗ fora do ar · log índice:mandato, efetivadas em verde · c= índice de efetivação · ▰ timer de eleição · ● uma mensagem a caminho"),
		locale.Str("Enlarge this pane to at least %d×%d to see the Raft cluster (z zooms it).", "Aumente este painel para pelo menos %d×%d para ver o cluster Raft (z o amplia)."),
	)
}

// names are the demo's names for the registry, in p's language.
func names(p *locale.Printer) demo.Names {
	return demo.Names{
		Title:   p.T("Raft consensus"),
		Short:   p.T("raft"),
		Summary: p.T("Real etcd Raft nodes on a network you control: elections, log replication, crashes and partitions, with safety checked at every step."),
	}
}
