package console

import "distlab/demos/locale"

// The console's words, English beside Brazilian Portuguese. The slide
// keys' words are the reader's, registered there.
func init() {
	locale.Add(
		locale.Str("open the slide's demo", "abrir a demonstração do slide"),
		locale.Str("waiting for distlab to present: start one with P, or distlab --presenter",
			"esperando um distlab apresentar: comece um com P, ou distlab --presenter"),
		locale.Str("slide %d/%d", "slide %d/%d"),
		locale.Str("SCREEN BLANK (black)", "TELA APAGADA (preta)"),
		locale.Str("SCREEN BLANK (white)", "TELA APAGADA (branca)"),
		locale.Str("b brings it back", "b traz de volta"),
		locale.Str("Now: %s", "Agora: %s"),
		locale.Str("opens beside it: %s (d opens it again)", "abre ao lado: %s (d abre de novo)"),
		locale.Str("Last slide.", "Último slide."),
		locale.Str("Next: %s", "Próximo: %s"),
		locale.Str("Please enlarge the terminal", "Aumente o terminal"),
		locale.Str("q quits", "q sai"), // as the app says it (tui/text.go)
		locale.Str("%s %s joined %s", "%s %s entrou em %s"),
		locale.Str("%s %s left %s", "%s %s saiu de %s"),
		locale.Plural("Students in the demos: %d", "Students in the demos: %d", "Alunos nas demonstrações: %d", "Alunos nas demonstrações: %d"),
		locale.Str("since %s", "desde %s"),
		locale.Str("trying again every second", "tentando de novo a cada segundo"),
		locale.Str("▲ the notes go on above: ↑", "▲ as notas continuam acima: ↑"),
		locale.Plural("▼ %d more lines of notes: ↓", "▼ %d more line of notes: ↓", "▼ mais %d linhas de notas: ↓", "▼ mais %d linha de notas: ↓"),
		locale.Str("notes up", "notas acima"),
		locale.Str("keys", "teclas"),
		locale.Str("The slide keys, b and w are the projector's own: a clicker works on either screen.",
			"As teclas dos slides, b e w são as mesmas do projetor: um passador de slides funciona em qualquer das telas."),
		// The help bar's short words (the ? screen has the long ones).
		locale.Str("forward", "avançar"),
		locale.Str("back", "voltar"),
		locale.Str("black", "preta"),
		locale.Str("white", "branca"),
		locale.Str("demo", "demo"),
		locale.Str("notes down", "notas abaixo"),
		locale.Plural("%d messages", "%d message", "%d mensagens", "%d mensagem"),
		locale.Str("Live question: %s", "Pergunta ao vivo: %s"),
		locale.Str("show the class the results", "mostrar os resultados à turma"),
		locale.Str("the class sees the count only (r shows the results)", "a turma vê só a contagem (r mostra os resultados)"),
		locale.Str("the class sees these results", "a turma vê estes resultados"),
		// As the app's live question and notes say them (tui/text_class.go, tui/notes).
		locale.Str("No notes for this slide.", "Sem notas para este slide."),
		locale.Str("answers open", "respostas abertas"),
		locale.Str("answers closed", "respostas encerradas"),
		locale.Str("results shown", "resultados exibidos"),
		locale.Plural("%d answers", "%d answer", "%d respostas", "%d resposta"),
		locale.Plural("%d in the class now", "%d in the class now", "%d na turma agora", "%d na turma agora"),
		locale.Str("%d right of %d", "%d certas de %d"),
	)
}
