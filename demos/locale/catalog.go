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
)

// Add registers a package's messages; packages call it from init, one
// message per line. Adding a key twice with other words panics: two places
// would disagree on what the text says.
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
		if !m.Plural {
			mustSet(builder.SetString(language.BrazilianPortuguese, m.Key, m.PT))
			continue
		}
		mustSet(builder.Set(language.English, m.Key, plural.Selectf(m.Arg, "", plural.One, m.KeyOne, plural.Other, m.Key)))
		mustSet(builder.Set(language.BrazilianPortuguese, m.Key, plural.Selectf(m.Arg, "", "=0", m.PT, plural.One, m.PTOne, plural.Other, m.PT)))
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
