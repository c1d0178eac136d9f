package chatpane

import (
	"distlab/demos/locale"
	"distlab/tui/demo"
)

// The pane's words, English beside Brazilian Portuguese (see package
// locale). Call sites print them with com.T("English text", args...).
func init() {
	locale.Add(
		locale.Str("chat cluster", "cluster de chat"),
		locale.Str("chat", "chat"),
		locale.Str("Three real TCP nodes, bots and you: crash a node and watch failover.", "Três nós TCP reais, robôs e você: derrube um nó e veja o failover."),
	)
}

// names are the demo's names for the registry, in p's language.
func names(p *locale.Printer) demo.Names {
	return demo.Names{
		Title:   p.T("chat cluster"),
		Short:   p.T("chat"),
		Summary: p.T("Three real TCP nodes, bots and you: crash a node and watch failover."),
	}
}
