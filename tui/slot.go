package tui

import (
	tea "charm.land/bubbletea/v2"

	"distlab/tui/common"
)

// slotKind is what a pane of the workspace is.
type slotKind int

const (
	readerSlot slotKind = iota // the lesson, always the first pane
	notesSlot                  // speaker notes, while presenting
	demoSlot                   // a demo from the registry
)

// A slot is one pane of the workspace with what the root knows of it.
type slot struct {
	kind slotKind
	pane common.Pane
	demo string // the demo's id, for demo slots
	id   int    // unique for the app's life; demo panes tag messages with it
	seat int    // the lowest number from 0 no other open pane of its demo had (Env.Seat)

	// framed is the pane drawn in its frame at its current size and
	// focus, kept until something about it changes (see dirty).
	framed string
}

// name is how tests and the e2e driver call the slot.
func (s *slot) name() string {
	switch s.kind {
	case readerSlot:
		return "reader"
	case notesSlot:
		return "notes"
	}
	return s.demo
}

// dirty drops the slot's drawing: its state, size, focus, theme or
// language changed.
func (s *slot) dirty() { s.framed = "" }

// update hands msg to the pane; whatever it did, it is drawn again.
func (s *slot) update(msg tea.Msg) tea.Cmd {
	s.dirty()
	return s.pane.Update(msg)
}

// close releases what the pane holds; it returns when its goroutines and
// sockets are gone.
func (s *slot) close() {
	if c, ok := s.pane.(common.Closer); ok {
		c.Close()
	}
}

// slotByID finds the slot with pane id, or -1.
func (m *Model) slotByID(id int) int {
	for i, s := range m.slots {
		if s.id == id {
			return i
		}
	}
	return -1
}

// slotOf finds the first slot of kind k (and demo id, for demos), or -1.
func (m *Model) slotOf(k slotKind, demo string) int {
	for i, s := range m.slots {
		if s.kind == k && s.demo == demo {
			return i
		}
	}
	return -1
}

// dirtyAll drops every drawing: the theme, the language or the layout
// changed.
func (m *Model) dirtyAll() {
	m.listCache = ""
	for _, s := range m.slots {
		s.dirty()
	}
}
