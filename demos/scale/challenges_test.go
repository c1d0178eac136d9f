package scale

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"distlab/demos/locale"
)

// how is the sentence challenge id was met with, in lang; the test fails
// if it was not met.
func how(t *testing.T, d *Demo, id string, lang locale.Lang) string {
	t.Helper()
	for _, r := range d.Done() {
		if r.ID == id {
			return r.How(locale.For(lang))
		}
	}
	t.Fatalf("%s not met; met: %v", id, d.Done())
	return ""
}

// wrapped is how many lines s takes wrapped at spaces to width w.
func wrapped(s string, w int) int {
	lines, col := 1, 0
	for _, word := range strings.Fields(s) {
		n := utf8.RuneCountInString(word)
		switch {
		case col == 0:
			col = n
		case col+1+n <= w:
			col += 1 + n
		default:
			lines, col = lines+1, n
		}
	}
	return lines
}

// metFits checks that what the strip shows once id is met — the sentence
// on what the student did, then the explanation — takes three lines in a pane 78
// columns in both languages, as the strip gives it.
func metFits(t *testing.T, d *Demo, id string) {
	t.Helper()
	for _, c := range Challenges() {
		if c.ID != id {
			continue
		}
		for _, l := range []locale.Lang{locale.English, locale.Portuguese} {
			s := how(t, d, id, l) + " " + c.Explain(locale.For(l))
			if n := wrapped(s, 77); n > 3 {
				t.Errorf("%s (%s): %d lines at 78 columns:\n%s", id, l, n, s)
			}
		}
	}
}

func notMet(t *testing.T, d *Demo, id, why string) {
	t.Helper()
	if d.log.Met(id) {
		t.Errorf("%s met %s: %s", id, why, how(t, d, id, locale.English))
	}
}

// frames advances d as the pane does: a Tick every 100ms of real time.
func frames(d *Demo, dur time.Duration) {
	for range dur / (100 * time.Millisecond) {
		d.Tick(100 * time.Millisecond)
	}
}

func TestChallengeTexts(t *testing.T) {
	list := Challenges()
	if len(list) < 3 {
		t.Fatalf("%d challenges, want at least 3", len(list))
	}
	seen := map[string]bool{}
	en, pt := locale.For(locale.English), locale.For(locale.Portuguese)
	for _, c := range list {
		if c.Demo() != "scale" || seen[c.ID] {
			t.Errorf("id %q: not scale/ or twice", c.ID)
		}
		seen[c.ID] = true
		if !strings.HasPrefix(c.Goal(en), "Predict: ") || !strings.HasPrefix(c.Goal(pt), "Preveja: ") {
			t.Errorf("%s: goal is not a prediction: %q / %q", c.ID, c.Goal(en), c.Goal(pt))
		}
		if n := len(c.Hints(en)); n < 2 || n > 3 || len(c.Hints(pt)) != n {
			t.Errorf("%s: %d hints", c.ID, n)
		}
		// The strip of a pane zoomed on an 80-column screen, 78 cells inside its frame, wraps at 77: the goal takes two
		// lines after its "◇ 1/3 ", each hint two after its "hint 1: ",
		// the explanation two.
		for _, p := range []*locale.Printer{en, pt} {
			texts := map[string]string{"explanation": c.Explain(p), "goal": "◇ 1/3 " + c.Goal(p)}
			for i, h := range c.Hints(p) {
				texts["hint "+string(rune('1'+i))] = "hint 1: " + h
			}
			for what, s := range texts {
				if n := wrapped(s, 77); n > 2 {
					t.Errorf("%s %s (%s): %d lines at 78 columns:\n%s", c.ID, what, p.Lang(), n, s)
				}
			}
		}
	}
	if list := (&Demo{}).Challenges(); len(list) != len(Challenges()) {
		t.Errorf("Demo.Challenges: %d, want the package's %d", len(list), len(Challenges()))
	}
}

