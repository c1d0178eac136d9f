package main

import "distlab/demos/locale"

// distlab serve's words (serve.go).
func init() {
	locale.Add(
		locale.Str("Serve the whole app over SSH to a class: students join with ssh -p 2222 HOST",
			"Serve o aplicativo inteiro por SSH para uma turma: os alunos entram com ssh -p 2222 HOST"),
		locale.Str("Serve the whole app over SSH: each student runs distlab in their own terminal, with no install.\n"+
			"A student's SSH key is who they are: a new key types the class code once, then the key alone\n"+
			"lets them in; one without a key types the code each time. Each student picks a name on first\n"+
			"entry, and their progress is kept on this machine, so they resume where they were. It listens\n"+
			"on 127.0.0.1 unless told: --listen 0.0.0.0:2222 for a classroom.",
			"Serve o aplicativo inteiro por SSH: cada aluno usa o distlab no próprio terminal, sem instalar nada.\n"+
				"A chave SSH de um aluno é quem ele é: uma chave nova digita o código da turma uma vez, depois a\n"+
				"chave basta; quem não tem chave digita o código a cada vez. Cada aluno escolhe um nome na\n"+
				"primeira entrada, e o progresso fica guardado nesta máquina, para continuar de onde parou.\n"+
				"Escuta em 127.0.0.1, a menos que se diga outro: --listen 0.0.0.0:2222 para uma turma."),
		locale.Str("--max %s: want at least 1 session", "--max %s: use pelo menos 1 sessão"),
		locale.Str("--idle %s: want at least a minute", "--idle %s: use pelo menos um minuto"),
		locale.Str("distlab serve listening on %s; students join with:", "distlab serve escutando em %s; os alunos entram com:"),
		locale.Str("class code, for students without an SSH key or with a new one: %s", "código da turma, para alunos sem chave SSH ou com uma nova: %s"),
		locale.Str("host key %s (%s)", "chave do servidor %s (%s)"),
		locale.Str("progress of each student in %s", "progresso de cada aluno em %s"),
		locale.Plural("the progress of %d students was not saved", "the progress of %d student was not saved",
			"o progresso de %d alunos não foi salvo", "o progresso de %d aluno não foi salvo"),
		locale.Str("the `address` to listen on, host:port (0.0.0.0:2222 lets a classroom join)",
			"o `endereço` onde escutar, host:porta (0.0.0.0:2222 deixa uma turma entrar)"),
		locale.Str("the class `code` students without a key type, and a new key once (default: a new one each start)",
			"o `código` da turma que alunos sem chave digitam, e uma chave nova uma vez (padrão: um novo a cada início)"),
		locale.Str("sessions at once; the next student is told the class is full", "sessões ao mesmo tempo; o próximo aluno é avisado de que a turma está lotada"),
		locale.Str("close a session after this long without a key", "fecha uma sessão depois de tanto tempo sem nenhuma tecla"),
		locale.Str("only serve: no instructor's app in this terminal (the default when it is no terminal)", "só serve: sem o app do professor neste terminal (o padrão quando não é um terminal)"),
		locale.Str("a `file` of public keys (authorized_keys form): a session with one of them gets the instructor's app, and no class code", "um `arquivo` de chaves públicas (no formato do authorized_keys): uma sessão com uma delas recebe o app do professor, sem código da turma"),
	)
}
