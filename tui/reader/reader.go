// Package reader is the lesson pane: a lesson rendered by glamour, wrapped
// to the pane's width, in a bubbles viewport; in presenter mode, the same
// lesson one slide at a time.
//
// Rendering is slow (tens of milliseconds), so it never happens in Update or
// View: the pane returns a tea.Cmd that renders in the background and sends
// RenderedMsg, and keeps each result in a cache keyed by lesson, language,
// content, slide, width and theme. Resizing or restyling re-renders once;
// scrolling never does. A lesson opened with nothing of it on the screen
// renders its first part first, about two screens, shown at once; the
// whole follows in the background and takes its place at the same line.
package reader

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/lessons"
	"distlab/tui/common"
	"distlab/tui/keys"
)

// ReadMsg says the lesson was read: its end stayed on screen for ReadAfter.
type ReadMsg struct{ ID string }

// DemoLabel is one entry of the demo bar: pressing its number opens it.
type DemoLabel struct {
	Short, Title string
	// Done of Total challenges of the demo are met; no count when Total
	// is 0.
	Done, Total int
}

// Model is the reader pane.
type Model struct {
	com  *common.Common
	keys keys.Reader

	lesson lessons.Lesson
	sum    uint64 // hash of the lesson's title and body
	// answers says whether the self-check answers are shown (answers.go).
	answers bool
	demos   []DemoLabel

	presenting bool
	slides     []lessons.Slide
	slide      int

	// vp scrolls the render shown: it holds the offset, the keys and the
	// wheel. View draws the lines itself (see View).
	vp    viewport.Model
	lines []string // the lines in vp, each exactly width cells
	cut   int      // of them, those cut at the right edge (see fitWidth)
	cache *renderCache
	// busy: a render command is running. Only one runs at a time: a resize
	// storm would otherwise start a render for every width it passes, each
	// the size of the lesson many times over; the one wanted last starts
	// when the running one lands.
	busy  bool
	shown renderKey // what lines hold; zero when they hold nothing
	want  place     // where to put the view when the pending render lands
	// partial: lines hold the first part of the lesson only, and its whole
	// render is on its way; partialAt is the offset the part was shown at.
	partial   bool
	partialAt int
	err       error
	read      bool // ReadMsg sent for the lesson shown
	// readSeq numbers the wait for the end to stay on screen (see
	// checkRead); readArmed: one is under way.
	readSeq   int
	readArmed bool
	// enteredSlide is the slide shown when presenting began: leaving from
	// another one takes the reader to that slide's place in the text.
	enteredSlide int

	// search is the search inside the lesson (search.go).
	search finder

	width, height int // inner size, demo bar and search line included
	focused       bool
}

var _ common.Pane = (*Model)(nil)

// New returns an empty reader.
func New(com *common.Common) *Model {
	m := &Model{com: com, vp: viewport.New(), cache: newRenderCache()}
	m.Relabel()
	return m
}

// Init does nothing until a lesson is set.
func (m *Model) Init() tea.Cmd { return nil }

// Title is the lesson's title, with the slide counter when presenting.
func (m *Model) Title() string {
	if c := m.Counter(); c != "" { // first: a narrow pane cuts the title, not the count
		return c + " · " + m.lesson.Title
	}
	return m.lesson.Title
}

// Focus gives or takes the keyboard.
func (m *Model) Focus(f bool) { m.focused = f }

// Relabel refreshes key help after a language change.
func (m *Model) Relabel() {
	m.keys = keys.DefaultReader(m.com.Printer)
	m.vp.KeyMap = viewportKeys(m.keys)
	m.search.keys = keys.DefaultSearch(m.com.Printer)
}

// viewportKeys are the reader's scroll keys for the viewport. Its defaults
// would also take h and l (sideways, which a wrapped lesson never needs)
// and ctrl+u, ctrl+d: left unbound. Top and bottom the reader does itself.
func viewportKeys(k keys.Reader) viewport.KeyMap {
	return viewport.KeyMap{
		Up: k.Up, Down: k.Down, PageUp: k.PageUp, PageDown: k.PageDown,
		HalfPageUp: k.HalfUp, HalfPageDown: k.HalfDown,
	}
}

