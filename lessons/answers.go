package lessons

import "strings"

// AnswersHeadings are the headings of a lesson's answers section, by
// language: the section of the reading text, "## Answers", that answers
// its self-check questions. The app keeps it hidden until the student has
// tried (see Lesson.SplitAnswers); `distlab lesson show` prints it at the
// end, for print.
var AnswersHeadings = map[string]string{"en": "Answers", "pt-BR": "Respostas"}

// SplitAnswers cuts the lesson's text around its answers section: the text
// before it, the section itself (its "## " heading to the next "## "
// heading or the end, a closing thematic break dropped), and the text
// after it. A lesson without one gives its whole Body as before.
func (l Lesson) SplitAnswers() (before, answers, after string) {
	heading, ok := AnswersHeadings[l.Lang]
	if !ok {
		return l.Body, "", ""
	}
	start := -1
	for off := 0; off < len(l.Body); {
		end := strings.IndexByte(l.Body[off:], '\n')
		if end < 0 {
			end = len(l.Body) - off
		}
		line := strings.TrimSpace(l.Body[off : off+end])
		switch {
		case start < 0 && line == "## "+heading:
			start = off
		case start >= 0 && strings.HasPrefix(line, "## "):
			return l.Body[:start], trimRule(l.Body[start:off]), l.Body[off:]
		}
		off += end + 1
	}
	if start < 0 {
		return l.Body, "", ""
	}
	return l.Body[:start], trimRule(l.Body[start:]), ""
}

// trimRule drops the thematic break that closes a section before the next.
func trimRule(s string) string {
	t := strings.TrimRight(s, " \n")
	if strings.HasSuffix(t, "\n---") {
		return strings.TrimRight(strings.TrimSuffix(t, "---"), " \n") + "\n"
	}
	return t + "\n"
}

// answersLines are the file lines the answers section spans in l.Raw,
// [first, end); none (0, 0) without one.
func (l Lesson) answersLines() (first, end int) {
	heading, ok := AnswersHeadings[l.Lang]
	if !ok {
		return 0, 0
	}
	for i, line := range strings.Split(l.Raw, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case first == 0 && line == "## "+heading:
			first = l.Line + i
		case first != 0 && strings.HasPrefix(line, "## "):
			return first, l.Line + i
		}
	}
	if first == 0 {
		return 0, 0
	}
	return first, l.Line + len(strings.Split(l.Raw, "\n"))
}
