package tui

import (
	"slices"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"distlab/tui/demo"
	"distlab/tui/notes"
	"distlab/tui/reader"
	"distlab/tui/theme"
)

// setFocus moves the keyboard to the list (focusList) or pane i.
func (m *Model) setFocus(i int) tea.Cmd {
	if i >= len(m.slots) || (i == focusList && !m.sidebarShown()) {
		return nil
	}
	if i != m.focus {
		m.listCache = ""
		for _, j := range []int{m.focus, i} { // the frames that change
			if j >= 0 && j < len(m.slots) {
				m.slots[j].dirty()
			}
		}
	}
	m.focus = i
	m.list.Focus(i == focusList)
	for j, s := range m.slots {
		s.pane.Focus(j == i)
	}
	if m.zoom && i != focusList {
		return m.relayout() // the zoom follows the focus
	}
	return nil
}

// ring is the focus order: the list when shown, then the panes.
func (m *Model) ring() []int {
	var r []int
	if m.sidebarShown() {
		r = append(r, focusList)
	}
	for i := range m.slots {
		r = append(r, i)
	}
	return r
}

func (m *Model) cycleFocus(d int) tea.Cmd {
	r := m.ring()
	i := slices.Index(r, m.focus)
	return m.setFocus(r[((i+d)%len(r)+len(r))%len(r)])
}

// moveFocus goes to the pane next to the focused one on screen.
func (m *Model) moveFocus(d Direction) tea.Cmd {
	rects := append([]Rect{m.layout.Sidebar}, m.layout.Panes...)
	if n := Neighbor(rects, m.focus+1, d) - 1; n >= focusList {
		return m.setFocus(n)
	}
	return nil
}

// wideScreen is the width from which the lesson list stays beside demos.
const wideScreen = 160

// sidebarShown is the one rule for the lesson list: it folds away when
// presenting, zoomed, or when demos share a screen too narrow to give them
// the room.
func (m *Model) sidebarShown() bool {
	return m.mode != Presenting && !m.zoom && (len(m.slots) == 1 || m.width >= wideScreen)
}

func (m *Model) toggleZoom() tea.Cmd {
	if m.focus == focusList {
		return nil
	}
	m.zoom = !m.zoom
	return m.relayout()
}

func (m *Model) moveSplit(d float64) tea.Cmd {
	m.split = min(max(m.split+d, 0.2), 0.8)
	return m.relayout()
}

// openDemo opens demo id in a new pane, or focuses an open one unless
// fresh asks for another instance.
func (m *Model) openDemo(id string, fresh bool) tea.Cmd {
	return m.openDemoAs(id, "", fresh, true)
}

// openDemoAs opens demo id started as start ("" as usual), or puts the open
// one in that state, and gives it the keys when focus is set: a slide opens
// its demo beside it and keeps the keys, which turn the slides.
func (m *Model) openDemoAs(id, start string, fresh, focus bool) tea.Cmd {
	d, ok := m.cfg.Demos.Lookup(id)
	if !ok {
		return m.setStatus(true, "no demo %q", id)
	}
	if i := m.slotOf(demoSlot, id); i >= 0 && !fresh {
		var cmd tea.Cmd
		if st, ok := m.slots[i].pane.(demo.Starter); ok && start != "" {
			cmd = st.StartAs(start)
			m.slots[i].dirty()
		}
		if !focus {
			return cmd
		}
		return tea.Batch(cmd, m.setFocus(i))
	}
	if len(m.slots) >= MaxPanes {
		return m.setStatus(true, "%s", m.fullText())
	}
	sid := m.newID()
	if m.opened == nil {
		m.opened = map[string]int{}
	}
	m.opened[id]++ // never reused: two panes of one demo never share a number
	seat := m.freeSeat(id)
	p := d.New(demo.Env{Com: m.com, Demo: d, ID: sid, Instance: m.opened[id], Seat: seat, Host: m.cfg.DemoHost, Port: m.cfg.DemoPort, Start: start,
		MetBefore: func(id string) bool { return m.state.Challenges[id] }, SharedChat: m.cfg.SharedChat, Served: m.cfg.Served})
	m.slots = append(m.slots, &slot{kind: demoSlot, pane: p, demo: id, id: sid, seat: seat})
	m.zoom = false
	if !focus {
		m.dirtyAll()
		return tea.Batch(p.Init(), m.relayout())
	}
	return tea.Batch(p.Init(), m.relayout(), m.setFocus(len(m.slots)-1))
}

