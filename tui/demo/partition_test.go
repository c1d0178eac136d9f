package demo

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// Whatever keys come, the chooser's side is sorted, has no id twice and
// none outside 1..n; a side is taken only when it splits the cluster, and
// taking it closes the chooser.
func TestPartitionChooser(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 9).Draw(t, "n")
		var p Partition[uint64]
		model := map[int]bool{} // what should be picked
		p.Open()
		for _, step := range rapid.SliceOf(rapid.IntRange(-1, 11)).Draw(t, "keys") {
			switch {
			case step == -1: // enter
				side, ok := p.Take(n)
				if want := len(model) > 0 && len(model) < n; ok != want {
					t.Fatalf("take with %v of %d: %v", model, n, ok)
				}
				if ok {
					if len(side) != len(model) || p.IsOpen() || len(p.Side()) != 0 {
						t.Fatalf("took %v of %v; open %v", side, model, p.IsOpen())
					}
					p.Open()
					clear(model)
				}
			default:
				ok := p.Toggle(step, n)
				if ok != (step >= 1 && step <= n) {
					t.Fatalf("toggle %d of %d: %v", step, n, ok)
				}
				if ok {
					model[step] = !model[step]
					if !model[step] {
						delete(model, step)
					}
				}
			}
			side := p.Side()
			if !slices.IsSorted(side) || len(slices.Compact(slices.Clone(side))) != len(side) || len(side) != len(model) {
				t.Fatalf("side %v, want the ids of %v, sorted, once each", side, model)
			}
			for _, id := range side {
				if !model[int(id)] || !p.Picked(id) {
					t.Fatalf("side %v has %d, not picked", side, id)
				}
			}
		}
		p.Close()
		if p.IsOpen() || p.Picked(1) {
			t.Fatal("closed chooser still picks")
		}
	})
}
