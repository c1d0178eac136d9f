package tui

import "distlab/demos/locale"

// The root's words, English beside Brazilian Portuguese (see package
// locale). Each pane's words live in its own folder.
func init() {
	locale.Add(
		locale.Str("Fundamentals of Distributed Systems", "Fundamentos de Sistemas Distribuídos"),
		locale.Str("⚠ progress not loaded: %v", "⚠ progresso não carregado: %v"),
		locale.Str("⚠ changes to %s will not be reloaded: %v", "⚠ as mudanças em %s não serão recarregadas: %v"),
		locale.Str("another distlab is presenting on this machine: distlab console follows that one", "outro distlab está apresentando nesta máquina: o distlab console acompanha aquele"),
		locale.Str("console: %v", "console: %v"),
		locale.Str("Join the chat", "Entre no chat"),
		locale.Str("or", "ou"),
		locale.Str("every node is down: restart one (r) before the class joins", "todos os nós estão fora do ar: religue um (r) antes de a turma entrar"),
		locale.Str("only this machine can join: start distlab with --chat-host 0.0.0.0 to let the class in", "só esta máquina consegue entrar: inicie o distlab com --chat-host 0.0.0.0 para a turma entrar"),
		locale.Str("any key closes this", "qualquer tecla fecha esta tela"),
		locale.Plural("in: %d students", "in: %d student", "dentro: %d alunos", "dentro: %d aluno"),
		locale.Str("no chat demo is running: open it (D) to show the class where to join", "nenhuma demonstração de chat está rodando: abra uma (D) para mostrar à turma onde entrar"),
		locale.Plural("%d problems in lesson files", "%d problem in lesson files",
			"%d problemas nos arquivos das lições", "%d problema nos arquivos das lições"),
		locale.Str("press ! to list them", "tecle ! para ver"),
		locale.Str("No problems: every lesson file loaded.", "Nenhum problema: todas as lições foram carregadas."),
		locale.Str("Keys", "Teclas"),
		locale.Str("the lesson pane stays open", "o painel da lição não pode ser fechado"),
		locale.Str("the workspace is full (%d panes): close one with x", "o espaço de trabalho está cheio (%d painéis): feche um com x"),
		locale.Str("speaker notes open in presenter mode (P)", "as notas do apresentador abrem no modo apresentação (P)"),
		locale.Str("this build has no demos to open", "esta versão não tem demonstrações para abrir"),
		locale.Str("leave presenter", "sair da apresentação"),
		locale.Str("this lesson has no quiz yet", "esta lição ainda não tem questionário"),
		locale.Str("✓ %s challenge met: %d of %d (C shows what you did)", "✓ desafio de %s cumprido: %d de %d (C mostra o que você fez)"),
		locale.Str("move", "mover"),
		locale.Str("open lesson", "abrir lição"),
		locale.Str("Course map · %d%% done", "Mapa do curso · %d%% feito"),
		locale.Str("  %d of %d steps", "  %d de %d passos"),
		locale.Str("lesson", "lição"),
		locale.Str("read", "lida"),
		locale.Str("quiz", "questionário"),
		locale.Str("challenges", "desafios"),
		locale.Str("Everything is done: read any lesson again, or try the quizzes once more.", "Tudo feito: releia qualquer lição ou refaça os questionários."),
		locale.Str("Next: read “%s”.", "Próximo passo: ler “%s”."),
		locale.Str("Next: the quiz of “%s” (Q in the lesson).", "Próximo passo: o questionário de “%s” (Q na lição)."),
		locale.Str("Next: the challenges of “%s” (C in its demo).", "Próximo passo: os desafios de “%s” (C na demonstração)."),
		locale.Str("Please enlarge the terminal\nto at least %d×%d (now %d×%d).", "Aumente o terminal\npara pelo menos %d×%d (agora %d×%d)."),
		locale.Str("q quits", "q sai"),
		locale.Str("q ends the class", "q encerra a aula"),
		locale.Str("this lesson has no %s version", "esta lição não tem versão em %s"),
		locale.Str("this lesson no longer loads from its file: press ! to see why", "esta lição não carrega mais do arquivo: tecle ! para ver o motivo"),
		locale.Str("lessons reloaded from %s", "lições recarregadas de %s"),
		locale.Str("no demo %q", "não há demonstração %q"),
	)
}
