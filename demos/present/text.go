package present

import "distlab/demos/locale"

// The link's words, English beside Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("another distlab is presenting on this machine", "outro distlab está apresentando nesta máquina"),
		locale.Str("no distlab is presenting on this machine", "nenhum distlab está apresentando nesta máquina"),
		locale.Str("the presenting distlab has %d consoles already", "o distlab que apresenta já tem %d consoles"),
		locale.Str("present: no folder for the console's socket: %v", "present: sem pasta para o socket do console: %v"),
		locale.Str("present: %v", "present: %v"),
		locale.Str("present: %s may be entered by other users: %v", "present: outros usuários podem entrar em %s: %v"),
		locale.Str("present: %s belongs to another user", "present: %s pertence a outro usuário"),
		locale.Str("keys pressed faster than they can be sent: some were dropped", "teclas apertadas mais rápido do que podem ser enviadas: algumas se perderam"),
		locale.Str("present: the console's socket path %s is too long (%d bytes, at most %d): set %s to a shorter folder",
			"present: o caminho do socket do console %s é longo demais (%d bytes, no máximo %d): aponte %s para uma pasta mais curta"),
	)
}
