package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"distlab/demos/locale"
	"distlab/tui/progress"
)

// challengeRow is one challenge as `distlab challenges --json` prints it.
type challengeRow struct {
	ID   string `json:"id"`
	Demo string `json:"demo"`
	Goal string `json:"goal"`
	Done bool   `json:"done"`
}

func newChallengesCmd(g *globals) *cobra.Command {
	p := g.p
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "challenges",
		Short: p.T("List the demos' challenges, and which you have met"),
		Long: p.T("List the demos' challenges: goals stated as predictions to test in a demo, which the demo's\n" +
			"engine checks from what really happens in it. In the app, C in a demo's pane shows them."),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			var st progress.State
			if path, err := progress.DefaultPath(); err == nil {
				if st, err = progress.Read(path); err != nil { // a report: it changes nothing on disk
					fmt.Fprintln(cmd.ErrOrStderr(), p.Err(err)) // the list still prints, nothing marked met
				}
			}
			var rows []challengeRow
			for _, d := range demos.All() {
				if d.Challenges == nil {
					continue
				}
				for _, c := range d.Challenges() {
					rows = append(rows, challengeRow{ID: c.ID, Demo: d.ID, Goal: c.Goal(p), Done: st.Challenges[c.ID]})
				}
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				if rows == nil {
					rows = []challengeRow{}
				}
				return enc.Encode(rows)
			}
			return writeChallenges(cmd.OutOrStdout(), p, rows)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, p.T("print a JSON array (id, demo, goal, done)"))
	return cmd
}

// writeChallenges prints each challenge: a mark, its id, and its goal
// under it.
func writeChallenges(w io.Writer, p *locale.Printer, rows []challengeRow) error {
	done := 0
	for _, r := range rows {
		mark := "◇"
		if r.Done {
			mark, done = "✓", done+1
		}
		if _, err := fmt.Fprintf(w, "%s %s\n    %s\n", mark, r.ID, r.Goal); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, p.T("%d of %d challenges met", done, len(rows)))
	return err
}
