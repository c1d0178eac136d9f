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
	)
}