// A machine that serves one load in full and saturates one step above it
// meets scale/saturate, with the loads and what it measured.
func TestSaturateMet(t *testing.T) {
	d := newDemo(t, nil)
	for _, load := range []float64{5000, 6000, 7000} {
		d.SetLoad(load)
		frames(d, 3*time.Second)
	}
	got := how(t, d, ChallengeSaturate, locale.English)
	if !regexp.MustCompile(`^8 cores served all of 6,000 req/s; at 7,000 only 6,[3-5]\d\d, turning [1-6]\d\d/s away\.$`).MatchString(got) {
		t.Errorf("how: %q", got)
	}
	if pt := how(t, d, ChallengeSaturate, locale.Portuguese); !strings.HasPrefix(pt, "8 núcleos deram conta de 6.000 req/s; com 7.000, só 6.") {
		t.Errorf("how in Portuguese: %q", pt)
	}
	metFits(t, d, ChallengeSaturate)
	// It stays met through a restart, which forgets the measurements.
	d.Restart()
	if !d.log.Met(ChallengeSaturate) || len(d.watch.up) != 0 {
		t.Errorf("after Restart: met %v, %d machines remembered", d.log.Met(ChallengeSaturate), len(d.watch.up))
	}
}

func TestSaturateNearMisses(t *testing.T) {
	t.Run("jumped past it", func(t *testing.T) {
		d := newDemo(t, nil) // 4,000 served, then 10,000 saturates: 2.5 times as much
		frames(d, 3*time.Second)
		d.SetLoad(10000)
		frames(d, 5*time.Second)
		notMet(t, d, ChallengeSaturate, "with 4,000 served and 10,000 saturated")
	})
	t.Run("never saturated", func(t *testing.T) {
		d := newDemo(t, nil)
		for _, load := range []float64{5000, 6000} {
			d.SetLoad(load)
			frames(d, 5*time.Second)
		}
		notMet(t, d, ChallengeSaturate, "below capacity")
	})
	t.Run("another machine", func(t *testing.T) {
		d := newDemo(t, func(c *Config) { c.Load = 6000 }) // served in full by 8 cores
		frames(d, 3*time.Second)
		d.SetCores(6) // X(6) ≈ 5,100: 7,000 saturates 6 cores, not the machine that served 6,000
		d.SetLoad(7000)
		frames(d, 5*time.Second)
		notMet(t, d, ChallengeSaturate, "across two machine sizes")
		d.SetCores(8) // the machine that served 6,000, remembered
		frames(d, 3*time.Second)
		how(t, d, ChallengeSaturate, locale.English)
	})
	t.Run("too soon after the change", func(t *testing.T) {
		d := newDemo(t, func(c *Config) { c.Load = 6000 })
		frames(d, 3*time.Second)
		for range 3 { // a step every 0.8 s: no window is steady at 7,000
			d.SetLoad(7000)
			frames(d, 800*time.Millisecond)
			d.SetLoad(6500)
			frames(d, 800*time.Millisecond)
		}
		notMet(t, d, ChallengeSaturate, "with no steady window at 7,000")
		d.SetLoad(7000) // and now one
		frames(d, 3*time.Second)
		how(t, d, ChallengeSaturate, locale.English)
	})
}

// The hint's path: β = 0.01 brings N* to 10; 8 nodes and then 20 under
// 6,000 req/s, more than either serves.
func TestPastPeakMet(t *testing.T) {
	d := newDemo(t, nil)
	for range 4 {
		d.StepBeta(ScaleOut, 1)
	}
	if n, _ := d.Model(ScaleOut).PeakInt(); n != 10 {
		t.Fatalf("N* = %d after four β steps, want 10 as the hint says", n)
	}
	d.SetLoad(6000)
	frames(d, 2*time.Second)
	notMet(t, d, ChallengePastPeak, "below the peak")
	d.SetNodes(20)
	frames(d, 2*time.Second)
	got := how(t, d, ChallengePastPeak, locale.English)
	if !regexp.MustCompile(`^8 nodes served 4,[4-7]\d\d req/s; 20 nodes, past N\* = 10, only 3,[6-9]\d\d, all busy\.$`).MatchString(got) {
		t.Errorf("how: %q", got)
	}
	metFits(t, d, ChallengePastPeak)
}

