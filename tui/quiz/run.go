// Package quiz asks a lesson's quiz (lessons.Question): `distlab quiz ID`
// in the terminal, one question at a time, each answer checked and
// explained — why the options chosen are right or wrong, and the right
// ones missed — then the score. Options and the items of an order come
// shuffled, so a second try is not answered by position.
package quiz

import (
	"bufio"

	"github.com/charmbracelet/x/ansi"

	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"

	"distlab/demos/locale"
	"distlab/lessons"
)

// Run asks every question of l on in and out, in p's language, shuffling
// with rng, and returns how many were answered right. It stops early,
// without an error, when the input ends.
// Text is wrapped at width columns, 0 for none (a pipe).
func Run(in io.Reader, out io.Writer, p *locale.Printer, l lessons.Lesson, rng *rand.Rand, width int) (right int, err error) {
	return RunRecording(in, out, p, l, rng, width, nil)
}

// RunRecording is Run that calls record with each question's id and
// whether it was answered right, as it is answered (nil for none): the
// command saves it in the student's progress.
func RunRecording(in io.Reader, out io.Writer, p *locale.Printer, l lessons.Lesson, rng *rand.Rand, width int, record func(question string, right bool)) (right int, err error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 1024), 64<<10)
	w := &errWriter{w: out, width: width}
	w.printf("%s\n\n", p.T("Quiz: %s — %d questions", l.Title, len(l.Quiz)))
	for i, q := range l.Quiz {
		w.printf("%d/%d  %s\n", i+1, len(l.Quiz), q.Text)
		ok, more := ask(sc, w, p, q, rng)
		if !more {
			break
		}
		if record != nil {
			record(q.ID, ok)
		}
		if ok {
			right++
		}
		w.printf("\n")
	}
	w.printf("%s\n", p.T("Score: %d of %d", right, len(l.Quiz)))
	return right, w.err
}

// ask asks q once and explains the answer; more is false when the input
// ended first.
func ask(sc *bufio.Scanner, w *errWriter, p *locale.Printer, q lessons.Question, rng *rand.Rand) (right, more bool) {
	var a lessons.Answer
	switch q.Kind {
	case lessons.KindNumber:
		hint := p.T("a number")
		if q.Unit != "" {
			hint += ", " + q.Unit
		}
		for {
			line, ok := prompt(sc, w, hint)
			if !ok {
				return false, false
			}
			if n, ok := ParseNumber(line, p.Lang()); ok {
				a.Number = n
				break
			}
			w.printf("  %s\n", p.T("not a number: %s", line))
		}
		right = q.Right(a)
		w.printf("  %s %s\n", verdict(p, right), p.T("The answer: %s.", formatNumber(p, q)))
		w.printf("  %s\n", q.Why)
		return right, true
	case lessons.KindOrder:
		shown := rng.Perm(len(q.Items))
		for k, i := range shown {
			w.printf("    %c) %s\n", 'a'+k, q.Items[i])
		}
		picks, ok := letters(sc, w, p, p.T("the letters in order, e.g. %s", exampleLetters(len(q.Items))), len(q.Items), len(q.Items), len(q.Items))
		if !ok {
			return false, false
		}
		for _, k := range picks {
			a.Order = append(a.Order, shown[k])
		}
		right = q.Right(a)
		w.printf("  %s %s\n", verdict(p, right), p.T("The order:"))
		for _, it := range q.Items {
			w.printf("    %s\n", it)
		}
		w.printf("  %s\n", q.Why)
		return right, true
	default: // choice, choices
		shown := rng.Perm(len(q.Options))
		for k, i := range shown {
			w.printf("    %c) %s\n", 'a'+k, q.Options[i].Text)
		}
		hint, most := p.T("one letter"), 1
		if q.Kind == lessons.KindChoices {
			hint, most = p.T("every letter that applies, e.g. a c"), len(q.Options)
		}
		picks, ok := letters(sc, w, p, hint, 1, most, len(q.Options))
		if !ok {
			return false, false
		}
		for _, k := range picks {
			a.Chosen = append(a.Chosen, shown[k])
		}
		right = q.Right(a)
		w.printf("  %s\n", verdict(p, right))
		// Every option chosen, and every right one, with why.
		for k, i := range shown {
			o := q.Options[i]
			picked := false
			for _, c := range a.Chosen {
				picked = picked || c == i
			}
			if !picked && !o.Correct {
				continue
			}
			mark := "✓"
			if !o.Correct {
				mark = "✗"
			}
			w.printf("    %s %c) %s\n", mark, 'a'+k, o.Why)
		}
		if q.Why != "" {
			w.printf("  %s\n", q.Why)
		}
		return right, true
	}
}

