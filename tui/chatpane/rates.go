package chatpane

import (
	"math"
	"slices"
	"time"
)

// rateEvery is how often the rates are recomputed: often enough to follow
// a change of the bots' pace, seldom enough that the digits can be read
// (and that a steady cluster costs few redraws).
const rateEvery = 500 * time.Millisecond

// minRateWindow is how far back a rate looks at least.
const minRateWindow = 4 * time.Second

// rateWindow is how far back a rate looks: whole periods of the bots,
// 4 s at least. A bot posts every 1/rate seconds, so a window of whole
// periods holds the same number of its messages wherever it starts: over
// any other length the count, and the rate, jumps by one message's worth
// (0.5 and 0.7 msg/s by turns for a true 0.5).
func rateWindow(botRate float64) time.Duration {
	if botRate <= 0 {
		return minRateWindow
	}
	period := time.Duration(float64(time.Second) / botRate)
	if period <= 0 {
		return minRateWindow
	}
	return max((minRateWindow+period-1)/period, 1) * period
}

// rates are each node's messages a second, over a rateWindow. The counts
// are taken on every frame, and a rate is the count between the two
// frames whose distance is nearest the window, of those that end in the
// last rateEvery: a message counted or not at the window's edge changes
// the figure by a whole message's worth, so the edges are put where the
// bots' periods start and end alike. One such message can still fall
// between two frames at an edge (about one reading in a hundred for a
// node with two bots); so that it never shows, a reading more than one
// digit away from the figure drawn is drawn only once the two readings
// before it agree with it.
type rates struct {
	samples []rateSample // one per frame, oldest first, a window's and a second more
	at      time.Time    // when the rates were last computed
	shown   []float64    // the rates as drawn
	sure    []bool       // per node: shown was confirmed by the readings before it
	last    [2][]float64 // the last two readings, the newest first
}

type rateSample struct {
	at     time.Time
	counts []uint64
}

// update takes the counts of a frame, recomputes the rates if rateEvery
// has passed since they last were, and reports whether a rate as drawn
// (one decimal) changed. After a gap (the pane was hidden or paused) it
// starts counting again, and shows the old rates until a window is
// counted.
func (r *rates) update(now time.Time, counts []uint64, botRate float64) bool {
	window := rateWindow(botRate)
	if n := len(r.samples); n > 0 {
		last := r.samples[n-1]
		if len(last.counts) != len(counts) || now.Sub(last.at) > 5*rateEvery || now.Before(last.at) {
			r.samples, r.last = nil, [2][]float64{} // other nodes, or a gap: what was counted says nothing now
		}
	}
	r.samples = append(r.samples, rateSample{at: now, counts: slices.Clone(counts)})
	for len(r.samples) > 1 && now.Sub(r.samples[0].at) > window+time.Second {
		r.samples = r.samples[1:]
	}
	// Only over a whole window: a shorter count, of bots that just started
	// or came back from a pause, says little.
	if now.Sub(r.samples[0].at) < window || now.Sub(r.at) < rateEvery {
		return false
	}
	r.at = now
	from, to := r.span(now, window)
	if len(r.shown) != len(counts) {
		r.shown, r.sure = make([]float64, len(counts)), make([]bool, len(counts))
	}
	if len(r.last[1]) != len(counts) {
		r.last = [2][]float64{make([]float64, len(counts)), make([]float64, len(counts))}
		for i := range counts {
			r.last[0][i], r.last[1][i] = math.NaN(), math.NaN()
		}
	}
	changed := false
	secs := to.at.Sub(from.at).Seconds()
	for i := range counts {
		x := 0.0
		if to.counts[i] >= from.counts[i] { // a counter never goes back; be safe
			x = float64(to.counts[i]-from.counts[i]) / secs
		}
		// Drawn if near the figure drawn, or if the two readings before
		// agree with it, or if it and the one before moved the same way,
		// each by more than a message at the window's edge could: the
		// pace changed (at 100 msg/s the readings differ by more than a
		// digit from one to the next, and waiting for three to agree left
		// a change undrawn for seconds).
		agree := agrees(x, r.last[0][i]) && agrees(x, r.last[1][i])
		edge := 1.5 / secs // a message and a half, in msg/s
		moved := math.Abs(x-r.shown[i]) > edge && math.Abs(r.last[0][i]-r.shown[i]) > edge &&
			(x > r.shown[i]) == (r.last[0][i] > r.shown[i])
		if agree || moved || r.sure[i] && near(x, r.shown[i]) {
			changed = changed || tenths(x) != tenths(r.shown[i])
			r.shown[i], r.sure[i] = x, true
		}
		r.last[1][i], r.last[0][i] = r.last[0][i], x
	}
	return changed
}

// span is the two samples to count between: the pair, ending in the last
// rateEvery, that is nearest window apart.
func (r *rates) span(now time.Time, window time.Duration) (from, to rateSample) {
	from, to = r.samples[0], r.samples[len(r.samples)-1]
	best := time.Duration(math.MaxInt64)
	for e := len(r.samples) - 1; e > 0 && now.Sub(r.samples[e].at) < rateEvery; e-- {
		for a := range e {
			d := r.samples[e].at.Sub(r.samples[a].at) - window
			if d < 0 {
				break // nearer ones are shorter still
			}
			if d < best {
				best, from, to = d, r.samples[a], r.samples[e]
			}
		}
	}
	for e := len(r.samples) - 1; e > 0 && now.Sub(r.samples[e].at) < rateEvery; e-- {
		for a := e - 1; a >= 0; a-- {
			d := window - r.samples[e].at.Sub(r.samples[a].at)
			if d < 0 {
				break
			}
			if d < best {
				best, from, to = d, r.samples[a], r.samples[e]
			}
		}
	}
	return from, to
}

// forget drops what was counted of node i, which is down: when it is back
// up, its rate counts from then, starting from 0.
func (r *rates) forget(i int) {
	for _, smp := range r.samples {
		if i < len(smp.counts) {
			smp.counts[i] = r.samples[len(r.samples)-1].counts[i]
		}
	}
	if i < len(r.shown) {
		r.shown[i], r.sure[i] = 0, false
	}
	for _, l := range r.last {
		if i < len(l) {
			l[i] = math.NaN()
		}
	}
}

// near reports whether x and y are drawn at most one digit apart.
func near(x, y float64) bool { return math.Abs(tenths(x)-tenths(y)) <= 1 }

// agrees reports whether two readings agree: a digit apart, or 3% of the
// larger at high rates, where a few messages more or less in a window
// move the figure by more than a digit.
func agrees(x, y float64) bool { return near(x, y) || math.Abs(x-y) <= 0.03*max(x, y) }

// tenths is x in tenths, as drawn.
func tenths(x float64) float64 { return math.Round(x * 10) }

// rate is node i's rate.
func (r *rates) rate(i int) float64 {
	if i < len(r.shown) {
		return r.shown[i]
	}
	return 0
}
