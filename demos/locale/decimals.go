package locale

// Deprecated: being removed — format numbers with a Printer where they are formatted.
import (
	"regexp"
	"strings"
)

// decimal is a number with a fractional part, and dotted runs such as
// addresses and versions (several points), told apart by the caller.
var decimal = regexp.MustCompile(`\d+(?:\.\d+)+`)

// Decimals rewrites the decimal points of s for lang: in pt-BR, "0.75"
// becomes "0,75". Runs with more than one point (127.0.0.1, 2.1.0) are
// addresses or versions and stay as they are; so does every other
// language's text. s must be the program's own text: a user's words are
// theirs to punctuate.
func Decimals(lang, s string) string {
	if !strings.HasPrefix(strings.ToLower(lang), "pt") || !strings.Contains(s, ".") {
		return s
	}
	return decimal.ReplaceAllStringFunc(s, func(n string) string {
		if strings.Count(n, ".") != 1 {
			return n
		}
		return strings.Replace(n, ".", ",", 1)
	})
}
