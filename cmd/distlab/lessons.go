package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"distlab/demos/locale"
	"distlab/lessons"
	"distlab/tui/markdown"
	"distlab/tui/theme"
)

func newLessonsCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "lessons",
		Short: "List the lessons",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			c := g.load()
			writeProblems(cmd.ErrOrStderr(), g.p, c.Problems)
			if asJSON {
				return lessons.WriteJSON(cmd.OutOrStdout(), c.Lessons(lang))
			}
			return lessons.WriteTable(cmd.OutOrStdout(), c.Lessons(lang))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array (id, title, order, summary, demos, lang, path)")
	cmd.AddCommand(&cobra.Command{
		Use:   "check [DIR]",
		Short: "Check a lessons folder; print path:line: problems and exit 1 if any",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				g.lessonsDir = args[0]
			}
			c := g.load()
			n := 0
			for _, lang := range lessons.Languages {
				n += len(c.Lessons(lang))
			}
			if len(c.Problems) > 0 {
				writeProblems(cmd.OutOrStdout(), g.p, c.Problems)
				fmt.Fprintf(cmd.ErrOrStderr(), "%d problem(s); %d lesson file(s) loaded\n", len(c.Problems), n)
				return errQuiet{errors.New("problems found")}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "ok: %d lesson file(s), no problems\n", n)
			return nil
		},
	})
	return cmd
}

func newLessonCmd(g *globals) *cobra.Command {
	lesson := &cobra.Command{Use: "lesson", Short: "Work with one lesson"}
	var width int
	var style string
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Render a lesson to standard output",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := g.lesson(args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			tty := false
			if f, ok := out.(*os.File); ok {
				tty = term.IsTerminal(f.Fd())
				if w, _, err := term.GetSize(f.Fd()); err == nil && width == 0 {
					width = w
				}
			}
			if style == "" {
				style = pickStyle(g.theme, tty, os.Getenv("NO_COLOR") != "")
			}
			cfg, err := markdown.Standard(style)
			if err != nil {
				return err
			}
			if width <= 0 {
				width = 80
			}
			s, err := markdown.Render(l.Title, l.Body, width, cfg)
			if err != nil {
				return err
			}
			if style == "notty" || style == "ascii" {
				s = markdown.TrimLines(s)
			}
			_, err = fmt.Fprint(out, s)
			return err
		},
	}
	show.Flags().IntVar(&width, "width", 0, "wrap at this many columns (default: the terminal's, or 80)")
	show.Flags().StringVar(&style, "style", "", "dark, light, ascii or notty (default: plain when not a terminal or NO_COLOR is set)")
	_ = show.RegisterFlagCompletionFunc("style", cobra.FixedCompletions(markdown.StyleNames, cobra.ShellCompDirectiveNoFileComp))
	show.ValidArgsFunction = func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		lang, _ := g.language()
		var ids []string
		for _, l := range g.load().Lessons(lang) {
			ids = append(ids, l.ID+"\t"+l.Title)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
	notes := &cobra.Command{
		Use:   "notes ID",
		Short: "Print a lesson's speaker notes, slide by slide, for a second screen",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := g.lesson(args[0])
			if err != nil {
				return err
			}
			return lessons.WriteNotes(cmd.OutOrStdout(), l)
		},
		ValidArgsFunction: show.ValidArgsFunction,
	}
	lesson.AddCommand(show, notes)
	return lesson
}

// writeProblems prints one problem a line, path:line: message, in p's
// language.
func writeProblems(w io.Writer, p *locale.Printer, probs []lessons.Problem) {
	for _, pr := range probs {
		fmt.Fprintln(w, pr.In(p.T))
	}
}

// pickStyle is lesson show's default style: plain text when the output is
// not a terminal or NO_COLOR is set, else the theme's colors.
func pickStyle(themeFlag string, tty, noColor bool) string {
	if !tty || noColor {
		return "notty"
	}
	if t, _, _ := theme.Parse(themeFlag); t == theme.Light {
		return "light"
	}
	return "dark"
}
