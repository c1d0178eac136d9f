package kv

import (
	"io"
	"math"
	"sync"
	"time"

	"github.com/anishathalye/porcupine"

	"distlab/demos/locale"
)

// Result is what the linearizability checker found.
type Result int

// The results.
const (
	Linearizable Result = iota
	NotLinearizable
	Undecided // the checker ran out of time
)

// Verdict is a history's linearizability verdict.
type Verdict struct {
	Result Result
	Key    string        // the key whose operations admit no order
	Ops    int           // operations checked
	Took   time.Duration // the checker's time
	// Involved are the operations the explanation names, oldest first.
	Involved []OpView
	why      func(p *locale.Printer) string
}

// Line is the verdict on its own line: "linearizable: yes" or
// "linearizable: no: …".
func (v Verdict) Line(p *locale.Printer) string {
	switch v.Result {
	case NotLinearizable:
		return p.T("linearizable: no: %s", v.Why(p))
	case Undecided:
		return p.T("linearizable: undecided: the checker ran out of time on %d operations", v.Ops)
	}
	return p.T("linearizable: yes")
}

// Why is the explanation of a violation, "" if there is none.
func (v Verdict) Why(p *locale.Printer) string {
	if v.why == nil {
		return ""
	}
	return v.why(p)
}

// input and output are an operation as Porcupine checks it.
type input struct {
	Put   bool
	Key   string
	Value int
}

type output struct{ Values []int }

// model is a register per key, initially 0. A read that returns siblings
// is not a register's answer.
var model = porcupine.Model{
	Partition: func(h []porcupine.Operation) [][]porcupine.Operation {
		by := map[string][]porcupine.Operation{}
		var keys []string
		for _, op := range h {
			k := op.Input.(input).Key
			if _, ok := by[k]; !ok {
				keys = append(keys, k)
			}
			by[k] = append(by[k], op)
		}
		out := make([][]porcupine.Operation, len(keys))
		for i, k := range keys {
			out[i] = by[k]
		}
		return out
	},
	Init: func() any { return 0 },
	Step: func(state, in, out any) (bool, any) {
		i := in.(input)
		if i.Put {
			return true, i.Value
		}
		o := out.(output)
		return len(o.Values) == 1 && o.Values[0] == state.(int), state
	},
	DescribeOperation: func(in, out any) string {
		i := in.(input)
		if i.Put {
			return "put(" + i.Key + ", " + itoa(i.Value) + ")"
		}
		return "get(" + i.Key + ") → " + ValuesText(out.(output).Values)
	},
	DescribeState: func(state any) string { return itoa(state.(int)) },
}

// operations are a history as Porcupine checks it: answered operations,
// and writes given up on, which may take effect at any time after their
// invocation. Refused operations had no effect and are left out.
func operations(ops []OpView) []porcupine.Operation {
	var h []porcupine.Operation
	for _, o := range ops {
		ret := int64(o.Return)
		switch {
		case o.Status == OK:
		case o.Status == Unknown || o.Status == Pending && o.Put:
			ret = math.MaxInt64
		default:
			continue
		}
		h = append(h, porcupine.Operation{ClientId: o.Client - 1, Input: input{Put: o.Put, Key: o.Key, Value: o.Value},
			Output: output{Values: o.Values}, Call: int64(o.Invoke), Return: ret, Metadata: ClientName(o.Client) + " @ " + Name(o.Server)})
	}
	return h
}

// Check checks a history for linearizability with Porcupine, giving up
// after timeout (0: no limit). A violation is explained by the operations
// involved. Exported for tests and tools that build histories by hand.
func Check(ops []OpView, timeout time.Duration) Verdict {
	start := time.Now()
	h := operations(ops)
	v := Verdict{Ops: len(h)}
	res := porcupine.CheckOperationsTimeout(model, h, timeout)
	v.Took = time.Since(start)
	switch res {
	case porcupine.Ok:
		return v
	case porcupine.Unknown:
		v.Result = Undecided
		if witness(&v, ops) {
			v.Result = NotLinearizable
		}
		return v
	}
	v.Result = NotLinearizable
	explain(&v, ops, timeout)
	return v
}

// verdictCache keeps the last verdict, so a pane that asks again for the
// same history gets it at once.
type verdictCache struct {
	mu  sync.Mutex
	ops int
	key uint64
	v   Verdict
	ok  bool
}

// Verdict checks the run's history so far (see Check); a history checked
// before is not checked again.
func (s *Sim) Verdict(timeout time.Duration) Verdict {
	snap := s.Snapshot()
	key := historyKey(snap.Ops)
	c := s.checked
	c.mu.Lock()
	if c.ok && c.key == key && c.ops == len(snap.Ops) {
		v := c.v
		c.mu.Unlock()
		return v
	}
	c.mu.Unlock()
	v := Check(snap.Ops, timeout)
	if v.Result != Undecided {
		c.mu.Lock()
		c.ops, c.key, c.v, c.ok = len(snap.Ops), key, v, true
		c.mu.Unlock()
	}
	return v
}

// historyKey sums up what the checker sees of a history.
func historyKey(ops []OpView) uint64 {
	var h uint64 = 14695981039346656037
	mix := func(x int64) { h = (h ^ uint64(x)) * 1099511628211 }
	for _, o := range ops {
		mix(int64(o.ID))
		mix(int64(o.Status))
		mix(int64(o.Return))
		for _, v := range o.Values {
			mix(int64(v))
		}
	}
	return h
}

// ExportHTML writes the history as Porcupine's HTML visualization: the
// operations as bars per client and, for a violation, the longest orders
// the checker could find.
func (s *Sim) ExportHTML(w io.Writer, timeout time.Duration) error {
	return ExportHTML(s.Snapshot().Ops, w, timeout)
}

// ExportHTML writes a history as Porcupine's HTML visualization.
func ExportHTML(ops []OpView, w io.Writer, timeout time.Duration) error {
	_, info := porcupine.CheckOperationsVerbose(model, operations(ops), timeout)
	return porcupine.Visualize(model, info, w)
}

func itoa(n int) string { return ValuesText([]int{n}) }
