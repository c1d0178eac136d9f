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
		locale.Str("play/pause", "tocar/pausar"),
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

		// The screen.
		locale.Str("true time", "tempo real"),
		locale.Str("each process's physical clock", "relógio físico de cada processo"),
		locale.Str("Lamport time", "tempo de Lamport"),
		locale.Str("random", "aleatório"),
		locale.Str("playing", "tocando"),
		locale.Str("paused", "pausado"),
		locale.PluralArg(9, "%s · axis: %s · seed %s · skew %s · loss %.0f%% · delay %s–%s · %d/%d events · %s %.0f ev/s", "%s · axis: %s · seed %s · skew %s · loss %.0f%% · delay %s–%s · %d/%d event · %s %.0f ev/s", "%s · eixo: %s · semente %s · desvio %s · perda %.0f%% · atraso %s–%s · %d/%d eventos · %s %.0f ev/s", "%s · eixo: %s · semente %s · desvio %s · perda %.0f%% · atraso %s–%s · %d/%d evento · %s %.0f ev/s"),
		locale.Str("exported %s (ShiViz) and %s (JSON Lines)", "exportado %s (ShiViz) e %s (JSON Lines)"),
		locale.Str("export %s: %v", "exportar %s: %v"),
		locale.Str("• local  ○ send  ● receive  ✗ lost  ◎ duplicate · a selected event shows its past, future and concurrent events in color · red dots: a message back in time", "• local  ○ envio  ● recebimento  ✗ perdida  ◎ duplicada · um evento escolhido mostra em cores seu passado, futuro e concorrentes · pontos vermelhos: mensagem voltando no tempo"),
		locale.Str("event proc  physical     L  vector", "evento proc físico       L  vetor"),
		locale.Str("%10.3fms", "%10.3fms"),
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
