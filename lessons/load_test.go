package lessons_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"distlab/lessons"
)

// knownDemo is the demo registry the tests load with.
func knownDemo(id string) bool { return id == "scale" || id == "replicas" }

// load loads files (path → content) from a MapFS with no prefix.
func load(t *testing.T, files map[string]string) *lessons.Catalog {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return lessons.Load(fsys, lessons.Options{KnownDemo: knownDemo})
}

// lessonFile is a minimal valid lesson: front matter on lines 1-5, body from
// line 6.
func lessonFile(id, title string, order int) string {
	return "---\nid: " + id + "\ntitle: " + title + "\norder: " + strconv.Itoa(order) + "\n---\n# " + title + "\n"
}

func ids(ls []lessons.Lesson) []string {
	out := []string{}
	for _, l := range ls {
		out = append(out, l.ID)
	}
	return out
}

func noProblems(t *testing.T, c *lessons.Catalog) {
	t.Helper()
	for _, p := range c.Problems {
		t.Errorf("unexpected problem: %v", p)
	}
}

const goodEN = `---
id: scalability
title: Scalability
order: 2
summary: Scale up or scale out.
demos: [scale, replicas]
---
# Scalability

Body text.
`

const goodPT = `---
id: scalability
title: Escalabilidade
order: 2
summary: Escalar para cima ou para fora.
demos: [scale, replicas]
---
# Escalabilidade

Texto.
`

func TestLoadGoodPair(t *testing.T) {
	c := lessons.Load(fstest.MapFS{
		"en/02-scalability.md":    {Data: []byte(goodEN)},
		"pt-BR/02-scalability.md": {Data: []byte(goodPT)},
	}, lessons.Options{Prefix: "lessons", KnownDemo: knownDemo})
	noProblems(t, c)

	wantEN := lessons.Lesson{
		ID: "scalability", Title: "Scalability", Order: 2,
		Summary: "Scale up or scale out.", Demos: []string{"scale", "replicas"},
		Lang: "en", Path: "lessons/en/02-scalability.md",
		Body: "# Scalability\n\nBody text.\n", Raw: "# Scalability\n\nBody text.\n",
		Line: 8, TitleLine: 3, SummaryLine: 5,
	}
	if got := c.Lessons("en"); len(got) != 1 || !reflect.DeepEqual(got[0], wantEN) {
		t.Errorf("en lessons =\n%#v\nwant\n%#v", got, wantEN)
	}
	wantPT := lessons.Lesson{
		ID: "scalability", Title: "Escalabilidade", Order: 2,
		Summary: "Escalar para cima ou para fora.", Demos: []string{"scale", "replicas"},
		Lang: "pt-BR", Path: "lessons/pt-BR/02-scalability.md",
		Body: "# Escalabilidade\n\nTexto.\n", Raw: "# Escalabilidade\n\nTexto.\n",
		Line: 8, TitleLine: 3, SummaryLine: 5,
	}
	if got := c.Lessons("pt-BR"); len(got) != 1 || !reflect.DeepEqual(got[0], wantPT) {
		t.Errorf("pt-BR lessons =\n%#v\nwant\n%#v", got, wantPT)
	}
}

func TestLoadCRLFAndBOM(t *testing.T) {
	crlf := strings.ReplaceAll(goodEN, "\n", "\r\n")
	c := load(t, map[string]string{
		"en/a.md":    crlf,
		"pt-BR/a.md": "\ufeff" + goodPT,
	})
	noProblems(t, c)
	en, ok := c.Find("en", "scalability")
	if !ok {
		t.Fatal("CRLF lesson did not load")
	}
	if en.Title != "Scalability" || en.Summary != "Scale up or scale out." || en.Order != 2 || en.Line != 8 {
		t.Errorf("CRLF lesson = %+v", en)
	}
	if strings.Contains(en.Body, "\r") || en.Body != "# Scalability\n\nBody text.\n" {
		t.Errorf("CRLF body = %q", en.Body)
	}
	pt, ok := c.Find("pt-BR", "scalability")
	if !ok {
		t.Fatal("BOM lesson did not load")
	}
	if pt.Title != "Escalabilidade" || pt.Line != 8 || strings.Contains(pt.Body, "\ufeff") {
		t.Errorf("BOM lesson = %+v", pt)
	}
}

func TestLoadCRLFAndBOMTogether(t *testing.T) {
	data := "\ufeff" + strings.ReplaceAll(goodEN, "\n", "\r\n")
	c := load(t, map[string]string{"en/a.md": data})
	noProblems(t, c)
	if got := ids(c.Lessons("en")); !reflect.DeepEqual(got, []string{"scalability"}) {
		t.Errorf("lessons = %v", got)
	}
}

