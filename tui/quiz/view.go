package quiz

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"distlab/lessons"
	"distlab/tui/common"
)

// Title is the quiz's frame title: the lesson and where the student is.
func (m *Model) Title() string {
	n := len(m.lesson.Quiz)
	switch {
	case m.live != nil:
		return m.com.T("Live question · %s", m.lesson.Title)
	case n == 0:
		return m.com.T("Quiz: %s", m.lesson.Title)
	case m.finished:
		return m.com.T("Quiz · score · %s", m.lesson.Title)
	}
	return m.com.T("Quiz · question %d of %d · %s", m.i+1, n, m.lesson.Title)
}

// View is the quiz in exactly w×h cells.
func (m *Model) View(w, h int) string {
	if w < 4 || h < 1 {
		return common.Fit("", w, h)
	}
	m.viewW, m.viewH = w, h
	b := m.content(w)
	st := m.com.Styles
	out := b.out
	focus := b.focus
	top := 0 // the first line shown
	if m.answered || m.finished {
		// The answer scrolls with ↑/↓. It opens with as much of the
		// question above it as leaves the whole explanation in view.
		if m.scroll < 0 {
			m.scroll = min(b.verdict, max(len(out)-h, 0))
		}
		m.scroll = min(m.scroll, max(len(out)-h, 0))
		focus = -1
		top = m.scroll
	} else if focus >= h { // keep the cursor in view
		top = focus - h + 1
	}
	out = out[top:]
	for i := range out {
		out[i] = " " + out[i]
	}
	// What is cut off is marked where the eye ends: ↑ on the first line
	// while lines are hidden above, ↓ on the last while more follow, in
	// the right margin (lines are wrapped a cell short of it).
	mark := func(i int, arrow string) {
		out[i] = common.FitLine(out[i], w-1) + st.Status.Render(arrow)
	}
	if top > 0 && len(out) > 0 {
		mark(0, "↑")
	}
	if len(out) > h {
		mark(h-1, "↓")
	}
	return common.Fit(strings.Join(out, "\n"), w, h)
}

// content is the quiz's lines for a box w cells wide.
func (m *Model) content(w int) lines {
	var b lines
	b.w = w - 3 // a margin each side, and a column for the marks of what is cut off
	switch {
	case len(m.lesson.Quiz) == 0:
		b.wrap(m.com.Styles.Status.Render, m.com.T("This lesson has no quiz."), "")
	case m.finished:
		m.score(&b)
	default:
		m.body(&b)
	}
	return b
}

// SetBox says the box the quiz is drawn in, w×h as View takes them, before
// it is drawn: Help then knows whether the answer scrolls.
func (m *Model) SetBox(w, h int) { m.viewW, m.viewH = w, h }

// scrolls reports whether the answer on screen is taller than the box it
// was last drawn in, so that ↑/↓ scroll it (the help offers them only
// then); true before the first drawing.
func (m *Model) scrolls() bool {
	if m.viewW < 4 || m.viewH < 1 {
		return true
	}
	b := m.content(m.viewW)
	return len(b.out) > m.viewH
}

// lines gathers the quiz's lines, wrapped to w.
type lines struct {
	w       int
	out     []string
	focus   int // the line with the cursor
	verdict int // the line of the verdict
}

func (b *lines) blank() { b.out = append(b.out, "") }

// wrap adds text wrapped to the width, its first line after lead and the
// others under the first's text.
// A quiz's texts may mark code with backticks, as the lessons do: on
// screen they are dropped.
func (b *lines) wrap(style func(...string) string, text, lead string) {
	text = strings.ReplaceAll(text, "`", "")
	pad := strings.Repeat(" ", lipgloss.Width(lead))
	for i, l := range strings.Split(lipgloss.Wrap(text, max(b.w-lipgloss.Width(lead), 8), ""), "\n") {
		first := pad
		if i == 0 {
			first = lead
		}
		b.out = append(b.out, first+style(l))
	}
}

func (m *Model) body(b *lines) {
	st, q := m.com.Styles, m.question()
	b.blank()
	b.wrap(st.Title.Render, q.Text, "")
	b.blank()
	switch q.Kind {
	case lessons.KindNumber:
		hint := m.com.T("a number")
		if q.Unit != "" {
			hint += ", " + q.Unit
		}
		if m.answered {
			b.out = append(b.out, st.Status.Render(hint+": ")+st.Item.Render(m.number.Value()))
		} else {
			b.out = append(b.out, m.com.InputView(m.number, st.FilterPrompt.Render("> "), min(b.w, 40)))
			b.out = append(b.out, st.Status.Render(hint))
		}
	case lessons.KindOrder:
		b.wrap(st.Status.Render, m.com.T("Pick the items from first to last:"), "")
		m.options(b, q)
	default:
		if q.Kind == lessons.KindChoices {
			b.wrap(st.Status.Render, m.com.T("Choose every option that applies:"), "")
		} else {
			b.wrap(st.Status.Render, m.com.T("Choose one option:"), "")
		}
		m.options(b, q)
	}
	if m.problem != "" {
		b.blank()
		b.wrap(st.StatusWarn.Render, m.problem, "")
	}
	switch {
	case m.live != nil:
		m.liveBody(b, q)
	case m.answered:
		b.blank()
		m.explain(b, q)
	}
}

