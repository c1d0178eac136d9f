package kv

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/anishathalye/porcupine"

	"distlab/demos/locale"
)

// byKey splits a history by key, keys in the order they first appear,
// leaving out what the checker does not see (refusals, reads under way).
func byKey(ops []OpView) (keys []string, of map[string][]OpView) {
	of = map[string][]OpView{}
	for _, o := range ops {
		if o.Status == Refused || o.Status == Pending && !o.Put {
			continue
		}
		if _, ok := of[o.Key]; !ok {
			keys = append(keys, o.Key)
		}
		of[o.Key] = append(of[o.Key], o)
	}
	return keys, of
}

// explain names the operations of the first key whose history admits no
// order: a read that missed a write finished before it began, a read
// older than a read finished before it began, or siblings; Porcupine's
// search when none of those is found. Each key's check gets at most
// timeout (0: no limit).
func explain(v *Verdict, ops []OpView, timeout time.Duration) {
	keys, of := byKey(ops)
	for _, k := range keys {
		if porcupine.CheckOperationsTimeout(model, operations(of[k]), timeout) != porcupine.Illegal {
			continue
		}
		v.Key = k
		explainKey(v, of[k])
		return
	}
}

// witness looks for a violation by its patterns alone, without
// Porcupine's search: each is a proof on its own (a register cannot
// return a value overwritten before the read began, nor siblings), so a
// history Porcupine could not decide in time is still found broken when
// one is there. It reports whether one was found.
func witness(v *Verdict, ops []OpView) bool {
	keys, of := byKey(ops)
	for _, k := range keys {
		w := Verdict{Key: k}
		if explainKey(&w, of[k]) {
			v.Key, v.Involved, v.why = k, w.Involved, w.why
			return true
		}
	}
	return false
}

// explainKey looks for the earliest read that returned a value already
// overwritten when it began: a write of another value began after the
// read's value was written and finished before the read began, or a read
// finished before it began returned such a value. Prefix maxima over the
// operations sorted by their end make it O(n log n), so a history of 10k
// operations is explained in milliseconds. It reports whether it found
// one; if not, the explanation is Porcupine's search.
func explainKey(v *Verdict, ops []OpView) bool {
	writeOf := map[int]OpView{}
	for _, o := range ops {
		if o.Put {
			writeOf[o.Value] = o
		}
	}
	const never = time.Duration(math.MaxInt64)
	// written is when value x was certainly in place: its write's end (the
	// initial value 0 always was); never for a write not answered.
	written := func(x int) time.Duration {
		if x == 0 {
			return -1
		}
		if w, ok := writeOf[x]; ok && w.Status == OK {
			return w.Return
		}
		return never
	}
	// began is when the write of value y began; -1 if there is none.
	began := func(y int) time.Duration {
		if w, ok := writeOf[y]; ok && y != 0 {
			return w.Invoke
		}
		return -1
	}
	var writes, reads []OpView
	for _, o := range ops {
		switch {
		case o.Status != OK:
		case o.Put:
			writes = append(writes, o)
		case len(o.Values) == 1:
			reads = append(reads, o)
		}
	}
	byEnd := func(a, b OpView) int { return cmp.Compare(a.Return, b.Return) }
	slices.SortStableFunc(writes, byEnd)
	slices.SortStableFunc(reads, byEnd)
	// latest[i] is, of the first i+1 operations, the one whose value's
	// write began last.
	latest := func(done []OpView, start func(OpView) time.Duration) []OpView {
		out := make([]OpView, len(done))
		for i, o := range done {
			out[i] = o
			if i > 0 && start(out[i-1]) >= start(o) {
				out[i] = out[i-1]
			}
		}
		return out
	}
	lw := latest(writes, func(o OpView) time.Duration { return o.Invoke })
	lr := latest(reads, func(o OpView) time.Duration { return began(o.Values[0]) })
	doneBefore := func(done []OpView, at time.Duration) int {
		i, _ := slices.BinarySearchFunc(done, at, func(o OpView, at time.Duration) int { return cmp.Compare(o.Return, at) })
		return i
	}
	var best func(p *locale.Printer) string
	var bestAt time.Duration
	found := func(at time.Duration, involved []OpView, why func(p *locale.Printer) string) {
		if best == nil || at < bestAt {
			best, bestAt, v.Involved = why, at, involved
		}
	}
	for _, r := range ops {
		if r.Put || r.Status != OK {
			continue
		}
		if len(r.Values) != 1 {
			found(r.Return, []OpView{r}, func(p *locale.Printer) string {
				return p.T("%s at %s: a register holds one value, not siblings", r.Text(p), ms(r.Invoke))
			})
			continue
		}
		x := written(r.Values[0])
		if i := doneBefore(writes, r.Invoke); i > 0 && lw[i-1].Invoke > x {
			o := lw[i-1]
			found(r.Return, []OpView{o, r}, func(p *locale.Printer) string {
				return p.T("%s at %s after %s completed at %s", r.Text(p), ms(r.Invoke), o.Text(p), ms(o.Return))
			})
		} else if i := doneBefore(reads, r.Invoke); i > 0 && began(lr[i-1].Values[0]) > x {
			o := lr[i-1]
			found(r.Return, []OpView{o, r}, func(p *locale.Printer) string {
				return p.T("%s at %s after %s completed at %s", r.Text(p), ms(r.Invoke), o.Text(p), ms(o.Return))
			})
		}
	}
	if best != nil {
		v.why = best
		return true
	}
	n, k := len(ops), v.Key
	v.why = func(p *locale.Printer) string {
		return p.T("no order of the %d operations on %s fits them all (the HTML export shows Porcupine's longest orders)", n, k)
	}
	return false
}

// ms is a run's time as the verdict writes it: "12 ms".
func ms(d time.Duration) locale.Localizer { return msTime(d) }

// msTime is a time of the history in whole milliseconds, its digits
// grouped the language's way ("3,399 ms", "3.399 ms"), joined to its unit
// by a no-break space: a pane that wraps the verdict never leaves "12" at
// the end of a line and "ms" at the start of the next.
type msTime time.Duration

func (m msTime) Localize(p *locale.Printer) string {
	return p.T("%d\u00a0ms", int(time.Duration(m)/time.Millisecond))
}

// String is the time without a language, as a nil Printer prints it.
func (m msTime) String() string { return m.Localize(nil) }
