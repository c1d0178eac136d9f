package serve

import "distlab/demos/locale"

// What the server says to students (the entry screen, the lines before and
// after the app) and to the teacher (its log), English beside Brazilian
// Portuguese (see package locale).
func init() {
	locale.Add(
		// Before the app.
		locale.Str("distlab needs a terminal: connect with ssh -t", "o distlab precisa de um terminal: conecte com ssh -t"),
		locale.Str("distlab serve runs the course, not commands: connect with ssh -p %s %s and nothing after it.",
			"o distlab serve roda o curso, não comandos: conecte com ssh -p %s %s e nada depois."),
		locale.Str("distlab serve serves only the interactive course, no files: sftp and scp do not work here. Connect with ssh -p %s %s and nothing after it.",
			"o distlab serve serve só o curso interativo, nenhum arquivo: sftp e scp não funcionam aqui. Conecte com ssh -p %s %s e nada depois."),
		locale.Plural("The class is full (%d sessions): try again in a while, or ask your teacher.",
			"The class is full (%d session): try again in a while, or ask your teacher.",
			"A turma está lotada (%d sessões): tente de novo daqui a pouco, ou fale com o professor.",
			"A turma está lotada (%d sessão): tente de novo daqui a pouco, ou fale com o professor."),
		locale.Str("The class server is stopping.", "O servidor da turma está parando."),
		locale.Str("distlab serve forwards no ports (ssh -L, -R, -D): only the course is served here",
			"o distlab serve não encaminha portas (ssh -L, -R, -D): aqui só o curso é servido"),
		locale.Str("instructor key: %v", "chave do professor: %v"),
		locale.Str("instructor", "professor"),
		locale.Str("instructor key: no public key in the file", "chave do professor: nenhuma chave pública no arquivo"),

		// The entry screen.
		locale.Str("Choose your language:", "Escolha seu idioma:"),
		locale.Str("↑/↓ choose · enter confirm · esc leave", "↑/↓ escolher · enter confirmar · esc sair"),
		locale.Str("Welcome to the class! What name should the class see?", "Boas-vindas à turma! Que nome a turma deve ver?"),
		locale.Str("enter confirm · esc leave", "enter confirmar · esc sair"),
		locale.Str("Opening the course…", "Abrindo o curso…"),
		locale.Str("confirm", "confirmar"),
		locale.Str("choose", "escolher"),
		locale.Str("leave", "sair"),
		locale.Str("Type a name: letters, digits, spaces.", "Digite um nome: letras, números, espaços."),
		locale.Plural("A name has at most %d characters.", "A name has at most %d character.",
			"Um nome tem no máximo %d caracteres.", "Um nome tem no máximo %d caractere."),
		locale.Str("That name has characters the class cannot show: try another.", "Esse nome tem caracteres que a turma não consegue mostrar: tente outro."),
		locale.Str("%s is taken: choose another name.", "%s já está em uso: escolha outro nome."),
		locale.Str("Someone is in the class as %s right now: choose another name.", "Alguém está na turma como %s agora: escolha outro nome."),
		locale.Str("You could not be let in: %v", "Não foi possível entrar: %v"),

		// After the app.
		locale.Str("Your progress is saved: connect again to go on.", "Seu progresso está salvo: conecte de novo para continuar."),
		locale.Str("Your progress could not be saved on the server: tell your teacher.", "Não foi possível salvar seu progresso no servidor: avise o professor."),
		locale.Str("Closed after a long time without a key.", "Fechado depois de muito tempo sem nenhuma tecla."),
		locale.Str("You connected again from another terminal: this session is closed.", "Você conectou de novo em outro terminal: esta sessão foi fechada."),
		locale.Str("Bye!", "Até mais!"),

		// The teacher's log.
		locale.Str("%s joined from %s (%s)", "%s entrou de %s (%s)"),
		locale.Str("%s left after %s (%s)", "%s saiu depois de %s (%s)"),
		locale.Str("%s: %v", "%s: %v"),
		locale.Str("%s: progress not saved: %v", "%s: progresso não salvo: %v"),
		locale.Str("refused %s: the class is full", "%s recusado: a turma está lotada"),
		locale.Str("class code", "código da turma"),
		locale.Str("server stopped", "servidor parado"),
		locale.Str("no key for too long", "sem tecla por muito tempo"),
		locale.Str("input flood", "entrada demais"),
		locale.Str("stopped reading", "parou de ler"),
		locale.Str("connected again", "conectou de novo"),
		locale.Str("the student quit", "o aluno saiu"),
		locale.Str("the instructor quit", "o professor saiu"),
		locale.Str("connection lost", "conexão perdida"),

		// The instructor's summary once the class has ended (StopReport).
		locale.Str("stopped: no session was open", "parado: nenhuma sessão estava aberta"),
		locale.Plural("stopped: %d sessions were told the class ended", "stopped: %d session was told the class ended",
			"parado: %d sessões foram avisadas do fim da aula", "parado: %d sessão foi avisada do fim da aula"),
		locale.PluralArg(2, "stopped: %d of %d sessions were told the class ended", "stopped: %d of %d session was told the class ended",
			"parado: %d de %d sessões foram avisadas do fim da aula", "parado: %d de %d sessão foi avisada do fim da aula"),
		locale.Plural("the progress of %d students is saved", "the progress of %d student is saved",
			"o progresso de %d alunos está salvo", "o progresso de %d aluno está salvo"),
		locale.Str("the progress of %s was NOT saved: %v", "o progresso de %s NÃO foi salvo: %v"),

		// Errors.
		locale.Str("serve: %v", "serve: %v"),
		locale.Str("serve: no config folder: %v", "serve: sem pasta de configuração: %v"),
		locale.Str("serve: host key: %v", "serve: chave do servidor: %v"),
		locale.Str("serve: host key %s: %v", "serve: chave do servidor %s: %v"),
		locale.Str("host key %s can be read by others (mode %s): chmod 600 it", "a chave do servidor %s pode ser lida por outros (modo %s): faça chmod 600 nela"),
	)
}
