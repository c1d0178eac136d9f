package lessons

// Messages are the problems' messages, English beside Brazilian Portuguese,
// as plain data: lessons may not import the app's locale package, so the CLI
// and the app register these with it (locale.Add(locale.Str(m[0], m[1])))
// and print a problem with Problem.In(printer.T). Every format given to
// problemf is here or, when it gives a count, in PluralMessages; the CLI's
// text test checks both ways.
//
// What the YAML library says about a malformed front matter ("front matter:
// %s") stays in its own words, English: it speaks no other language.
var Messages = [][2]string{
	{"quiz: %s", "questionário: %s"},
	{"a quiz is a YAML list of questions (- id: ..., kind: ..., question: ...)", "um questionário é uma lista YAML de perguntas (- id: ..., kind: ..., question: ...)"},
	{"duplicate question id %q", "id de pergunta %q repetido"},
	{"a question is a mapping (id: ..., kind: ..., question: ...)", "uma pergunta é um mapa (id: ..., kind: ..., question: ...)"},
	{"question without id", "pergunta sem id"},
	{"question id %q: use lowercase letters, digits and dashes", "id de pergunta %q: use letras minúsculas, dígitos e hifens"},
	{"question %q has no question", "a pergunta %q não tem enunciado"},
	{"question %q has no why (the explanation shown after the answer)", "a pergunta %q não tem why (a explicação mostrada depois da resposta)"},
	{"option %d of %q needs a text and a why", "a opção %d de %q precisa de um text e de um why"},
	{"question %q is a choice: want exactly one correct option, not %d", "a pergunta %q é choice: precisa de exatamente uma opção correta, não %d"},
	{"question %q is a choices: want at least two correct options and one wrong", "a pergunta %q é choices: precisa de ao menos duas opções corretas e uma errada"},
	{"question %q is a number without an answer", "a pergunta %q é number sem answer"},
	{"question %q has a negative tolerance", "a pergunta %q tem tolerância negativa"},
	{"question %q is an order with fewer than two items", "a pergunta %q é order com menos de dois itens"},
	{"question %q lists %q twice", "a pergunta %q lista %q duas vezes"},
	{"question %q: unknown kind %q (kinds: %s)", "pergunta %q: tipo desconhecido %q (tipos: %s)"},
	{"a quiz without its lesson: no %s beside it", "um questionário sem sua lição: não há %s ao lado dele"},
	{"question %d is %q, but %q in %s", "a pergunta %d é %q, mas %q em %s"},
	{"question %q is a %s, but a %s in %s", "a pergunta %q é %s, mas %s em %s"},
	{"question %q: its options, or which are right, differ from %s's", "pergunta %q: as opções, ou quais estão certas, diferem das de %s"},
	{"question %q: its answer differs from %s's", "pergunta %q: a resposta difere da de %s"},
	{"question %q: its items differ from %s's", "pergunta %q: os itens diferem dos de %s"},
	{"demo: name a demo (demo: ID)", "demo: diga qual demonstração (demo: ID)"},
	{"demo %q is not among the lesson's demos (%s)", "a demonstração %q não está entre as da lição (%s)"},
	{"demo %s has no starting state %q", "a demonstração %s não tem o estado inicial %q"},
	{"section %q is not a heading of %s", "a seção %q não é um título de %s"},
	{"slide %d shows nothing", "o slide %d não mostra nada"},
	{"slide %d has no title: start it with a # heading", "o slide %d não tem título: comece-o com um título #"},
	{"slide %d has no speaker notes (<!-- notes: ... -->)", "o slide %d não tem notas do apresentador (<!-- notes: ... -->)"},
	{"the slides file has no slides", "o arquivo de slides não tem slides"},
	{"a slides file without its lesson: no %s beside it", "um arquivo de slides sem sua lição: não há %s ao lado dele"},
	{"file is not valid UTF-8", "o arquivo não é UTF-8 válido"},
	{"missing front matter: the first line must be ---", "falta o cabeçalho YAML: a primeira linha deve ser ---"},
	{"front matter is not closed: add a line --- after it", "o cabeçalho YAML não foi fechado: acrescente uma linha --- depois dele"},
	{"front matter: %s", "cabeçalho YAML: %s"},
	{"front matter must be a YAML mapping (id: ..., title: ...)", "o cabeçalho deve ser um mapa YAML (id: ..., title: ...)"},
	{"unknown field %q (fields: %s)", "campo desconhecido %q (campos: %s)"},
	{"missing id", "falta o id"},
	{"id %q: use lowercase letters, digits and dashes", "id %q: use letras minúsculas, dígitos e hifens"},
	{"missing title", "falta o título"},
	{"unknown demo id %q", "id de demo desconhecido %q"},
	{"duplicate id %q: %s has it already", "id %q repetido: %s já o usa"},
	{"lesson %q has no %s version", "a lição %q não tem versão em %s"},
	{"not a folder: lessons live in DIR/en/*.md and DIR/pt-BR/*.md", "não é uma pasta: as lições ficam em PASTA/en/*.md e PASTA/pt-BR/*.md"},
	{"no lesson folders: expected one of %s inside", "nenhuma pasta de lições: esperava uma de %s dentro dela"},
	{"not a regular file", "não é um arquivo comum"},
	{"larger than %d MB, the most a lesson may have", "maior que %d MB, o máximo de uma lição"},
	{"the title holds control characters or escape sequences: they were removed", "o título tem caracteres de controle ou sequências de escape: foram removidos"},
	{"the summary holds control characters or escape sequences: they were removed", "o resumo tem caracteres de controle ou sequências de escape: foram removidos"},
	{"the text holds control characters or escape sequences: they were removed", "o texto tem caracteres de controle ou sequências de escape: foram removidos"},
}

// A PluralMessage is a problem's message whose words follow a count, the
// argument Arg (from 1): the English and Brazilian Portuguese forms for
// many, and for one. The CLI and the app register these as they do
// Messages, with locale.PluralArg.
type PluralMessage struct {
	Arg                          int
	EnMany, EnOne, PTMany, PTOne string
}

// PluralMessages are the problems' messages that give a count: "1 question,
// but 2 in en", never "1 questions".
var PluralMessages = []PluralMessage{
	{2, "question %q has %d options: want 2 to 6", "question %q has %d option: want 2 to 6",
		"a pergunta %q tem %d opções: são de 2 a 6", "a pergunta %q tem %d opção: são de 2 a 6"},
	{1, "%d questions, but %d in %s: a quiz asks the same in every language", "%d question, but %d in %s: a quiz asks the same in every language",
		"%d perguntas, mas %d em %s: um questionário pergunta o mesmo em todos os idiomas", "%d pergunta, mas %d em %s: um questionário pergunta o mesmo em todos os idiomas"},
	{1, "%d slides, but %d in %s: slide numbers must match between languages", "%d slide, but %d in %s: slide numbers must match between languages",
		"%d slides, mas %d em %s: os números dos slides devem coincidir entre os idiomas", "%d slide, mas %d em %s: os números dos slides devem coincidir entre os idiomas"},
}
