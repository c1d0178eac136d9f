package lessons

import (
	"encoding/json"
	"io"
)

// Summary is a lesson as `distlab lessons --json` prints it.
type Summary struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Order   int      `json:"order"`
	Summary string   `json:"summary"`
	Demos   []string `json:"demos"`
	Lang    string   `json:"lang"`
	Path    string   `json:"path"`
	Quiz    int      `json:"quiz"` // questions in its quiz
}

// Summaries returns the lessons' summaries; Demos is never null.
func Summaries(ls []Lesson) []Summary {
	out := make([]Summary, 0, len(ls))
	for _, l := range ls {
		demos := l.Demos
		if demos == nil {
			demos = []string{}
		}
		path, _ := CleanLine(l.Path) // a file name may hold escape sequences
		out = append(out, Summary{l.ID, l.Title, l.Order, l.Summary, demos, l.Lang, path, len(l.Quiz)})
	}
	return out
}

// WriteJSON prints the lessons as a JSON array.
func WriteJSON(w io.Writer, ls []Lesson) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(Summaries(ls))
}
