package demo

import (
	"strconv"
	"strings"
	"time"

	"distlab/demos/locale"
)

// Speeds are how fast a simulated demo's display clock runs, in simulated
// time per real time, from slowest: at the default, 0.05×, a 10–30 ms
// message takes a fifth to three fifths of a second, slow enough to follow
// each arrow.
var Speeds = []float64{0.02, 0.05, 0.1, 0.25, 0.5, 1}

// DefaultSpeed indexes Speeds: 0.05×.
const DefaultSpeed = 1

// MaxFrameGap is the longest time between two frames that still counts as
// play: after a longer one (the pane was hidden, the frame clock stopped)
// the run goes on from where it was instead of catching up.
const MaxFrameGap = 250 * time.Millisecond

// MaxStepsPerFrame bounds the events one frame makes, so a frame stays
// fast at any speed.
const MaxStepsPerFrame = 400

// Stepper is a simulation a pane plays against its display clock: the
// Raft cluster, the replicated store.
type Stepper interface {
	NextAt() (time.Duration, bool) // when the next event is due; false if none is
	Step() bool                    // make it; false if nothing was left
}

// Playback is a simulated demo's display clock, in simulated time: never
// behind the run's last event, it runs ahead of it between events while
// playing, so messages move and timers run down.
type Playback struct {
	Clock time.Duration
	Speed int       // index in Speeds
	last  time.Time // the last frame played; zero: play starts at the next
}

// NewPlayback is a clock at 0, at the default speed.
func NewPlayback() Playback { return Playback{Speed: DefaultSpeed} }

// Restart sets the clock back to 0 for a new run.
func (p *Playback) Restart() { p.Clock, p.last = 0, time.Time{} }

// Hold forgets the last frame: after a pause, play starts at the next one.
func (p *Playback) Hold() { p.last = time.Time{} }

// Slower and Faster step through Speeds, stopping at either end.
func (p *Playback) Slower() { p.Speed = max(p.Speed-1, 0) }

// Faster: see Slower.
func (p *Playback) Faster() { p.Speed = min(p.Speed+1, len(Speeds)-1) }

// Rate is the speed, simulated time per real time.
func (p *Playback) Rate() float64 { return Speeds[p.Speed] }

// Advance moves the clock by the real time since the last frame at the
// speed's rate; false (and no move) on the first frame of a play or after
// a gap longer than MaxFrameGap.
func (p *Playback) Advance(now time.Time) bool {
	gap := now.Sub(p.last)
	p.last = now
	if gap <= 0 || gap > MaxFrameGap {
		return false
	}
	p.Clock += time.Duration(float64(gap) * p.Rate())
	return true
}

// CatchUp makes sim's events due by the clock, at most MaxStepsPerFrame
// of them. stepped reports whether it made any; behind, that some are
// still due, and the pane should set the clock back to the last event's
// time so that the next frame goes on from there.
func (p *Playback) CatchUp(sim Stepper) (stepped, behind bool) {
	for range MaxStepsPerFrame {
		at, ok := sim.NextAt()
		if !ok || at > p.Clock {
			break
		}
		sim.Step()
		stepped = true
	}
	if stepped {
		at, ok := sim.NextAt()
		behind = ok && at <= p.Clock
	}
	return stepped, behind
}

// SpeedText is the speed as a status line writes it: 0.05, 0,25, 1.
func (p *Playback) SpeedText(pr *locale.Printer) string {
	return strings.Replace(strconv.FormatFloat(p.Rate(), 'f', -1, 64), ".", pr.Decimal(), 1)
}
