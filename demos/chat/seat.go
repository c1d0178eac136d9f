package chat

import (
	"distlab/demos/challenge"
	"distlab/demos/locale"
)

// Seat is one student's place in a class's cluster: a client of their
// own, under their name, that fails over like any, and a look at the
// shared nodes and at one of the instructor's watching clients. It reads
// the cluster and chats in it; it never changes it: its controls return
// ErrNotOwner. Close ends the seat's client only.
type Seat struct {
	class *Class
	view  *View // the student's own screen; its client set once joined
}

// Nodes are the class's nodes, to read: Stats, Suspects.
func (s *Seat) Nodes() []*Node { return s.class.demo.Nodes() }

// Views are the seat's own screen first, then the first of the
// instructor's other watching clients (ana), to compare the orders.
func (s *Seat) Views() []*View {
	vs := []*View{s.view}
	if d := s.class.demo; len(d.views) > 1 {
		vs = append(vs, d.views[1])
	}
	return vs
}

// Nick is the nick the seat's client asks for.
func (s *Seat) Nick() string { return s.view.Name() }

// Links reports how slow the class's links are.
func (s *Seat) Links() LinkSpeed { return s.class.demo.Links() }

// Bots is how many bots chat in the class, and at what rate each.
func (s *Seat) Bots() (int, float64) { return s.class.demo.Bots() }

// Say sends text through the seat's client, and shows it in the seat's
// view as the others will see it (a node does not echo a client's own
// lines). It never blocks; a line typed while the client fails over waits
// for the next node.
func (s *Seat) Say(text string) {
	if c := s.view.current(); c != nil {
		c.Send(text)
		s.class.demo.echoTo(s.view, c.Node(), text)
	}
}

// SetLang changes the language of the seat's client's own notices; the
// nodes and the bots speak the instructor's.
func (s *Seat) SetLang(l locale.Lang) {
	if c := s.view.current(); c != nil {
		c.SetLang(l)
	}
}

// Done is nil: the challenges are played on a demo of one's own, whose
// nodes one controls.
func (s *Seat) Done() []challenge.Result { return nil }

// Roster is nil: the class's roster is the instructor's.
func (s *Seat) Roster() []RosterEntry { return nil }

// The controls of a Demo, refused: the class's nodes, bots and links are
// the instructor's.

// Kill returns ErrNotOwner.
func (s *Seat) Kill(int) error { return ErrNotOwner }

// Restart returns ErrNotOwner.
func (s *Seat) Restart(int) error { return ErrNotOwner }

// ToggleFreeze returns ErrNotOwner.
func (s *Seat) ToggleFreeze(int) error { return ErrNotOwner }

// AddBot returns ErrNotOwner.
func (s *Seat) AddBot() error { return ErrNotOwner }

// RemoveBot returns ErrNotOwner.
func (s *Seat) RemoveBot() error { return ErrNotOwner }

// Reset returns ErrNotOwner.
func (s *Seat) Reset() error { return ErrNotOwner }

// SetLinks returns ErrNotOwner.
func (s *Seat) SetLinks(LinkSpeed) error { return ErrNotOwner }

// SetBotRate returns ErrNotOwner.
func (s *Seat) SetBotRate(float64) error { return ErrNotOwner }

// Close leaves the class: the seat's client says goodbye and is gone when
// Close returns (its goroutines ended, its socket closed). The cluster
// goes on. A second Close does nothing.
func (s *Seat) Close() {
	c := s.class
	c.mu.Lock()
	delete(c.seats, s)
	c.mu.Unlock()
	if cl := s.view.setClient(nil); cl != nil {
		cl.Close()
	}
}
