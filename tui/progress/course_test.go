package progress_test

import (
	"testing"

	"distlab/lessons"
	"distlab/tui/progress"
)

func course() *lessons.Catalog {
	return lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix, KnownDemo: func(string) bool { return true }})
}

// The course map counts a lesson read, each question right and each
// challenge met once, the challenges under the lesson that teaches their
// demo; where to go next is the first lesson not read or with questions
// left, then the first with challenges left, then nothing.
func TestSummarize(t *testing.T) {
	c := course()
	ls := c.Lessons("en")
	chals := func(d string) []string {
		if d == "chat" {
			return []string{"chat/a", "chat/b", "chat/c"}
		}
		return nil
	}
	var st progress.State
	s := progress.Summarize(c, "en", st, chals)
	if s.Done != 0 || s.Next != ls[0].ID || s.Why != progress.LeftReading {
		t.Fatalf("nothing done: %+v", s)
	}
	chatTotal := 0
	for _, l := range s.Lessons {
		chatTotal += l.ChallengesTotal
	}
	if chatTotal != 3 || s.Lessons[0].ChallengesTotal != 3 {
		t.Fatalf("chat's 3 challenges must count once, under lesson 1 (which teaches chat): %+v", s.Lessons)
	}
	st.Read = map[string]bool{ls[0].ID: true}
	st.Answer(ls[0].ID, ls[0].Quiz[0].ID, true)
	st.Answer(ls[0].ID, "no-longer-in-the-lesson", true)
	st.Met("chat/b")
	s = progress.Summarize(c, "en", st, chals)
	if s.Done != 3 || s.Lessons[0].QuizRight != 1 || s.Lessons[0].ChallengesDone != 1 || s.Why != progress.LeftQuiz || s.Next != ls[0].ID {
		t.Fatalf("read, one question, one challenge: %+v", s)
	}
	if s.Percent != s.Done*100/s.Total {
		t.Fatalf("percent %d of %d/%d", s.Percent, s.Done, s.Total)
	}
	for _, l := range ls {
		st.Read[l.ID] = true
		for _, q := range l.Quiz {
			st.Answer(l.ID, q.ID, true)
		}
	}
	s = progress.Summarize(c, "en", st, chals)
	if s.Why != progress.LeftChallenges || s.Next != ls[0].ID {
		t.Fatalf("all read and answered, challenges left: %+v", s)
	}
	st.Met("chat/a")
	st.Met("chat/c")
	s = progress.Summarize(c, "en", st, chals)
	if s.Next != "" || s.Percent != 100 || !s.Lessons[0].Done() {
		t.Fatalf("everything done: %+v", s)
	}
}
