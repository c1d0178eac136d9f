package scalepane

import (
	"distlab/demos/locale"
	"distlab/tui/demo"
)

// The pane's words, English beside Brazilian Portuguese (see package
// locale). Call sites print them with com.T("English text", args...).
func init() {
	locale.Add(
		locale.Str("scale up vs scale out", "escalar vertical vs horizontal"),
		locale.Str("scale", "escala"),
		locale.Str("One big machine or many small ones, under the same load: throughput, latency, cost, failures.", "Uma máquina grande ou várias pequenas, sob a mesma carga: vazão, latência, custo, falhas."),
	)
}

// names are the demo's names for the registry, in p's language.
func names(p *locale.Printer) demo.Names {
	return demo.Names{
		Title:   p.T("scale up vs scale out"),
		Short:   p.T("scale"),
		Summary: p.T("One big machine or many small ones, under the same load: throughput, latency, cost, failures."),
	}
}
