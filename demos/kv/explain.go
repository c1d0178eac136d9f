package kv

import (
	"time"

	"github.com/anishathalye/porcupine"

	"distlab/demos/locale"
)

// explain names the operations of the first key whose history admits no
// order: a read that missed a write finished before it began, a read
// older than a read finished before it began, or siblings; Porcupine's
// search when none of those is found. Each key's check gets at most
// timeout (0: no limit).
func explain(v *Verdict, ops []OpView, timeout time.Duration) {
	byKey := map[string][]OpView{}
	var keys []string
	for _, o := range ops {
		if o.Status == Refused || o.Status == Pending && !o.Put {
			continue
		}
		if _, ok := byKey[o.Key]; !ok {
			keys = append(keys, o.Key)
		}
		byKey[o.Key] = append(byKey[o.Key], o)
	}
	for _, k := range keys {
		if porcupine.CheckOperationsTimeout(model, operations(byKey[k]), timeout) != porcupine.Illegal {
			continue
		}
		v.Key = k
		explainKey(v, byKey[k])
		return
	}
}

func explainKey(v *Verdict, ops []OpView) {
	writeOf := map[int]OpView{}
	for _, o := range ops {
		if o.Put {
			writeOf[o.Value] = o
		}
	}
	done := func(a, b OpView) bool { return a.Status == OK && a.Return < b.Invoke }
	// before reports whether value x was written before write w began:
	// 0, the initial value, always is.
	before := func(x int, w OpView) bool {
		if x == 0 {
			return true
		}
		wx, ok := writeOf[x]
		return ok && done(wx, w)
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
		x := r.Values[0]
		for _, o := range ops {
			if !done(o, r) {
				continue
			}
			switch {
			case o.Put && o.Value != x && before(x, o):
				found(r.Return, []OpView{o, r}, func(p *locale.Printer) string {
					return p.T("%s at %s after %s completed at %s", r.Text(p), ms(r.Invoke), o.Text(p), ms(o.Return))
				})
			case !o.Put && len(o.Values) == 1 && o.Values[0] != x && o.Values[0] != 0:
				if w, ok := writeOf[o.Values[0]]; ok && before(x, w) {
					found(r.Return, []OpView{o, r}, func(p *locale.Printer) string {
						return p.T("%s at %s after %s completed at %s", r.Text(p), ms(r.Invoke), o.Text(p), ms(o.Return))
					})
				}
			}
		}
	}
	if best == nil {
		n, k := len(ops), v.Key
		best = func(p *locale.Printer) string {
			return p.T("no order of the %d operations on %s fits them all (the HTML export shows Porcupine's longest orders)", n, k)
		}
	}
	v.why = best
}

// ms is a run's time as the verdict writes it: "12 ms".
func ms(d time.Duration) string { return itoa(int(d/time.Millisecond)) + " ms" }
