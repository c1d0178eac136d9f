package tui

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Mode is what the screen is doing. The root stores Reading or Presenting;
// TooSmall wins over both while the terminal is below MinWidth×MinHeight.
type Mode int

// The modes.
const (
	Reading    Mode = iota // lessons beside demos
	Presenting             // the lesson as slides, high contrast, for a projector
	TooSmall               // only a message asking for a larger terminal
)

func (m Mode) String() string {
	if m < Reading || m > TooSmall {
		return fmt.Sprintf("Mode(%d)", int(m))
	}
	return [...]string{"reading", "presenting", "too small"}[m]
}

// Mode is what the screen is doing now.
func (m *Model) Mode() Mode {
	if m.layout.TooSmall {
		return TooSmall
	}
	return m.mode
}

// An overlay sits above the workspace: the top one gets the keys first (all
// of them but those it lets pass) and is drawn on top. The picker, the
// problems list and the full help are overlays; so will be the coming
// issues' join banner, blank screen, quiz and live question.
type overlay interface {
	// update takes a key or a paste.
	update(m *Model, msg tea.Msg) tea.Cmd
	// draw is the overlay's box and where it goes inside the workspace.
	draw(m *Model, work Rect) (box string, at Rect)
	// keys are the overlay's own keys, for the help bar.
	keys(m *Model) []key.Binding
	// passes are the app's keys that still act while the overlay is up.
	passes(m *Model) []key.Binding
	// covers reports whether the overlay hides the panes beneath: hidden
	// demos stop animating.
	covers() bool
}

// top is the overlay that has the keys, or nil.
func (m *Model) top() overlay {
	if len(m.overlays) == 0 {
		return nil
	}
	return m.overlays[len(m.overlays)-1]
}

// push shows o above everything else.
func (m *Model) push(o overlay) tea.Cmd {
	m.overlays = append(m.overlays, o)
	return m.relayout() // a covering overlay stops the demos beneath
}

// closeOverlays closes every overlay of o's type.
func closeOverlays[T overlay](m *Model) tea.Cmd {
	kept := m.overlays[:0]
	for _, o := range m.overlays {
		if _, is := o.(T); !is {
			kept = append(kept, o)
		}
	}
	m.overlays = kept
	return m.relayout()
}

// hasOverlay reports whether an overlay of type T is up.
func hasOverlay[T overlay](m *Model) bool {
	for _, o := range m.overlays {
		if _, is := o.(T); is {
			return true
		}
	}
	return false
}

// covered reports whether an overlay hides the panes.
func (m *Model) covered() bool {
	for _, o := range m.overlays {
		if o.covers() {
			return true
		}
	}
	return false
}

// overlayKeys is the help bar of an overlay: its keys, then the app's keys
// that pass through it.
type overlayKeys struct{ own, passes []key.Binding }

func (k overlayKeys) ShortHelp() []key.Binding {
	return append(append([]key.Binding{}, k.own...), k.passes...)
}
func (k overlayKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.own, k.passes} }

var _ help.KeyMap = overlayKeys{}
