package lessons

import (
	"slices"
	"strings"
)

// Slide is one slide of a lesson in presenter mode.
type Slide struct {
	Body  string   // markdown, speaker notes removed
	Notes []string // the slide's speaker notes, in order
	Title string   // the slide's first heading, or ""
	Line  int      // file line where the slide starts
	Path  string   // the deck's file, "" for a slide cut from the reading text
	// Demo is the demo that opens beside the slide when it is shown, ""
	// for none; Start is how it starts (a clocks scenario), "" for as usual.
	Demo, Start string
	// Section is the heading of the reading text the slide covers, where
	// the reader goes on leaving it; "" for the heading titled as the slide.
	Section string
}

// Slides are the lesson's slides: its deck (see DeckSuffix) when it has
// one. Otherwise they are its reading text split at lines that hold only
// "---", or, when the text has none, before each "## " heading. Lines
// inside code fences never split. Slides with nothing to show are dropped;
// their notes go to the slide before.
func Slides(l Lesson) []Slide {
	if len(l.Deck) > 0 {
		return slices.Clone(l.Deck)
	}
	lines := strings.Split(l.Raw, "\n")
	breaks := splitPoints(lines, func(s string) bool { return strings.TrimRight(s, " \t") == "---" }, true)
	if len(breaks) == 0 {
		breaks = splitPoints(lines, func(s string) bool { return strings.HasPrefix(s, "## ") }, false)
	}
	var slides []Slide
	var pending []string // notes of empty slides before the first real one
	start := 0
	emit := func(from, to int) {
		raw := strings.Join(lines[from:to], "\n")
		body, notes := extractNotes(raw, l.Line+from)
		s := Slide{Body: strings.TrimSpace(body), Line: l.Line + from, Title: firstHeading(body)}
		for _, n := range notes {
			s.Notes = append(s.Notes, n.Text)
		}
		switch {
		case s.Body != "":
			s.Notes = append(pending, s.Notes...)
			pending = nil
			slides = append(slides, s)
		case len(slides) > 0:
			last := &slides[len(slides)-1]
			last.Notes = append(last.Notes, s.Notes...)
		default:
			pending = append(pending, s.Notes...)
		}
	}
	for _, b := range breaks {
		emit(start, b.at)
		start = b.next
	}
	emit(start, len(lines))
	return slides
}

type split struct{ at, next int } // slide ends before at; the next one starts at next

// splitPoints finds the lines outside code fences where isBreak holds. A
// ruler line is dropped (drop); a heading starts the next slide.
func splitPoints(lines []string, isBreak func(string) bool, drop bool) []split {
	var out []split
	fence := ""
	comment := false // inside <!-- ... --> over several lines
	for i, line := range lines {
		if comment || (fence == "" && strings.Contains(line, "<!--")) {
			open := strings.LastIndex(line, "<!--")
			comment = (comment || open >= 0) && !strings.Contains(line[max(open, 0):], "-->")
			if comment || open >= 0 {
				continue
			}
		}
		trimmed := strings.TrimLeft(line, " ")
		if f := fenceMarker(trimmed); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(trimmed, fence) && strings.TrimSpace(trimmed[len(fence):]) == "":
				fence = ""
			}
			continue
		}
		if fence != "" || !isBreak(line) {
			continue
		}
		if drop {
			out = append(out, split{at: i, next: i + 1})
		} else if i > 0 {
			out = append(out, split{at: i, next: i})
		}
	}
	return out
}

// fenceMarker returns the run of ` or ~ (three or more) a line opens with.
func fenceMarker(s string) string {
	for _, c := range []string{"`", "~"} {
		n := len(s) - len(strings.TrimLeft(s, c))
		if n >= 3 {
			return s[:n]
		}
	}
	return ""
}

// firstHeading is the text of the first markdown heading in md.
func firstHeading(md string) string {
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "#") {
			return strings.TrimSpace(strings.TrimLeft(line, "#"))
		}
	}
	return ""
}