func verdict(p *locale.Printer, right bool) string {
	if right {
		return p.T("✓ Right.")
	}
	return p.T("✗ Not quite.")
}

// prompt shows hint and reads a line that is not blank.
func prompt(sc *bufio.Scanner, w *errWriter, hint string) (string, bool) {
	for {
		w.printf("  (%s) > ", hint)
		if !sc.Scan() {
			w.printf("\n")
			return "", false
		}
		if line := strings.TrimSpace(sc.Text()); line != "" {
			return line, true
		}
	}
}

// letters reads at least least and at most most distinct letters among
// the first n ("a c", "ac", "A, C"), as indexes.
func letters(sc *bufio.Scanner, w *errWriter, p *locale.Printer, hint string, least, most, n int) ([]int, bool) {
	for {
		line, ok := prompt(sc, w, hint)
		if !ok {
			return nil, false
		}
		var out []int
		good := true
		seen := map[int]bool{}
		for _, r := range strings.ToLower(line) {
			switch {
			case r == ' ' || r == ',':
			case r >= 'a' && int(r-'a') < n && !seen[int(r-'a')]:
				seen[int(r-'a')] = true
				out = append(out, int(r-'a'))
			default:
				good = false
			}
		}
		switch {
		case !good:
			w.printf("  %s\n", p.T("answer with letters from a to %c, each once", rune('a'+n-1)))
		case len(out) < least || len(out) > most:
			if least == most {
				w.printf("  %s\n", p.T("give %d letters", least))
			} else {
				w.printf("  %s\n", p.T("give from %d to %d letters", least, most))
			}
		default:
			return out, true
		}
	}
}

func exampleLetters(n int) string {
	var b strings.Builder
	for i := n - 1; i >= 0; i-- {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(byte('a' + i))
	}
	return b.String()
}

// ParseNumber reads a number as a person of lang types it: "6.4" or "6,4"
// (Portuguese writes a decimal comma; English uses a comma between
// thousands, "9,038"), with a unit or a % after it.
func ParseNumber(s string, lang locale.Lang) (float64, bool) {
	s = strings.TrimSpace(s)
	end := len(s)
	for end > 0 && !strings.ContainsRune("0123456789", rune(s[end-1])) {
		end-- // a unit, a %
	}
	s = strings.ReplaceAll(s[:end], " ", "")
	if lang == locale.Portuguese {
		s = strings.ReplaceAll(s, ".", "")
		s = strings.ReplaceAll(s, ",", ".")
	} else {
		s = strings.ReplaceAll(s, ",", "")
	}
	n, err := strconv.ParseFloat(s, 64)
	return n, err == nil && s != ""
}

// formatNumber is q's answer as p writes numbers, with its tolerance and
// unit.
func formatNumber(p *locale.Printer, q lessons.Question) string {
	n := strconv.FormatFloat(q.Answer, 'f', -1, 64)
	if p.Lang() == locale.Portuguese {
		n = strings.ReplaceAll(n, ".", ",")
	}
	if q.Tolerance > 0 {
		t := strconv.FormatFloat(q.Tolerance, 'f', -1, 64)
		if p.Lang() == locale.Portuguese {
			t = strings.ReplaceAll(t, ".", ",")
		}
		n += " ± " + t
	}
	if q.Unit != "" {
		n += " " + q.Unit
	}
	return n
}

// errWriter keeps the first write error, and wraps what it writes at
// width columns at spaces, each line's continuation under its text.
type errWriter struct {
	w     io.Writer
	width int
	err   error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	s := fmt.Sprintf(format, args...)
	if e.width > 20 {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			body := strings.TrimLeft(l, " ")
			lead := l[:len(l)-len(body)]
			indent := lead + "  "
			if ansi.StringWidth(l) > e.width {
				lines[i] = lead + strings.ReplaceAll(ansi.Wrap(body, e.width-len(indent), ""), "\n", "\n"+indent)
			}
		}
		s = strings.Join(lines, "\n")
	}
	_, e.err = io.WriteString(e.w, s)
}
