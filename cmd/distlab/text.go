package main

import (
	"distlab/demos/locale"
	"distlab/lessons"
)

// The CLI's words, English beside Brazilian Portuguese (see package locale):
// the root, lessons, lesson and demo commands' (root.go, lessons.go,
// demo.go) and cobra's own, said again by speak (root.go). The clocks and
// scale commands keep theirs beside them.
func init() {
	// The lesson loader's problems, said by `lessons check` and `lessons`:
	// package lessons keeps them as plain data, since it may not import
	// locale.
	for _, m := range lessons.Messages {
		locale.Add(locale.Str(m[0], m[1]))
	}
	for _, m := range lessons.PluralMessages {
		locale.Add(locale.PluralArg(m.Arg, m.EnMany, m.EnOne, m.PTMany, m.PTOne))
	}
	locale.Add(
		// distlab
		locale.Str("Learn distributed systems in the terminal, with live demos",
			"Aprenda sistemas distribuídos no terminal, com demonstrações ao vivo"),
		locale.Str("distlab is a course on the fundamentals of distributed systems in the terminal:\n"+
			"lessons in Brazilian Portuguese and English, read beside live demos.\n\n"+
			"Run it without a command to open the app.",
			"distlab é um curso sobre os fundamentos de sistemas distribuídos no terminal:\n"+
				"lições em português do Brasil e em inglês, lidas ao lado de demonstrações ao vivo.\n\n"+
				"Rode sem comando para abrir o aplicativo."),
		locale.Str("language: en or pt-BR (default: from LC_ALL, LC_MESSAGES or LANG)",
			"idioma: en ou pt-BR (padrão: o de LC_ALL, LC_MESSAGES ou LANG)"),
		locale.Str("theme: auto, dark, light or high-contrast", "tema: auto, dark, light ou high-contrast"),
		locale.Str("load lessons from this `folder` (lang/NN-slug.md) and reload them when saved",
			"carrega as lições desta `pasta` (idioma/NN-nome.md) e as recarrega ao salvar"),
		locale.Str("where the chat demo's nodes listen (0.0.0.0 lets a classroom join)",
			"onde os nós da demonstração de chat escutam (0.0.0.0 deixa uma turma entrar)"),
		locale.Str("the chat demo's first node listens on this `port`, the others on the next ones (default: any free ports)",
			"o primeiro nó da demonstração de chat escuta nesta `porta`, os outros nas seguintes (padrão: quaisquer portas livres)"),
		locale.Str("--chat-port %s: want a port from 1 to %s, or 0 for any free ports",
			"--chat-port %s: use uma porta de 1 a %s, ou 0 para quaisquer portas livres"),
		locale.Str("open this lesson first: its `id`, or the number distlab lessons prints",
			"abre primeiro esta lição: o seu `id`, ou o número que distlab lessons mostra"),
		locale.Str("start in presenter mode: slides, high contrast, for a projector",
			"começa no modo apresentação: slides, alto contraste, para um projetor"),
		locale.Str("unknown language %q (en, pt-BR)", "idioma desconhecido %q (en, pt-BR)"),
		locale.Str("no lesson %q in %s (see: distlab lessons)", "não há lição %q em %s (veja: distlab lessons)"),
		locale.Str("unknown theme %q (auto, dark, light, high-contrast)", "tema desconhecido %q (auto, dark, light, high-contrast)"),

		// distlab lessons, lesson
		locale.Str("List the lessons", "Lista as lições"),
		locale.Str("print a JSON array (id, title, order, summary, demos, lang, path, quiz)",
			"mostra um array JSON (id, title, order, summary, demos, lang, path, quiz)"),
		locale.Str("[DIR]", "[PASTA]"),
		locale.Str("Check a lessons folder; print path:line: problems and exit 1 if any",
			"Confere uma pasta de lições; mostra os problemas como caminho:linha: e sai com 1 se houver algum"),
		locale.Plural("%d problems", "%d problem", "%d problemas", "%d problema"),
		locale.Plural("%d warnings", "%d warning", "%d avisos", "%d aviso"),
		locale.Str("warning: %s", "aviso: %s"),
		locale.Plural("%d lesson files loaded", "%d lesson file loaded", "%d arquivos de lição carregados", "%d arquivo de lição carregado"),
		locale.Plural("ok: %d lesson files, no problems", "ok: %d lesson file, no problems",
			"ok: %d arquivos de lição, nenhum problema", "ok: %d arquivo de lição, nenhum problema"),
		locale.Str("TERM", "TERMO"),
		locale.Str("Find a word in the lessons; print id:line: text for each line that holds it",
			"Busca uma palavra nas lições; mostra id:linha: texto para cada linha que a contém"),
		locale.Str("Find a word or a phrase in the titles, summaries and text of the lessons in one language,\n"+
			"case and accents aside (relogio finds relógio), and print each line that holds it as\n"+
			"id:line: text, the line counted in the lesson's file. On a terminal each line is cut to\n"+
			"its width. Exit status 1 when no line holds it, as grep.",
			"Busca uma palavra ou uma frase nos títulos, resumos e textos das lições de um idioma,\n"+
				"sem diferenciar maiúsculas nem acentos (relogio encontra relógio), e mostra cada linha que a\n"+
				"contém como id:linha: texto, a linha contada no arquivo da lição. Num terminal, cada linha é\n"+
				"cortada na largura dele. Sai com 1 quando nenhuma linha a contém, como o grep."),
		locale.Str("nothing to search for: give a word", "nada para buscar: dê uma palavra"),
		locale.Str("no lesson in %s holds %q", "nenhuma lição em %s contém %q"),
		locale.Str("print a JSON array (id, line, text)", "mostra um array JSON (id, line, text)"),
		locale.Str("TITLE", "TÍTULO"),
		locale.Str("DEMOS", "DEMONSTRAÇÕES"),
		locale.Str("Work with one lesson", "Trabalha com uma lição"),
		locale.Str("Render a lesson to standard output", "Mostra uma lição na saída padrão"),
		locale.Str("ID|NUMBER", "ID|NÚMERO"),
		locale.Str("Render a lesson to standard output, named by its id or by the number distlab lessons\n"+
			"prints beside it. In colour on a terminal; as plain text, without markdown's marks,\n"+
			"into a pipe or a file, or when NO_COLOR is set.",
			"Mostra uma lição na saída padrão, indicada pelo id ou pelo número que distlab lessons\n"+
				"mostra ao lado dela. Em cores num terminal; como texto simples, sem as marcas do\n"+
				"markdown, num pipe ou num arquivo, ou quando NO_COLOR está definida."),
		locale.Str("Which lesson? Give its id or its number, for example: %s %s",
			"Qual lição? Dê o id ou o número dela, por exemplo: %s %s"),
		locale.Str("no lesson given", "nenhuma lição indicada"),
		locale.Str("no lessons in %s (see: distlab lessons check)", "não há lições em %s (veja: distlab lessons check)"),
		locale.Str("--style %q: want one of %s", "--style %q: use um de %s"),
		locale.Str("--width %d: want at least %d columns", "--width %d: use pelo menos %d colunas"),
		locale.Str("wrap at this many `columns` (default: the terminal's, or 80)",
			"quebra as linhas neste número de `colunas` (padrão: a largura do terminal, ou 80)"),
		locale.Str("plain, dark, light, ascii or notty (default: plain when not a terminal or NO_COLOR is set, else the theme's)",
			"plain, dark, light, ascii ou notty (padrão: plain quando a saída não é um terminal ou NO_COLOR está definida; senão, a do tema)"),
		locale.Str("Print a lesson's speaker notes, slide by slide, for a second screen",
			"Mostra as notas do apresentador de uma lição, slide a slide, para uma segunda tela"),
		locale.PluralArg(2, "%s — %d slides", "%s — %d slide", "%s — %d slides", "%s — %d slide"),

		// distlab demo
		locale.Str("Open the app with a demo beside its lesson", "Abre o aplicativo com uma demonstração ao lado da sua lição"),
		locale.Str("Take a lesson's quiz in the terminal", "Responde o questionário de uma lição no terminal"),
		locale.Str("Take a lesson's quiz in the terminal: each answer is checked and explained, why each option\n"+
			"chosen is right or wrong, then the score. Options come shuffled on every run. Each answer is\n"+
			"saved in your progress, as in the app (distlab progress shows it).",
			"Responde o questionário de uma lição no terminal: cada resposta é conferida e explicada, por que\n"+
				"cada opção escolhida está certa ou errada, e no fim vem a nota. As opções vêm embaralhadas a cada vez.\n"+
				"Cada resposta fica salva no seu progresso, como no app (o distlab progress mostra)."),
		locale.Str("lesson %q has no quiz", "a lição %q não tem questionário"),
		locale.Str("shuffle the options the same way every run (0: a new way each run)", "embaralha as opções do mesmo jeito a cada vez (0: de um jeito novo a cada vez)"),
		locale.PluralArg(3, "%s %s joined (%d clients)", "%s %s joined (%d client)", "%s %s entrou (%d clientes)", "%s %s entrou (%d cliente)"),
		locale.PluralArg(4, "%s %s is now %s (%d clients)", "%s %s is now %s (%d client)", "%s %s agora é %s (%d clientes)", "%s %s agora é %s (%d cliente)"),
		locale.PluralArg(3, "%s %s left (%d clients)", "%s %s left (%d client)", "%s %s saiu (%d clientes)", "%s %s saiu (%d cliente)"),
		locale.Str("The presenter's console, for a second screen: notes, next slide, time; drives the projection",
			"O console do apresentador, para uma segunda tela: notas, próximo slide, tempo; conduz a projeção"),
		locale.Str("Attach to the distlab presenting on this machine (P, or distlab --presenter) and show the\n"+
			"current slide's speaker notes, the next slide, slide n/N, the time presenting and the clock,\n"+
			"in the app's language. Its keys drive the projection: →/space next, ←/backspace previous,\n"+
			"g/home first, G/end last, b blank, w white, d the slide's demo, r a live question's results\n"+
			"to the class; ↑/↓ scroll long notes, ? lists every key, q quits. Run it in a second\n"+
			"terminal, on the laptop's own screen.",
			"Conecta-se ao distlab que está apresentando nesta máquina (P, ou distlab --presenter) e mostra\n"+
				"as notas do apresentador do slide atual, o próximo slide, o slide n/N, o tempo de apresentação e\n"+
				"o relógio, no idioma do aplicativo. Suas teclas conduzem a projeção: →/espaço avança,\n"+
				"←/backspace volta, g/home vai ao primeiro, G/end ao último, b apaga a tela, w deixa a tela\n"+
				"branca, d abre a demonstração do slide, r mostra à turma os resultados de uma pergunta ao vivo;\n"+
				"↑/↓ rolam notas longas, ? lista todas as teclas, q sai. Rode-o num segundo terminal, na tela do notebook."),
		locale.Str("Open the app with demo ID in a pane beside the lesson that teaches it: the first whose\n"+
			"demos list starts with it (distlab lessons shows the lists), else the first that names it.",
			"Abre o aplicativo com a demonstração ID num painel ao lado da lição que a ensina: a primeira cuja\n"+
				"lista de demonstrações começa por ela (distlab lessons mostra as listas), senão a primeira que a cita."),
		locale.Str("no demo %q: no demos are available yet", "não há demonstração %q: ainda não há demonstrações disponíveis"),
		locale.Str("no demo %q (demos: %s)", "não há demonstração %q (demonstrações: %s)"),

		// cobra's help and usage
		locale.Str("distlab version %s", "distlab versão %s"),
		locale.Str("version for %s", "versão de %s"),
		locale.Str("help for %s", "ajuda de %s"),
		locale.Str("[command]", "[comando]"),
		locale.Str("[flags]", "[opções]"),
		locale.Str("Usage:", "Uso:"),
		locale.Str("Examples:", "Exemplos:"),
		locale.Str("Available Commands:", "Comandos disponíveis:"),
		locale.Str("Flags:", "Opções:"),
		locale.Str("Global Flags:", "Opções globais:"),
		locale.Str("Additional help topics:", "Outros tópicos de ajuda:"),
		locale.Str("Use \"%s [command] --help\" for more information about a command.",
			"Use \"%s [comando] --help\" para saber mais sobre um comando."),
		locale.Str("(default %s)", "(padrão %s)"),
		locale.Str("(deprecated: %s)", "(obsoleta: %s)"),
		locale.Str("string", "texto"),
		locale.Str("int", "inteiro"),
		locale.Str("float", "número"),
		locale.Str("duration", "duração"),
		locale.Str("Help about any command", "Ajuda sobre qualquer comando"),
		locale.Str("Help provides help for any command in the application.\n"+
			"Type distlab help followed by the command for its full details.",
			"Mostra a ajuda de qualquer comando do aplicativo.\n"+
				"Digite distlab help seguido do comando para ver todos os detalhes."),
		locale.Str("Unknown help topic %q", "Tópico de ajuda desconhecido %q"),

		// cobra's completion command
		locale.Str("Generate the autocompletion script for the specified shell",
			"Gera o script de autocompletar para o shell indicado"),
		locale.Str("Generate the autocompletion script for distlab for the specified shell.\n"+
			"See each sub-command's help for details on how to use the generated script.",
			"Gera o script de autocompletar do distlab para o shell indicado.\n"+
				"Veja a ajuda de cada subcomando para saber como usar o script gerado."),
		locale.Str("Generate the autocompletion script for %s", "Gera o script de autocompletar para %s"),
		locale.Str("Generate the autocompletion script for the bash shell.\n\n"+
			"This script depends on the 'bash-completion' package.\n"+
			"If it is not installed already, you can install it via your OS's package manager.\n\n"+
			"To load completions in your current shell session:\n\n"+
			"\tsource <(distlab completion bash)\n\n"+
			"To load completions for every new session, execute once:\n\n"+
			"#### Linux:\n\n"+
			"\tdistlab completion bash > /etc/bash_completion.d/distlab\n\n"+
			"#### macOS:\n\n"+
			"\tdistlab completion bash > $(brew --prefix)/etc/bash_completion.d/distlab\n\n"+
			"You will need to start a new shell for this setup to take effect.",
			"Gera o script de autocompletar para o shell bash.\n\n"+
				"Este script depende do pacote 'bash-completion'.\n"+
				"Se ele ainda não estiver instalado, instale-o pelo gerenciador de pacotes do seu sistema.\n\n"+
				"Para carregar o autocompletar na sessão atual do shell:\n\n"+
				"\tsource <(distlab completion bash)\n\n"+
				"Para carregá-lo em toda nova sessão, execute uma vez:\n\n"+
				"#### Linux:\n\n"+
				"\tdistlab completion bash > /etc/bash_completion.d/distlab\n\n"+
				"#### macOS:\n\n"+
				"\tdistlab completion bash > $(brew --prefix)/etc/bash_completion.d/distlab\n\n"+
				"A configuração vale a partir de um novo shell."),
		locale.Str("Generate the autocompletion script for the zsh shell.\n\n"+
			"If shell completion is not already enabled in your environment you will need\n"+
			"to enable it.  You can execute the following once:\n\n"+
			"\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n"+
			"To load completions in your current shell session:\n\n"+
			"\tsource <(distlab completion zsh)\n\n"+
			"To load completions for every new session, execute once:\n\n"+
			"#### Linux:\n\n"+
			"\tdistlab completion zsh > \"%s\"\n\n"+
			"#### macOS:\n\n"+
			"\tdistlab completion zsh > $(brew --prefix)/share/zsh/site-functions/_distlab\n\n"+
			"You will need to start a new shell for this setup to take effect.",
			"Gera o script de autocompletar para o shell zsh.\n\n"+
				"Se o autocompletar do shell ainda não estiver ativado no seu ambiente, será preciso\n"+
				"ativá-lo. Basta executar uma vez:\n\n"+
				"\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n"+
				"Para carregar o autocompletar na sessão atual do shell:\n\n"+
				"\tsource <(distlab completion zsh)\n\n"+
				"Para carregá-lo em toda nova sessão, execute uma vez:\n\n"+
				"#### Linux:\n\n"+
				"\tdistlab completion zsh > \"%s\"\n\n"+
				"#### macOS:\n\n"+
				"\tdistlab completion zsh > $(brew --prefix)/share/zsh/site-functions/_distlab\n\n"+
				"A configuração vale a partir de um novo shell."),
		locale.Str("Generate the autocompletion script for the fish shell.\n\n"+
			"To load completions in your current shell session:\n\n"+
			"\tdistlab completion fish | source\n\n"+
			"To load completions for every new session, execute once:\n\n"+
			"\tdistlab completion fish > ~/.config/fish/completions/distlab.fish\n\n"+
			"You will need to start a new shell for this setup to take effect.",
			"Gera o script de autocompletar para o shell fish.\n\n"+
				"Para carregar o autocompletar na sessão atual do shell:\n\n"+
				"\tdistlab completion fish | source\n\n"+
				"Para carregá-lo em toda nova sessão, execute uma vez:\n\n"+
				"\tdistlab completion fish > ~/.config/fish/completions/distlab.fish\n\n"+
				"A configuração vale a partir de um novo shell."),
		locale.Str("Generate the autocompletion script for powershell.\n\n"+
			"To load completions in your current shell session:\n\n"+
			"\tdistlab completion powershell | Out-String | Invoke-Expression\n\n"+
			"To load completions for every new session, add the output of the above command\n"+
			"to your powershell profile.",
			"Gera o script de autocompletar para o powershell.\n\n"+
				"Para carregar o autocompletar na sessão atual do shell:\n\n"+
				"\tdistlab completion powershell | Out-String | Invoke-Expression\n\n"+
				"Para carregá-lo em toda nova sessão, acrescente a saída do comando acima\n"+
				"ao seu perfil do powershell."),
		locale.Str("disable completion descriptions", "desativa as descrições no autocompletar"),

		// cobra's and pflag's errors
		locale.Str("unknown flag: --%s", "opção desconhecida: --%s"),
		locale.Str("unknown shorthand flag: %q in -%s", "opção curta desconhecida: %q em -%s"),
		locale.Str("flag needs an argument: --%s", "a opção precisa de um valor: --%s"),
		locale.Str("flag needs an argument: %q in -%s", "a opção precisa de um valor: %q em -%s"),
		locale.Str("invalid argument %q for --%s: %s", "valor inválido %q em --%s: %s"),
		locale.Str("bad flag syntax: %s", "sintaxe de opção inválida: %s"),
		locale.Str("the number is out of range", "o número está fora da faixa"),
		locale.Str("want a whole number", "use um número inteiro"),
		locale.Str("want a number", "use um número"),
		locale.Str("write the decimals after a point, as in %s", "escreva as casas decimais depois de um ponto, como em %s"),
		locale.Str("want a duration such as 150ms or 5s", "use uma duração como 150ms ou 5s"),
		locale.Str("want true or false", "use true ou false"),
		locale.Str("unknown command %q for %q", "comando desconhecido %q em %q"),
		locale.Plural("accepts %d arguments, received %d", "accepts %d argument, received %d",
			"aceita %d argumentos, recebeu %d", "aceita %d argumento, recebeu %d"),
		locale.Plural("requires at least %d arguments, received only %d", "requires at least %d argument, received only %d",
			"exige pelo menos %d argumentos, recebeu só %d", "exige pelo menos %d argumento, recebeu só %d"),
		locale.Plural("accepts at most %d arguments, received %d", "accepts at most %d argument, received %d",
			"aceita no máximo %d argumentos, recebeu %d", "aceita no máximo %d argumento, recebeu %d"),
		locale.PluralArg(2, "accepts from %d to %d arguments, received %d", "accepts from %d to %d argument, received %d",
			"aceita de %d a %d argumentos, recebeu %d", "aceita de %d a %d argumento, recebeu %d"),
		locale.Str("at least one of the flags in the group [%s] is required",
			"é obrigatória pelo menos uma das opções do grupo [%s]"),
		locale.Str("if any flags in the group [%s] are set none of the others can be; [%s] were all set",
			"as opções do grupo [%s] se excluem; [%s] foram usadas juntas"),
		locale.Str("if any flags in the group [%s] are set they must all be set; missing [%s]",
			"as opções do grupo [%s] vão juntas; faltou [%s]"),
		locale.Str(`required flag(s) "%s" not set`, `opção obrigatória não informada: "%s"`),
	)
}
