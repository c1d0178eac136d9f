package catalog

import "distlab/demos/locale"

// The lesson list's words, English beside Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("Lessons", "Lições"),
		locale.Str("filter: ", "filtro: "),
		locale.Str("No lessons in this language.", "Nenhuma lição neste idioma."),
		locale.Str("No lesson matches.", "Nenhuma lição encontrada."),
		locale.Plural("+%d more lines", "+%d more line", "+%d outras linhas", "+%d outra linha"),
	)
}
