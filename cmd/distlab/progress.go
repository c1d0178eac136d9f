package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"distlab/demos/locale"
	"distlab/tui"
	"distlab/tui/progress"
)

func newProgressCmd(g *globals) *cobra.Command {
	p := g.p
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "progress",
		Short: p.T("Show your progress in the course: lessons read, quizzes, challenges"),
		Long: p.T("Show your progress in the course, from the app's state file ($DISTLAB_STATE, or distlab/state.json\n" +
			"in your config folder): per lesson, read or not, the quiz's questions answered right and the\n" +
			"challenges met in the demos it teaches; the whole course as a percentage; where to go next."),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			path, err := progress.DefaultPath()
			if err != nil {
				return err
			}
			st, err := progress.Read(path) // a report: it changes nothing on disk
			if err != nil {
				return err
			}
			c := progress.Summarize(g.load(), lang, st, func(d string) []string { return tui.ChallengeIDs(demos, d) })
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(c)
			}
			return writeProgress(cmd.OutOrStdout(), p, c)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, p.T("print JSON: every lesson, the whole course and the next step"))
	return cmd
}

// writeProgress prints the course map as a table, then where to go next.
func writeProgress(w io.Writer, p *locale.Printer, c progress.Course) error {
	fmt.Fprintln(w, p.T("Course: %d%% done (%d of %d steps: lessons read, questions right, challenges met)", c.Percent, c.Done, c.Total))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\t"+p.T("LESSON")+"\t"+p.T("READ")+"\t"+p.T("QUIZ")+"\t"+p.T("CHALLENGES"))
	next := ""
	for _, l := range c.Lessons {
		read := "-"
		if l.Read {
			read = p.T("yes")
		}
		quiz, ch := "-", "-"
		if l.QuizTotal > 0 {
			quiz = p.T("%d/%d", l.QuizRight, l.QuizTotal)
		}
		if l.ChallengesTotal > 0 {
			ch = p.T("%d/%d", l.ChallengesDone, l.ChallengesTotal)
		}
		if l.ID == c.Next {
			next = l.Title
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.T("%d", l.Number), l.Title, read, quiz, ch)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	switch c.Why {
	case progress.LeftReading:
		_, err := fmt.Fprintln(w, p.T("Next: read “%s” (distlab --lesson %s).", next, c.Next))
		return err
	case progress.LeftQuiz:
		_, err := fmt.Fprintln(w, p.T("Next: the quiz of “%s” (distlab quiz %s, or Q in the app).", next, c.Next))
		return err
	case progress.LeftChallenges:
		_, err := fmt.Fprintln(w, p.T("Next: the challenges of “%s” (C in its demo).", next))
		return err
	}
	_, err := fmt.Fprintln(w, p.T("Everything is done: read any lesson again, or try the quizzes once more."))
	return err
}
