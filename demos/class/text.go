package class

import "distlab/demos/locale"

// The hub's words, English beside Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("that question is no longer open", "essa pergunta não está mais aberta"),
		locale.Str("that answer names an option the question does not have", "essa resposta cita uma opção que a pergunta não tem"),
	)
}
