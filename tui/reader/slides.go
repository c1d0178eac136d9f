package reader

import (
	"fmt"

	"distlab/lessons"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// SetPresenting switches between the whole lesson and slides. Leaving
// slides goes to the place in the text of the slide shown, or back to line
// offset of the lesson (where the reader was) when the slides never moved
// from the one presenting began on. The slide shown is kept, so presenting
// the same lesson again goes back to it.
func (m *Model) SetPresenting(on bool, offset int) tea.Cmd {
	if on == m.presenting {
		return nil
	}
	m.presenting = on
	m.stopReadWait()
	m.want = place{}
	switch {
	case on:
		m.enteredSlide = m.slide
	case m.slide != m.enteredSlide:
		m.want = m.slidePlace(m.slide)
	default:
		m.want = place{line: offset}
	}
	return m.show()
}

// Presenting reports whether the pane shows slides.
func (m *Model) Presenting() bool { return m.presenting }

// Slide is the slide shown (from 0) and how many there are.
func (m *Model) Slide() (int, int) { return m.slide, len(m.slides) }

// Counter is "3/12" while presenting, "" otherwise.
func (m *Model) Counter() string {
	if !m.presenting || len(m.slides) == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", m.slide+1, len(m.slides))
}

// SlideNotes are the speaker notes of the slide shown.
func (m *Model) SlideNotes() []string {
	if m.slide < 0 || m.slide >= len(m.slides) {
		return nil
	}
	return m.slides[m.slide].Notes
}

// CurrentSlide is the slide shown while presenting.
func (m *Model) CurrentSlide() (lessons.Slide, bool) {
	if !m.presenting || m.slide < 0 || m.slide >= len(m.slides) {
		return lessons.Slide{}, false
	}
	return m.slides[m.slide], true
}

// SetSlide makes slide i (from 0, kept in range) the one presenting shows,
// without drawing it: for the slide a lesson was last presented at, before
// presenting begins.
func (m *Model) SetSlide(i int) {
	if !m.presenting {
		m.slide = min(max(i, 0), max(len(m.slides)-1, 0))
	}
}

// GoToSlide shows slide i (from 0), kept in range.
func (m *Model) GoToSlide(i int) tea.Cmd {
	m.slide = min(max(i, 0), max(len(m.slides)-1, 0))
	m.want = place{}
	return m.show()
}

// MoreBelow reports whether the text shown goes on below the pane.
func (m *Model) MoreBelow() bool {
	return m.current() && m.vp.YOffset()+m.viewHeight() < len(m.lines)
}

// Overflow is how the text shown misses the pane: the lines below it and
// the lines cut at its right edge (code or a diagram too wide). Both are 0
// for a slide that fits.
func (m *Model) Overflow() (below, cut int) {
	if !m.current() {
		return 0, 0
	}
	return max(len(m.lines)-m.viewHeight(), 0), m.cut
}

// slideStep is how far next and previous scroll a slide taller than the
// pane: what the pane shows less the "more below" mark's line and one line
// kept from before, to read on from.
func (m *Model) slideStep() int { return max(m.viewHeight()-2, 1) }

// slideScroll scrolls a slide taller than the pane: on a screen too small
// for it, next shows what is hidden first, and the next slide only once
// this one was all seen; previous goes back up it first. It reports
// whether msg did that.
func (m *Model) slideScroll(msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, m.keys.NextSlide) && m.MoreBelow():
		m.vp.SetYOffset(m.vp.YOffset() + m.slideStep())
	case key.Matches(msg, m.keys.PrevSlide) && m.current() && m.vp.YOffset() > 0:
		m.vp.SetYOffset(m.vp.YOffset() - m.slideStep())
	default:
		return false
	}
	return true
}

// slideKey moves between slides; it reports whether msg was a slide key.
func (m *Model) slideKey(msg tea.KeyPressMsg) bool {
	next := m.slide
	switch {
	case key.Matches(msg, m.keys.NextSlide):
		next++
	case key.Matches(msg, m.keys.PrevSlide):
		next--
	case key.Matches(msg, m.keys.FirstSlide):
		next = 0
	case key.Matches(msg, m.keys.LastSlide):
		next = len(m.slides) - 1
	default:
		return false
	}
	m.slide = min(max(next, 0), max(len(m.slides)-1, 0))
	m.want = place{}
	return true
}
