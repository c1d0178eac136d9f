package progress

import "distlab/demos/locale"

// The progress file's words, English beside Brazilian Portuguese (see
// package locale).
func init() {
	locale.Add(
		locale.Str("progress: %v", "progresso: %v"),
		locale.Str("progress: no config folder: %v", "progresso: sem pasta de configuração: %v"),
		locale.Str("progress file %s is not a regular file: it is not read, and progress is not saved",
			"o arquivo de progresso %s não é um arquivo comum: não é lido, e o progresso não é salvo"),
		locale.Str("progress file %s is larger than %d MB: it is not read, and progress is not saved",
			"o arquivo de progresso %s tem mais de %d MB: não é lido, e o progresso não é salvo"),
		locale.Str("progress file %s is corrupt: it was moved to %s, and progress starts afresh: %v",
			"o arquivo de progresso %s está corrompido: foi movido para %s, e o progresso recomeça do zero: %v"),
		locale.Str("progress file %s is larger than %d MB: it is not read",
			"o arquivo de progresso %s tem mais de %d MB: não é lido"),
		locale.Str("progress file %s is corrupt: %v", "o arquivo de progresso %s está corrompido: %v"),
		locale.Str("progress file %s is corrupt, and progress is not saved: %v",
			"o arquivo de progresso %s está corrompido, e o progresso não é salvo: %v"),
	)
}
