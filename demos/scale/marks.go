package scale

import "time"

// marks are a side's totals at its last bucket closes, from which a check
// measures a window longer than the side's own (Config.Window).
type marks struct {
	ring []mark
	pos  int // where the next goes
	n    int // how many the ring holds
}

// mark is a side's state at the close of one bucket.
type mark struct {
	at   time.Duration // when the bucket closed
	tot  Totals
	util float64 // mean busy fraction of the units up, over the bucket
}

// note records s as its bucket just closed, keeping enough for windows
// up to span long.
func (ms *marks) note(s *side, span time.Duration) {
	if need := s.buckets(span) + 1; len(ms.ring) != need {
		ms.ring, ms.pos, ms.n = make([]mark, need), 0, 0
	}
	var util float64
	if s.winFilled > 0 {
		util = s.upUtil(s.win[(s.winPos-1+len(s.win))%len(s.win)].util)
	}
	ms.ring[ms.pos] = mark{at: s.now, tot: s.tot, util: util}
	ms.pos = (ms.pos + 1) % len(ms.ring)
	ms.n = min(ms.n+1, len(ms.ring))
}

// buckets is how many of s's buckets make span, at least one.
func (s *side) buckets(span time.Duration) int {
	return max(1, int((span+s.bucket-1)/s.bucket))
}

// measure is s's last span, as the marks saw it, and whether they cover
// it with no change to s since it began.
func (ms *marks) measure(s *side, span time.Duration) (measured, bool) {
	k := s.buckets(span)
	if ms.n <= k || len(ms.ring) != k+1 {
		return measured{}, false
	}
	end := ms.ring[(ms.pos-1+len(ms.ring))%len(ms.ring)]
	start := ms.ring[ms.pos%len(ms.ring)] // the oldest: k buckets before end
	if start.at < s.changed || end.at != s.now {
		return measured{}, false
	}
	d := func(f func(Totals) uint64) uint64 { return f(end.tot) - f(start.tot) }
	m := measured{load: s.load, up: s.upCount, secs: (end.at - start.at).Seconds(),
		completed: d(func(t Totals) uint64 { return t.Completed }),
		rejected:  d(func(t Totals) uint64 { return t.Rejected }),
		failed:    d(func(t Totals) uint64 { return t.Failed }),
	}
	offered := d(func(t Totals) uint64 { return t.Offered })
	m.grown = int64(offered) - int64(m.completed+m.rejected+m.failed)
	m.thr, m.reject = float64(m.completed)/m.secs, float64(m.rejected)/m.secs
	for i := 1; i <= k; i++ {
		m.util += ms.ring[(ms.pos-1-k+i+2*len(ms.ring))%len(ms.ring)].util
	}
	m.util /= float64(k)
	return m, true
}
