package lessons

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
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
}

// Summaries returns the lessons' summaries; Demos is never null.
func Summaries(ls []Lesson) []Summary {
	out := make([]Summary, 0, len(ls))
	for _, l := range ls {
		demos := l.Demos
		if demos == nil {
			demos = []string{}
		}
		out = append(out, Summary{l.ID, l.Title, l.Order, l.Summary, demos, l.Lang, l.Path})
	}
	return out
}

// WriteJSON prints the lessons as a JSON array.
func WriteJSON(w io.Writer, ls []Lesson) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(Summaries(ls))
}

// WriteTable prints the lessons as an aligned table.
func WriteTable(w io.Writer, ls []Lesson) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tID\tTITLE\tDEMOS")
	for _, l := range ls {
		demos := strings.Join(l.Demos, ",")
		if demos == "" {
			demos = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", l.Order, l.ID, l.Title, demos)
	}
	return tw.Flush()
}

// WriteProblems prints one problem a line, path:line: message.
func WriteProblems(w io.Writer, probs []Problem) {
	for _, p := range probs {
		fmt.Fprintln(w, p.Error())
	}
}

// WriteNotes prints a lesson's speaker notes slide by slide, numbered as
// presenter mode numbers them ("3/12"), for the instructor's second screen.
func WriteNotes(w io.Writer, l Lesson) error {
	slides := Slides(l)
	fmt.Fprintf(w, "%s — %d slides\n", l.Title, len(slides))
	for i, s := range slides {
		title := s.Title
		if title == "" {
			title = l.Title
		}
		fmt.Fprintf(w, "\n%d/%d  %s\n", i+1, len(slides), title)
		if len(s.Notes) == 0 {
			fmt.Fprintln(w, "    -")
		}
		for _, n := range s.Notes {
			fmt.Fprintf(w, "    %s\n", strings.Join(strings.Fields(n), " "))
		}
	}
	return nil
}
