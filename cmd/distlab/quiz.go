package main

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/spf13/cobra"

	"distlab/tui/progress"
	"distlab/tui/quiz"
)

// recorder saves each answer of lesson id's quiz in the student's
// progress as it is given, as the app does; the first error, if any, is
// left in *err and the quiz goes on.
func recorder(id string) (record func(q string, right bool), err *error) {
	err = new(error)
	path, perr := progress.DefaultPath()
	if perr != nil {
		*err = perr
		return nil, err
	}
	store := progress.NewStore(path)
	st, lerr := store.Load()
	if lerr != nil {
		*err = lerr
		return nil, err // a state that does not load is not written over
	}
	var seq uint64
	return func(q string, right bool) {
		st.Answer(id, q, right)
		seq++
		if serr := store.Save(st, seq); serr != nil && *err == nil {
			*err = serr
		}
	}, err
}

func newQuizCmd(g *globals) *cobra.Command {
	p := g.p
	var seed uint64
	cmd := &cobra.Command{
		Use:   "quiz " + p.T("ID|NUMBER"),
		Short: p.T("Take a lesson's quiz in the terminal"),
		Long: p.T("Take a lesson's quiz in the terminal: each answer is checked and explained, why each option\n" +
			"chosen is right or wrong, then the score. Options come shuffled on every run. Each answer is\n" +
			"saved in your progress, as in the app (distlab progress shows it)."),
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
			record, saveErr := recorder(l.ID)
			_, err = quiz.RunRecording(cmd.InOrStdin(), cmd.OutOrStdout(), p, l, rand.New(rand.NewPCG(seed, seed)), width, record)
			if err == nil && *saveErr != nil {
				fmt.Fprintln(cmd.ErrOrStderr(), p.Err(*saveErr)) // the quiz was taken; its answers are not kept
			}
			return err
		},
	}
	cmd.Flags().Uint64Var(&seed, "seed", 0, p.T("shuffle the options the same way every run (0: a new way each run)"))
	return cmd
}
