package demo

import (
	"testing"
	"time"
)

// ticks is a simulation with an event every millisecond, for ever.
type ticks struct{ now time.Duration }

func (t *ticks) NextAt() (time.Duration, bool) { return t.now + time.Millisecond, true }
func (t *ticks) Step() bool                    { t.now += time.Millisecond; return true }

// The clock moves at the speed's rate only between frames close enough
// to count as play, and a frame makes at most MaxStepsPerFrame events,
// saying when more are due.
func TestPlayback(t *testing.T) {
	p := NewPlayback()
	start := time.Unix(1000, 0)
	if p.Advance(start) || p.Clock != 0 {
		t.Fatal("the first frame of a play moved the clock")
	}
	if !p.Advance(start.Add(100*time.Millisecond)) || p.Clock != 5*time.Millisecond {
		t.Fatalf("100 ms at 0.05×: clock %v", p.Clock)
	}
	if p.Advance(start.Add(time.Second)) || p.Clock != 5*time.Millisecond {
		t.Fatalf("a long gap moved the clock to %v", p.Clock)
	}
	sim := &ticks{}
	if stepped, behind := p.CatchUp(sim); !stepped || behind || sim.now != 5*time.Millisecond {
		t.Fatalf("5 ms of events: stepped %v, behind %v, at %v", stepped, behind, sim.now)
	}
	p.Clock = time.Second
	if stepped, behind := p.CatchUp(sim); !stepped || !behind || sim.now != 5*time.Millisecond+MaxStepsPerFrame*time.Millisecond {
		t.Fatalf("a second due: stepped %v, behind %v, at %v", stepped, behind, sim.now)
	}
	for range len(Speeds) + 1 {
		p.Faster()
	}
	if p.Rate() != 1 {
		t.Fatalf("Faster stops at %v×", p.Rate())
	}
}