// options lists the options (or items) as shown, each with its mark: a
// radio, a box, or the place picked in an order.
func (m *Model) options(b *lines, q lessons.Question) {
	st := m.com.Styles
	for k, i := range m.shown {
		text := ""
		if q.Kind == lessons.KindOrder {
			text = q.Items[i]
		} else {
			text = q.Options[i].Text
		}
		at := slices.Index(m.picked, k)
		var mark string
		switch q.Kind {
		case lessons.KindOrder:
			mark = "[ ]"
			if at >= 0 {
				mark = "[" + string(rune('1'+at)) + "]"
			}
		case lessons.KindChoices:
			mark = "[ ]"
			if at >= 0 {
				mark = "[x]"
			}
		default:
			mark = "( )"
			if at >= 0 {
				mark = "(•)"
			}
		}
		cursor := "  "
		style := st.Item.Render
		if k == m.cursor && !m.answered {
			cursor, style = st.Title.Render("▸ "), st.ItemSelected.Render
			b.focus = len(b.out)
		}
		b.wrap(style, text, cursor+mark+" "+string(rune('a'+k))+") ")
	}
}

// explain is the verdict and why: for options, every one chosen and every
// right one, each with its why; the question's own why after.
func (m *Model) explain(b *lines, q lessons.Question) {
	st := m.com.Styles
	b.verdict = len(b.out)
	switch {
	case m.right:
		b.wrap(st.ReadMark.Render, m.com.T("✓ Right."), "")
	case q.Kind == lessons.KindChoice || q.Kind == lessons.KindChoices:
		var right []string
		for k, i := range m.shown {
			if q.Options[i].Correct {
				right = append(right, string(rune('a'+k)))
			}
		}
		b.wrap(st.StatusError.Render, m.com.T("✗ Not quite: the answer is %s.", strings.Join(right, ", ")), "")
	default:
		b.wrap(st.StatusError.Render, m.com.T("✗ Not quite."), "")
	}
	switch q.Kind {
	case lessons.KindNumber:
		b.wrap(st.Item.Render, m.com.T("The answer: %s.", formatNumber(m.com.Printer, q)), "")
	case lessons.KindOrder:
		b.wrap(st.Item.Render, m.com.T("The order:"), "")
		for n, it := range q.Items {
			b.wrap(st.Item.Render, it, "  "+string(rune('1'+n))+". ")
		}
	default:
		for k, i := range m.shown {
			o := q.Options[i]
			picked := slices.Contains(m.picked, k)
			if !picked && !o.Correct {
				continue
			}
			mark, style := st.ReadMark.Render("✓ "), st.Item.Render
			if !o.Correct {
				mark = st.StatusError.Render("✗ ")
			} else if !picked {
				mark = st.StatusWarn.Render("✓ ") // right, and missed
			}
			b.wrap(style, o.Why, "  "+mark+string(rune('a'+k))+") ")
		}
	}
	if q.Why != "" {
		b.blank()
		b.wrap(st.Summary.Render, q.Why, "")
	}
}

// score is the end of the quiz: how many right at the first try, and each
// question's outcome.
func (m *Model) score(b *lines) {
	st := m.com.Styles
	first, right := m.Score()
	n := len(m.lesson.Quiz)
	b.blank()
	b.wrap(st.Title.Render, m.com.T("Right at the first try: %d of %d", first, n), "")
	if right > first {
		b.wrap(st.Item.Render, m.com.T("Right after another try: %d", right-first), "")
	}
	b.blank()
	for i, q := range m.lesson.Quiz {
		mark := st.StatusError.Render("✗ ")
		switch m.results[i] {
		case rightFirst:
			mark = st.ReadMark.Render("✓ ")
		case rightLater:
			mark = st.StatusWarn.Render("↻ ")
		case unanswered:
			mark = st.Status.Render("· ")
		}
		b.out = append(b.out, mark+st.Item.Render(common.Ellipsis(strings.ReplaceAll(q.Text, "`", ""), b.w-2)))
	}
	b.blank()
	b.wrap(st.Status.Render, m.com.T("r starts over with the options shuffled anew; what you got right stays in your progress."), "")
}
