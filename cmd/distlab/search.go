package main

import (
	"strings"

	"github.com/spf13/cobra"

	"distlab/lessons"
)

// newLessonsSearchCmd is `distlab lessons search TERM`: the lines of the
// lessons that hold TERM, as id:line: text, the way grep prints them.
func newLessonsSearchCmd(g *globals) *cobra.Command {
	p := g.p
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search " + p.T("TERM"),
		Short: p.T("Find a word in the lessons; print id:line: text for each line that holds it"),
		Long: p.T("Find a word or a phrase in the titles, summaries and text of the lessons in one language,\n" +
			"case and accents aside (relogio finds relógio), and print each line that holds it as\n" +
			"id:line: text, the line counted in the lesson's file. On a terminal each line is cut to\n" +
			"its width. Exit status 1 when no line holds it, as grep."),
		Example: "  distlab lessons search lamport\n  distlab lessons search --lang pt-BR \"relógio lógico\"",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			term := strings.Join(args, " ")
			if lessons.NewQuery(term).Empty() {
				return g.errorf("nothing to search for: give a word")
			}
			c := g.load()
			writeProblems(cmd.ErrOrStderr(), g.p, c.Problems)
			hits := lessons.Search(c.Lessons(lang), term)
			out := cmd.OutOrStdout()
			if asJSON {
				err = lessons.WriteHitsJSON(out, hits)
			} else {
				_, width := terminal(out) // 0 into a pipe: whole lines
				err = lessons.WriteHits(out, hits, width)
			}
			if err != nil {
				return err
			}
			if len(hits) == 0 {
				return g.errorf("no lesson in %s holds %q", lang, term)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, p.T("print a JSON array (id, line, text)"))
	return cmd
}
