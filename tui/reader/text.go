package reader

import "distlab/demos/locale"

// The reader's words, English beside Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("Rendering…", "Renderizando…"),
		locale.Str("more below: %s", "continua abaixo: %s"),
		locale.Str("not found", "não encontrado"),
		locale.Plural("%d matches", "%d match", "%d ocorrências", "%d ocorrência"),
		locale.Plural("The answers are hidden until you try: take the quiz (Q, %d questions), or press a to show them.",
			"The answers are hidden until you try: take the quiz (Q, %d question), or press a to show them.",
			"As respostas ficam escondidas até você tentar: faça o questionário (Q, %d perguntas) ou tecle a para mostrá-las.",
			"As respostas ficam escondidas até você tentar: faça o questionário (Q, %d pergunta) ou tecle a para mostrá-las."),
		locale.Str("The answers are hidden until you try: press a to show them.", "As respostas ficam escondidas até você tentar: tecle a para mostrá-las."),
	)
}
