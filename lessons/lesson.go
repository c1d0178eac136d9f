package lessons

import (
	"fmt"
	"slices"
	"strings"
)

// Languages are the course's languages, the first being the fallback.
var Languages = []string{"en", "pt-BR"}

// Lesson is one loaded lesson in one language.
type Lesson struct {
	ID      string
	Title   string
	Order   int
	Summary string
	Demos   []string // demo ids, each known to the loader's KnownDemo
	Lang    string
	Path    string // as shown in problems: prefix/lang/file.md
	Body    string // markdown after the front matter, without speaker notes
	Raw     string // markdown after the front matter, speaker notes kept
	Line    int    // the file line where Body starts
	Notes   []Note
}

// Note is one speaker note: <!-- notes: Text -->.
type Note struct {
	Line int // file line where the note starts
	Text string
}

// Problem is one thing wrong with one file. It prints as path:line: message,
// the form editors and compilers use.
type Problem struct {
	Path string
	Line int
	Msg  string
}

func (p Problem) Error() string {
	if p.Line <= 0 { // about a folder, not a line
		return fmt.Sprintf("%s: %s", p.Path, p.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
}

// Catalog is the result of a load: every lesson that could be read, sorted by
// order then id in each language, and every problem found on the way.
type Catalog struct {
	byLang   map[string][]Lesson
	Problems []Problem
}

// Lessons returns the lessons of lang in course order.
func (c *Catalog) Lessons(lang string) []Lesson {
	if c == nil {
		return nil
	}
	return c.byLang[lang]
}

// Find returns the lesson id in lang.
func (c *Catalog) Find(lang, id string) (Lesson, bool) {
	for _, l := range c.Lessons(lang) {
		if l.ID == id {
			return l, true
		}
	}
	return Lesson{}, false
}

// Index returns the position of lesson id in lang, or -1.
func (c *Catalog) Index(lang, id string) int {
	return slices.IndexFunc(c.Lessons(lang), func(l Lesson) bool { return l.ID == id })
}

// NormalizeLang maps a user's language (a flag value or a locale such as
// pt_BR.UTF-8) to one of Languages, or "" when it names none.
func NormalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(s, "pt"):
		return "pt-BR"
	case strings.HasPrefix(s, "en"):
		return "en"
	}
	return ""
}

// LangFromEnv picks the default language from the environment the way POSIX
// does (LC_ALL, then LC_MESSAGES, then LANG): Portuguese locales give pt-BR,
// anything else English. getenv is os.Getenv outside tests.
func LangFromEnv(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		if NormalizeLang(v) == "pt-BR" {
			return "pt-BR"
		}
		return "en"
	}
	return "en"
}
