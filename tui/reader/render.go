package reader

import (
	"hash/fnv"
	"strings"
	"time"

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
	partial bool // the lesson's first part only (see firstPart)
	err     error
}

// render is one finished render: its lines, each exactly key.width cells,
// and a viewport already holding them. Setting a viewport's content
// measures every line (milliseconds for a long lesson on a wide pane), so
// that happens once, in the render command, never in Update.
type render struct {
	lines []string
	vp    viewport.Model
	cut   int // lines too wide for the pane, cut with "…" (code, diagrams)
}

type renderKey struct {
	lang, id string
	sum      uint64
	slide    int // -1: the whole lesson
	width    int
	theme    theme.Theme
	answers  bool // the answers section shown (see Model.SetAnswers)
}

// place is where the view should be: a line, or a fraction of the text.
type place struct {
	line   int
	frac   float64
	byFrac bool
	// heading, when set, is the title of the slide the place starts: the
	// view goes to its line nearest frac (see headingLine).
	heading string
}

// MaxTextWidth is the widest measure a lesson is wrapped to.
const MaxTextWidth = 100

func (m *Model) key() renderKey {
	if m.lesson.ID == "" || m.width <= 0 {
		return renderKey{}
	}
	slide := -1
	if m.presenting {
		slide = m.slide
	}
	return renderKey{lang: m.lesson.Lang, id: m.lesson.ID, sum: m.sum, slide: slide, width: m.width, theme: m.com.Styles.Theme, answers: m.answers}
}

// show puts what should be seen in the view from the cache, or returns the
// command that renders it.
func (m *Model) show() tea.Cmd {
	k := m.key()
	if k == (renderKey{}) {
		return nil
	}
	if r, ok := m.cache.get(k); ok {
		m.setContent(k, r, false)
		return m.checkRead()
	}
	if m.partial && m.shown == k {
		return nil // the whole render is on its way
	}
	return m.start(k, m.firstPart(k), 0)
}

// start returns the command that renders k (see renderCmd), unless one is
// running: when it lands, rendered asks for what is wanted then.
func (m *Model) start(k renderKey, part int, wait time.Duration) tea.Cmd {
	if m.busy {
		return nil
	}
	m.busy = true
	return m.renderCmd(k, part, wait)
}

// firstPart is how many source lines of the lesson to render first, 0 for
// all of it. With nothing of the lesson on the screen, the reader would
// wait "Rendering…" for the whole lesson (tens of milliseconds, more on a
// busy machine) though a screen shows a fraction of it; so it renders the
// text down to about two screens below the place wanted, shows that, and
// renders the whole in the background (see rendered). While something of
// the lesson is shown (a resize, a theme), the old render stays until the
// new one lands, and slides are a screen each: both render whole.
func (m *Model) firstPart(k renderKey) int {
	if k.slide >= 0 || m.want.byFrac && m.want.frac > 0 ||
		m.shown.id == k.id && m.shown.lang == k.lang && len(m.lines) > 0 {
		return 0
	}
	// A source line is one line of the render or more (the embedded
	// lessons average 1.4: paragraphs wrap, blocks have margins), but for
	// HTML comments, which show nothing. The part costs about its length:
	// at start-up, 1 and 1.5 screens of source measured alike, 2 about
	// 10 ms later.
	return m.want.line + max(m.viewHeight(), 10)*3/2
}

// wholeAfter is how long the whole render waits after a first part was
// shown: meanwhile the part's frame is drawn, rather than share two cores
// with the render (the first full frame came 10–15 ms sooner at start-up).
const wholeAfter = 35 * time.Millisecond

