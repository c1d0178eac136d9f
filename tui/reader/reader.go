// Package reader is the lesson pane: a lesson rendered by glamour, wrapped
// to the pane's width, in a scrolling viewport.
//
// Rendering is slow (tens of milliseconds), so it never happens in Update or
// View: the pane returns a tea.Cmd that renders in the background and sends
// RenderedMsg, and keeps each result in a cache keyed by lesson, language,
// content, width and theme. Resizing or restyling re-renders once; scrolling
// never does.
package reader

import (
	"hash/fnv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/keys"
	"distlab/tui/markdown"
	"distlab/tui/theme"
)

// RenderedMsg carries a finished render back to the pane.
type RenderedMsg struct {
	key   renderKey
	lines []string // each exactly key.width cells
	err   error
}

// ReadMsg says the lesson was scrolled to its end.
type ReadMsg struct{ ID string }

type renderKey struct {
	lang, id string
	sum      uint64
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
const maxCache = 48

// Model is the reader pane.
type Model struct {
	com  *common.Common
	keys keys.Reader

	lesson lessons.Lesson
	sum    uint64 // hash of the lesson's title and body
	lines  []string
	off    int // first line shown
	cache  map[renderKey][]string
	shown  renderKey // what lines hold; zero when they hold nothing
	want   place     // where to put the view when the pending render lands
	err    error
	read   bool // ReadMsg sent for the lesson shown

	width, height int
	focused       bool
}

var _ common.Pane = (*Model)(nil)

// New returns an empty reader.
func New(com *common.Common) *Model {
	return &Model{com: com, keys: keys.DefaultReader(com.Text), cache: map[renderKey][]string{}}
}

// Init does nothing until a lesson is set.
func (m *Model) Init() tea.Cmd { return nil }

// Title is the lesson's title.
func (m *Model) Title() string { return m.lesson.Title }

// Focus gives or takes the keyboard.
func (m *Model) Focus(f bool) { m.focused = f }

// Relabel refreshes key help after a language change.
func (m *Model) Relabel() { m.keys = keys.DefaultReader(m.com.Text) }

// Lesson is the lesson shown (zero if none).
func (m *Model) Lesson() lessons.Lesson { return m.lesson }

// Offset is the first visible line.
func (m *Model) Offset() int { return m.off }

// Percent is how far down the lesson the view is, 0 to 1; a lesson that
// fits on the screen is all seen.
func (m *Model) Percent() float64 {
	if m.maxOff() == 0 {
		return 1
	}
	return float64(m.off) / float64(m.maxOff())
}

// AtEnd reports whether the last line is on screen.
func (m *Model) AtEnd() bool { return m.off >= m.maxOff() }

func (m *Model) maxOff() int { return max(len(m.lines)-m.height, 0) }

// scrollTo moves the view to line off, kept in range.
func (m *Model) scrollTo(off int) { m.off = min(max(off, 0), m.maxOff()) }

// Ready reports whether the lesson shown is rendered for the current size.
func (m *Model) Ready() bool { return m.shown != (renderKey{}) && m.shown == m.key() }

// SetLesson shows l scrolled to offset, rendering it first if needed.
func (m *Model) SetLesson(l lessons.Lesson, offset int) tea.Cmd {
	m.lesson, m.sum, m.want, m.read, m.err = l, checksum(l), place{line: offset}, false, nil
	return m.show()
}

// SwitchTo shows l, the same lesson in another language, at the same
// relative place in the text.
func (m *Model) SwitchTo(l lessons.Lesson) tea.Cmd {
	want := m.here(true)
	m.lesson, m.sum, m.read, m.err = l, checksum(l), false, nil
	m.want = want
	return m.show()
}

// Reload shows a new version of the lesson shown, at the same line.
func (m *Model) Reload(l lessons.Lesson) tea.Cmd {
	want := m.here(false)
	m.lesson, m.sum, m.err = l, checksum(l), nil
	m.want = want
	return m.show()
}

// here is the current place, as a line or as a fraction of the text. With
// nothing rendered yet it is the place still wanted.
func (m *Model) here(byFrac bool) place {
	if !m.Ready() {
		return m.want
	}
	if byFrac {
		return place{frac: float64(m.off) / float64(max(len(m.lines), 1)), byFrac: true}
	}
	return place{line: m.off}
}

// SetSize sets the inner size; a new width means a new render, kept at the
// same relative place in the text.
func (m *Model) SetSize(w, h int) tea.Cmd {
	if w == m.width && h == m.height {
		return nil
	}
	m.want = m.here(w != m.width) // lines move when text rewraps: keep the fraction
	m.width, m.height = w, h
	m.scrollTo(m.off)
	return m.show()
}

// Restyle re-renders after a theme change, keeping the place.
func (m *Model) Restyle() tea.Cmd {
	m.want = m.here(false)
	return m.show()
}

// KeyMap is the reader's help.
func (m *Model) KeyMap() help.KeyMap { return keyMap(m.keys) }

type keyMap keys.Reader

func (k keyMap) ShortHelp() []key.Binding { return []key.Binding{k.PageDown} }

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.HalfUp, k.HalfDown, k.Top, k.Bottom}}
}

