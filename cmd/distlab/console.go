package main

import (
	"github.com/spf13/cobra"

	"distlab/demos/locale"
	"distlab/demos/present"
	"distlab/tui/common"
	"distlab/tui/console"
	"distlab/tui/theme"
)

func newConsoleCmd(g *globals) *cobra.Command {
	p := g.p
	return &cobra.Command{
		Use:   "console",
		Short: p.T("The presenter's console, for a second screen: notes, next slide, time; drives the projection"),
		Long: p.T("Attach to the distlab presenting on this machine (P, or distlab --presenter) and show the\n" +
			"current slide's speaker notes, the next slide, slide n/N, the time presenting and the clock,\n" +
			"in the app's language. Its keys drive the projection: →/space next, ←/backspace previous,\n" +
			"g/home first, G/end last, b blank, w white, d the slide's demo, r a live question's results\n" +
			"to the class; ↑/↓ scroll long notes, ? lists every key, q quits. Run it in a second\n" +
			"terminal, on the laptop's own screen."),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			th, _, err := theme.Parse(g.theme)
			if err != nil {
				return err
			}
			path, err := present.DefaultPath()
			if err != nil {
				return err
			}
			return console.Run(common.New(theme.New(th), locale.Match(lang)), path)
		},
	}
}
