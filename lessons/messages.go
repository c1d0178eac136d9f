package lessons

// Messages are the problems' messages, English beside Brazilian Portuguese,
// as plain data: lessons may not import the app's locale package, so the CLI
// and the app register these with it (locale.Add(locale.Str(m[0], m[1])))
// and print a problem with Problem.In(printer.T). Every format given to
// problemf is here; the CLI's text test checks both ways.
//
// What the YAML library says about a malformed front matter ("front matter:
// %s") stays in its own words, English: it speaks no other language.
var Messages = [][2]string{
	{"demo: name a demo (demo: ID)", "demo: diga qual demonstração (demo: ID)"},
	{"demo %q is not among the lesson's demos (%s)", "a demonstração %q não está entre as da lição (%s)"},
	{"demo %s has no starting state %q", "a demonstração %s não tem o estado inicial %q"},
	{"section %q is not a heading of %s", "a seção %q não é um título de %s"},
	{"slide %d shows nothing", "o slide %d não mostra nada"},
	{"slide %d has no title: start it with a # heading", "o slide %d não tem título: comece-o com um título #"},
	{"slide %d has no speaker notes (<!-- notes: ... -->)", "o slide %d não tem notas do apresentador (<!-- notes: ... -->)"},
	{"the slides file has no slides", "o arquivo de slides não tem slides"},
	{"a slides file without its lesson: no %s beside it", "um arquivo de slides sem sua lição: não há %s ao lado dele"},
	{"%d slides, but %d in %s: slide numbers must match between languages", "%d slides, mas %d em %s: os números dos slides devem coincidir entre os idiomas"},
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
