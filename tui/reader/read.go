package reader

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// ReadAfter is how long the end of a lesson must stay on screen for the
// lesson to count as read: long enough to read its last lines (the
// self-check answers), so that jumping to the end with G or end marks
// nothing.
const ReadAfter = 4 * time.Second

// readTickMsg ends the wait armed as number seq for lesson id.
type readTickMsg struct {
	id  string
	seq int
}

// checkRead starts the wait for the end to stay on screen when it is
// there, and calls off a wait under way when it is not.
func (m *Model) checkRead() tea.Cmd {
	if m.read || m.presenting || !m.Ready() || !m.AtEnd() {
		m.stopReadWait()
		return nil
	}
	if m.readArmed {
		return nil
	}
	m.readArmed = true
	m.readSeq++
	id, seq := m.lesson.ID, m.readSeq
	return m.com.Tick(ReadAfter, func(time.Time) tea.Msg { return readTickMsg{id: id, seq: seq} })
}

// stopReadWait calls off the wait under way, if any: its tick is then
// ignored.
func (m *Model) stopReadWait() {
	if m.readArmed {
		m.readArmed = false
		m.readSeq++
	}
}

// readTick sends ReadMsg when the end has stayed on screen since the wait
// began.
func (m *Model) readTick(msg readTickMsg) tea.Cmd {
	if msg.seq != m.readSeq || msg.id != m.lesson.ID || !m.readArmed {
		return nil
	}
	m.readArmed = false
	if m.read || m.presenting || !m.Ready() || !m.AtEnd() {
		return nil
	}
	m.read = true
	id := m.lesson.ID
	return func() tea.Msg { return ReadMsg{ID: id} }
}

// slidePlace is where slide i starts in the lesson's text: the line of its
// heading in the render, the one nearest the share of the lesson the slide
// starts at, or that share when the slide has no heading to find.
func (m *Model) slidePlace(i int) place {
	if i <= 0 || i >= len(m.slides) {
		return place{}
	}
	if s := m.slides[i]; s.Path != "" {
		// A deck's slide: the heading it names, or the one titled as it,
		// nearest the share of the deck it comes at.
		heading := s.Section
		if heading == "" {
			heading = s.Title
		}
		return place{frac: float64(i) / float64(len(m.slides)), byFrac: true, heading: heading}
	}
	raw := max(strings.Count(m.lesson.Raw, "\n")+1, 1)
	return place{
		frac:    float64(m.slides[i].Line-m.lesson.Line) / float64(raw),
		byFrac:  true,
		heading: m.slides[i].Title,
	}
}

// headingLine is the line of lines showing heading nearest to line near,
// or near when none does.
func headingLine(lines []string, heading string, near int) int {
	heading = strings.TrimSpace(heading)
	if heading == "" {
		return near
	}
	best, dist := near, -1
	for i, l := range lines {
		if !strings.Contains(ansi.Strip(l), heading) {
			continue
		}
		d := max(i-near, near-i)
		if dist < 0 || d < dist {
			best, dist = i, d
		}
	}
	return best
}
