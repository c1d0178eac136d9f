package lessons

import (
	"cmp"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// Options tune a load.
type Options struct {
	// Prefix is put before each file's path in Lesson.Path and problems, so
	// that they name the file as the user knows it (the lessons folder).
	Prefix string
	// KnownDemo reports whether a demo id exists. Nil knows no demo.
	KnownDemo func(id string) bool
	// KnownStart reports whether a demo can start as a slide asks
	// (<!-- demo: clocks partition -->). Nil accepts any.
	KnownStart func(demo, start string) bool
}

// Load reads <lang>/*.md for every language in Languages from fsys. It never
// stops at a bad file: whatever cannot be loaded becomes a Problem and the
// rest of the course loads.
func Load(fsys fs.FS, opts Options) *Catalog {
	c := &Catalog{byLang: map[string][]Lesson{}}
	// The languages load side by side: each has its own files, and parsing
	// them (the quizzes' YAML most) is most of the app's start-up before
	// its first frame; on two cores the course loads in about half the time
	// (BenchmarkLoadEmbedded). opts' funcs only read the demo registry.
	parts := make([]*Catalog, len(Languages))
	var wg sync.WaitGroup
	for i, lang := range Languages {
		parts[i] = &Catalog{byLang: map[string][]Lesson{}}
		wg.Go(func() { parts[i].loadLang(fsys, lang, opts) })
	}
	wg.Wait()
	for i, lang := range Languages {
		c.byLang[lang] = parts[i].byLang[lang]
		c.Problems = append(c.Problems, parts[i].Problems...)
		c.Warnings = append(c.Warnings, parts[i].Warnings...)
	}
	c.checkLanguages()
	c.checkDecks()
	c.checkQuizzes()
	for _, ps := range [][]Problem{c.Problems, c.Warnings} {
		slices.SortStableFunc(ps, func(a, b Problem) int {
			return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
		})
	}
	return c
}

// LoadDir loads an instructor's folder with the same layout as the embedded
// course. A folder that cannot be read is one problem, not a crash.
// Its files are named with dir in front (opts.Prefix is set to it).
func LoadDir(dir string, opts Options) *Catalog {
	fail := func(p Problem) *Catalog {
		return &Catalog{byLang: map[string][]Lesson{}, Problems: []Problem{p}}
	}
	fi, err := os.Stat(dir)
	switch {
	case err != nil:
		return fail(problemf(dir, 0, "%v", err)) // the system's words
	case !fi.IsDir():
		return fail(problemf(dir, 0, "not a folder: lessons live in DIR/en/*.md and DIR/pt-BR/*.md"))
	}
	found := false
	for _, lang := range Languages {
		if fi, err := os.Stat(filepath.Join(dir, lang)); err == nil && fi.IsDir() {
			found = true
		}
	}
	if !found {
		return fail(problemf(dir, 0, "no lesson folders: expected one of %s inside", strings.Join(Languages, "/, ")+"/"))
	}
	opts.Prefix = dir
	return Load(nonBlockingFS{os.DirFS(dir), dir}, opts)
}

func (c *Catalog) loadLang(fsys fs.FS, lang string, opts Options) {
	names, err := fs.Glob(fsys, lang+"/*.md")
	if err != nil {
		c.Problems = append(c.Problems, problemf(path.Join(opts.Prefix, lang), 0, "%v", err))
		return
	}
	names, decks := splitDecks(names)
	quizzes := map[string]bool{}
	if qs, err := fs.Glob(fsys, lang+"/*"+QuizSuffix); err == nil {
		for _, q := range qs {
			quizzes[q] = true
		}
	}
	seen := map[string]string{} // id → path of its first file
	var list []Lesson
	for _, name := range names {
		shown := path.Join(opts.Prefix, name)
		dn, qn := deckPath(name), quizPath(name)
		hasDeck, hasQuiz := decks[dn], quizzes[qn]
		delete(decks, dn) // the deck or quiz of a lesson that does not load is no orphan
		delete(quizzes, qn)
		data, prob := readLesson(fsys, name, shown)
		if prob != nil {
			c.Problems = append(c.Problems, *prob)
			continue
		}
		l, probs, ok := parse(shown, lang, data, opts.KnownDemo)
		c.Problems = append(c.Problems, probs...)
		if !ok {
			continue
		}
		if first, dup := seen[l.ID]; dup {
			c.Problems = append(c.Problems, problemf(shown, idLine(data),
				"duplicate id %q: %s has it already", l.ID, first))
			continue
		}
		seen[l.ID] = shown
		if hasDeck {
			c.loadDeck(fsys, dn, &l, opts)
		}
		if hasQuiz {
			c.loadQuiz(fsys, qn, &l, opts)
		}
		list = append(list, l)
	}
	for _, qn := range slices.Sorted(maps.Keys(quizzes)) {
		c.Problems = append(c.Problems, problemf(path.Join(opts.Prefix, qn), 0,
			"a quiz without its lesson: no %s beside it", path.Base(strings.TrimSuffix(qn, QuizSuffix)+".md")))
	}
	for _, dn := range slices.Sorted(maps.Keys(decks)) {
		c.Problems = append(c.Problems, problemf(path.Join(opts.Prefix, dn), 0,
			"a slides file without its lesson: no %s beside it", path.Base(strings.TrimSuffix(dn, DeckSuffix)+".md")))
	}
	slices.SortStableFunc(list, func(a, b Lesson) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.ID, b.ID))
	})
	c.byLang[lang] = list
}