func TestLoadOrdersByOrderThenID(t *testing.T) {
	// File names run against the expected order, so a loader that kept
	// directory order would fail.
	c := load(t, map[string]string{
		"en/1.md": lessonFile("zeta", "Z", 2),
		"en/2.md": lessonFile("alpha", "A", 2),
		"en/3.md": lessonFile("first", "F", 1),
		"en/4.md": "---\nid: unordered\ntitle: U\n---\n", // order defaults to 0
		"en/5.md": lessonFile("last", "L", 10),
	})
	noProblems(t, c)
	want := []string{"unordered", "first", "alpha", "zeta", "last"}
	if got := ids(c.Lessons("en")); !reflect.DeepEqual(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
	if i := c.Index("en", "zeta"); i != 3 {
		t.Errorf("Index(zeta) = %d, want 3", i)
	}
	if i := c.Index("en", "nope"); i != -1 {
		t.Errorf("Index(nope) = %d, want -1", i)
	}
	if i := c.Index("pt-BR", "zeta"); i != -1 {
		t.Errorf("Index in empty language = %d, want -1", i)
	}
}

func TestCatalogAccessors(t *testing.T) {
	var nilCat *lessons.Catalog
	if got := nilCat.Lessons("en"); got != nil {
		t.Errorf("nil catalog Lessons = %v", got)
	}
	if _, ok := nilCat.Find("en", "x"); ok {
		t.Error("nil catalog Find found something")
	}
	if i := nilCat.Index("en", "x"); i != -1 {
		t.Errorf("nil catalog Index = %d", i)
	}
	c := load(t, map[string]string{"en/a.md": lessonFile("a", "A", 1)})
	if l, ok := c.Find("en", "a"); !ok || l.Title != "A" {
		t.Errorf("Find(en, a) = %+v, %v", l, ok)
	}
	if _, ok := c.Find("pt-BR", "a"); ok {
		t.Error("Find found a lesson in a language that lacks it")
	}
	if got := c.Lessons("fr"); len(got) != 0 {
		t.Errorf("Lessons(fr) = %v", got)
	}
}

func TestSpeakerNotes(t *testing.T) {
	data := "---\nid: n\ntitle: N\n---\n" + // lines 1-4
		"Intro.\n" + // 5
		"<!-- notes: first note -->\n" + // 6
		"Middle.\n" + // 7
		"<!--notes:\n" + // 8
		"  second\n" + // 9
		"  note\n" + // 10
		"-->\n" + // 11
		"End. <!-- a plain comment -->\n" // 12
	c := load(t, map[string]string{"en/n.md": data})
	noProblems(t, c)
	l, ok := c.Find("en", "n")
	if !ok {
		t.Fatal("lesson with notes did not load")
	}
	wantNotes := []lessons.Note{{Line: 6, Text: "first note"}, {Line: 8, Text: "second\n  note"}}
	if !reflect.DeepEqual(l.Notes, wantNotes) {
		t.Errorf("Notes = %#v, want %#v", l.Notes, wantNotes)
	}
	wantBody := "Intro.\n\nMiddle.\n\nEnd. <!-- a plain comment -->\n"
	if l.Body != wantBody {
		t.Errorf("Body = %q, want %q", l.Body, wantBody)
	}
	wantRaw := strings.SplitN(data, "---\n", 3)[2]
	if l.Raw != wantRaw {
		t.Errorf("Raw = %q, want %q", l.Raw, wantRaw)
	}
	if l.Line != 5 {
		t.Errorf("Line = %d, want 5", l.Line)
	}
}

func TestSpeakerNotesCRLF(t *testing.T) {
	data := strings.ReplaceAll("---\nid: n\ntitle: N\n---\nA\n\nB <!-- notes: hi\nthere -->\n", "\n", "\r\n")
	c := load(t, map[string]string{"en/n.md": data})
	noProblems(t, c)
	l, _ := c.Find("en", "n")
	want := []lessons.Note{{Line: 7, Text: "hi\nthere"}}
	if !reflect.DeepEqual(l.Notes, want) {
		t.Errorf("Notes = %#v, want %#v", l.Notes, want)
	}
	if l.Body != "A\n\nB \n" {
		t.Errorf("Body = %q", l.Body)
	}
}

func TestTranslations(t *testing.T) {
	t.Run("missing translation is a problem", func(t *testing.T) {
		c := load(t, map[string]string{
			"en/a.md":    lessonFile("a", "A", 1),
			"en/b.md":    lessonFile("b", "B", 2),
			"pt-BR/a.md": lessonFile("a", "A", 1),
			"pt-BR/c.md": lessonFile("c", "C", 3),
		})
		want := []lessons.Problem{
			{Path: "en/b.md", Line: 1, Format: "lesson %q has no %s version", Args: []any{"b", "pt-BR"}},
			{Path: "pt-BR/c.md", Line: 1, Format: "lesson %q has no %s version", Args: []any{"c", "en"}},
		}
		if !reflect.DeepEqual(c.Problems, want) {
			t.Errorf("problems = %v, want %v", c.Problems, want)
		}
		// The untranslated lessons still load.
		if got := ids(c.Lessons("en")); !reflect.DeepEqual(got, []string{"a", "b"}) {
			t.Errorf("en = %v", got)
		}
		if got := ids(c.Lessons("pt-BR")); !reflect.DeepEqual(got, []string{"a", "c"}) {
			t.Errorf("pt-BR = %v", got)
		}
	})
	for _, lang := range lessons.Languages {
		t.Run("only "+lang+" is fine", func(t *testing.T) {
			c := load(t, map[string]string{
				lang + "/a.md": lessonFile("a", "A", 1),
				lang + "/b.md": lessonFile("b", "B", 2),
			})
			noProblems(t, c)
			if got := ids(c.Lessons(lang)); !reflect.DeepEqual(got, []string{"a", "b"}) {
				t.Errorf("%s = %v", lang, got)
			}
		})
	}
}

func TestLoadIgnoresOtherFiles(t *testing.T) {
	c := load(t, map[string]string{
		"en/a.md":        lessonFile("a", "A", 1),
		"en/notes.txt":   "not markdown",
		"en/sub/b.md":    lessonFile("b", "B", 2), // not <lang>/*.md
		"fr/c.md":        lessonFile("c", "C", 3), // not a course language
		"top.md":         lessonFile("d", "D", 4),
		"en/draft.md.sw": "swap file",
	})
	noProblems(t, c)
	if got := ids(c.Lessons("en")); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("en = %v", got)
	}
}

