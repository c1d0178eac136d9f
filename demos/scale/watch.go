package scale

import "distlab/demos/locale"

// watch is what the challenges' checks have measured. The checks run
// when both sides close a bucket (Demo.Advance) and read only steady
// windows: a full window that began after the side's last change of load,
// size, model, policy, crash or repair, so each figure measures the side
// as the student left it. Demo guards it; Restart and Reset clear it.
type watch struct {
	up    map[upKey]*loads          // scale up: per machine, loads served in full and loads that saturated it
	out   map[Model]map[int]float64 // scale out: per model, the best throughput measured at each size, every node up
	crash crashNote                 // the last node crash
}

// upKey is one machine: its size and its model.
type upKey struct {
	cores int
	model Model
}

// loads are the offered loads one machine was measured at.
type loads struct {
	served    map[float64]measured // no request turned away
	saturated map[float64]measured // every core busy, and some turned away
}

// crashNote is a scale-out node's crash.
type crashNote struct {
	valid  bool
	load   float64 // the offered load when it crashed
	failed uint64  // the side's failed requests just before it
}

// measured is a side's steady window.
type measured struct {
	load                        float64 // offered, as set
	thr, reject                 float64 // served and turned away, a second
	util                        float64 // mean busy fraction of the units up
	up                          int     // stations up
	completed, rejected, failed uint64
}

// measure is s's last window.
func (s *side) measure() measured {
	w := s.window(false)
	m := measured{load: s.load, up: s.upCount, completed: w.completed, rejected: w.rejected, failed: w.failed}
	if w.secs > 0 {
		m.thr, m.reject = float64(w.completed)/w.secs, float64(w.rejected)/w.secs
	}
	n := 0
	for i, u := range w.util {
		if s.kind == ScaleOut && !s.stations[i].up || s.kind == ScaleUp && !s.stations[0].up {
			continue
		}
		m.util += u
		n++
	}
	if n > 0 {
		m.util /= float64(n)
	}
	return m
}

// saturated reports whether a window shows a side that cannot keep up:
// its units all but always busy, and requests turned away.
func (m measured) saturated() bool { return m.rejected > 0 && m.util >= saturatedUtil }

// check runs the challenges' checks on the windows just closed.
func (d *Demo) check() {
	if d.up.steady() && !d.log.Met(ChallengeSaturate) {
		d.checkSaturate()
	}
	if d.out.steady() {
		if !d.log.Met(ChallengePastPeak) {
			d.checkPastPeak()
		}
		if !d.log.Met(ChallengeSurvive) {
			d.checkSurvive()
		}
	}
}

// checkSaturate: the machine served one load in full and saturated under
// another at most bracketRatio times higher, at the same size and model.
func (d *Demo) checkSaturate() {
	s := d.up
	m := s.measure()
	if m.up == 0 || m.failed > 0 || m.load <= 0 || m.completed == 0 {
		return
	}
	if d.watch.up == nil {
		d.watch.up = map[upKey]*loads{}
	}
	k := upKey{s.size, s.model}
	l := d.watch.up[k]
	if l == nil {
		l = &loads{served: map[float64]measured{}, saturated: map[float64]measured{}}
		d.watch.up[k] = l
	}
	switch {
	case m.rejected == 0:
		l.served[m.load] = m
	case m.saturated():
		l.saturated[m.load] = m
	default:
		return
	}
	var served, sat measured
	for a, ma := range l.served {
		for b, mb := range l.saturated {
			if a < b && b <= bracketRatio*a && (served.load == 0 || b/a < sat.load/served.load) {
				served, sat = ma, mb
			}
		}
	}
	if served.load == 0 {
		return
	}
	cores := s.size
	d.log.Mark(ChallengeSaturate, func(p *locale.Printer) string {
		return p.T("%d cores served all of %.0f req/s; at %.0f only %.0f, turning %.0f/s away.",
			cores, served.load, sat.load, sat.thr, sat.reject)
	})
}

// checkPastPeak: scale out, past its peak N* and saturated, served
// measurably less than a smaller size of the same model did.
func (d *Demo) checkPastPeak() {
	s := d.out
	m := s.measure()
	if m.up < s.size || m.failed > 0 || m.completed == 0 {
		return
	}
	if d.watch.out == nil {
		d.watch.out = map[Model]map[int]float64{}
	}
	sizes := d.watch.out[s.model]
	if sizes == nil {
		sizes = map[int]float64{}
		d.watch.out[s.model] = sizes
	}
	n := s.size
	sizes[n] = max(sizes[n], m.thr)
	peak, ok := s.model.PeakInt()
	if !ok || n <= peak || !m.saturated() {
		return
	}
	n1, thr1 := 0, 0.0
	for k, thr := range sizes {
		if k < n && thr > thr1 && s.model.X(float64(k)) > s.model.X(float64(n)) {
			n1, thr1 = k, thr
		}
	}
	if n1 == 0 || m.thr >= fallRatio*thr1 {
		return
	}
	thr := m.thr
	d.log.Mark(ChallengePastPeak, func(p *locale.Printer) string {
		return p.T("%d nodes served %.0f req/s; %d nodes, past N* = %d, only %.0f, all busy.", n1, thr1, n, peak, thr)
	})
}

// crashed notes that a node of scale out s crashed, failed requests
// having failed before it.
func (w *watch) crashed(s *side, failed uint64) {
	w.crash = crashNote{valid: true, load: s.load, failed: failed}
}

// checkSurvive: after a node crashed under load, with it still down, the
// nodes left served a whole window with nothing rejected or failed while
// at least survivorsUtil busy.
func (d *Demo) checkSurvive() {
	s, c := d.out, d.watch.crash
	if !c.valid || c.load <= 0 || s.upCount == 0 || s.upCount == s.size {
		return
	}
	m := s.measure()
	if m.load <= 0 || m.completed == 0 || m.rejected > 0 || m.failed > 0 || m.util < survivorsUtil {
		return
	}
	lost := s.tot.Failed - c.failed
	d.log.Mark(ChallengeSurvive, func(p *locale.Printer) string {
		return p.T("%d nodes left served all %.0f req/s, %.0f%% busy; lost before the health check: %d.", m.up, m.load, 100*m.util, lost)
	})
}