// The lesson's path: the published fit, 12,000 req/s, 36 nodes then 64.
func TestPastPeakLessonPath(t *testing.T) {
	d := newDemo(t, func(c *Config) { c.Load = 12000 })
	d.SetNodes(36)
	frames(d, 2*time.Second)
	d.SetNodes(64)
	frames(d, 2*time.Second)
	if got := how(t, d, ChallengePastPeak, locale.English); !strings.Contains(got, "; 64 nodes, past N* = 36, only 1") {
		t.Errorf("how: %q", got)
	}
}

func TestPastPeakNearMisses(t *testing.T) {
	t.Run("below the peak", func(t *testing.T) {
		d := newDemo(t, func(c *Config) { c.Load = 15000 })
		for _, n := range []int{20, 30, 34} {
			d.SetNodes(n)
			frames(d, 2*time.Second)
		}
		notMet(t, d, ChallengePastPeak, "below N*")
	})
	t.Run("nothing bigger to compare with", func(t *testing.T) {
		// 8 nodes served 6,475; 60, past N*, serve 11,300: more than any
		// size measured, though less than the peak's.
		d := newDemo(t, func(c *Config) { c.Load = 15000 })
		frames(d, 2*time.Second)
		d.SetNodes(60)
		frames(d, 3*time.Second)
		notMet(t, d, ChallengePastPeak, "with no larger throughput measured")
		d.SetNodes(36) // the peak measured, then past it again
		frames(d, 2*time.Second)
		d.SetNodes(60)
		frames(d, 3*time.Second)
		how(t, d, ChallengePastPeak, locale.English)
	})
	t.Run("not saturated", func(t *testing.T) {
		// 36 then 64 nodes under 9,000 req/s: both serve it all.
		d := newDemo(t, func(c *Config) { c.Load = 9000 })
		d.SetNodes(36)
		frames(d, 2*time.Second)
		d.SetNodes(64)
		frames(d, 3*time.Second)
		notMet(t, d, ChallengePastPeak, "under a load both sizes serve")
	})
	t.Run("another model", func(t *testing.T) {
		// 36 nodes of the published fit, then 64 of a model with more β:
		// the fall is the model's change, not the size's.
		d := newDemo(t, func(c *Config) { c.Load = 15000 })
		d.SetNodes(36)
		frames(d, 2*time.Second)
		d.StepBeta(ScaleOut, 1)
		d.SetNodes(64)
		frames(d, 3*time.Second)
		notMet(t, d, ChallengePastPeak, "across two models")
	})
}

// 5,000 req/s on 8 nodes: one crashes, and once the balancer drops it the
// 7 left run 88% busy with nothing turned away for surviveWindow.
func TestSurviveMet(t *testing.T) {
	d := newDemo(t, func(c *Config) { c.Load = 5000 })
	frames(d, 2*time.Second)
	d.Crash(ScaleOut)
	frames(d, time.Second)
	notMet(t, d, ChallengeSurvive, "before the health check")
	// The crash came at 2 s, with the health check: the balancer sent the
	// dead node its 625 req/s until the next check at 4 s.
	frames(d, 2*time.Second)
	notMet(t, d, ChallengeSurvive, "a second after the health check")
	frames(d, 3*time.Second)
	got := how(t, d, ChallengeSurvive, locale.English)
	if !regexp.MustCompile(`^7 nodes left served all 5,000 req/s, 8[5-9]% busy; lost before the health check: 1,[1-3]\d\d\.$`).MatchString(got) {
		t.Errorf("how: %q", got)
	}
	if pt := how(t, d, ChallengeSurvive, locale.Portuguese); !strings.HasPrefix(pt, "7 nós restantes deram conta de 5.000 req/s, 8") {
		t.Errorf("how in Portuguese: %q", pt)
	}
	metFits(t, d, ChallengeSurvive)
}

