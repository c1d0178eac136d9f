package tui

import "distlab/demos/locale"

// The served class's words (classroom.go, classlead.go), English beside
// Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("📣 %s", "📣 %s"),
		locale.Str("following the instructor again (F steps out)", "seguindo o professor de novo (F sai)"),
		locale.Str("you stepped out: the instructor's slides no longer move you (F follows again)", "você saiu: os slides do professor não movem mais a sua tela (F volta a seguir)"),
		locale.Str("the class no longer follows you (F leads again)", "a turma não segue mais você (F volta a conduzir)"),
		locale.Str("the class follows you (F stops)", "a turma segue você (F para)"),
		locale.Str("Ask the class one question; their answers come in live.", "Faça uma pergunta à turma; as respostas chegam ao vivo."),
		locale.Str("Live question", "Pergunta ao vivo"),
		locale.Str("answers open", "respostas abertas"),
		locale.Str("answers closed", "respostas encerradas"),
		locale.Str("results shown", "resultados exibidos"),
		locale.Plural("%d answers", "%d answer", "%d respostas", "%d resposta"),
		locale.Plural("%d in the class now", "%d in the class now", "%d na turma agora", "%d na turma agora"),
		locale.Str("%d right of %d", "%d certas de %d"),
		locale.Str("show the results", "mostrar o resultado"),
		locale.Str("stop the answers", "encerrar as respostas"),
		locale.Str("end the question", "encerrar a pergunta"),
		locale.Str("student", "aluno"),
		locale.Str("where", "onde"),
		locale.Str("following", "seguindo"),
		locale.Str("idle", "parado há"),
		locale.Str("left", "saiu"),
		locale.Str("Nobody has joined yet.", "Ninguém entrou ainda."),
		locale.Plural("Class · %d in", "Class · %d in", "Turma · %d presentes", "Turma · %d presente"),
		locale.Str("A line to every student", "Uma linha para todos os alunos"),
		locale.Str("sent to the class", "enviado à turma"),
		locale.Str("send to the class", "enviar à turma"),
		locale.Str("cancel", "cancelar"),
		locale.Str("Join the course", "Entre no curso"),
		locale.Str("no SSH key? the class code is", "sem chave SSH? o código da turma é"),
		locale.Str("End the class?", "Encerrar a aula?"),
		locale.Str("Nobody is connected.", "Ninguém está conectado."),
		locale.Plural("%d students are connected: each is told the class ended, and their progress saved.",
			"%d student is connected: they are told the class ended, and their progress saved.",
			"%d alunos estão conectados: cada um é avisado do fim da aula, e o progresso salvo.",
			"%d aluno está conectado: ele é avisado do fim da aula, e o progresso salvo."),
		locale.Str("end the class", "encerrar a aula"),
		locale.Str("keep teaching", "continuar a aula"),
		locale.Plural("in the course: %d students", "in the course: %d student", "no curso: %d alunos", "no curso: %d aluno"),
	)
}
