package clockpane

import (
	"distlab/demos/locale"
	"distlab/tui/demo"
)

// The pane's words, English beside Brazilian Portuguese (see package
// locale). Call sites print them with com.T("English text", args...).
func init() {
	locale.Add(
		locale.Str("clock ordering", "ordenação de relógios"),
		locale.Str("clocks", "relógios"),
		locale.Str("Physical, Lamport and vector clocks on one space-time diagram, step by step.", "Relógios físicos, de Lamport e vetoriais num diagrama espaço-tempo, passo a passo."),

		// Keys.
		locale.Str("play/pause", "rodar/pausar"),
		locale.Str("step", "avançar"),
		locale.Str("step back", "voltar"),
		locale.Str("slower", "mais devagar"),
		locale.Str("faster", "mais rápido"),
		locale.Str("new seed", "nova semente"),
		locale.Str("scenario", "cenário"),
		locale.Str("time axis", "eixo do tempo"),
		locale.Str("skew", "desvio"),
		locale.Str("loss", "perda"),
		locale.Str("delay", "atraso"),
		locale.Str("export", "exportar"),
		locale.Str("select event", "escolher evento"),
		locale.Str("pin event", "fixar evento"),
		locale.Str("unpin", "soltar"),
		locale.Str("reset demo", "reiniciar a demonstração"),
		locale.Str("scroll table", "rolar a tabela"),

		// The screen.
		locale.Str("true time", "tempo real"),
		locale.Str("physical clocks", "relógios físicos"),
		locale.Str("Lamport time", "tempo de Lamport"),
		locale.Str("random", "aleatório"),
		locale.Str("playing", "rodando"),
		locale.Str("paused", "pausado"),
		locale.Str("axis: %s", "eixo: %s"),
		locale.PluralArg(2, "%d/%d events", "%d/%d event", "%d/%d eventos", "%d/%d evento"),
		locale.Str("%s %.0f ev/s", "%s %.0f ev/s"),
		locale.Str("seed %s", "semente %s"),
		locale.Str("skew %s", "desvio %s"),
		locale.Str("drift %s", "deriva %s"),
		locale.Str("loss %.0f%%", "perda %.0f%%"),
		locale.Str("delay %s", "atraso %s"),
		locale.Str("clocks %s", "relógios %s"),
		locale.Str("clocks %s, drifting", "relógios %s, com deriva"),
		locale.Str("this scenario sets its own events, clocks and delays: seed, skew, loss and delay apply to random runs (c until \"random\")", "este cenário define seus próprios eventos, relógios e atrasos: semente, desvio, perda e atraso valem para execuções aleatórias (c até \"aleatório\")"),
		locale.Str("exported %s (ShiViz) and %s (JSON Lines)", "exportado %s (ShiViz) e %s (JSON Lines)"),
		locale.Str("export %s: %v", "exportar %s: %v"),
		locale.Str("• local  ○ send  ● receive  ✗ lost  ◎ duplicate", "• local  ○ envio  ● recebimento  ✗ perdida  ◎ duplicada"),
		locale.Str("colors:", "cores:"),
		locale.Str("selected", "escolhido"),
		locale.Str("pinned", "fixado"),
		locale.Str("past", "passado"),
		locale.Str("future", "futuro"),
		locale.Str("concurrent", "concorrente"),
		locale.Str("back in time", "volta no tempo"),
		locale.Str("event", "evento"),
		locale.Str("proc", "proc"),
		locale.Str("physical", "físico"),
		locale.Str("vector", "vetor"),
		locale.Str("message", "mensagem"),
		locale.Str("%d–%d of %d · pgup/pgdn", "%d–%d de %d · pgup/pgdn"),
		locale.Plural("%d messages run backwards on this axis", "%d message runs backwards on this axis", "%d mensagens voltam no tempo neste eixo", "%d mensagem volta no tempo neste eixo"),
		locale.Str("↑↓ select an event, enter pins it, then select another to compare", "↑↓ escolhe um evento, enter o fixa; escolha outro para comparar"),
	)
}

// names are the demo's names for the registry, in p's language.
func names(p *locale.Printer) demo.Names {
	return demo.Names{
		Title:   p.T("clock ordering"),
		Short:   p.T("clocks"),
		Summary: p.T("Physical, Lamport and vector clocks on one space-time diagram, step by step."),
	}
}