func TestSurviveNearMisses(t *testing.T) {
	t.Run("too little load", func(t *testing.T) {
		// 4,000 req/s: the 7 left run about 70% busy. The node stays down
		// for 30 s, long enough to try a second load.
		d := newDemo(t, func(c *Config) { c.MTTR = 30 * time.Second })
		frames(d, 2*time.Second)
		d.Crash(ScaleOut)
		frames(d, 8*time.Second)
		notMet(t, d, ChallengeSurvive, "at 70% busy")
		d.SetLoad(5000) // the node still down: the 7 left now run 88% busy
		frames(d, 4*time.Second)
		how(t, d, ChallengeSurvive, locale.English)
	})
	t.Run("too much load", func(t *testing.T) {
		d := newDemo(t, func(c *Config) { c.Load = 6000 }) // more than 7 nodes serve
		frames(d, 2*time.Second)
		d.Crash(ScaleOut)
		frames(d, 8*time.Second)
		notMet(t, d, ChallengeSurvive, "with the 7 left rejecting")
	})
	t.Run("repaired at once", func(t *testing.T) {
		d := newDemo(t, func(c *Config) { c.Load = 5000 })
		frames(d, 2*time.Second)
		d.Crash(ScaleOut)
		frames(d, 500*time.Millisecond)
		d.Repair(ScaleOut)
		frames(d, 8*time.Second)
		notMet(t, d, ChallengeSurvive, "with every node back")
	})
	t.Run("no crash", func(t *testing.T) {
		d := newDemo(t, func(c *Config) { c.Load = 5000; c.Nodes = 7 }) // as busy as 7 survivors, but nothing crashed
		frames(d, 8*time.Second)
		notMet(t, d, ChallengeSurvive, "with no crash")
	})
	t.Run("the machine", func(t *testing.T) {
		d := newDemo(t, func(c *Config) { c.Load = 5000 })
		frames(d, 2*time.Second)
		d.Crash(ScaleUp)
		frames(d, 8*time.Second)
		notMet(t, d, ChallengeSurvive, "by crashing the scale-up machine")
	})
}

// The first steady window after a step up is no proof the machine serves
// the new load: its queue is still filling, so nothing is rejected yet.
func TestSaturateOverloadNotServed(t *testing.T) {
	t.Run("queue still filling", func(t *testing.T) {
		// X(8) ≈ 6,530: 6,800 fills the 400 slots in about 1.5 s, so the
		// first window at it rejects nothing while every core is busy.
		d := newDemo(t, nil)
		for _, load := range []float64{4000, 6800, 9000} {
			d.SetLoad(load)
			frames(d, 3*time.Second)
		}
		notMet(t, d, ChallengeSaturate, "with 6,800 counted as served, though it saturates")
	})
	t.Run("just above capacity", func(t *testing.T) {
		// 6,600 is 1% over X(8): it may reject nothing for seconds, its
		// cores all busy, and 9,000 is within 1.5 times it.
		d := newDemo(t, nil)
		for _, load := range []float64{6600, 9000} {
			d.SetLoad(load)
			frames(d, 3*time.Second)
		}
		notMet(t, d, ChallengeSaturate, "with 6,600 counted as served")
	})
}

// A load once seen saturating a machine is no longer one it served.
func TestLoadsForgetServedOnceSaturated(t *testing.T) {
	l := &loads{served: map[float64]measured{}, saturated: map[float64]measured{}}
	l.note(measured{load: 6800, thr: 6700, util: 0.9, secs: 1, completed: 6700}, 400)
	l.note(measured{load: 6800, thr: 6530, reject: 270, util: 1, secs: 1, completed: 6530, rejected: 270}, 400)
	l.note(measured{load: 9000, thr: 6530, reject: 2470, util: 1, secs: 1, completed: 6530, rejected: 2470}, 400)
	if _, _, ok := l.bracket(); ok {
		t.Errorf("bracket found with 6,800 saturated: served %v", l.served)
	}
	l.note(measured{load: 6800, thr: 6790, util: 0.9, secs: 1, completed: 6790}, 400)
	if _, ok := l.served[6800]; ok {
		t.Errorf("6,800 counted as served again after it saturated")
	}
}

// Survivors that look fine for the first second after the health check
// but cannot carry the load: within seconds their queues fill and they
// reject. 7 of 8 nodes carry about 5,666 req/s.
func TestSurviveOverloadNotMet(t *testing.T) {
	for _, load := range []float64{5500, 5650, 5700} {
		t.Run(fmt.Sprint(load), func(t *testing.T) {
			d := newDemo(t, func(c *Config) { c.Load = load })
			frames(d, 2*time.Second)
			d.Crash(ScaleOut)
			frames(d, 8*time.Second)
			notMet(t, d, ChallengeSurvive, fmt.Sprintf("at %.0f req/s, more than 7 nodes carry", load))
		})
	}
}
