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

// SlideAt is slide i (from 0) of the lesson shown.
func (m *Model) SlideAt(i int) (lessons.Slide, bool) {
	if i < 0 || i >= len(m.slides) {
		return lessons.Slide{}, false
	}
	return m.slides[i], true
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

// Turns of the slides, as the keys and the presenter's console ask.
const (
	TurnPrev  = -1
	TurnNext  = 1
	TurnFirst = -2
	TurnLast  = 2
)

// slideTurn is the turn msg asks for, 0 for none.
func (m *Model) slideTurn(msg tea.KeyPressMsg) int {
	switch {
	case key.Matches(msg, m.keys.NextSlide):
		return TurnNext
	case key.Matches(msg, m.keys.PrevSlide):
		return TurnPrev
	case key.Matches(msg, m.keys.FirstSlide):
		return TurnFirst
	case key.Matches(msg, m.keys.LastSlide):
		return TurnLast
	}
	return 0
}

// Turn does what the slide keys do (see slideTurn): next shows what a slide
// taller than the pane hides first, and the next slide only once this one
// was all seen; previous goes back up it first. The presenter's console
// calls it too.
func (m *Model) Turn(turn int) tea.Cmd {
	if !m.presenting || turn == 0 {
		return nil
	}
	switch {
	case turn == TurnNext && m.MoreBelow():
		m.vp.SetYOffset(m.vp.YOffset() + m.slideStep())
		return nil
	case turn == TurnPrev && m.current() && m.vp.YOffset() > 0:
		m.vp.SetYOffset(m.vp.YOffset() - m.slideStep())
		return nil
	}
	next := m.slide + turn
	switch turn {
	case TurnFirst:
		next = 0
	case TurnLast:
		next = len(m.slides) - 1
	}
	next = min(max(next, 0), max(len(m.slides)-1, 0))
	if next == m.slide && (turn == TurnNext || turn == TurnPrev) {
		return nil // past the last or the first: the slide stays where it is scrolled
	}
	m.slide = next
	m.want = place{}
	return m.show()
}
