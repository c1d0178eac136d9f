package quiz

import "distlab/demos/locale"

// The quiz's words, English beside Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Plural("Quiz: %s — %d questions", "Quiz: %s — %d question", "Questionário: %s — %d perguntas", "Questionário: %s — %d pergunta"),
		locale.Str("Score: %d of %d", "Acertos: %d de %d"),
		locale.Str("a number", "um número"),
		locale.Str("not a number: %s", "não é um número: %s"),
		locale.Str("The answer: %s.", "A resposta: %s."),
		locale.Str("the letters in order, e.g. %s", "as letras na ordem, por exemplo %s"),
		locale.Str("The order:", "A ordem:"),
		locale.Str("one letter", "uma letra"),
		locale.Str("every letter that applies, e.g. a c", "todas as letras que valem, por exemplo a c"),
		locale.Str("✓ Right.", "✓ Certo."),
		locale.Str("✗ Not quite.", "✗ Não exatamente."),
		locale.Str("answer with letters from a to %c, each once", "responda com letras de a até %c, cada uma uma vez"),
		locale.Plural("give %d letters", "give %d letter", "dê %d letras", "dê %d letra"),
		locale.Str("give from %d to %d letters", "dê de %d a %d letras"),
	)
}
