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
	marks marks                     // scale out's totals at its last bucket closes
}

// upKey is one machine: its size and its model.
type upKey struct {
	cores int
	model Model
}

// loads are the offered loads one machine was measured at.
type loads struct {
	served    map[float64]measured // kept up with in full (measured.served)
	saturated map[float64]measured // every core busy, and some turned away
}

// note records m, a steady window of the machine with room waiting
// slots: a load it saturated is no longer one it served, whatever an
// earlier window, its queue still filling, seemed to show.
func (l *loads) note(m measured, room int) bool {
	switch {
	case m.saturated():
		delete(l.served, m.load)
		l.saturated[m.load] = m
	case m.served(room):
		if _, ok := l.saturated[m.load]; ok {
			return false
		}
		l.served[m.load] = m
	default:
		return false
	}
	return true
}

// bracket is the closest pair of a load served and one at most
// bracketRatio times higher that saturated.
func (l *loads) bracket() (served, sat measured, ok bool) {
	for a, ma := range l.served {
		for b, mb := range l.saturated {
			if a < b && b <= bracketRatio*a && (!ok || b/a < sat.load/served.load) {
				served, sat, ok = ma, mb, true
			}
		}
	}
	return served, sat, ok
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
	secs                        float64 // how long the window is
	completed, rejected, failed uint64
	grown                       int64 // requests in the system at its end less at its start
}

// measure is s's last window.
func (s *side) measure() measured {
	w := s.window(false)
	m := measured{load: s.load, up: s.upCount, secs: w.secs, completed: w.completed, rejected: w.rejected, failed: w.failed,
		grown: int64(w.offered) - int64(w.completed+w.rejected+w.failed), util: s.upUtil(w.util)}
	if w.secs > 0 {
		m.thr, m.reject = float64(w.completed)/w.secs, float64(w.rejected)/w.secs
	}
	return m
}

// upUtil is the mean of util, one busy fraction per unit, over the units up.
func (s *side) upUtil(util []float64) float64 {
	sum, n := 0.0, 0
	for i, u := range util {
		if s.kind == ScaleOut && !s.stations[i].up || s.kind == ScaleUp && !s.stations[0].up {
			continue
		}
		sum += u
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// room is how many requests s's stations up can hold waiting.
func (s *side) room() int {
	n := 0
	for _, st := range s.stations[:min(len(s.stations), max(s.size, 1))] {
		if st.up {
			n += st.queueCap
		}
	}
	return n
}

// saturated reports whether a window shows a side that cannot keep up:
// its units all but always busy, and requests turned away.
func (m measured) saturated() bool { return m.rejected > 0 && m.util >= saturatedUtil }

// served reports whether a window shows a side keeping up with its whole
// load, room being the waiting slots of its stations up: nothing turned
// away or lost, at least servedRatio of the load served, its units below
// saturatedUtil busy, and its queues no fuller at the end than at the
// start by more than growRoom of their room. A side over capacity can
// pass the first two for as long as its queues take to fill; never the
// last two.
func (m measured) served(room int) bool {
	return m.secs > 0 && m.rejected == 0 && m.failed == 0 && m.thr >= servedRatio*m.load &&
		m.util < saturatedUtil && float64(m.grown) <= growRoom*float64(room)
}

// check runs the challenges' checks on the windows just closed.
func (d *Demo) check() {
	d.watch.marks.note(d.out, surviveWindow)
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
	if !l.note(m, s.room()) {
		return
	}
	served, sat, ok := l.bracket()
	if !ok {
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
// nodes left served their whole load (measured.served) over the last
// surviveWindow, long enough for a backlog to show, while at least
// survivorsUtil busy.
func (d *Demo) checkSurvive() {
	s, c := d.out, d.watch.crash
	if !c.valid || c.load <= 0 || s.upCount == 0 || s.upCount == s.size {
		return
	}
	m, ok := d.watch.marks.measure(s, surviveWindow)
	if !ok || m.load <= 0 || m.completed == 0 || !m.served(s.room()) || m.util < survivorsUtil {
		return
	}
	lost := s.tot.Failed - c.failed
	d.log.Mark(ChallengeSurvive, func(p *locale.Printer) string {
		return p.T("%d nodes left served all %.0f req/s, %.0f%% busy; lost before the health check: %d.", m.up, m.load, 100*m.util, lost)
	})
}
