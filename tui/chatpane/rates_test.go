package chatpane

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// node is a node of a simulated cluster: the times its clients' messages
// reach it.
type simNode struct {
	bots   int
	phases []time.Duration // per bot: when it posts within its period
}

// TestRatesSteadyPerNode plays a minute of frames 100–140 ms apart (a
// loaded machine's), with bots posting every 2 s at their own phases: a
// node with one bot reads 0.5 msg/s on every frame once a window and a
// few readings have passed, one with two 1.0, one with none 0.0 — never 0.7, never the same
// figure for all.
func TestRatesSteadyPerNode(t *testing.T) {
	for seed := range uint64(20) {
		rnd := rand.New(rand.NewPCG(seed, 1))
		period := 2 * time.Second
		nodes := []simNode{{bots: 1}, {bots: 2}, {bots: 0}}
		for i := range nodes {
			for range nodes[i].bots {
				nodes[i].phases = append(nodes[i].phases, time.Duration(rnd.Int64N(int64(period))))
			}
		}
		want := []float64{0.5, 1.0, 0}
		var r rates
		window := rateWindow(0.5) // 4 s
		for at := time.Duration(0); at < time.Minute; at += 100*time.Millisecond + time.Duration(rnd.Int64N(int64(40*time.Millisecond))) {
			counts := make([]uint64, len(nodes))
			for i, n := range nodes {
				for _, ph := range n.phases {
					if at >= ph {
						counts[i] += uint64((at-ph)/period) + 1
					}
				}
			}
			r.update(time.Unix(1000, 0).Add(at), counts, 0.5) // 0.5 msg/s a bot
			if at < window+4*time.Second {
				continue
			}
			for i, w := range want {
				if tenths(r.rate(i)) != tenths(w) {
					t.Fatalf("seed %d, at %v: node %d reads %.2f msg/s, want %.1f", seed, at, i, r.rate(i), w)
				}
			}
		}
	}
}

// The window holds whole periods of the bots: 4 s at 0.5 msg/s and more,
// 8 s at 0.125, 10 s at 0.1.
func TestRateWindow(t *testing.T) {
	for rate, want := range map[float64]time.Duration{0.5: 4 * time.Second, 1: 4 * time.Second, 100: 4 * time.Second,
		0.3: 6666666666, 0.125: 8 * time.Second, 0.1: 10 * time.Second, 0: 4 * time.Second} {
		if got := rateWindow(rate); got != want {
			t.Errorf("rateWindow(%v) = %v, want %v", rate, got, want)
		}
	}
}

// A rate follows a change of pace within a window or so, drops to zero
// when the bots stop, and starts counting again after a gap without
// showing the first noisy figure.
func TestRatesFollowChanges(t *testing.T) {
	var r rates
	t0 := time.Unix(1000, 0)
	count := uint64(0)
	at := time.Duration(0)
	play := func(until time.Duration, every time.Duration) {
		for ; at < until; at += 100 * time.Millisecond {
			if every > 0 && at%every == 0 {
				count++
			}
			r.update(t0.Add(at), []uint64{count}, 0)
		}
	}
	play(10*time.Second, time.Second)
	if tenths(r.rate(0)) != 10 {
		t.Fatalf("one a second: %.2f", r.rate(0))
	}
	play(20*time.Second, 500*time.Millisecond)
	if tenths(r.rate(0)) != 20 {
		t.Fatalf("two a second: %.2f", r.rate(0))
	}
	play(30*time.Second, 0)
	if r.rate(0) != 0 {
		t.Fatalf("none: %.2f", r.rate(0))
	}
	at += 10 * time.Second // hidden or paused: no frames
	count += 50
	play(at+time.Second, 0)
	if r.rate(0) != 0 {
		t.Fatalf("after a gap, the first second: %.2f, want the old 0", r.rate(0))
	}
	play(at+10*time.Second, time.Second)
	if tenths(r.rate(0)) != 10 {
		t.Fatalf("counting again: %.2f", r.rate(0))
	}
}

// A node that went down and came back counts from its return: what its
// clients sent before it crashed is not its rate now.
func TestRateOfANodeBackUp(t *testing.T) {
	var r rates
	t0 := time.Unix(1000, 0)
	count := uint64(0)
	at := time.Duration(0)
	for ; at < 10*time.Second; at += 100 * time.Millisecond {
		if at%time.Second == 0 {
			count++
		}
		r.update(t0.Add(at), []uint64{count}, 0)
	}
	if tenths(r.rate(0)) != 10 {
		t.Fatalf("one a second: %.2f", r.rate(0))
	}
	for ; at < 11*time.Second; at += 100 * time.Millisecond { // down: nothing counted, forgotten
		r.update(t0.Add(at), []uint64{count}, 0)
		r.forget(0)
	}
	for ; at < 13*time.Second; at += 100 * time.Millisecond { // back up, nobody on it
		if r.update(t0.Add(at), []uint64{count}, 0); r.rate(0) != 0 {
			t.Fatalf("at %v, back up with no client: %.2f msg/s", at, r.rate(0))
		}
	}
}

// At high rates the readings move by more than a digit from one to the
// next (a few messages more or less in a window): a change of pace still
// shows within a window and a second and a half, and the figure then
// stays within 5% of the true rate (or two messages' worth) (seen: 0.0 drawn for 7 s after the bots went from
// 0.5 to 100 msg/s).
func TestRatesFollowHighRates(t *testing.T) {
	for seed := range uint64(10) {
		rnd := rand.New(rand.NewPCG(seed, 2))
		var r rates
		t0 := time.Unix(1000, 0)
		var count uint64
		next := time.Duration(0) // the next message
		pace := func(at time.Duration) float64 {
			if at < 10*time.Second {
				return 8
			}
			return 100
		}
		for at := time.Duration(0); at < 40*time.Second; at += 100*time.Millisecond + time.Duration(rnd.Int64N(int64(40*time.Millisecond))) {
			for next <= at { // bots on their tickers, a message a little early or late
				count++
				gap := float64(time.Second) / pace(next)
				next += time.Duration(gap * (0.9 + 0.2*rnd.Float64()))
			}
			r.update(t0.Add(at), []uint64{count}, pace(at)/2)
			want := pace(at)
			switch {
			case at > 6*time.Second && at < 10*time.Second, at > 10*time.Second+rateWindow(50)+1500*time.Millisecond:
				// 5%, or two messages at the window's edges.
				if got, tol := r.rate(0), max(0.05*want, 2/rateWindow(50).Seconds()); math.Abs(got-want) > tol {
					t.Fatalf("seed %d at %v: %.1f msg/s drawn, want %.0f±%.1f", seed, at, got, want, tol)
				}
			}
		}
	}
}
