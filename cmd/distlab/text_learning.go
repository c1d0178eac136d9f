package main

import "distlab/demos/locale"

// The words of distlab progress and distlab challenges, English beside
// Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("Show your progress in the course: lessons read, quizzes, challenges", "Mostra seu progresso no curso: lições lidas, questionários, desafios"),
		locale.Str("Show your progress in the course, from the app's state file ($DISTLAB_STATE, or distlab/state.json\n"+
			"in your config folder): per lesson, read or not, the quiz's questions answered right and the\n"+
			"challenges met in the demos it teaches; the whole course as a percentage; where to go next.",
			"Mostra seu progresso no curso, a partir do arquivo de estado do app ($DISTLAB_STATE, ou distlab/state.json\n"+
				"na sua pasta de configuração): por lição, se foi lida, as perguntas do questionário acertadas e os\n"+
				"desafios cumpridos nas demonstrações que ela ensina; o curso inteiro em porcentagem; por onde seguir."),
		locale.Str("print JSON: every lesson, the whole course and the next step", "imprime JSON: cada lição, o curso inteiro e o próximo passo"),
		locale.Str("Course: %d%% done (%d of %d steps: lessons read, questions right, challenges met)", "Curso: %d%% feito (%d de %d passos: lições lidas, perguntas acertadas, desafios cumpridos)"),
		locale.Str("LESSON", "LIÇÃO"),
		locale.Str("READ", "LIDA"),
		locale.Str("QUIZ", "QUESTIONÁRIO"),
		locale.Str("CHALLENGES", "DESAFIOS"),
		locale.Str("yes", "sim"),
		locale.Str("Next: read “%s” (distlab --lesson %s).", "Próximo passo: ler “%s” (distlab --lesson %s)."),
		locale.Str("Next: the quiz of “%s” (distlab quiz %s, or Q in the app).", "Próximo passo: o questionário de “%s” (distlab quiz %s, ou Q no app)."),
		locale.Str("Next: the challenges of “%s” (C in its demo).", "Próximo passo: os desafios de “%s” (C na demonstração)."),
		locale.Str("Everything is done: read any lesson again, or try the quizzes once more.", "Tudo feito: releia qualquer lição ou refaça os questionários."),
		locale.Str("List the demos' challenges, and which you have met", "Lista os desafios das demonstrações e quais você já cumpriu"),
		locale.Str("List the demos' challenges: goals stated as predictions to test in a demo, which the demo's\n"+
			"engine checks from what really happens in it. In the app, C in a demo's pane shows them.",
			"Lista os desafios das demonstrações: metas escritas como previsões a testar numa demonstração, que o\n"+
				"motor dela verifica pelo que realmente acontece. No app, C no painel da demonstração os mostra."),
		locale.Str("print a JSON array (id, demo, goal, done)", "imprime um array JSON (id, demo, goal, done)"),
		// The noun counts the challenges, the second number.
		locale.PluralArg(2, "%d of %d challenges met", "%d of %d challenge met", "%d de %d desafios cumpridos", "%d de %d desafio cumprido"),
	)
}
