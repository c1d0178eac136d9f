package reader

import (
	"fmt"

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

// GoToSlide shows slide i (from 0), kept in range.
func (m *Model) GoToSlide(i int) tea.Cmd {
	m.slide = min(max(i, 0), max(len(m.slides)-1, 0))
	m.want = place{}
	return m.show()
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