// Lesson is the lesson shown (zero if none).
func (m *Model) Lesson() lessons.Lesson { return m.lesson }

// Offset is the first visible line.
func (m *Model) Offset() int { return m.vp.YOffset() }

// SetDemos sets the demo bar; nil hides it.
func (m *Model) SetDemos(d []DemoLabel) tea.Cmd {
	had := len(m.demos) > 0
	m.demos = d
	if had != (len(d) > 0) {
		m.resize() // the view lost or gained a line
	}
	return nil
}

// Percent is how far down the lesson the view is, 0 to 1; a lesson that
// fits on the screen is all seen.
func (m *Model) Percent() float64 { return m.vp.ScrollPercent() }

// AtEnd reports whether the last line is on screen.
func (m *Model) AtEnd() bool { return m.vp.AtBottom() }

// viewHeight is the lines left for the text under the demo bar and above
// the search's line.
func (m *Model) viewHeight() int {
	if len(m.demos) > 0 {
		return max(m.height-1-m.searchRows(), 0)
	}
	return m.height - m.searchRows()
}

// resize gives the viewport the room under the demo bar, keeping the
// offset in range.
func (m *Model) resize() {
	m.vp.SetWidth(m.width)
	m.vp.SetHeight(m.viewHeight())
	m.vp.SetYOffset(m.vp.YOffset())
}

// Ready reports whether what should be shown is rendered for this size,
// whole.
func (m *Model) Ready() bool { return m.current() && !m.partial }

// current reports whether lines hold a render of what should be shown,
// whole or its first part.
func (m *Model) current() bool { return m.shown != (renderKey{}) && m.shown == m.key() }

// SetLesson shows l scrolled to offset, rendering it first if needed.
func (m *Model) SetLesson(l lessons.Lesson, offset int) tea.Cmd {
	m.setLesson(l)
	m.want, m.read, m.slide = place{line: offset}, false, 0
	return m.show()
}

// SwitchTo shows l, the same lesson in another language, at the same
// relative place in the text (or the same slide).
func (m *Model) SwitchTo(l lessons.Lesson) tea.Cmd {
	want := m.here(true)
	m.setLesson(l)
	m.want, m.read = want, false
	m.slide = min(m.slide, max(len(m.slides)-1, 0))
	return m.show()
}

// Reload shows a new version of the lesson shown, at the same line.
func (m *Model) Reload(l lessons.Lesson) tea.Cmd {
	want := m.here(false)
	m.setLesson(l)
	m.want = want
	m.slide = min(m.slide, max(len(m.slides)-1, 0))
	return m.show()
}

func (m *Model) setLesson(l lessons.Lesson) {
	if l.ID != m.lesson.ID || l.Lang != m.lesson.Lang {
		m.closeSearch() // its matches were of another text
	}
	m.stopReadWait()
	m.lesson, m.sum, m.err = l, checksum(l), nil
	m.slides = lessons.Slides(l)
}

// Place is the line to remember as the reader's place in its lesson: the
// first line it shows, also while only the lesson's first part is drawn
// (a student may scroll in it and quit), or, before anything is, the line
// it will open at. ok is false while that is only known as a fraction of
// a render still to come.
func (m *Model) Place() (line int, ok bool) {
	p := m.here(false)
	return p.line, !p.byFrac
}

// here is the current place, as a line or as a fraction of the text. With
// nothing rendered yet it is the place still wanted.
func (m *Model) here(byFrac bool) place {
	if m.partial && m.current() && m.vp.YOffset() != m.partialAt {
		return place{line: m.vp.YOffset()} // scrolled in the first part
	}
	if !m.Ready() {
		return m.want
	}
	if byFrac {
		return place{frac: float64(m.vp.YOffset()) / float64(max(len(m.lines), 1)), byFrac: true}
	}
	return place{line: m.vp.YOffset()}
}

// SetSize sets the inner size; a new width means a new render, kept at the
// same relative place in the text.
func (m *Model) SetSize(w, h int) tea.Cmd {
	if w == m.width && h == m.height {
		return nil
	}
	m.want = m.here(w != m.width) // lines move when text rewraps: keep the fraction
	m.width, m.height = w, h
	m.resize()
	return m.show()
}

// Restyle re-renders after a theme change, keeping the place.
func (m *Model) Restyle() tea.Cmd {
	m.want = m.here(false)
	return m.show()
}