// openLessonDemo opens the lesson's n-th demo (from 0), as numbered in its
// demo bar.
func (m *Model) openLessonDemo(n int) tea.Cmd {
	ds := m.reader.Lesson().Demos
	if n < 0 || n >= len(ds) {
		return nil
	}
	return m.openDemo(ds[n], false)
}

// closeFocused closes the focused pane and releases what it holds. The
// lesson pane stays.
func (m *Model) closeFocused() tea.Cmd {
	if m.focus == focusList {
		return nil
	}
	if m.slots[m.focus].kind == readerSlot {
		return m.setStatus(false, "%s", m.com.T("the lesson pane stays open"))
	}
	return m.removePane(m.focus)
}

// removePane closes pane i and keeps the focus where it was (or on the
// pane that took the closed one's place).
func (m *Model) removePane(i int) tea.Cmd {
	m.slots[i].close()
	m.slots = slices.Delete(m.slots, i, i+1)
	m.zoom = false
	switch {
	case m.focus > i:
		m.focus--
	case m.focus == i:
		m.focus = min(i, len(m.slots)-1)
		if m.slots[m.focus].kind == notesSlot || m.mode == Presenting {
			m.focus = 0 // presenting, the keys go back to the slides
		}
	}
	m.dirtyAll()
	return tea.Batch(m.relayout(), m.setFocus(m.focus))
}

// fullText says the workspace has no room for another pane.
func (m *Model) fullText() string {
	return m.com.T("the workspace is full (%d panes): close one with x", MaxPanes)
}

// togglePresenter enters or leaves presenter mode: high contrast, no list,
// the lesson as slides.
func (m *Model) togglePresenter() tea.Cmd {
	var cmds []tea.Cmd
	if m.mode != Presenting {
		m.recordOffset() // the reader's place, to come back to
		if i, ok := m.state.Slides[m.reader.Lesson().ID]; ok {
			m.reader.SetSlide(i) // where this lesson was last presented, in this run or before
		}
		m.mode = Presenting
		m.presentSince = time.Now()
		cmds = append(cmds, m.openLink())
		m.before = m.com.Styles.Theme
		cmds = append(cmds, m.setTheme(theme.HighContrast))
		if m.focus == focusList || m.slots[m.focus].kind != readerSlot {
			// The slides take the keys, from the list or from a demo
			// opened before (distlab demo chat --presenter): a clicker's
			// first press turns a slide; tab still reaches the demo.
			cmds = append(cmds, m.setFocus(0))
		}
	} else {
		m.mode = Reading
		cmds = append(cmds, m.setTheme(m.before), m.dropLink())
		if i := m.slotOf(notesSlot, ""); i >= 0 { // speaker notes are for presenting, not for students
			cmds = append(cmds, m.removePane(i))
		}
	}
	m.dirtyAll()
	cmds = append(cmds, m.reader.SetPresenting(m.mode == Presenting, m.state.Place(m.lang(), m.reader.Lesson().ID)), m.relayout())
	m.syncNotes()
	cmds = append(cmds, m.syncSlideDemo())
	return tea.Batch(cmds...)
}

