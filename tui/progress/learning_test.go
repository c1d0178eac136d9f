package progress_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"distlab/tui/progress"
)

// Quiz answers and challenges met are saved and loaded whole, and a clone
// shares none of their maps.
func TestQuizAndChallengesRoundTrip(t *testing.T) {
	var st progress.State
	st.Answer("clocks", "lamport-max", false)
	st.Answer("clocks", "lamport-max", true)
	st.Answer("clocks", "vector-order", false)
	if !st.Met("clocks/backwards") || st.Met("clocks/backwards") {
		t.Fatal("Met: want new the first time only")
	}
	z := st.Quiz["clocks"]
	if !z.Right["lamport-max"] || z.Right["vector-order"] || len(z.Answered) != 2 {
		t.Fatalf("quiz %+v: a wrong answer after a right one must not undo it; both answered", z)
	}
	st.Answer("clocks", "lamport-max", false)
	if !st.Quiz["clocks"].Right["lamport-max"] {
		t.Fatal("a later wrong answer took back a right one")
	}

	c := st.Clone()
	c.Quiz["clocks"].Right["vector-order"] = true
	c.Challenges["chat/failover"] = true
	if st.Quiz["clocks"].Right["vector-order"] || st.Challenges["chat/failover"] {
		t.Fatal("the clone shares maps with the original")
	}

	path := filepath.Join(t.TempDir(), "state.json")
	s := progress.NewStore(path)
	if err := s.Save(st, 1); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Quiz, st.Quiz) || !reflect.DeepEqual(got.Challenges, st.Challenges) {
		t.Fatalf("loaded quiz %+v challenges %v, saved %+v %v", got.Quiz, got.Challenges, st.Quiz, st.Challenges)
	}
}

// A file of the version before quizzes and challenges loads with its
// progress whole and none of either.
func TestFileBeforeQuizzesLoads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	old := `{"last_lesson":"clocks","lang":"pt-BR","places":{"pt-BR":{"clocks":12}},"read":{"intro":true},"slides":{"clocks":3}}` + "\n"
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := progress.NewStore(path).Load()
	if err != nil {
		t.Fatal(err)
	}
	if st.LastLesson != "clocks" || !st.Read["intro"] || st.Slides["clocks"] != 3 || st.Place("pt-BR", "clocks") != 12 {
		t.Fatalf("old progress lost: %+v", st)
	}
	if len(st.Quiz) != 0 || len(st.Challenges) != 0 {
		t.Fatalf("quiz %v challenges %v from a file without them", st.Quiz, st.Challenges)
	}
}

// Read, for the commands that only report, leaves a corrupt file where it
// is (Load moves it aside so the app starts afresh) and says so.
func TestReadChangesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := progress.Read(path); err == nil {
		t.Fatal("a corrupt file read without an error")
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("Read moved the corrupt file: %v", err)
	}
	if _, err := os.Stat(path + ".corrupt"); err == nil {
		t.Fatal("Read made a .corrupt copy")
	}
	if st, err := progress.Read(filepath.Join(dir, "none.json")); err != nil || st.Read != nil {
		t.Fatalf("a missing file: %+v %v", st, err)
	}
}
