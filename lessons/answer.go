package lessons

import (
	"math"
	"slices"
)

// Answer is what a student answered to one question: the options chosen
// (indexes into Options, for a choice or choices), a number, or the items
// in the order given (indexes into Items).
type Answer struct {
	Chosen []int
	Number float64
	Order  []int
}

// Right reports whether a answers q: a choice's one right option, a
// choices' right options and no other (in any order, each once), a number
// within the tolerance, or every item in its place.
func (q Question) Right(a Answer) bool {
	switch q.Kind {
	case KindChoice, KindChoices:
		chosen := slices.Clone(a.Chosen)
		slices.Sort(chosen)
		chosen = slices.Compact(chosen)
		var right []int
		for i, o := range q.Options {
			if o.Correct {
				right = append(right, i)
			}
		}
		return len(chosen) == len(a.Chosen) && slices.Equal(chosen, right)
	case KindNumber:
		if math.IsNaN(a.Number) || math.IsInf(a.Number, 0) {
			return false
		}
		// A hair of slack: 0.1 + 0.2 is not 0.3 in floating point, and a
		// student who types the tolerance's edge is right.
		return math.Abs(a.Number-q.Answer) <= q.Tolerance+1e-9*math.Max(1, math.Abs(q.Answer))
	case KindOrder:
		if len(a.Order) != len(q.Items) {
			return false
		}
		for i, k := range a.Order {
			if k != i {
				return false
			}
		}
		return true
	}
	return false
}

// Wrong are the options a chose that are not right, and the right ones it
// left out: what the explanation after a wrong answer goes through.
func (q Question) Wrong(a Answer) (chosenWrong, missed []int) {
	for i, o := range q.Options {
		picked := slices.Contains(a.Chosen, i)
		switch {
		case picked && !o.Correct:
			chosenWrong = append(chosenWrong, i)
		case !picked && o.Correct:
			missed = append(missed, i)
		}
	}
	return chosenWrong, missed
}
