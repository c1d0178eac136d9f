// Package i18n holds every string the UI shows, in English and Brazilian
// Portuguese. Lesson content has its own files; this is only the chrome.
package i18n

// Text is the UI's words in one language.
type Text struct {
	Lang                                                               string
	Course                                                             string
	Lessons                                                            string
	NoLessons                                                          string
	NoMatch                                                            string
	Filter                                                             string
	Rendering                                                          string
	Enlarge                                                            string // format: min w, min h, current w, current h
	Problems                                                           string // format: count
	ProblemsTip                                                        string
	NoProblems                                                         string
	Reloaded                                                           string // format: folder
	StateWarn                                                          string // format: error
	Gone, NoDemosYet, UnknownDemo, NotesInPresenter, KeyLeavePresenter string
	// The clock demo.
	// The chat demo.
	ChatTitle, ChatSummary, ChatJoin, ChatBots, ChatSlowOn, ChatSlowOff, ChatPaused, ChatUp, ChatDown, ChatFrozen string
	ChatClients, ChatGoroutines, ChatRate, ChatRelays, ChatYou, ChatPrompt, ChatFailover, ChatClient              string
	ChatSelect, ChatCrash, ChatRestart, ChatFreeze, ChatAddBot, ChatRemoveBot, ChatSlower, ChatFaster             string
	ChatSlowLinks, ChatPause, ChatType, ChatSend, ChatLeave, ChatStarting                                         string
	Notes, NoNotes, PickDemo, PickerHint, NoDemos                                                                 string
	Full, CantClose, Presenter, NotInLang                                                                         string

	// Key help.
	KeyQuit, KeyHelp, KeyLang, KeyTheme, KeyNext, KeyPrev, KeyFocus             string
	KeyProblems, KeyUp, KeyDown, KeyOpen, KeyFilter, KeyClear, KeyPgUp          string
	KeyPgDown, KeyHalfUp, KeyHalfDown, KeyTop, KeyBottom, KeyClose, KeyNextPrev string
	KeyNextSlide, KeyPrevSlide, KeyFirstSlide, KeyLastSlide                     string
	KeyZoom, KeyClosePane, KeyNarrow, KeyWiden, KeyPicker                       string
	KeyPresenter, KeyNotes, KeyFocusDir, KeyOpenDemo, KeySplit                  string
}

var en = Text{
	Lang:              "en",
	Course:            "Fundamentals of Distributed Systems",
	Lessons:           "Lessons",
	NoLessons:         "No lessons in this language.",
	NoMatch:           "No lesson matches.",
	Filter:            "filter: ",
	Rendering:         "Rendering…",
	Enlarge:           "Please enlarge the terminal\nto at least %d×%d (now %d×%d).",
	Problems:          "%d problem(s) in lesson files",
	ProblemsTip:       "press ! to list them",
	NoProblems:        "No problems: every lesson file loaded.",
	Reloaded:          "lessons reloaded from %s",
	StateWarn:         "⚠ %v",
	NoDemosYet:        "this build has no demos to open",
	KeyLeavePresenter: "leave presenter",
	ChatTitle:         "chat cluster", ChatSummary: "Three real TCP nodes, bots and you: crash a node and watch failover.",
	ChatJoin: "join from another terminal: nc %s", ChatBots: "%d bots × %.1f msg/s",
	ChatSlowOn: "slow links ON (150–450 ms)", ChatSlowOff: "slow links off", ChatPaused: "paused",
	ChatUp: "up", ChatDown: "DOWN", ChatFrozen: "FROZEN", ChatClients: "clients", ChatClient: "client", ChatGoroutines: "goroutines",
	ChatRate: "msg/s", ChatRelays: "relayed", ChatYou: "you", ChatPrompt: "say: ",
	ChatFailover: "on %s", ChatSelect: "select node", ChatCrash: "crash node", ChatRestart: "restart node", ChatFreeze: "freeze/thaw node",
	ChatAddBot: "add bot", ChatRemoveBot: "remove bot", ChatSlower: "bots slower", ChatFaster: "bots faster",
	ChatSlowLinks: "slow links", ChatPause: "pause", ChatType: "type", ChatSend: "send", ChatLeave: "stop typing",
	ChatStarting:     "starting the cluster…",
	UnknownDemo:      "no demo %q",
	NotesInPresenter: "speaker notes open in presenter mode (P)",
	Gone:             "this lesson no longer loads from its file: press ! to see why",
	Notes:            "Speaker notes",
	NoNotes:          "No notes for this slide.",
	PickDemo:         "Open a demo",
	PickerHint:       "type to filter · enter opens a new pane · esc closes",
	NoDemos:          "No demo matches.",
	Full:             "the workspace is full (4 panes): close one with x",
	CantClose:        "the lesson pane stays open",
	Presenter:        "presenter",
	NotInLang:        "this lesson has no %s version",

	KeyQuit: "quit", KeyHelp: "help", KeyLang: "language", KeyTheme: "theme",
	KeyNext: "next lesson", KeyPrev: "prev lesson", KeyFocus: "pane",
	KeyProblems: "problems", KeyUp: "up", KeyDown: "down", KeyOpen: "open",
	KeyFilter: "filter", KeyClear: "clear filter", KeyPgUp: "page up",
	KeyPgDown: "page down", KeyHalfUp: "½ page up", KeyHalfDown: "½ page down",
	KeyTop: "top", KeyBottom: "bottom", KeyClose: "close", KeyNextPrev: "next/prev lesson",
	KeyNextSlide: "next slide", KeyPrevSlide: "prev slide", KeyFirstSlide: "first slide", KeyLastSlide: "last slide",
	KeyZoom: "zoom", KeyClosePane: "close pane", KeyNarrow: "split ←", KeyWiden: "split →", KeySplit: "move split",
	KeyPicker: "demos", KeyPresenter: "presenter", KeyNotes: "notes", KeyFocusDir: "focus",
	KeyOpenDemo: "open demo",
}