func TestLoadDir(t *testing.T) {
	dir := filepath.Join("testdata", "course")
	c := lessons.LoadDir(dir, lessons.Options{KnownDemo: knownDemo})
	want := []lessons.Problem{{Path: "testdata/course/en/02-broken.md", Line: 1, Format: "missing title"}}
	if !reflect.DeepEqual(c.Problems, want) {
		t.Errorf("problems = %v, want %v", c.Problems, want)
	}
	for _, lang := range lessons.Languages {
		ls := c.Lessons(lang)
		if len(ls) != 1 || ls[0].ID != "intro" {
			t.Fatalf("%s lessons = %v, want [intro]", lang, ids(ls))
		}
		if wantPath := "testdata/course/" + lang + "/01-intro.md"; ls[0].Path != wantPath {
			t.Errorf("%s path = %q, want %q", lang, ls[0].Path, wantPath)
		}
		if !reflect.DeepEqual(ls[0].Demos, []string{"scale"}) {
			t.Errorf("%s demos = %v", lang, ls[0].Demos)
		}
	}
	if l, _ := c.Find("pt-BR", "intro"); l.Title != "Introdução" {
		t.Errorf("pt-BR title = %q", l.Title)
	}
}

func TestLoadDirMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nope")
	c := lessons.LoadDir(dir, lessons.Options{KnownDemo: knownDemo})
	if len(c.Problems) != 1 {
		t.Fatalf("problems = %v, want exactly one", c.Problems)
	}
	p := c.Problems[0]
	if p.Path != dir || !strings.Contains(p.Msg(), "no such file") {
		t.Errorf("problem = %#v", p)
	}
	for _, lang := range lessons.Languages {
		if n := len(c.Lessons(lang)); n != 0 {
			t.Errorf("%s has %d lessons", lang, n)
		}
	}
}

func TestLoadDirOnFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "course.md")
	if err := os.WriteFile(file, []byte(goodEN), 0o644); err != nil {
		t.Fatal(err)
	}
	c := lessons.LoadDir(file, lessons.Options{KnownDemo: knownDemo})
	if len(c.Problems) != 1 || c.Problems[0].Path != file {
		t.Errorf("problems = %v, want one naming %s", c.Problems, file)
	}
}
