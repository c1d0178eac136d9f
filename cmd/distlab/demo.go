package main

import (
	"strings"

	"github.com/spf13/cobra"
)

func newDemoCmd(g *globals) *cobra.Command {
	p := g.p
	var start startFlags
	cmd := &cobra.Command{
		Use:   "demo ID",
		Short: p.T("Open the app with a demo beside its lesson"),
		Long: p.T("Open the app with demo ID in a pane beside the lesson that teaches it: the first whose\n" +
			"demos list starts with it (distlab lessons shows the lists), else the first that names it."),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			if !demos.Known(id) {
				var ids []string
				for _, d := range demos.All() {
					ids = append(ids, d.ID)
				}
				if len(ids) == 0 {
					return g.errorf("no demo %q: no demos are available yet", id)
				}
				return g.errorf("no demo %q (demos: %s)", id, strings.Join(ids, ", "))
			}
			lang, err := g.language()
			if err != nil {
				return err
			}
			start.demo = id
			if l, ok := g.load().Teaching(lang, id); ok {
				start.lesson = l.ID
			}
			return runApp(cmd.Context(), g, start)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var ids []string
			for _, d := range demos.All() {
				ids = append(ids, d.ID+"\t"+d.TitleIn(p.Lang().String()))
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
	}
	cmd.Flags().BoolVar(&start.presenter, "presenter", false, p.T("start in presenter mode: slides, high contrast, for a projector"))
	return cmd
}