func (m *Model) key() renderKey {
	if m.lesson.ID == "" || m.width <= 0 {
		return renderKey{}
	}
	return renderKey{lang: m.lesson.Lang, id: m.lesson.ID, sum: m.sum, width: m.width, theme: m.com.Styles.Theme}
}

// show puts the current lesson in the viewport from the cache, or returns
// the command that renders it.
func (m *Model) show() tea.Cmd {
	k := m.key()
	if k == (renderKey{}) {
		return nil
	}
	if out, ok := m.cache[k]; ok {
		m.setContent(k, out)
		return m.checkRead()
	}
	title, body, style := m.lesson.Title, m.lesson.Body, m.com.Styles.Glamour
	return func() tea.Msg {
		// Past MaxTextWidth columns, lines get too long to read: the text
		// keeps that measure and is centered in the pane.
		wrap := min(k.width, MaxTextWidth)
		out, err := markdown.Render(title, body, wrap, style)
		return RenderedMsg{key: k, lines: fitWidth(out, k.width, (k.width-wrap)/2), err: err}
	}
}

func (m *Model) setContent(k renderKey, lines []string) {
	m.shown, m.lines = k, lines
	off := m.want.line
	if m.want.byFrac {
		off = int(m.want.frac * float64(len(lines)))
	}
	m.scrollTo(off)
	m.want = place{line: m.off}
}

// Update handles the render results, keys (when focused) and the wheel.
func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case RenderedMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, nil
		}
		if len(m.cache) >= maxCache {
			for k := range m.cache {
				if k.width != m.width {
					delete(m.cache, k)
				}
			}
		}
		m.cache[msg.key] = msg.lines
		if msg.key == m.key() {
			m.setContent(msg.key, msg.lines)
			return m, m.checkRead()
		}
		return m, nil
	case tea.KeyPressMsg:
		page := max(m.height, 1)
		switch {
		case key.Matches(msg, m.keys.Up):
			m.scrollTo(m.off - 1)
		case key.Matches(msg, m.keys.Down):
			m.scrollTo(m.off + 1)
		case key.Matches(msg, m.keys.PageUp):
			m.scrollTo(m.off - page)
		case key.Matches(msg, m.keys.PageDown):
			m.scrollTo(m.off + page)
		case key.Matches(msg, m.keys.HalfUp):
			m.scrollTo(m.off - max(page/2, 1))
		case key.Matches(msg, m.keys.HalfDown):
			m.scrollTo(m.off + max(page/2, 1))
		case key.Matches(msg, m.keys.Top):
			m.scrollTo(0)
		case key.Matches(msg, m.keys.Bottom):
			m.scrollTo(m.maxOff())
		default:
			return m, nil
		}
		return m, m.checkRead()
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.scrollTo(m.off - 3)
		case tea.MouseWheelDown:
			m.scrollTo(m.off + 3)
		}
		return m, m.checkRead()
	}
	return m, nil
}

// checkRead sends ReadMsg once when the end of the lesson is on screen.
func (m *Model) checkRead() tea.Cmd {
	if m.read || !m.Ready() || !m.AtEnd() {
		return nil
	}
	m.read = true
	id := m.lesson.ID
	return func() tea.Msg { return ReadMsg{ID: id} }
}

// View is the visible part of the lesson, exactly width×height.
func (m *Model) View() string {
	switch {
	case m.width <= 0 || m.height <= 0:
		return ""
	case m.err != nil:
		return common.Fit(m.com.Styles.StatusError.Render(m.err.Error()), m.width, m.height)
	case m.lesson.ID == "":
		return common.Fit("", m.width, m.height)
	case !m.Ready():
		return common.Fit("\n  "+m.com.Styles.Status.Render(m.com.Text.Rendering), m.width, m.height)
	}
	end := min(m.off+m.height, len(m.lines))
	var b strings.Builder
	b.Grow(m.height * (m.width + 16))
	for i := m.off; i < end; i++ {
		if i > m.off {
			b.WriteByte('\n')
		}
		b.WriteString(m.lines[i])
	}
	if blank := m.height - (end - m.off); blank > 0 {
		pad := strings.Repeat(" ", m.width)
		for range blank {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(pad)
		}
	}
	return b.String()
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
	h.Write([]byte(l.Body))
	return h.Sum64()
}
