package demo

import "distlab/demos/locale"

// The challenge strip's words, English beside Brazilian Portuguese.
func init() {
	locale.Add(
		locale.Str("space", "espaço"), // the key, in a help bar
		locale.Str("challenge", "desafio"),
		locale.Str("hint", "dica"),
		locale.Str("◇ challenges: %d of %d done · C: try one", "◇ desafios: %d de %d feitos · C: tente um"),
		locale.Str("✓ challenges: all %d done · C: see them", "✓ desafios: todos os %d feitos · C: veja-os"),
		locale.Str("◇ challenges %d/%d · C", "◇ desafios %d/%d · C"),
		locale.Str("✓ challenges %d/%d · C", "✓ desafios %d/%d · C"),
		locale.Str("✓ %d/%d %s", "✓ %d/%d %s"),
		locale.Str("◇ %d/%d %s", "◇ %d/%d %s"),
		locale.Str("C: next challenge", "C: próximo desafio"),
		locale.Str("hint %d: %s", "dica %d: %s"),
		locale.Str("You met it in an earlier session.", "Você o cumpriu numa sessão anterior."),
		locale.Str("no hints left · C: next challenge", "sem mais dicas · C: próximo desafio"),
		locale.Plural("H: hint (%d left) · C: next challenge", "H: hint (%d left) · C: next challenge", "H: dica (restam %d) · C: próximo desafio", "H: dica (resta %d) · C: próximo desafio"),
	)
}