var ptBR = Text{
	Lang:              "pt-BR",
	Course:            "Fundamentos de Sistemas Distribuídos",
	Lessons:           "Lições",
	NoLessons:         "Nenhuma lição neste idioma.",
	NoMatch:           "Nenhuma lição encontrada.",
	Filter:            "filtro: ",
	Rendering:         "Renderizando…",
	Enlarge:           "Aumente o terminal\npara pelo menos %d×%d (agora %d×%d).",
	Problems:          "%d problema(s) nos arquivos das lições",
	ProblemsTip:       "tecle ! para ver",
	NoProblems:        "Nenhum problema: todas as lições foram carregadas.",
	Reloaded:          "lições recarregadas de %s",
	StateWarn:         "⚠ progresso ignorado: %v",
	NoDemosYet:        "esta versão não tem demonstrações para abrir",
	KeyLeavePresenter: "sair da apresentação",
	ChatTitle:         "cluster de chat", ChatSummary: "Três nós TCP reais, robôs e você: derrube um nó e veja o failover.",
	ChatJoin: "entre de outro terminal: nc %s", ChatBots: "%d robôs × %.1f msg/s",
	ChatSlowOn: "enlaces lentos LIGADOS (150–450 ms)", ChatSlowOff: "enlaces lentos desligados", ChatPaused: "pausado",
	ChatUp: "no ar", ChatDown: "FORA", ChatFrozen: "CONGELADO", ChatClients: "clientes", ChatClient: "cliente", ChatGoroutines: "goroutines",
	ChatRate: "msg/s", ChatRelays: "repassadas", ChatYou: "você", ChatPrompt: "diga: ",
	ChatFailover: "em %s", ChatSelect: "escolher nó", ChatCrash: "derrubar nó", ChatRestart: "religar nó", ChatFreeze: "congelar/descongelar nó",
	ChatAddBot: "mais um robô", ChatRemoveBot: "menos um robô", ChatSlower: "robôs mais lentos", ChatFaster: "robôs mais rápidos",
	ChatSlowLinks: "enlaces lentos", ChatPause: "pausar", ChatType: "digitar", ChatSend: "enviar", ChatLeave: "parar de digitar",
	ChatStarting:     "iniciando o cluster…",
	UnknownDemo:      "não há demonstração %q",
	NotesInPresenter: "as notas do apresentador abrem no modo apresentação (P)",
	Gone:             "esta lição não carrega mais do arquivo: tecle ! para ver o motivo",
	Notes:            "Notas do apresentador",
	NoNotes:          "Sem notas para este slide.",
	PickDemo:         "Abrir uma demonstração",
	PickerHint:       "digite para filtrar · enter abre em novo painel · esc fecha",
	NoDemos:          "Nenhuma demonstração corresponde.",
	Full:             "o espaço de trabalho está cheio (4 painéis): feche um com x",
	CantClose:        "o painel da lição não pode ser fechado",
	Presenter:        "apresentação",
	NotInLang:        "esta lição não tem versão em %s",

	KeyQuit: "sair", KeyHelp: "ajuda", KeyLang: "idioma", KeyTheme: "tema",
	KeyNext: "próxima lição", KeyPrev: "lição anterior", KeyFocus: "painel",
	KeyProblems: "problemas", KeyUp: "subir", KeyDown: "descer", KeyOpen: "abrir",
	KeyFilter: "filtrar", KeyClear: "limpar filtro", KeyPgUp: "subir página",
	KeyPgDown: "descer página", KeyHalfUp: "subir ½ página", KeyHalfDown: "descer ½ página",
	KeyTop: "início", KeyBottom: "fim", KeyClose: "fechar", KeyNextPrev: "próx./ant. lição",
	KeyNextSlide: "próximo slide", KeyPrevSlide: "slide anterior", KeyFirstSlide: "primeiro slide", KeyLastSlide: "último slide",
	KeyZoom: "ampliar", KeyClosePane: "fechar painel", KeyNarrow: "divisão ←", KeyWiden: "divisão →", KeySplit: "mover divisão",
	KeyPicker: "demos", KeyPresenter: "apresentação", KeyNotes: "notas", KeyFocusDir: "foco",
	KeyOpenDemo: "abrir demo",
}

// For returns the UI text of lang ("pt-BR" or "en"); any other gives English.
func For(lang string) *Text {
	t := en
	if lang == "pt-BR" {
		t = ptBR
	}
	return &t
}