// KeyMap is the reader's help.
// Keys that would do nothing are left out: scrolling a text that fits,
// the slide keys of a lesson with one slide.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	scrolls := m.vp.TotalLineCount() > m.vp.Height()
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.HalfUp, &k.HalfDown, &k.Top, &k.Bottom} {
		b.SetEnabled(scrolls)
	}
	k.Answers.SetEnabled(!m.presenting && m.hasAnswers())
	if m.presenting {
		_, n := m.Slide()
		for _, b := range []*key.Binding{&k.NextSlide, &k.PrevSlide, &k.FirstSlide, &k.LastSlide} {
			b.SetEnabled(n > 1)
		}
	}
	return m.searchKeyMap(keyMap{k, m.presenting, scrolls && m.vp.AtBottom()})
}

type keyMap struct {
	k          keys.Reader
	presenting bool
	atBottom   bool // the end of the lesson is in view: the bar offers a page up
}

func (k keyMap) ShortHelp() []key.Binding {
	switch {
	case k.presenting:
		return []key.Binding{k.k.NextSlide, k.k.PrevSlide}
	case k.atBottom:
		return []key.Binding{k.k.PageUp}
	}
	return []key.Binding{k.k.PageDown}
}

// FullHelp is every key that acts: the help overlay lists them all.
func (k keyMap) FullHelp() [][]key.Binding {
	r := k.k
	scroll := []key.Binding{r.Up, r.Down, r.HalfUp, r.HalfDown}
	if k.presenting {
		// pgup/pgdn and space turn slides, after they scroll what a slide
		// hides; b blanks the screen (the app's key), f still pages.
		down := r.PageDown
		down.SetHelp("f", r.PageDown.Help().Desc)
		return [][]key.Binding{{r.NextSlide, r.PrevSlide, r.FirstSlide, r.LastSlide}, append(scroll, down)}
	}
	return [][]key.Binding{append(scroll, r.PageUp, r.PageDown, r.Top, r.Bottom), {r.Answers}}
}

// Update handles the render results, keys (when focused) and the wheel.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case RenderedMsg:
		return m.rendered(msg)
	case readTickMsg:
		return m.readTick(msg)
	case tea.PasteMsg:
		m.searchPaste(msg)
	case tea.KeyPressMsg:
		if cmd, ok := m.searchKey(msg); ok {
			return cmd
		}
		if t := m.slideTurn(msg); m.presenting && t != 0 {
			return m.Turn(t)
		}
		k := m.keys
		switch {
		case key.Matches(msg, k.Top):
			m.vp.SetYOffset(0)
		case key.Matches(msg, k.Bottom):
			m.vp.SetYOffset(m.vp.TotalLineCount())
		case key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown):
			m.vp, _ = m.vp.Update(msg)
		case key.Matches(msg, k.Answers) && !m.presenting && m.hasAnswers():
			return m.ShowAnswers(!m.answers)
		default:
			return nil
		}
		return m.checkRead()
	case tea.MouseWheelMsg: // three lines a notch
		m.vp, _ = m.vp.Update(msg)
		return m.checkRead()
	}
	return nil
}

