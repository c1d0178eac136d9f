package locale

import (
	"fmt"
	"slices"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// A Message is one text in both languages. Its key is the English text
// (for a plural, the English "other" form).
type Message struct {
	Key string // English; for a plural, the form for many
	PT  string // Brazilian Portuguese; for a plural, the form for many

	// Plural messages only: the forms for one, and which argument (from 1)
	// is the count.
	Plural        bool
	KeyOne, PTOne string
	Arg           int
}

// Str is a message that does not depend on a count.
func Str(en, pt string) Message { return Message{Key: en, PT: pt} }

// Plural is a message whose words follow the count given as its first
// argument: Plural("%d bots", "%d bot", "%d robôs", "%d robô"). Which form
// a count takes is the language's rule (CLDR), with one exception: CLDR
// makes 0 singular in Portuguese, but Brazilian usage counts zero in the
// plural ("0 robôs", "nenhum problema" — never "0 problema"), so a zero
// count takes the plural form.
func Plural(enMany, enOne, ptMany, ptOne string) Message {
	return Message{Key: enMany, KeyOne: enOne, PT: ptMany, PTOne: ptOne, Plural: true, Arg: 1}
}

// PluralArg is Plural with the count in argument n (from 1).
func PluralArg(n int, enMany, enOne, ptMany, ptOne string) Message {
	m := Plural(enMany, enOne, ptMany, ptOne)
	m.Arg = n
	return m
}

var (
	mu       sync.RWMutex
	messages = map[string]Message{}
	builder  = catalog.NewBuilder(catalog.Fallback(language.English))
	compiled sync.Map // langKey → struct{}: its text is in builder
)

// A langKey is one message in one language.
type langKey struct {
	lang Lang
	key  string
}

// Add registers a package's messages; packages call it from init, one
// message per line. Adding a key twice with other words panics: two places
// would disagree on what the text says.
//
// A message is compiled into the catalog the first time it is printed in a
// language (compile): compiling all of them, in both languages, from init
// was a fifth of the CPU distlab spends before main.
func Add(ms ...Message) {
	mu.Lock()
	defer mu.Unlock()
	for _, m := range ms {
		if old, dup := messages[m.Key]; dup {
			if old != m {
				panic(fmt.Sprintf("locale: %q added twice with different translations", m.Key))
			}
			continue
		}
		messages[m.Key] = m
	}
}

// compile puts the text of key in language l into the catalog, once. Two
// goroutines may both compile it: the second sets the same text again.
func compile(l Lang, key string) {
	k := langKey{l, key}
	if _, done := compiled.Load(k); done {
		return
	}
	if m, ok := Lookup(key); ok {
		set(l, m)
	}
	compiled.Store(k, struct{}{})
}

// set compiles m's text in language l. English needs only its plurals: a
// key the catalog lacks prints as itself, and the key is the English text.
func set(l Lang, m Message) {
	switch {
	case l == Portuguese && !m.Plural:
		mustSet(builder.SetString(language.BrazilianPortuguese, m.Key, m.PT))
	case l == Portuguese:
		mustSet(builder.Set(language.BrazilianPortuguese, m.Key, plural.Selectf(m.Arg, "", "=0", m.PT, plural.One, m.PTOne, plural.Other, m.PT)))
	case m.Plural:
		mustSet(builder.Set(language.English, m.Key, plural.Selectf(m.Arg, "", plural.One, m.KeyOne, plural.Other, m.Key)))
	}
}

func mustSet(err error) {
	if err != nil {
		panic("locale: " + err.Error())
	}
}

// Messages lists every registered message, sorted by key: tests check each
// for both languages and matching verbs.
func Messages() []Message {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]Message, 0, len(messages))
	for _, m := range messages {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Message) int {
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	return out
}

// Lookup finds the message whose English text is key.
func Lookup(key string) (Message, bool) {
	mu.RLock()
	defer mu.RUnlock()
	m, ok := messages[key]
	return m, ok
}
