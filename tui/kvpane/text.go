package kvpane

import (
	"distlab/demos/locale"
	"distlab/tui/demo"
)

// names are the demo's names for the registry, in p's language.
func names(p *locale.Printer) demo.Names {
	return demo.Names{
		Title:   p.T("replicated store"),
		Short:   p.T("kv"),
		Summary: p.T("Replicas of a key-value store under quorums, partitions and skewed clocks, each history checked for linearizability."),
	}
}

// The pane's words, English beside Brazilian Portuguese (see package
// locale), in lesson 9's terms (demos/kv/text.go).
func init() {
	locale.Add(
		locale.Str("replicated store", "armazenamento replicado"),
		locale.Str("kv", "kv"),
		locale.Str("Replicas of a key-value store under quorums, partitions and skewed clocks, each history checked for linearizability.", "Réplicas de um armazenamento chave-valor sob quóruns, partições e relógios desviados, cada história verificada quanto à linearizabilidade."),

		// Keys (the ones the Raft pane shares come from its text.go).
		locale.Str("select server", "escolher servidor"),
		locale.Str("CP/AP", "CP/AP"),
		locale.Str("LWW/version vectors", "LWW/vetores de versão"),
		locale.Str("knobs", "ajustes"),
		locale.Str("export HTML", "exportar HTML"),
		locale.Str("cut off server", "isolar servidor"),
		locale.Str("choose a knob", "escolher um ajuste"),
		locale.Str("change it", "mudar"),

		// Notices.
		locale.Str("That knob is already so.", "Esse ajuste já está assim."),
		locale.Str("That knob goes no further.", "Esse ajuste não vai além disso."),
		locale.Str("Nothing is left to happen: read or write (g, w), or press c for another scenario.", "Não há mais nada para acontecer: leia ou escreva (g, w), ou tecle c para outro cenário."),
		locale.Str("This store has %d servers.", "Este armazenamento tem %d servidores."),
		locale.Str("Every client has an operation under way: play or step until one answers.", "Todo cliente tem uma operação em andamento: rode ou avance até um receber resposta."),
		locale.Str("Cut off at least one server and leave at least one on the other side.", "Isole pelo menos um servidor e deixe pelo menos um do outro lado."),
		locale.Str("A new free run with these knobs: %s.", "Uma nova execução livre com estes ajustes: %s."),
		locale.Str("In a served class the export would land on the server's disk: run distlab kv run --export-html on your own machine.", "Numa turma servida, a exportação iria para o disco do servidor: rode distlab kv run --export-html na sua máquina."),
		locale.Str("The export failed: %s", "A exportação falhou: %s"),
		locale.Str("Wrote the history to %s: open it in a browser (Porcupine's view).", "História gravada em %s: abra num navegador (a visualização do Porcupine)."),
		locale.Str("Enlarge this pane to at least %d×%d to see the replicated store (z zooms it).", "Aumente este painel para pelo menos %d×%d para ver o armazenamento replicado (z amplia)."),

		locale.Str("Partition: press the numbers of the servers to cut off (1–%d), enter to cut, esc to cancel.", "Partição: tecle os números dos servidores a isolar (1–%d), enter para isolar, esc para cancelar."),

		// The knobs panel.
		locale.Str("Knobs: ↑/↓ choose, ←/→ change, esc close", "Ajustes: ↑/↓ escolhe, ←/→ muda, esc fecha"),
		locale.Str("Knobs %d/%d: ↑/↓ choose, ←/→ change, esc close", "Ajustes %d/%d: ↑/↓ escolhe, ←/→ muda, esc fecha"),
		locale.Str("N, replicas of a key", "N, réplicas de uma chave"),
		locale.Str("R, read quorum", "R, quórum de leitura"),
		locale.Str("W, write quorum", "W, quórum de escrita"),
		locale.Str("without a quorum", "sem quórum"),
		locale.Str("conflicts", "conflitos"),
		locale.Str("read your writes", "leia suas escritas"),
		locale.Str("monotonic reads", "leituras monotônicas"),
		locale.Str("messages lost", "mensagens perdidas"),
		locale.Str("clock skew of the selected server", "desvio do relógio do servidor escolhido"),
		locale.Str("on", "ligado"),

		// The view.
		locale.Str("%d%% lost", "%d%% perdidas"),
		locale.Plural("%d operations", "%d operation", "%d operações", "%d operação"),
		locale.Plural("%d refused", "%d refused", "%d recusadas", "%d recusada"),
		locale.Plural("%d stale reads", "%d stale read", "%d leituras desatualizadas", "%d leitura desatualizada"),
		locale.Plural("%d lost updates", "%d lost update", "%d atualizações perdidas", "%d atualização perdida"),
		locale.Plural("%d with siblings", "%d with siblings", "%d com versões irmãs", "%d com versões irmãs"),
		locale.Plural("%d hints", "%d hint", "%d dicas", "%d dica"),
		locale.Str("read your writes broken %d×", "leia suas escritas violada %d×"),
		locale.Str("monotonic reads broken %d×", "leituras monotônicas violadas %d×"),
		locale.Str("linearizable: checking…", "linearizável: verificando…"),
		locale.Str("(as of operation %d; checking the newer…)", "(até a operação %d; verificando as mais novas…)"),
		locale.Str("in flight:", "a caminho:"),
		locale.Str("partition: no message crosses", "partição: nenhuma mensagem atravessa"),
		locale.Str("spare", "reserva"),
		locale.Str("clock %s", "relógio %s"),
		locale.Str("operations from %s to %s, a cell %s:", "operações de %s a %s, uma célula %s:"),
		locale.Str("operations from %s to %s:", "operações de %s a %s:"),
		locale.Str("[w3] a write of 3 · [r→2] a read that returned 2, from invocation to response · ! stale · ✗ refused, given up or lost · ∥ siblings · ▸ selected server · ┃ the partition", "[w3] uma escrita de 3 · [r→2] uma leitura que devolveu 2, da invocação à resposta · ! desatualizada · ✗ recusada, abandonada ou perdida · ∥ versões irmãs · ▸ servidor escolhido · ┃ a partição"),

		// Shared with the Raft pane and the CLI, the same translations, so
		// the pane speaks Portuguese without them linked in.
		locale.Str("#%d at %s:", "#%d em %s:"),
		locale.Str("Nothing has happened yet: play with space, or step one event with →.", "Nada aconteceu ainda: rode com espaço ou avance um evento com →."),
		locale.Str("Partition: cut off %s from the rest · more numbers, enter to cut, esc to cancel.", "Partição: isolar %s do resto · mais números, enter para cortar, esc para cancelar."),
		locale.Str("The network is whole: there is no partition to heal.", "A rede está inteira: não há partição para curar."),
		locale.Str("apply", "aplicar"),
		locale.Str("cancel", "cancelar"),
		locale.Str("client read", "leitura do cliente"),
		locale.Str("client write", "escrita do cliente"),
		locale.Str("close", "fechar"),
		locale.Str("crash/restart", "derrubar/religar"),
		locale.Str("crashed", "fora do ar"),
		locale.Str("faster", "mais rápido"),
		locale.Str("Free run", "Execução livre"),
		locale.Str("heal", "curar"),
		locale.Str("new seed", "nova semente"),
		locale.Str("off", "desligado"),
		locale.Str("partition", "partição"),
		locale.Str("play/pause", "rodar/pausar"),
		locale.Str("read repair", "reparo na leitura"),
		locale.Str("reset demo", "reiniciar a demonstração"),
		locale.Str("scenario", "cenário"),
		locale.Str("seed %d", "semente %d"),
		locale.Str("sloppy quorums", "quóruns relaxados"),
		locale.Str("slower", "mais devagar"),
		locale.Str("step back", "voltar"),
		locale.Str("step", "avançar"),
		locale.Str("time %s", "tempo %s"),
		locale.Str("⏸ paused (speed %s×)", "⏸ pausado (velocidade %s×)"),
		locale.Str("▶ playing %s×", "▶ rodando a %s×"),
	)
}
