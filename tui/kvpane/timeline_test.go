package kvpane

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"pgregory.net/rapid"

	"distlab/demos/kv"
)

// row draws client 1's row of ops in a pane w wide at clock, stripped of
// its styles and of the client's name: one rune a cell.
func row(m *Model, ops []kv.OpView, w int, clock time.Duration) []rune {
	m.snap.Ops, m.play.Clock = ops, clock
	cells := w - 5
	start := max(clock-time.Duration(cells)*msPerCell, 0)
	line := ansi.Strip(m.clientRow(1, cells, start))
	_, after, _ := strings.Cut(line, "│")
	return []rune(after)
}

// Two short reads, one right after the other: the first's label ran on
// over the cells where the second's bar and label then drew, and the row
// said "rr0!". Now the first gives way to its mark, "!", and the second's
// "r→5" stays whole.
func TestTimelineLabelsDoNotOverlap(t *testing.T) {
	ms := time.Millisecond
	ops := []kv.OpView{
		{ID: 1, Client: 1, Key: "x", Values: []int{0}, Status: kv.OK, Stale: true, Invoke: 40 * ms, Return: 44 * ms},
		{ID: 2, Client: 1, Key: "x", Values: []int{5}, Status: kv.OK, Invoke: 45 * ms, Return: 46 * ms},
	}
	got := string(row(newPane(t, "en", 45, 30, ""), ops, 45, 160*ms))
	if want := "          !r→5"; !strings.HasPrefix(got, want) || strings.Contains(got, "rr") {
		t.Errorf("%q, want it to start %q", got, want)
	}
}

// labelRuns are the runs of a row's cells that are not a bar's ("[", "]",
// "─") or empty: the labels, those that touch in one run.
func labelRuns(cells []rune) []string {
	return strings.FieldsFunc(string(cells), func(r rune) bool { return strings.ContainsRune("[]─ ", r) })
}

// decompose reports whether the runs are the labels of ops in order, each
// op's one of its forms (opLabel, its kind and mark, its mark) or none,
// each whole in one run; need marks the ops that must have one.
func decompose(runs []string, forms [][]string, need []bool) bool {
	if len(forms) == 0 {
		return len(runs) == 0
	}
	if !need[0] && decompose(runs, forms[1:], need[1:]) {
		return true
	}
	if len(runs) == 0 {
		return false
	}
	for _, f := range forms[0] {
		if rest, ok := strings.CutPrefix(runs[0], f); ok {
			next := append([]string{rest}, runs[1:]...)
			if rest == "" {
				next = runs[1:]
			}
			if decompose(next, forms[1:], need[1:]) {
				return true
			}
		}
	}
	return false
}

// Whatever a client's operations, their times and outcomes: every label on
// its row is one operation's, whole, in their order (no label written over
// another's, nor cut by a bar), and every operation whose bar shows a cell
// of its own shows a label, if only its mark.
func TestTimelineLabelsStayWhole(t *testing.T) {
	ms := time.Millisecond
	m := newPane(t, "en", 100, 30, "")
	rapid.Check(t, func(t *rapid.T) {
		w := rapid.IntRange(34, 100).Draw(t, "w")
		cells := w - 5
		clock := time.Duration(rapid.IntRange(cells*4, cells*4+200).Draw(t, "clock")) * ms
		start := max(clock-time.Duration(cells)*msPerCell, 0)
		var ops []kv.OpView
		at := time.Duration(rapid.IntRange(0, 200).Draw(t, "first")) * ms
		for i := 1; at < clock; i++ {
			o := kv.OpView{ID: i, Client: 1, Key: "x", Put: rapid.Bool().Draw(t, "put")}
			o.Invoke = at + time.Duration(rapid.IntRange(0, 12).Draw(t, "gap"))*ms
			o.Return = o.Invoke + time.Duration(rapid.IntRange(0, 40).Draw(t, "took"))*ms
			if o.Invoke > clock {
				break
			}
			switch {
			case o.Return > clock:
				o.Status, o.Return = kv.Pending, 0
			case o.Put:
				o.Value = rapid.IntRange(1, 120).Draw(t, "value")
				o.Status = rapid.SampledFrom([]kv.Status{kv.OK, kv.OK, kv.Refused, kv.Unknown}).Draw(t, "status")
				o.Lost = o.Status == kv.OK && rapid.Bool().Draw(t, "lost")
			default:
				o.Status = rapid.SampledFrom([]kv.Status{kv.OK, kv.OK, kv.Refused}).Draw(t, "status")
				if o.Status == kv.OK {
					o.Values = []int{rapid.IntRange(0, 120).Draw(t, "read")}
					if rapid.Bool().Draw(t, "siblings") {
						o.Values, o.Siblings = append(o.Values, o.Values[0]+1), true
					}
					o.Stale = rapid.Bool().Draw(t, "stale")
				}
			}
			ops = append(ops, o)
			if o.Status == kv.Pending {
				break
			}
			at = o.Return
		}
		cell := func(d time.Duration) int { return int((d - start) / msPerCell) }
		var forms [][]string
		var need []bool
		for i, o := range ops {
			end := o.Return
			if o.Status == kv.Pending {
				end = clock
			}
			if end < start || cell(o.Invoke) >= cells {
				continue // off the row
			}
			forms = append(forms, labelForms(o))
			// a cell of its own: its first is not the next one's first
			first := max(cell(o.Invoke), 0)
			need = append(need, i == len(ops)-1 || max(cell(ops[i+1].Invoke), 0) > first)
		}
		got := row(m, ops, w, clock)
		if runs := labelRuns(got); !decompose(runs, forms, need) {
			t.Fatalf("row %q: labels %q, forms %q", string(got), runs, forms)
		}
	})
}
