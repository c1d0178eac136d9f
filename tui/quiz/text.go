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

		locale.Str("Quiz", "Questionário"),

		// A live question.
		locale.Str("Live question · %s", "Pergunta ao vivo · %s"),
		locale.Str("change the answer", "mudar a resposta"),
		locale.Str("hide", "esconder"),
		locale.Str("The answers are closed.", "As respostas estão encerradas."),
		locale.Str("✓ Answer sent. The results come when the instructor shows them.", "✓ Resposta enviada. O resultado aparece quando o professor mostrar."),
		locale.Str("r changes it while the question is open.", "r muda a resposta enquanto a pergunta estiver aberta."),
		locale.Str("The class's answers: %d · right: %d", "Respostas da turma: %d · certas: %d"),

		// In the app.
		locale.Str("✗ Not quite: the answer is %s.", "✗ Não exatamente: a resposta é %s."),
		locale.Str("up", "subir"),
		locale.Str("down", "descer"),
		locale.Str("choose", "escolher"),
		locale.Str("undo", "desfazer"),
		locale.Str("answer", "responder"),
		locale.Str("next", "próxima"),
		locale.Str("try again", "tentar de novo"),
		locale.Str("close quiz", "fechar questionário"),
		locale.Str("start over", "recomeçar"),
		locale.Str("scroll", "rolar"),
		locale.Str("score", "resultado"),
		locale.Str("pick next", "escolher o próximo"),
		locale.Str("move", "mover"),
		locale.Str("type a number, then enter", "digite um número e tecle enter"),
		locale.Str("space/a-z", "espaço/a-z"), // the key's name, said in the reader's language
		locale.Plural("a number has at most %d characters: the rest was left out", "a number has at most %d character: the rest was left out",
			"um número tem no máximo %d caracteres: o resto ficou de fora", "um número tem no máximo %d caractere: o resto ficou de fora"),
		locale.Str("pick every item, first to last: %d of %d so far", "escolha todos os itens, do primeiro ao último: %d de %d até agora"),
		locale.Str("choose at least one option (space), then enter", "escolha pelo menos uma opção (espaço) e tecle enter"),
		locale.Str("Quiz: %s", "Questionário: %s"),
		locale.Str("Quiz · score · %s", "Questionário · resultado · %s"),
		locale.Str("Quiz · question %d of %d · %s", "Questionário · pergunta %d de %d · %s"),
		locale.Str("This lesson has no quiz.", "Esta lição não tem questionário."),
		locale.Str("Pick the items from first to last:", "Escolha os itens do primeiro ao último:"),
		locale.Str("Choose every option that applies:", "Escolha todas as opções que valem:"),
		locale.Str("Choose one option:", "Escolha uma opção:"),
		locale.Str("Right at the first try: %d of %d", "Certas na primeira tentativa: %d de %d"),
		locale.Str("Right after another try: %d", "Certas depois de outra tentativa: %d"),
		locale.Str("r starts over with the options shuffled anew; what you got right stays in your progress.", "r recomeça com as opções embaralhadas de novo; o que você acertou fica no seu progresso."),
	)
}
