package lessons

import (
	"fmt"
	"slices"
	"strconv"
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
	// TitleLine and SummaryLine are the front matter's lines of the title
	// and the summary, for a search's hits (0: not known).
	TitleLine, SummaryLine int
	// Deck is the lesson's slide deck, written for a projector (see
	// DeckSuffix); nil when it has none. Use Slides, which falls back to
	// the reading text.
	Deck []Slide
	// Quiz is the lesson's quiz (see QuizSuffix); nil when it has none.
	Quiz     []Question
	QuizPath string // its file, as problems name it
}

// Note is one speaker note: <!-- notes: Text -->.
type Note struct {
	Line int // file line where the note starts
	Text string
}

// Problem is one thing wrong with one file. It prints as path:line: message,
// the form editors and compilers use.
//
// The message is kept as an English format and its arguments, not as text,
// so that a printer can say it in the reader's language: Format is the key
// of its translation in Messages (lessons may not import the app's locale
// package; the CLI and the app register Messages with it).
type Problem struct {
	Path   string
	Line   int    // 0 for a problem with a folder, not a line
	Format string // English, as fmt formats it with Args
	Args   []any
}

// problemf is a Problem whose message is format with args. Every literal
// format given to it must be in Messages (the CLI's text test checks it).
func problemf(path string, line int, format string, args ...any) Problem {
	if false {
		_ = fmt.Sprintf(format, args...) // lets vet check callers' verbs
	}
	return Problem{Path: path, Line: line, Format: format, Args: args}
}

// Msg is the problem's message in English.
func (p Problem) Msg() string { return p.Message(nil) }

// Error is the problem in English: path:line: message.
func (p Problem) Error() string { return p.In(nil) }

// In is the problem with its message said by t, a printer's T that knows
// Messages (nil t is English): path:line: message. The path and line are
// never translated.
func (p Problem) In(t func(format string, args ...any) string) string {
	return p.Where() + ": " + p.Message(t)
}

// Where is the problem's place, path:line (path alone for a folder), with
// anything a terminal would act on removed from the path: a file name may
// hold escape sequences too.
func (p Problem) Where() string {
	path, _ := CleanLine(p.Path)
	if p.Line <= 0 { // about a folder, not a line
		return path
	}
	return path + ":" + strconv.Itoa(p.Line)
}

// Message is the problem's message said by t (nil t is English), cleaned
// like the path: it may quote the file (the YAML library's words do).
func (p Problem) Message(t func(format string, args ...any) string) string {
	if t == nil {
		t = fmt.Sprintf
	}
	msg, _ := CleanLine(t(p.Format, p.Args...))
	// A system's error names the file it is about, which the problem
	// names already ("x.md: x.md: no such file or folder").
	if p.Path != "" {
		msg = strings.TrimPrefix(msg, p.Path+": ")
	}
	return msg
}

// Catalog is the result of a load: every lesson that could be read, sorted by
// order then id in each language, and every problem found on the way.
type Catalog struct {
	byLang   map[string][]Lesson
	Problems []Problem
	// Warnings are what a lesson still shows with, but an instructor would
	// miss: a slide without speaker notes or a title. lessons check prints
	// them; the app does not stop a student over them.
	Warnings []Problem
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

// Lookup returns the lesson ref names in lang: its id, or the number
// `distlab lessons` prints beside it (its order; the first lesson in course
// order when two share one). An id is tried first, so a lesson whose id is
// all digits is still found by it.
func (c *Catalog) Lookup(lang, ref string) (Lesson, bool) {
	if l, ok := c.Find(lang, ref); ok {
		return l, true
	}
	n, err := strconv.Atoi(strings.TrimSpace(ref))
	if err != nil {
		return Lesson{}, false
	}
	for _, l := range c.Lessons(lang) {
		if l.Order == n {
			return l, true
		}
	}
	return Lesson{}, false
}

// Teaching returns the lesson in lang that teaches demo: the first, in
// course order, whose demos list starts with it, since a lesson names the
// demo it is about first and those it only refers to after it; else the
// first that names it at all.
func (c *Catalog) Teaching(lang, demo string) (Lesson, bool) {
	ls := c.Lessons(lang)
	if i := slices.IndexFunc(ls, func(l Lesson) bool { return len(l.Demos) > 0 && l.Demos[0] == demo }); i >= 0 {
		return ls[i], true
	}
	if i := slices.IndexFunc(ls, func(l Lesson) bool { return slices.Contains(l.Demos, demo) }); i >= 0 {
		return ls[i], true
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
