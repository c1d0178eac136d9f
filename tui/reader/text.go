package reader

import "distlab/demos/locale"

// The reader's words, English beside Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("Rendering…", "Renderizando…"),
		locale.Str("more below: %s", "continua abaixo: %s"),
	)
}
