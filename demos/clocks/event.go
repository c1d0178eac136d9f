package clocks

import (
	"fmt"
	"time"
)

// Kind is what an event does.
type Kind int

const (
	Local   Kind = iota // a step that touches no other process
	Send                // sends one message to another process
	Receive             // delivers one copy of a message
)

var kindNames = [...]string{"local", "send", "receive"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// MarshalText writes the kind's name, as in the JSON Lines export.
func (k Kind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(kindNames) {
		return nil, fmt.Errorf("clocks: no kind %d", int(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("clocks: no kind %q", b)
}

// Event is one event of a run with the three clocks' readings just after it.
type Event struct {
	ID   int // index in the run, 0..n-1, in true-time order
	Proc int
	Kind Kind

	True     time.Duration // simulation time
	Physical time.Duration // the process's own clock reading: True*(1+drift) + offset
	Lamport  int
	Vector   []int // length Procs; Vector[Proc] counts the process's own events (1, 2, 3…)

	Msg  int // message id for Send/Receive, -1 for local
	Peer int // Send: destination; Receive: source; -1 for local

	Lost bool // a Send whose message was lost
	Dup  bool // a Receive that is a second delivery of its message

	Label string // e.g. "a3": process a's 3rd event
}

// Proc is one process's physical clock: it reads True*(1+DriftPPM/1e6) + Offset.
type Proc struct {
	Name     string
	Offset   time.Duration
	DriftPPM float64
}

// Clock is what p's physical clock reads at true time t.
func (p Proc) Clock(t time.Duration) time.Duration {
	// One multiply and one divide, then integer adds: no fused multiply-add
	// can make the result differ between machines.
	return t + time.Duration(float64(t)*p.DriftPPM/1e6) + p.Offset
}

// Message is one message of a run.
type Message struct {
	ID       int
	From, To int
	Send     int // the send event's ID

	// Arrive holds the true times its copies are delivered (two when it is
	// duplicated), or, for a lost message, when it would have arrived.
	Arrive []time.Duration
	// Receives holds the receive events' IDs, in order, so far: a copy
	// still in flight, or due after the run's end, has none yet.
	Receives []int
	Lost     bool
}
