// Package locale is distlab's one text mechanism: every string a person
// reads — the app's screens, the engines' notices, the CLI's output and its
// --help — is written in English at the point of use and printed through a
// Printer for the reader's language, English or Brazilian Portuguese.
//
//	p := locale.For(locale.Portuguese)
//	p.T("restart %s: %v", node, err) // "religar n2: porta 41279 em uso"
//	p.T("%d bots", 1)                // "1 robô"
//
// The English text is the message's key, so a call site reads as what it
// prints and go vet checks its verbs against its arguments. Each package
// declares its translations once, one message per line, English beside
// Portuguese (see Add, Str and Plural); tests check that every message used
// exists in both languages with the same verbs.
//
// Numbers are formatted for the language where they are formatted: %d and
// %f print "12,342" and "5.0" in English, "12.342" and "5,0" in Portuguese
// (golang.org/x/text/message). What is not a quantity — ports, addresses,
// versions, seeds, a user's own words — goes in as a string (%s) and is
// never touched.
//
// Languages are matched with golang.org/x/text/language: "pt", "pt-BR",
// "pt_BR.UTF-8" are Brazilian Portuguese; anything else is English.
package locale

import (
	"strings"

	"golang.org/x/text/language"
)

// Lang is a language distlab speaks, named as its lesson folders are.
type Lang string

// The languages. English is the fallback.
const (
	English    Lang = "en"
	Portuguese Lang = "pt-BR"
)

// Langs are the languages in the order the app cycles through them.
var Langs = []Lang{English, Portuguese}

var (
	tags    = []language.Tag{language.English, language.BrazilianPortuguese}
	matcher = language.NewMatcher(tags)
)

// Tag is the language's BCP 47 tag.
func (l Lang) Tag() language.Tag {
	if l == Portuguese {
		return language.BrazilianPortuguese
	}
	return language.English
}

// String is the language's name as given on the command line and in the
// lessons' folders.
func (l Lang) String() string { return string(l.orEnglish()) }

// Next is the language after l in Langs, wrapping around.
func (l Lang) Next() Lang {
	for i, x := range Langs {
		if x == l {
			return Langs[(i+1)%len(Langs)]
		}
	}
	return Langs[0]
}

func (l Lang) orEnglish() Lang {
	if l == Portuguese {
		return Portuguese
	}
	return English
}

// Parse finds the language of s, a flag value or a POSIX locale such as
// "pt_BR.UTF-8". ok is false when s names no language distlab speaks
// ("fr", "C", "", "klingon"); l is then English.
func Parse(s string) (l Lang, ok bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 { // the codeset and modifier of a POSIX locale
		s = s[:i]
	}
	s = strings.ReplaceAll(s, "_", "-")
	if s == "" || strings.EqualFold(s, "C") || strings.EqualFold(s, "POSIX") {
		return English, false
	}
	t, err := language.Parse(s)
	if err != nil {
		return English, false
	}
	_, i, conf := matcher.Match(t)
	if conf == language.No {
		return English, false
	}
	return Langs[i], true
}

// Match is the language of s, English when s names none distlab speaks.
func Match(s string) Lang {
	l, _ := Parse(s)
	return l
}

// FromEnv picks the language from the environment the way POSIX does: the
// first of LC_ALL, LC_MESSAGES and LANG that is set decides, even when it
// names a language distlab does not speak (then English).
func FromEnv(getenv func(string) string) Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			return Match(s)
		}
	}
	return English
}