// view is the demo bar and the visible part of the lesson, exactly
// width×height. It draws the viewport's window of lines itself rather than
// call the viewport's View: the lines are already exactly the width, and
// the viewport would measure and pad every one of them again through
// lipgloss on each frame (see BenchmarkView), and it has no place for the
// "more below" mark. The search's line comes under it (see View).
func (m *Model) view() string {
	switch {
	case m.width <= 0 || m.height <= 0:
		return ""
	case m.err != nil:
		return common.Fit(m.com.Styles.StatusError.Render(m.err.Error()), m.width, m.height)
	case m.lesson.ID == "":
		return common.Fit("", m.width, m.height)
	}
	h, off := m.viewHeight(), m.vp.YOffset()
	var b strings.Builder
	size := (m.height + 1) * (m.width + 16) // the bar, blank lines, the mark
	for _, l := range m.lines[min(off, len(m.lines)):min(off+h, len(m.lines))] {
		size += len(l)
	}
	b.Grow(size) // one allocation: styled lines are many times their width
	if len(m.demos) > 0 {
		b.WriteString(m.demoBar())
		if h == 0 { // a one-line pane: the bar is all there is room for
			return b.String()
		}
		b.WriteByte('\n')
	}
	if !m.current() {
		if m.shown.id == m.lesson.ID && m.shown.lang == m.lesson.Lang && len(m.lines) > 0 {
			// Until the new render lands (a resize, a theme), the old one
			// stays, fitted: no flash of "Rendering…".
			end := min(off+h, len(m.lines))
			b.WriteString(common.Fit(strings.Join(m.lines[min(off, end):end], "\n"), m.width, h))
			return b.String()
		}
		b.WriteString(common.Fit("\n  "+m.com.Styles.Status.Render(m.com.T("Rendering…")), m.width, h))
		return b.String()
	}
	end := min(off+h, len(m.lines))
	for i := off; i < end; i++ {
		if i > off {
			b.WriteByte('\n')
		}
		if i == end-1 && end < len(m.lines) && m.presenting {
			// A slide taller than the pane: the class must see that it
			// goes on, and the presenter which key shows the rest.
			b.WriteString(m.moreMark())
			continue
		}
		if i == end-1 && end < len(m.lines) && m.width > 4 {
			// More below: say so where the eye ends, on slides above all.
			b.WriteString(ansi.Truncate(m.shownLine(i), m.width-2, "") + m.com.Styles.Status.Render(" ↓"))
			continue
		}
		b.WriteString(m.shownLine(i))
	}
	if blank := h - (end - off); blank > 0 {
		pad := strings.Repeat(" ", m.width)
		for i := range blank {
			if i > 0 || end > off {
				b.WriteByte('\n')
			}
			b.WriteString(pad)
		}
	}
	return b.String()
}

// moreMark is the line that ends a slide taller than the pane, centered:
// "▼ more below: →/space ▼".
func (m *Model) moreMark() string {
	mark := "▼ " + m.com.T("more below: %s", m.keys.NextSlide.Help().Key) + " ▼"
	if ansi.StringWidth(mark) > m.width {
		mark = "▼"
	}
	pad := max((m.width-ansi.StringWidth(mark))/2, 0)
	return common.FitLine(strings.Repeat(" ", pad)+m.com.Styles.Title.Render(mark), m.width)
}

// demoBar is "▶ 1 chat cluster ◇0/3 · 2 clock ordering", one line; where
// the titles do not fit, the demos' one-word names ("▶ 1 chat ◇0/3 · 2
// clocks"), then without the challenge counts; a lesson with more demos
// than even that fits shows those that fit whole, then "…". No name or
// count is ever cut.
func (m *Model) demoBar() string {
	s := m.com.Styles
	parts := func(name func(DemoLabel) string, marks bool) []string {
		out := make([]string, len(m.demos))
		for i, d := range m.demos {
			out[i] = s.ItemCurrent.Render(string(rune('1'+i))) + " " + s.Item.Render(name(d))
			switch {
			case !marks:
			case d.Total > 0 && d.Done == d.Total:
				out[i] += " " + s.ReadMark.Render(fmt.Sprintf("✓%d/%d", d.Done, d.Total))
			case d.Total > 0:
				out[i] += " " + s.Status.Render(fmt.Sprintf("◇%d/%d", d.Done, d.Total))
			}
		}
		return out
	}
	head, sep := " "+s.Title.Render("▶")+" ", s.Status.Render(" · ")
	title := func(d DemoLabel) string { return d.Title }
	short := func(d DemoLabel) string { return d.Short }
	// The titles, then the short names, then without the challenge marks;
	// if even that is too wide, the demos that fit whole and "…".
	var p []string
	for _, form := range []struct {
		name  func(DemoLabel) string
		marks bool
	}{{title, true}, {short, true}, {short, false}} {
		p = parts(form.name, form.marks)
		if line := head + strings.Join(p, sep); ansi.StringWidth(line) <= m.width {
			return common.FitLine(line, m.width)
		}
	}
	line := head
	for i, part := range p {
		next := line
		if i > 0 {
			next += sep
		}
		next += part
		if ansi.StringWidth(next)+2 > m.width {
			break
		}
		line = next
	}
	return common.FitLine(line+s.Status.Render(" …"), m.width)
}