// toggleNotes opens or closes the speaker-notes pane.
func (m *Model) toggleNotes() tea.Cmd {
	if i := m.slotOf(notesSlot, ""); i >= 0 {
		return m.removePane(i)
	}
	if m.mode != Presenting {
		return m.setStatus(false, "%s", m.com.T("speaker notes open in presenter mode (P)"))
	}
	if len(m.slots) >= MaxPanes {
		return m.setStatus(true, "%s", m.fullText())
	}
	m.slots = append(m.slots, &slot{kind: notesSlot, pane: notes.New(m.com), id: m.newID()})
	m.zoom = false
	m.syncNotes()
	return m.relayout()
}

// syncSlideDemo opens the demo the slide shown asks for, once each time the
// slide comes on screen (a demo the presenter closed stays closed until the
// slide is shown again). It keeps the focus on the slides.
func (m *Model) syncSlideDemo() tea.Cmd {
	if m.mode != Presenting {
		m.slideShown = ""
		return nil
	}
	s, ok := m.reader.CurrentSlide()
	i, _ := m.reader.Slide()
	if id := m.reader.Lesson().ID; ok && id != "" {
		if m.state.Slides == nil {
			m.state.Slides = map[string]int{}
		}
		m.state.Slides[id] = i // saved with the rest (saveSoon)
	}
	at := m.reader.Lesson().Lang + "/" + m.reader.Lesson().ID + "/" + strconv.Itoa(i)
	if !ok || at == m.slideShown {
		return nil
	}
	m.slideShown = at
	if s.Demo == "" {
		return nil
	}
	return m.openDemoAs(s.Demo, s.Start, false, false)
}

// syncNotes shows the current slide's notes in the notes pane.
func (m *Model) syncNotes() {
	if i := m.slotOf(notesSlot, ""); i >= 0 {
		counter, ns := m.reader.Counter(), m.reader.SlideNotes()
		if n := m.slots[i].pane.(*notes.Model); n.Set(counter, ns) {
			m.slots[i].dirty()
		}
	}
}

// demoLabels is the lesson's demo bar in the current language.
func (m *Model) demoLabels() []reader.DemoLabel {
	var out []reader.DemoLabel
	for _, id := range m.reader.Lesson().Demos {
		if d, ok := m.cfg.Demos.Lookup(id); ok {
			n := d.In(m.com.Printer)
			label := reader.DemoLabel{Short: n.Short, Title: n.Title}
			for _, c := range m.challengeIDs(id) {
				if m.seated(id) {
					break
				}
				label.Total++
				if m.state.Challenges[c] {
					label.Done++
				}
			}
			out = append(out, label)
		}
	}
	return out
}

// relayout recomputes the layout and resizes the panes.
func (m *Model) relayout() tea.Cmd {
	m.help.SetWidth(m.width)
	zoom := -1
	if m.zoom && m.focus >= 0 {
		zoom = m.focus
	}
	m.layout = Arrange(m.width, m.height, Options{
		Footer: 1, Status: m.status != nil || len(m.course.Problems) > 0,
		Sidebar: m.sidebarShown(), Panes: len(m.slots), Split: m.split, Zoom: zoom,
	})
	if m.focus == focusList && !m.sidebarShown() {
		m.setFocus(0)
	}
	m.dirtyAll()
	var cmds []tea.Cmd
	s := m.layout.Sidebar
	m.list.SetSize(max(s.W-2, 0), max(s.H-2, 0))
	for i, sl := range m.slots {
		var r Rect
		if !m.layout.TooSmall {
			r = m.layout.Panes[i]
		}
		if !r.Empty() {
			cmds = append(cmds, sl.pane.SetSize(max(r.W-2, 0), max(r.H-2, 0)))
		}
	}
	return tea.Batch(cmds...)
}

// freeSeat is the lowest seat no open pane of demo id has: a pane closed
// and opened again gets its seat, and so its fixed ports, back.
func (m *Model) freeSeat(id string) int {
	for seat := 0; ; seat++ {
		taken := false
		for _, s := range m.slots {
			taken = taken || s.kind == demoSlot && s.demo == id && s.seat == seat
		}
		if !taken {
			return seat
		}
	}
}