// splitDecks sorts a folder's *.md files into lessons and decks.
func splitDecks(names []string) (lessonNames []string, decks map[string]bool) {
	decks = map[string]bool{}
	for _, n := range names {
		if strings.HasSuffix(n, DeckSuffix) {
			decks[n] = true
		} else {
			lessonNames = append(lessonNames, n)
		}
	}
	return lessonNames, decks
}

// loadDeck reads the deck name into l.Deck.
func (c *Catalog) loadDeck(fsys fs.FS, name string, l *Lesson, opts Options) {
	shown := path.Join(opts.Prefix, name)
	data, prob := readLesson(fsys, name, shown)
	if prob != nil {
		c.Problems = append(c.Problems, *prob)
		return
	}
	slides, probs, warns := parseDeck(shown, data, *l, opts)
	l.Deck = slides
	c.Problems = append(c.Problems, probs...)
	c.Warnings = append(c.Warnings, warns...)
}

// loadQuiz reads the quiz name into l.Quiz.
func (c *Catalog) loadQuiz(fsys fs.FS, name string, l *Lesson, opts Options) {
	shown := path.Join(opts.Prefix, name)
	data, prob := readLesson(fsys, name, shown)
	if prob != nil {
		c.Problems = append(c.Problems, *prob)
		return
	}
	qs, probs := parseQuiz(shown, data)
	l.Quiz, l.QuizPath = qs, shown
	c.Problems = append(c.Problems, probs...)
}

// checkQuizzes reports a lesson whose quiz differs between languages in
// what can be checked without reading it: the questions' ids and order,
// their kinds, their options and which are right, their answers, and how
// many items an order has. A student who switches language mid-quiz
// keeps their answers.
func (c *Catalog) checkQuizzes() {
	first := Languages[0]
	for _, lang := range Languages[1:] {
		for _, l := range c.byLang[lang] {
			o, ok := c.Find(first, l.ID)
			if !ok || (len(l.Quiz) == 0 && len(o.Quiz) == 0) {
				continue
			}
			if len(l.Quiz) != len(o.Quiz) {
				where := l.QuizPath
				if where == "" {
					where = l.Path
				}
				c.Problems = append(c.Problems, problemf(where, 1, "%d questions, but %d in %s: a quiz asks the same in every language", len(l.Quiz), len(o.Quiz), first))
				continue
			}
			for i, q := range l.Quiz {
				if p, ok := sameQuestion(l.QuizPath, i, q, o.Quiz[i], first); !ok {
					c.Problems = append(c.Problems, p)
				}
			}
		}
	}
}

// sameQuestion checks question i of a quiz (shown as path) against o, the
// same question in language first, in what must not depend on the
// language.
func sameQuestion(path string, i int, q, o Question, first string) (Problem, bool) {
	right := func(q Question) []bool {
		var out []bool
		for _, op := range q.Options {
			out = append(out, op.Correct)
		}
		return out
	}
	switch {
	case q.ID != o.ID:
		return problemf(path, q.Line, "question %d is %q, but %q in %s", i+1, q.ID, o.ID, first), false
	case q.Kind != o.Kind:
		return problemf(path, q.Line, "question %q is a %s, but a %s in %s", q.ID, q.Kind, o.Kind, first), false
	case !slices.Equal(right(q), right(o)):
		return problemf(path, q.Line, "question %q: its options, or which are right, differ from %s's", q.ID, first), false
	case q.Answer != o.Answer || q.Tolerance != o.Tolerance:
		return problemf(path, q.Line, "question %q: its answer differs from %s's", q.ID, first), false
	case len(q.Items) != len(o.Items):
		return problemf(path, q.Line, "question %q: its items differ from %s's", q.ID, first), false
	}
	return Problem{}, true
}