// renderCmd returns the command that renders k, or its first part lines of
// source when part > 0, after waiting wait.
func (m *Model) renderCmd(k renderKey, part int, wait time.Duration) tea.Cmd {
	// The command runs on another goroutine: it gets copies, never m.
	// The pane's frame and the header name the lesson: the text starts with
	// its first section, which saves lines on small screens.
	heading, body, styles := m.lesson.Title, m.readingText(k.answers), m.com.Styles
	if k.slide >= 0 && k.slide < len(m.slides) {
		body = m.slides[k.slide].Body
	}
	first := k.slide == 0
	return func() tea.Msg {
		time.Sleep(wait)
		partial := false
		if part > 0 {
			var prefix string
			// A part past half the lesson saves too little to pay for
			// rendering it twice.
			if prefix, partial = markdown.Prefix(body, part); partial && 2*len(prefix) < len(body) {
				body = prefix
			} else {
				partial = false
			}
		}
		// Past MaxTextWidth columns, lines get too long to read: the text
		// keeps that measure and is centered in the pane.
		wrap := min(k.width, MaxTextWidth)
		out, err := markdown.Render("", body, wrap, styles.Glamour)
		lines, cut := fitWidth(out, k.width, (k.width-wrap)/2)
		if first { // the lesson's title, large, opens the first slide
			lines = append(titleBanner(heading, k.width, styles), lines...)
		}
		vp := viewport.New()
		vp.SetContentLines(lines) // reads them only: no line holds a newline
		return RenderedMsg{key: k, render: render{lines: lines, vp: vp, cut: cut}, partial: partial, err: err}
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
// the pane's keys and size, becomes the pane's. The place stays wanted
// while r is a partial render, which may be too short to reach it; the
// whole render then lands there, or where the reader scrolled meanwhile.
func (m *Model) setContent(k renderKey, r render, partial bool) {
	if m.partial && m.shown == k && m.vp.YOffset() != m.partialAt {
		m.want = place{line: m.vp.YOffset()}
	}
	keys := m.vp.KeyMap
	m.shown, m.lines, m.vp, m.partial, m.cut = k, r.lines, r.vp, partial, r.cut
	m.vp.KeyMap = keys
	m.resize()
	off := m.want.line
	if m.want.byFrac {
		off = int(m.want.frac * float64(len(r.lines)))
	}
	if m.want.heading != "" {
		off = headingLine(r.lines, m.want.heading, off)
	}
	m.vp.SetYOffset(off)
	m.searchRendered(partial)
	if partial {
		m.partialAt = m.vp.YOffset()
		return
	}
	m.want = place{line: m.vp.YOffset()}
}

func (m *Model) rendered(msg RenderedMsg) tea.Cmd {
	m.busy = false
	if msg.partial {
		// Shown only while nothing better is: then the whole follows. A
		// stale part is dropped, and what is wanted now is asked for.
		if msg.key != m.key() || m.Ready() || m.partial && m.shown == msg.key {
			return m.show()
		}
		if msg.err == nil {
			m.setContent(msg.key, msg.render, true)
		}
		return m.start(msg.key, 0, wholeAfter)
	}
	if msg.err != nil {
		if msg.key == m.key() { // a stale render's failure is not news
			m.err = msg.err
			return nil
		}
		return m.show()
	}
	m.cache.put(msg.key, msg.render)
	if msg.key == m.key() {
		m.setContent(msg.key, msg.render, false)
		return m.checkRead()
	}
	return m.show() // the pane changed meanwhile (a resize): render what it shows now
}

// fitWidth splits a render into lines of exactly width cells, so that View
// only joins them. Code blocks and diagrams are not wrapped by glamour: a
// line too long is cut with an ellipsis rather than spill out of the pane.
// It also returns how many lines it cut.
func fitWidth(s string, width, indent int) (lines []string, cut int) {
	lines = strings.Split(strings.TrimRight(s, "\n"), "\n")
	pad := strings.Repeat(" ", indent)
	for i, l := range lines {
		l = pad + l
		if ansi.StringWidth(l) > width {
			l = ansi.Truncate(l, width-1, "") + "…"
			cut++
		}
		lines[i] = common.FitLine(l, width)
	}
	return lines, cut
}

func checksum(l lessons.Lesson) uint64 {
	h := fnv.New64a()
	h.Write([]byte(l.Title))
	h.Write([]byte{0})
	h.Write([]byte(l.Raw))
	return h.Sum64()
}
