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
		locale.Str("demos", "demonstrações"),
		locale.Str("presenter", "apresentação"),
		locale.Str("notes", "notas"),
		locale.Str("blank screen", "tela preta"),
		locale.Str("white screen", "tela branca"),
		locale.Str("join banner", "como entrar"),
		locale.Str("quiz", "questionário"),
		locale.Str("course map", "mapa do curso"),
		locale.Str("focus", "foco"),
		locale.Str("next lesson", "próxima lição"),
		locale.Str("prev lesson", "lição anterior"),
		locale.Str("open demo", "abrir demonstração"),
		locale.Str("next/prev lesson", "próx./ant. lição"),
		locale.Str("move split", "mover divisão"),
		locale.Str("up", "subir"),
		locale.Str("down", "descer"),
		locale.Str("open", "abrir"),
		locale.Str("filter", "filtrar"),
		locale.Str("clear filter", "limpar filtro"),
		locale.Str("top", "início"),
		locale.Str("bottom", "fim"),
		locale.Str("page up", "subir página"),
		locale.Str("page down", "descer página"),
		locale.Str("½ page up", "subir ½ página"),
		locale.Str("½ page down", "descer ½ página"),
		locale.Str("next slide", "próximo slide"),
		locale.Str("prev slide", "slide anterior"),
		locale.Str("first slide", "primeiro slide"),
		locale.Str("last slide", "último slide"),
	)
}
