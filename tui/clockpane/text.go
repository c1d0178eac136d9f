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
