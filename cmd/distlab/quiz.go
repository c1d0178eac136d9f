package main

import (
	"math/rand/v2"
	"time"

	"github.com/spf13/cobra"

	"distlab/tui/quiz"
)

func newQuizCmd(g *globals) *cobra.Command {
	p := g.p
	var seed uint64
	cmd := &cobra.Command{
		Use:   "quiz " + p.T("ID|NUMBER"),
		Short: p.T("Take a lesson's quiz in the terminal"),
		Long: p.T("Take a lesson's quiz in the terminal: each answer is checked and explained, why each option\n" +
			"chosen is right or wrong, then the score. Options come shuffled on every run."),
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := g.lesson(args[0])
			if err != nil {
				return err
			}
			if len(l.Quiz) == 0 {
				return g.errorf("lesson %q has no quiz", l.ID)
			}
			if seed == 0 {
				seed = uint64(time.Now().UnixNano())
			}
			_, width := terminal(cmd.OutOrStdout()) // 0 on a pipe: lines as they are
			width = min(width, 100)
			_, err = quiz.Run(cmd.InOrStdin(), cmd.OutOrStdout(), p, l, rand.New(rand.NewPCG(seed, seed)), width)
			return err
		},
	}
	cmd.Flags().Uint64Var(&seed, "seed", 0, p.T("shuffle the options the same way every run (0: a new way each run)"))
	return cmd
}