// checkDecks warns about a lesson whose decks differ in length between
// languages: switching language while presenting stays on the slide with
// the same number.
func (c *Catalog) checkDecks() {
	first := Languages[0]
	for _, lang := range Languages[1:] {
		for _, l := range c.byLang[lang] {
			o, ok := c.Find(first, l.ID)
			if !ok || len(l.Deck) == 0 || len(o.Deck) == 0 || len(l.Deck) == len(o.Deck) {
				continue
			}
			c.Warnings = append(c.Warnings, problemf(l.Deck[0].Path, 0,
				"%d slides, but %d in %s: slide numbers must match between languages", len(l.Deck), len(o.Deck), first))
		}
	}
}

// checkLanguages reports a lesson that one language has and another lacks,
// when that other language has any lesson at all (a one-language folder is
// fine).
func (c *Catalog) checkLanguages() {
	for _, lang := range Languages {
		for _, other := range Languages {
			if other == lang || len(c.byLang[other]) == 0 {
				continue
			}
			for _, l := range c.byLang[lang] {
				if _, ok := c.Find(other, l.ID); !ok {
					c.Problems = append(c.Problems, problemf(l.Path, 1,
						"lesson %q has no %s version", l.ID, other))
				}
			}
		}
	}
}

// idLine finds the line of "id:" in a file's front matter, or 1.
func idLine(data []byte) int {
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "id:") {
			return i + 1
		}
		if i > 0 && strings.TrimSpace(line) == "---" {
			break
		}
	}
	return 1
}

// MaxLessonSize is the most a lesson file may hold: the course's longest is
// under 40 KB, and glamour takes about a second a megabyte to render one.
const MaxLessonSize = 1 << 20

// readLesson reads a lesson file, or says why it will not: only a regular
// file is read (a FIFO would block the load, a device or /dev/zero would
// never end; a symlink counts as what it points at), and only up to
// MaxLessonSize. A file that is not regular is never opened (opening a
// device may act on it); one swapped for a FIFO after that check is opened
// without blocking (LoadDir's files are) and refused by what the open file
// says it is.
func readLesson(fsys fs.FS, name, shown string) ([]byte, *Problem) {
	if fi, err := fs.Stat(fsys, name); err == nil && !fi.Mode().IsRegular() {
		return nil, ptr(problemf(shown, 0, "not a regular file"))
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, ptr(problemf(shown, 0, "%v", err)) // the system's words
	}
	defer f.Close()
	fi, err := f.Stat()
	switch {
	case err != nil:
		return nil, ptr(problemf(shown, 0, "%v", err))
	case !fi.Mode().IsRegular():
		return nil, ptr(problemf(shown, 0, "not a regular file"))
	case fi.Size() > MaxLessonSize:
		return nil, ptr(problemf(shown, 0, "larger than %d MB, the most a lesson may have", MaxLessonSize>>20))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxLessonSize+1)) // it may have grown since
	switch {
	case err != nil:
		return nil, ptr(problemf(shown, 0, "%v", err))
	case len(data) > MaxLessonSize:
		return nil, ptr(problemf(shown, 0, "larger than %d MB, the most a lesson may have", MaxLessonSize>>20))
	}
	return data, nil
}

// nonBlockingFS is os.DirFS whose files open without blocking: opening a
// FIFO for reading the usual way waits for a writer, for ever.
type nonBlockingFS struct {
	fs.FS // os.DirFS(dir): directories, globs
	dir   string
}

// Stat is os.Stat: it follows symlinks and opens nothing.
func (n nonBlockingFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return os.Stat(filepath.Join(n.dir, filepath.FromSlash(name))) //nolint:wrapcheck
}

func (n nonBlockingFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := os.OpenFile(filepath.Join(n.dir, filepath.FromSlash(name)), os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err //nolint:wrapcheck // the system's words
	}
	return f, nil
}

func ptr[T any](v T) *T { return &v }
