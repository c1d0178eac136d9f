package keys

import "distlab/demos/locale"

// The app's key descriptions, English beside Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("quit", "sair"),
		locale.Str("help", "ajuda"),
		locale.Str("language", "idioma"),
		locale.Str("theme", "tema"),
		locale.Str("pane", "painel"),
		locale.Str("problems", "problemas"),
		locale.Str("close", "fechar"),
		locale.Str("zoom", "ampliar"),
		locale.Str("close pane", "fechar painel"),
		locale.Str("split ←", "divisão ←"),
		locale.Str("split →", "divisão →"),
		locale.Str("demos", "demos"),
		locale.Str("presenter", "apresentação"),
		locale.Str("notes", "notas"),
		locale.Str("focus", "foco"),
		locale.Str("next lesson", "próxima lição"),
		locale.Str("prev lesson", "lição anterior"),
		locale.Str("open demo", "abrir demo"),
		locale.Str("next/prev lesson", "próx./ant. lição"),
		locale.Str("move split", "mover divisão"),
	)
}
