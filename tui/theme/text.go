package theme

import "distlab/demos/locale"

// The theme package's words, English beside Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("unknown theme %q (auto, dark, light, high-contrast)", "tema desconhecido %q (auto, dark, light, high-contrast)"),
	)
}
