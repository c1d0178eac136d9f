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
