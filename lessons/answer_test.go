package lessons_test

import (
	"math"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"distlab/lessons"
)

// A number is right within its tolerance, both edges included, and wrong
// past it; NaN and infinities are never right.
func TestNumberAnswer(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := lessons.Question{Kind: lessons.KindNumber,
			Answer:    rapid.Float64Range(-1e6, 1e6).Draw(t, "answer"),
			Tolerance: rapid.Float64Range(0, 100).Draw(t, "tolerance")}
		off := rapid.Float64Range(-200, 200).Draw(t, "off")
		got := q.Right(lessons.Answer{Number: q.Answer + off})
		switch {
		case math.Abs(off) < q.Tolerance*0.999 && !got:
			t.Fatalf("%v off by %v, within %v, is wrong", q.Answer, off, q.Tolerance)
		case math.Abs(off) > q.Tolerance*1.001+1e-3 && got:
			t.Fatalf("%v off by %v, past %v, is right", q.Answer, off, q.Tolerance)
		}
	})
	q := lessons.Question{Kind: lessons.KindNumber, Answer: 0.3, Tolerance: 0}
	for _, n := range []float64{0.1 + 0.2, 0.3} {
		if !q.Right(lessons.Answer{Number: n}) {
			t.Errorf("%v for 0.3 exactly", n)
		}
	}
	for _, n := range []float64{math.NaN(), math.Inf(1), 0.31} {
		if q.Right(lessons.Answer{Number: n}) {
			t.Errorf("%v is right for 0.3", n)
		}
	}
}

// A choice is right with exactly the right options chosen, in any order;
// a duplicate, a missing or an extra option makes it wrong, and Wrong says
// which.
func TestChoiceAnswer(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(2, 6).Draw(t, "options")
		q := lessons.Question{Kind: lessons.KindChoices}
		var right []int
		for i := range n {
			c := rapid.Bool().Draw(t, "correct")
			q.Options = append(q.Options, lessons.Option{Correct: c})
			if c {
				right = append(right, i)
			}
		}
		chosen := rapid.SliceOfDistinct(rapid.IntRange(0, n-1), func(i int) int { return i }).Draw(t, "chosen")
		sorted := slices.Sorted(slices.Values(chosen))
		if got, want := q.Right(lessons.Answer{Chosen: chosen}), slices.Equal(sorted, right); got != want {
			t.Fatalf("chose %v of right %v: Right %v", chosen, right, got)
		}
		wrong, missed := q.Wrong(lessons.Answer{Chosen: chosen})
		if (len(wrong) == 0 && len(missed) == 0) != slices.Equal(sorted, right) {
			t.Fatalf("chose %v of right %v: wrong %v missed %v", chosen, right, wrong, missed)
		}
		if len(chosen) > 0 && q.Right(lessons.Answer{Chosen: append(chosen, chosen[0])}) {
			t.Fatalf("a duplicate %v is right", chosen)
		}
	})
}

// An order is right only as the identity: every permutation but that is
// wrong, and so is one too short.
func TestOrderAnswer(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(2, 7).Draw(t, "items")
		q := lessons.Question{Kind: lessons.KindOrder, Items: make([]string, n)}
		perm := rapid.Permutation(identity(n)).Draw(t, "order")
		if got, want := q.Right(lessons.Answer{Order: perm}), slices.Equal(perm, identity(n)); got != want {
			t.Fatalf("%v: Right %v", perm, got)
		}
		if q.Right(lessons.Answer{Order: identity(n)[:n-1]}) {
			t.Fatal("a short order is right")
		}
	})
}

func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// Every question of the shipped course can be answered right, and the
// first wrong option of a choice is wrong: the quiz each lesson ships is
// one a student can pass.
func TestEmbeddedQuizzesAnswerable(t *testing.T) {
	c := lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix})
	for _, lang := range lessons.Languages {
		for _, l := range c.Lessons(lang) {
			for _, q := range l.Quiz {
				var right, wrong lessons.Answer
				switch q.Kind {
				case lessons.KindNumber:
					right.Number, wrong.Number = q.Answer, q.Answer+q.Tolerance+1+math.Abs(q.Answer)
				case lessons.KindOrder:
					right.Order = identity(len(q.Items))
					wrong.Order = slices.Concat(identity(len(q.Items))[1:], []int{0})
				default:
					for i, o := range q.Options {
						if o.Correct {
							right.Chosen = append(right.Chosen, i)
						} else if wrong.Chosen == nil {
							wrong.Chosen = []int{i}
						}
					}
				}
				if !q.Right(right) || q.Right(wrong) {
					t.Errorf("%s:%d: %s: right %v, wrong %v", l.QuizPath, q.Line, q.ID, q.Right(right), q.Right(wrong))
				}
			}
		}
	}
}
