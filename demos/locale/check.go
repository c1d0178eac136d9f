package locale

import (
	"fmt"
	"slices"
)

// Verbs lists the formatting verbs of format in order, each with its flags,
// width and precision ("%5.1f", "%v"); "%%" is no verb.
func Verbs(format string) []string {
	var out []string
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && isVerbPrefix(format[j]) {
			j++
		}
		if j >= len(format) {
			break
		}
		if format[j] != '%' {
			out = append(out, format[i:j+1])
		}
		i = j
	}
	return out
}

func isVerbPrefix(c byte) bool {
	return c == '+' || c == '-' || c == '#' || c == ' ' || c == '0' || c == '.' || c == '*' ||
		c == '[' || c == ']' || (c >= '1' && c <= '9')
}

// Problems checks every registered message: both languages present, and the
// same verbs in every form. It returns one line per problem.
func Problems() []string {
	var out []string
	for _, m := range Messages() {
		out = append(out, m.problems()...)
	}
	return out
}

func (m Message) problems() []string {
	var out []string
	bad := func(format string, args ...any) {
		out = append(out, fmt.Sprintf("%q: ", m.Key)+fmt.Sprintf(format, args...))
	}
	if m.Key == "" {
		bad("empty English text")
	}
	if m.PT == "" {
		bad("no Brazilian Portuguese text")
	}
	want := Verbs(m.Key)
	forms := map[string]string{"pt-BR": m.PT}
	if m.Plural {
		if m.KeyOne == "" || m.PTOne == "" {
			bad("a plural needs a form for one in both languages")
		}
		forms["en (one)"], forms["pt-BR (one)"] = m.KeyOne, m.PTOne
		if m.Arg < 1 || m.Arg > len(want) {
			bad("the count is argument %d, but the text has %d verbs", m.Arg, len(want))
		}
	}
	for _, name := range []string{"pt-BR", "en (one)", "pt-BR (one)"} {
		f, ok := forms[name]
		if !ok || f == "" {
			continue
		}
		if got := Verbs(f); !slices.Equal(got, want) {
			bad("%s has verbs %v, English %v", name, got, want)
		}
	}
	return out
}
