package picker

import "distlab/demos/locale"

// The picker's words, English beside Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("filter: ", "filtro: "),
		locale.Str("No demo matches.", "Nenhuma demonstração corresponde."),
		locale.Str("type to filter · enter opens a new pane · esc closes", "digite para filtrar · enter abre em novo painel · esc fecha"),
		locale.Str("Open a demo", "Abrir uma demonstração"),
	)
}
