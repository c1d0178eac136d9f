package chatpane

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"distlab/demos/challenge"
	"distlab/demos/chat"
	"distlab/demos/locale"
)

// In a served class (demo.Env.SharedChat) the pane starts no cluster: the
// server runs one for the class (chat.Class). The instructor's pane
// drives it as its own demo, every key as usual, and closing the pane
// leaves it running; a student's pane has a seat on it — a client of its
// own under the student's name, the "you" column, beside one of the
// instructor's watching clients — and the keys that would change the
// cluster come back refused, in the status line.

// engine is what the pane draws and types into: a demo (its own or the
// class's) or a seat on the class's.
type engine interface {
	Nodes() []*chat.Node
	Views() []*chat.View
	Links() chat.LinkSpeed
	Bots() (int, float64)
	Say(text string)
	SetLang(l locale.Lang)
	Done() []challenge.Result
	Roster() []chat.RosterEntry
}

var (
	_ engine = (*chat.Demo)(nil)
	_ engine = (*chat.Seat)(nil)
)

// engine is what the pane shows, nil until started.
func (m *Model) engine() engine {
	switch {
	case m.seat != nil:
		return m.seat
	case m.cluster != nil:
		return m.cluster
	}
	return nil
}

// engine is what the message brought.
func (m startedMsg) engine() engine {
	if m.seat != nil {
		return m.seat
	}
	return m.cluster
}

// onSeat reports whether the pane is a student's in a served class.
func (m *Model) onSeat() bool { return m.share != nil && !m.share.Owner }

// inClass reports whether the pane shows a class's cluster.
func (m *Model) inClass() bool { return m.share != nil }

// seatKey hands a key that would change the cluster to the seat, which
// refuses it (chat.ErrNotOwner): the root shows why in the status line.
func (m *Model) seatKey(msg tea.KeyPressMsg) tea.Cmd {
	s, i := m.seat, m.selected
	var call func() error
	switch {
	case key.Matches(msg, m.keys.Crash):
		call = func() error { return s.Kill(i) }
	case key.Matches(msg, m.keys.Restart):
		call = func() error { return s.Restart(i) }
	case key.Matches(msg, m.keys.Freeze):
		call = func() error { return s.ToggleFreeze(i) }
	case key.Matches(msg, m.keys.AddBot):
		call = s.AddBot
	case key.Matches(msg, m.keys.RemoveBot):
		call = s.RemoveBot
	case key.Matches(msg, m.keys.Slower), key.Matches(msg, m.keys.Faster):
		_, r := s.Bots()
		call = func() error { return s.SetBotRate(r) }
	case key.Matches(msg, m.keys.Slow), key.Matches(msg, m.keys.VerySlow):
		call = func() error { return s.SetLinks(s.Links()) }
	case key.Matches(msg, m.keys.Reset):
		call = s.Reset
	default:
		m.settleArmed = false
		return nil
	}
	return m.Do(call)
}
