package quiz

import (
	"fmt"
	"strings"

	"distlab/demos/locale"
	"distlab/lessons"
)

// ForPrint is lesson l's text as `distlab lesson show` prints it, for
// paper: the reading text with its answers section moved to the end, and
// after it the quiz, each question with its answer and why. On screen the
// answers wait until the student has tried; on paper they go last, where
// a reader does not see them by accident.
func ForPrint(p *locale.Printer, l lessons.Lesson) string {
	before, answers, after := l.SplitAnswers()
	var b strings.Builder
	b.WriteString(strings.TrimRight(before+after, "\n"))
	if answers != "" {
		b.WriteString("\n\n---\n\n" + strings.TrimRight(answers, "\n"))
	}
	if len(l.Quiz) > 0 {
		b.WriteString("\n\n---\n\n## " + p.T("Quiz") + "\n")
		for i, q := range l.Quiz {
			// A paragraph, a list, a paragraph: a list item's second
			// paragraph runs into its first in the terminal's render.
			fmt.Fprintf(&b, "\n**%d.** %s\n\n", i+1, q.Text)
			switch q.Kind {
			case lessons.KindNumber:
				fmt.Fprintf(&b, "- %s\n", p.T("The answer: %s.", formatNumber(p, q)))
			case lessons.KindOrder:
				fmt.Fprintf(&b, "%s\n\n", p.T("The order:"))
				for n, it := range q.Items {
					fmt.Fprintf(&b, "%d. %s\n", n+1, it)
				}
			default:
				for k, o := range q.Options {
					mark := "✗"
					if o.Correct {
						mark = "✓"
					}
					fmt.Fprintf(&b, "- %s %c) %s — %s\n", mark, 'a'+k, o.Text, o.Why)
				}
			}
			if q.Why != "" {
				fmt.Fprintf(&b, "\n%s\n", q.Why)
			}
		}
	}
	return b.String() + "\n"
}
