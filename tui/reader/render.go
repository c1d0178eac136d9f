package reader

import (
	"hash/fnv"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/banner"
	"distlab/tui/common"
	"distlab/tui/markdown"
	"distlab/tui/theme"
)

// RenderedMsg carries a finished render back to the pane.
type RenderedMsg struct {
	key renderKey
	render
	err error
}

// render is one finished render: its lines, each exactly key.width cells,
// and a viewport already holding them. Setting a viewport's content
// measures every line (milliseconds for a long lesson on a wide pane), so
// that happens once, in the render command, never in Update.
type render struct {
	lines []string
	vp    viewport.Model
}

type renderKey struct {
	lang, id string
	sum      uint64
	slide    int // -1: the whole lesson
	width    int
	theme    theme.Theme
}

// place is where the view should be: a line, or a fraction of the text.
type place struct {
	line   int
	frac   float64
	byFrac bool
}

// MaxTextWidth is the widest measure a lesson is wrapped to.
const MaxTextWidth = 100

// maxCache bounds the cache; past it, renders for other widths are dropped.
const maxCache = 64

func (m *Model) key() renderKey {
	if m.lesson.ID == "" || m.width <= 0 {
		return renderKey{}
	}
	slide := -1
	if m.presenting {
		slide = m.slide
	}
	return renderKey{lang: m.lesson.Lang, id: m.lesson.ID, sum: m.sum, slide: slide, width: m.width, theme: m.com.Styles.Theme}
}

// show puts what should be seen in the view from the cache, or returns the
// command that renders it.
func (m *Model) show() tea.Cmd {
	k := m.key()
	if k == (renderKey{}) {
		return nil
	}
	if r, ok := m.cache[k]; ok {
		m.setContent(k, r)
		return m.checkRead()
	}
	// The command runs on another goroutine: it gets copies, never m.
	// The pane's frame and the header name the lesson: the text starts with
	// its first section, which saves lines on small screens.
	heading, body, styles := m.lesson.Title, m.lesson.Body, m.com.Styles
	if k.slide >= 0 && k.slide < len(m.slides) {
		body = m.slides[k.slide].Body
	}
	first := k.slide == 0
	return func() tea.Msg {
		// Past MaxTextWidth columns, lines get too long to read: the text
		// keeps that measure and is centered in the pane.
		wrap := min(k.width, MaxTextWidth)
		out, err := markdown.Render("", body, wrap, styles.Glamour)
		lines := fitWidth(out, k.width, (k.width-wrap)/2)
		if first { // the lesson's title, large, opens the first slide
			lines = append(titleBanner(heading, k.width, styles), lines...)
		}
		vp := viewport.New()
		vp.SetContentLines(lines) // reads them only: no line holds a newline
		return RenderedMsg{key: k, render: render{lines: lines, vp: vp}, err: err}
	}
}

// titleBanner is the title in block letters, centered, or in plain bold
// capitals when a word is too wide for the pane.
func titleBanner(title string, width int, s *theme.Styles) []string {
	rows := banner.Render(title, width-4)
	if rows == nil {
		rows = []string{strings.ToUpper(title)}
	}
	out := []string{strings.Repeat(" ", width)}
	for _, r := range rows {
		pad := max((width-ansi.StringWidth(r))/2, 0)
		out = append(out, common.FitLine(strings.Repeat(" ", pad)+s.Title.Render(r), width))
	}
	return out
}

// setContent shows render r of k at the place wanted: its viewport, with
// the pane's keys and size, becomes the pane's.
func (m *Model) setContent(k renderKey, r render) {
	keys := m.vp.KeyMap
	m.shown, m.lines, m.vp = k, r.lines, r.vp
	m.vp.KeyMap = keys
	m.resize()
	off := m.want.line
	if m.want.byFrac {
		off = int(m.want.frac * float64(len(r.lines)))
	}
	m.vp.SetYOffset(off)
	m.want = place{line: m.vp.YOffset()}
}

func (m *Model) rendered(msg RenderedMsg) tea.Cmd {
	if msg.err != nil {
		if msg.key == m.key() { // a stale render's failure is not news
			m.err = msg.err
		}
		return nil
	}
	if len(m.cache) >= maxCache {
		for k := range m.cache {
			if k.width != m.width {
				delete(m.cache, k)
			}
		}
	}
	m.cache[msg.key] = msg.render
	if msg.key == m.key() {
		m.setContent(msg.key, msg.render)
		return m.checkRead()
	}
	return nil
}

// fitWidth splits a render into lines of exactly width cells, so that View
// only joins them. Code blocks and diagrams are not wrapped by glamour: a
// line too long is cut with an ellipsis rather than spill out of the pane.
func fitWidth(s string, width, indent int) []string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	pad := strings.Repeat(" ", indent)
	for i, l := range lines {
		l = pad + l
		if ansi.StringWidth(l) > width {
			l = ansi.Truncate(l, width-1, "") + "…"
		}
		lines[i] = common.FitLine(l, width)
	}
	return lines
}

func checksum(l lessons.Lesson) uint64 {
	h := fnv.New64a()
	h.Write([]byte(l.Title))
	h.Write([]byte{0})
	h.Write([]byte(l.Raw))
	return h.Sum64()
}
