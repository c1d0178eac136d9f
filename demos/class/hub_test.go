package class

import (
	"errors"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"
)

func clock() func() time.Time {
	t := time.Date(2026, 12, 2, 14, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

func fired(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// The roster keeps every student who joined, in order, with how many
// sessions each has open; leaving twice counts once.
func TestRoster(t *testing.T) {
	h := New(clock())
	a1 := h.Join("a", "Ana")
	b := h.Join("b", "Bruno")
	a2 := h.Join("a", "Ana P.")
	if r := h.Roster(); len(r) != 2 || r[0].ID != "a" || r[0].Sessions != 2 || r[0].Name != "Ana P." || r[1].Sessions != 1 {
		t.Fatalf("roster %+v", r)
	}
	a1.Leave()
	a1.Leave()
	b.Leave()
	if r := h.Roster(); r[0].Sessions != 1 || r[1].Sessions != 0 || h.Present() != 1 || !slices.Equal(h.ids(), []string{"a"}) {
		t.Fatalf("after leaving %+v", r)
	}
	a2.Report(Position{Lesson: "clocks", Slide: 3, Presenting: true}, 2, 6)
	if r := h.Roster(); r[0].At.Lesson != "clocks" || r[0].QuizRight != 2 {
		t.Fatalf("report %+v", r[0])
	}
}

// A change wakes every session once, however many changes come before it
// looks; a session that never looks blocks nothing; a report that changes
// nothing wakes nobody.
func TestChangesCoalesce(t *testing.T) {
	h := New(clock())
	a, b := h.Join("a", "Ana"), h.Join("b", "Bruno")
	w, stop := h.Watch()
	defer stop()
	fired(a.Changes())
	fired(w)
	for i := range 1000 {
		h.Broadcast("line")
		_ = i
	}
	if !fired(a.Changes()) || fired(a.Changes()) || !fired(w) {
		t.Fatal("a thousand changes: one signal, then none")
	}
	if v := b.View(); v.Notice.Seq != 1000 || v.Notice.Text != "line" {
		t.Fatalf("the newest notice: %+v", v.Notice)
	}
	a.Report(Position{Lesson: "x"}, 0, 0)
	fired(b.Changes())
	a.Report(Position{Lesson: "x"}, 0, 0)
	a.Touch()
	if fired(b.Changes()) {
		t.Fatal("a report that changed nothing, or input, woke a session")
	}
}

// Following students see where the instructor leads; one who steps out
// sees it too but is marked as not following.
func TestFollow(t *testing.T) {
	h := New(clock())
	a := h.Join("a", "Ana")
	if v := a.View(); v.Leading || !v.Following {
		t.Fatalf("before any lead: %+v", v)
	}
	h.Lead(Position{Lesson: "clocks", Slide: 4, Presenting: true})
	if v := a.View(); !v.Leading || v.Lead.Slide != 4 {
		t.Fatalf("lead: %+v", v)
	}
	a.Follow(false)
	if v := a.View(); v.Following || h.Roster()[0].Following {
		t.Fatal("stepped out, still following")
	}
	fired(a.Changes())
	a.Follow(true)
	if !fired(a.Changes()) {
		t.Fatal("stepping back in did not wake the session: it stays put until the instructor moves")
	}
	h.StopLeading()
	if a.View().Leading {
		t.Fatal("still leading")
	}
}

// A live question: three sessions answer, one twice (the last counts);
// students see the tally only once revealed; an answer to an old
// question, after the answers stop, or naming an option the question
// lacks, is refused.
func TestLiveQuestion(t *testing.T) {
	h := New(clock())
	a, b, c := h.Join("a", "Ana"), h.Join("b", "Bruno"), h.Join("c", "Caio")
	old := h.Ask("clocks", "lamport-max", 4)
	seq := h.Ask("clocks", "vector-order", 4)
	if err := a.Answer(old, Answer{Chosen: []int{1}}); !errors.Is(err, ErrNotAsked) {
		t.Fatalf("an answer to the question before: %v", err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(a.Answer(seq, Answer{Chosen: []int{0}}))
	must(a.Answer(seq, Answer{Chosen: []int{2}, Right: true}))
	must(b.Answer(seq, Answer{Chosen: []int{2}, Right: true}))
	must(c.Answer(seq, Answer{Chosen: []int{3}}))
	if err := c.Answer(seq, Answer{Chosen: []int{4}}); !errors.Is(err, ErrBadAnswer) {
		t.Fatalf("option 4 of 4: %v", err)
	}
	if err := c.Answer(seq, Answer{Chosen: []int{1, 1}}); !errors.Is(err, ErrBadAnswer) {
		t.Fatalf("one option twice: %v", err)
	}
	q, _ := h.Asked()
	if q.Tally.Answered != 3 || q.Tally.Right != 2 || !slices.Equal(q.Tally.PerOption, []int{0, 0, 2, 1}) {
		t.Fatalf("tally %+v", q.Tally)
	}
	if v := c.View(); v.Question == nil || v.Question.Tally.Answered != 0 || v.Question.Mine == nil || v.Question.Mine.Chosen[0] != 3 {
		t.Fatalf("a student before the reveal: %+v", v.Question)
	}
	h.Stop(seq)
	if err := b.Answer(seq, Answer{Chosen: []int{1}}); !errors.Is(err, ErrNotAsked) {
		t.Fatalf("after stop: %v", err)
	}
	h.Reveal(seq)
	if v := c.View(); v.Question.Tally.Answered != 3 || !v.Question.Revealed {
		t.Fatalf("revealed: %+v", v.Question)
	}
	h.Dismiss(seq)
	if _, ok := h.Asked(); ok || c.View().Question != nil {
		t.Fatal("dismissed, still asked")
	}
}

// Whatever the students answer, in any order, the tally counts each
// student's last answer once: as many answered as students who answered,
// and each option as often as last answers name it.
func TestTallyProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		h := New(clock())
		n := rapid.IntRange(1, 6).Draw(t, "students")
		opts := rapid.IntRange(2, 5).Draw(t, "options")
		ms := make([]*Member, n)
		for i := range ms {
			ms[i] = h.Join(string(rune('a'+i)), "s")
		}
		seq := h.Ask("l", "q", opts)
		last := map[int][]int{}
		for range rapid.IntRange(0, 30).Draw(t, "answers") {
			who := rapid.IntRange(0, n-1).Draw(t, "who")
			k := rapid.IntRange(0, opts-1).Draw(t, "option")
			if err := ms[who].Answer(seq, Answer{Chosen: []int{k}}); err != nil {
				t.Fatal(err)
			}
			last[who] = []int{k}
		}
		want := make([]int, opts)
		for _, a := range last {
			want[a[0]]++
		}
		q, _ := h.Asked()
		if q.Tally.Answered != len(last) || !slices.Equal(q.Tally.PerOption, want) {
			t.Fatalf("tally %+v, want %d answered, %v", q.Tally, len(last), want)
		}
	})
}

// A student's report, joining or answering wakes the instructor, not the
// other students: nothing they show changed.
// A session that joins reads the class at once (the lead, an open
// question), without waking the others.
func TestJoinWakesTheNewSession(t *testing.T) {
	h := New(clock())
	a := h.Join("a", "Ana")
	fired(a.Changes())
	h.Lead(Position{Lesson: "clocks"})
	h.Ask("clocks", "q", 2)
	fired(a.Changes())
	b := h.Join("b", "Bruno")
	if !fired(b.Changes()) {
		t.Fatal("a late student is not woken: they miss the lead and the open question")
	}
	if v := b.View(); v.Lead.Lesson != "clocks" || v.Question == nil {
		t.Fatalf("the late student's view: %+v", v)
	}
	if fired(a.Changes()) {
		t.Fatal("Bruno's join woke Ana")
	}
}

func TestRosterWakesOnlyTheInstructor(t *testing.T) {
	h := New(clock())
	a, b := h.Join("a", "Ana"), h.Join("b", "Bruno")
	w, stop := h.Watch()
	defer stop()
	seq := h.Ask("l", "q", 2)
	fired(a.Changes())
	fired(b.Changes())
	fired(w)
	a.Report(Position{Lesson: "x"}, 1, 6)
	h.Join("c", "Caio")
	if err := a.Answer(seq, Answer{Chosen: []int{1}}); err != nil {
		t.Fatal(err)
	}
	if fired(b.Changes()) || !fired(w) {
		t.Fatal("a roster change woke a student, or not the instructor")
	}
	h.Reveal(seq)
	if !fired(b.Changes()) {
		t.Fatal("the reveal did not wake the students")
	}
}
