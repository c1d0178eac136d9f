package progress

import "distlab/lessons"

// Lesson is one lesson's line in the course map.
type Lesson struct {
	ID     string `json:"id"`
	Number int    `json:"number"`
	Title  string `json:"title"`
	Read   bool   `json:"read"`
	// QuizRight of QuizTotal questions were answered right at least once.
	QuizRight int `json:"quiz_right"`
	QuizTotal int `json:"quiz_total"`
	// ChallengesDone of ChallengesTotal: the challenges of the demos this
	// lesson teaches (lessons.Catalog.Teaching), so each counts once in
	// the course.
	ChallengesDone  int `json:"challenges_done"`
	ChallengesTotal int `json:"challenges_total"`
}

// Done reports whether nothing is left in the lesson.
func (l Lesson) Done() bool {
	return l.Read && l.QuizRight == l.QuizTotal && l.ChallengesDone == l.ChallengesTotal
}

// Course is the course map: every lesson, how much of the whole is done,
// and where to go next.
type Course struct {
	Lessons []Lesson `json:"lessons"`
	// Done of Total: a lesson read counts one, each question answered
	// right one, each challenge met one.
	Done    int `json:"done"`
	Total   int `json:"total"`
	Percent int `json:"percent"` // Done/Total, rounded down, 0 to 100
	// Next is the lesson to go to, "" when all is done; Why says what is
	// left in it.
	Next string `json:"next,omitempty"`
	Why  Left   `json:"why,omitempty"`
}

// Left is what is left in the next lesson.
type Left string

// What can be left in a lesson, checked in this order.
const (
	LeftReading    Left = "reading"
	LeftQuiz       Left = "quiz"
	LeftChallenges Left = "challenges"
)

// Summarize is the course map of the lessons of lang, with st's progress.
// challenges lists a demo's challenge ids (nil for none).
func Summarize(c *lessons.Catalog, lang string, st State, challenges func(demo string) []string) Course {
	var out Course
	for _, l := range c.Lessons(lang) {
		row := Lesson{ID: l.ID, Number: l.Order, Title: l.Title, Read: st.Read[l.ID], QuizTotal: len(l.Quiz)}
		z := st.Quiz[l.ID]
		for _, q := range l.Quiz {
			if z.Right[q.ID] {
				row.QuizRight++
			}
		}
		for _, d := range l.Demos {
			if t, ok := c.Teaching(lang, d); !ok || t.ID != l.ID || challenges == nil {
				continue
			}
			for _, id := range challenges(d) {
				row.ChallengesTotal++
				if st.Challenges[id] {
					row.ChallengesDone++
				}
			}
		}
		out.Lessons = append(out.Lessons, row)
		out.Total += 1 + row.QuizTotal + row.ChallengesTotal
		out.Done += row.QuizRight + row.ChallengesDone
		if row.Read {
			out.Done++
		}
	}
	if out.Total > 0 {
		out.Percent = out.Done * 100 / out.Total
	}
	// Next: the first lesson, in course order, not read or with questions
	// left (a lesson is finished before the next: read, then its quiz);
	// then the first with challenges left, which a student may leave for
	// later.
	for _, l := range out.Lessons {
		switch {
		case !l.Read:
			out.Next, out.Why = l.ID, LeftReading
		case l.QuizRight < l.QuizTotal:
			out.Next, out.Why = l.ID, LeftQuiz
		default:
			continue
		}
		return out
	}
	for _, l := range out.Lessons {
		if l.ChallengesDone < l.ChallengesTotal {
			out.Next, out.Why = l.ID, LeftChallenges
			return out
		}
	}
	return out
}
