package lessons

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
)

// DeckSuffix ends the name of a lesson's slide deck, the sibling of its
// reading text: en/02-scalability.md is presented with
// en/02-scalability.slides.md. A lesson without one is presented as its
// reading text cut at --- lines (see Slides).
const DeckSuffix = ".slides.md"

// A deck is slides separated by lines holding only ---; each slide opens
// with a # heading, its title, and may hold these comments, which never
// show:
//
//	<!-- notes: what to say, what to ask, the expected answer -->
//	<!-- demo: clocks receive-before-send -->  (a demo the lesson offers, and how it starts)
//	<!-- section: Heading of the reading text --> (where the reader goes on leaving the slide)

// deckPath is the deck's file name for a lesson file's name.
func deckPath(lessonName string) string {
	return strings.TrimSuffix(lessonName, ".md") + DeckSuffix
}

// parseDeck reads the deck of lesson l from data, the file shown as path.
// It returns the slides, the problems that keep a slide from showing as
// meant, and the warnings about what an instructor would miss (a slide
// without notes or title, a section the reading text lacks).
func parseDeck(path string, data []byte, l Lesson, opts Options) (slides []Slide, probs, warns []Problem) {
	ps, ws := &fileProblems{path: path}, &fileProblems{path: path}
	if !utf8.Valid(data) {
		ps.addf(1, "file is not valid UTF-8")
		return nil, ps.list, nil
	}
	text := strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\ufeff"))), "\r\n", "\n")
	cleaned, dirty := CleanText(text)
	cleaned, dirtyRefs := cleanEntities(cleaned)
	if dirty || dirtyRefs {
		ps.addf(firstDirtyLine(text, 1), "the text holds control characters or escape sequences: they were removed")
	}
	lines := strings.Split(cleaned, "\n")
	breaks := splitPoints(lines, func(s string) bool { return strings.TrimRight(s, " \t") == "---" }, true)
	headings := textHeadings(l.Body)
	start := 0
	emit := func(from, to int) {
		raw := strings.Join(lines[from:to], "\n")
		body, notes := extractNotes(raw, from+1)
		body, ds := extractDirectives(body, from+1)
		s := Slide{Body: strings.TrimSpace(body), Line: firstTextLine(lines, from, to), Title: firstHeading(body), Path: path}
		for _, n := range notes {
			s.Notes = append(s.Notes, n.Text)
		}
		if s.Body == "" && len(notes) == 0 && len(ds) == 0 {
			return // a blank stretch, e.g. after a final ---
		}
		for _, d := range ds {
			switch d.name {
			case "demo":
				s.Demo, s.Start = d.word(0), d.word(1)
				switch {
				case s.Demo == "":
					ps.addf(d.line, "demo: name a demo (demo: ID)")
				case !slices.Contains(l.Demos, s.Demo):
					ps.addf(d.line, "demo %q is not among the lesson's demos (%s)", s.Demo, strings.Join(l.Demos, ", "))
					s.Demo, s.Start = "", ""
				case s.Start != "" && opts.KnownStart != nil && !opts.KnownStart(s.Demo, s.Start):
					ps.addf(d.line, "demo %s has no starting state %q", s.Demo, s.Start)
					s.Start = ""
				}
			case "section":
				s.Section = d.arg
				if !slices.Contains(headings, s.Section) {
					ws.addf(d.line, "section %q is not a heading of %s", s.Section, l.Path)
				}
			}
		}
		switch {
		case s.Body == "":
			ws.addf(s.Line, "slide %d shows nothing", len(slides)+1)
		case s.Title == "":
			ws.addf(s.Line, "slide %d has no title: start it with a # heading", len(slides)+1)
		}
		if len(s.Notes) == 0 {
			ws.addf(s.Line, "slide %d has no speaker notes (<!-- notes: ... -->)", len(slides)+1)
		}
		slides = append(slides, s)
	}
	for _, b := range breaks {
		emit(start, b.at)
		start = b.next
	}
	emit(start, len(lines))
	if len(slides) == 0 {
		ps.addf(1, "the slides file has no slides")
	}
	return slides, ps.list, ws.list
}

// firstTextLine is the file line (from 1) of the first line in lines[from:to]
// that is not blank, or of from.
func firstTextLine(lines []string, from, to int) int {
	for i := from; i < to; i++ {
		if strings.TrimSpace(lines[i]) != "" {
			return i + 1
		}
	}
	return from + 1
}

// directive is one <!-- name: arg --> comment of a slide.
type directive struct {
	name, arg string
	line      int
}

// word is the arg's i-th word, or "".
func (d directive) word(i int) string {
	if f := strings.Fields(d.arg); i < len(f) {
		return f[i]
	}
	return ""
}

// directiveNames are the comments a deck's slides may hold besides notes.
var directiveNames = []string{"demo", "section"}

// extractDirectives removes the demo and section comments from md, which
// starts at file line first, and returns them. A code block's lines are
// text, whatever they hold.
func extractDirectives(md string, first int) (string, []directive) {
	var ds []directive
	lines := strings.Split(md, "\n")
	out := lines[:0]
	fence := ""
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if f := fenceMarker(t); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(t, fence):
				fence = ""
			}
		}
		if fence != "" || fenceMarker(t) != "" {
			out = append(out, line)
			continue
		}
		inner, ok := strings.CutPrefix(t, "<!--")
		if ok {
			inner, ok = strings.CutSuffix(inner, "-->")
		}
		name, arg, found := strings.Cut(strings.TrimSpace(inner), ":")
		if !ok || !found || !slices.Contains(directiveNames, strings.TrimSpace(name)) {
			out = append(out, line)
			continue
		}
		ds = append(ds, directive{name: strings.TrimSpace(name), arg: strings.TrimSpace(arg), line: first + i})
	}
	return strings.Join(out, "\n"), ds
}

// textHeadings are the titles of the headings in a lesson's text, outside
// code blocks.
func textHeadings(md string) []string {
	var out []string
	fence := ""
	for _, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if f := fenceMarker(trimmed); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(trimmed, fence):
				fence = ""
			}
			continue
		}
		if fence == "" && strings.HasPrefix(line, "#") {
			out = append(out, strings.TrimSpace(strings.TrimLeft(line, "#")))
		}
	}
	return out
}
