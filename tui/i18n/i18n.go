// Package i18n holds every string the UI shows, in English and Brazilian
// Portuguese. Lesson content has its own files; this is only the chrome.
package i18n

// Text is the UI's words in one language.
type Text struct {
	Lang        string
	Course      string
	Lessons     string
	NoLessons   string
	NoMatch     string
	Filter      string
	Rendering   string
	Enlarge     string // format: min w, min h, current w, current h
	Problems    string // format: count
	ProblemsTip string
	NoProblems  string
	Read        string
	Reloaded    string // format: folder
	StateWarn   string // format: error

	// Key help.
	KeyQuit, KeyHelp, KeyLang, KeyTheme, KeyNext, KeyPrev, KeyFocus                          string
	KeyProblems, KeyUp, KeyDown, KeyOpen, KeyFilter, KeyClear, KeyPgUp                       string
	KeyPgDown, KeyHalfUp, KeyHalfDown, KeyTop, KeyBottom, KeyMoreHelp, KeyClose, KeyNextPrev string
}

var en = Text{
	Lang:        "en",
	Course:      "Fundamentals of Distributed Systems",
	Lessons:     "Lessons",
	NoLessons:   "No lessons in this language.",
	NoMatch:     "No lesson matches.",
	Filter:      "filter: ",
	Rendering:   "Rendering…",
	Enlarge:     "Please enlarge the terminal\nto at least %d×%d (now %d×%d).",
	Problems:    "%d problem(s) in lesson files",
	ProblemsTip: "press ! to list them",
	NoProblems:  "No problems: every lesson file loaded.",
	Read:        "read",
	Reloaded:    "lessons reloaded from %s",
	StateWarn:   "⚠ %v",

	KeyQuit: "quit", KeyHelp: "help", KeyLang: "language", KeyTheme: "theme",
	KeyNext: "next lesson", KeyPrev: "prev lesson", KeyFocus: "pane",
	KeyProblems: "problems", KeyUp: "up", KeyDown: "down", KeyOpen: "open",
	KeyFilter: "filter", KeyClear: "clear filter", KeyPgUp: "page up",
	KeyPgDown: "page down", KeyHalfUp: "½ page up", KeyHalfDown: "½ page down",
	KeyTop: "top", KeyBottom: "bottom", KeyMoreHelp: "more", KeyClose: "close", KeyNextPrev: "next/prev lesson",
}

var ptBR = Text{
	Lang:        "pt-BR",
	Course:      "Fundamentos de Sistemas Distribuídos",
	Lessons:     "Lições",
	NoLessons:   "Nenhuma lição neste idioma.",
	NoMatch:     "Nenhuma lição corresponde.",
	Filter:      "filtro: ",
	Rendering:   "Renderizando…",
	Enlarge:     "Aumente o terminal\npara pelo menos %d×%d (agora %d×%d).",
	Problems:    "%d problema(s) nos arquivos de lição",
	ProblemsTip: "tecle ! para ver",
	NoProblems:  "Nenhum problema: todas as lições carregaram.",
	Read:        "lida",
	Reloaded:    "lições recarregadas de %s",
	StateWarn:   "⚠ progresso ignorado: %v",

	KeyQuit: "sair", KeyHelp: "ajuda", KeyLang: "idioma", KeyTheme: "tema",
	KeyNext: "próxima lição", KeyPrev: "lição anterior", KeyFocus: "painel",
	KeyProblems: "problemas", KeyUp: "subir", KeyDown: "descer", KeyOpen: "abrir",
	KeyFilter: "filtrar", KeyClear: "limpar filtro", KeyPgUp: "página acima",
	KeyPgDown: "página abaixo", KeyHalfUp: "½ página acima", KeyHalfDown: "½ página abaixo",
	KeyTop: "início", KeyBottom: "fim", KeyMoreHelp: "mais", KeyClose: "fechar", KeyNextPrev: "próx./ant. lição",
}

// For returns the UI text of lang ("pt-BR" or "en"); any other gives English.
func For(lang string) *Text {
	t := en
	if lang == "pt-BR" {
		t = ptBR
	}
	return &t
}
