package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"distlab/demos/locale"
	"distlab/lessons"
	"distlab/tui/markdown"
	"distlab/tui/quiz"
	"distlab/tui/theme"
)

func newLessonsCmd(g *globals) *cobra.Command {
	p := g.p
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "lessons",
		Short: p.T("List the lessons"),
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
			return writeTable(cmd.OutOrStdout(), p, c.Lessons(lang))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, p.T("print a JSON array (id, title, order, summary, demos, lang, path, quiz)"))
	cmd.AddCommand(newLessonsSearchCmd(g), &cobra.Command{
		Use:   "check " + p.T("[DIR]"),
		Short: p.T("Check a lessons folder; print path:line: problems and exit 1 if any"),
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
			writeProblems(cmd.OutOrStdout(), g.p, c.Problems)
			for _, w := range c.Warnings {
				fmt.Fprintln(cmd.OutOrStdout(), w.Where()+": "+p.T("warning: %s", w.Message(p.T)))
			}
			if len(c.Problems) > 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), p.T("%d problems", len(c.Problems))+"; "+p.T("%d lesson files loaded", n))
				return errQuiet{errors.New("problems found")} // said above
			}
			if len(c.Warnings) > 0 {
				fmt.Fprintln(cmd.OutOrStdout(), p.T("ok: %d lesson files, no problems", n)+"; "+p.T("%d warnings", len(c.Warnings)))
				return nil
			}
			fmt.Fprintln(cmd.OutOrStdout(), p.T("ok: %d lesson files, no problems", n))
			return nil
		},
	})
	return cmd
}

// minWidth is the narrowest lesson show --width: narrower, the words are
// cut into pieces.
const minWidth = 20

func newLessonCmd(g *globals) *cobra.Command {
	p := g.p
	lesson := &cobra.Command{Use: "lesson", Short: p.T("Work with one lesson")}
	var width int
	var style string
	show := &cobra.Command{
		Use:   "show " + p.T("ID|NUMBER"),
		Short: p.T("Render a lesson to standard output"),
		Long: p.T("Render a lesson to standard output, named by its id or by the number distlab lessons\n" +
			"prints beside it. In colour on a terminal; as plain text, without markdown's marks,\n" +
			"into a pipe or a file, or when NO_COLOR is set."),
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return listForShow(g, cmd)
			}
			l, err := g.lesson(args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if cmd.Flags().Changed("width") && width < minWidth {
				return g.errorf("--width %d: want at least %d columns", width, minWidth)
			}
			tty, cols := terminal(out)
			if width == 0 {
				width = cols
			}
			if style == "" {
				style = pickStyle(g.theme, tty, os.Getenv("NO_COLOR") != "")
			}
			if !slices.Contains(styleNames, style) { // markdown's error is in English
				return g.errorf("--style %q: want one of %s", style, strings.Join(styleNames, ", "))
			}
			cfg, err := lessonStyle(style)
			if err != nil {
				return err
			}
			if width <= 0 {
				width = 80
			}
			s, err := markdown.Render(l.Title, quiz.ForPrint(p, l), width, cfg)
			if err != nil {
				return err
			}
			if style == plainStyle || style == "notty" || style == "ascii" {
				s = plainText(s)
			}
			_, err = fmt.Fprint(out, s)
			return err
		},
	}
	show.Flags().IntVar(&width, "width", 0, p.T("wrap at this many `columns` (default: the terminal's, or 80)"))
	show.Flags().StringVar(&style, "style", "", p.T("plain, dark, light, ascii or notty (default: plain when not a terminal or NO_COLOR is set, else the theme's)"))
	_ = show.RegisterFlagCompletionFunc("style", cobra.FixedCompletions(styleNames, cobra.ShellCompDirectiveNoFileComp))
	show.ValidArgsFunction = func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		lang, _ := g.language()
		var ids []string
		for _, l := range g.load().Lessons(lang) {
			ids = append(ids, l.ID+"\t"+l.Title)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
	notes := &cobra.Command{
		Use:   "notes " + p.T("ID|NUMBER"),
		Short: p.T("Print a lesson's speaker notes, slide by slide, for a second screen"),
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return listForShow(g, cmd)
			}
			l, err := g.lesson(args[0])
			if err != nil {
				return err
			}
			return writeNotes(cmd.OutOrStdout(), p, l)
		},
		ValidArgsFunction: show.ValidArgsFunction,
	}
	lesson.AddCommand(show, notes)
	return lesson
}

// listForShow answers lesson show or notes without a lesson: which
// lessons there are, by number and id, on standard error, and exit status 1.
func listForShow(g *globals, cmd *cobra.Command) error {
	lang, err := g.language()
	if err != nil {
		return err
	}
	ls := g.load().Lessons(lang)
	w := cmd.ErrOrStderr()
	if len(ls) == 0 {
		return g.errorf("no lessons in %s (see: distlab lessons check)", lang)
	}
	fmt.Fprintln(w, g.p.T("Which lesson? Give its id or its number, for example: %s %s", cmd.CommandPath(), ls[0].ID))
	fmt.Fprintln(w)
	if err := writeTable(w, g.p, ls); err != nil {
		return err
	}
	return errQuiet{g.errorf("no lesson given")} // said above
}

// writeProblems prints one problem a line, path:line: message, in p's
// language.
func writeProblems(w io.Writer, p *locale.Printer, probs []lessons.Problem) {
	for _, pr := range probs {
		fmt.Fprintln(w, pr.In(p.T))
	}
}

// writeTable prints the lessons as an aligned table, its header in p's
// language.
func writeTable(w io.Writer, p *locale.Printer, ls []lessons.Lesson) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tID\t"+p.T("TITLE")+"\t"+p.T("DEMOS"))
	for _, l := range ls {
		demos := strings.Join(l.Demos, ",")
		if demos == "" {
			demos = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.T("%d", l.Order), l.ID, l.Title, demos)
	}
	return tw.Flush()
}

// writeNotes prints a lesson's speaker notes slide by slide, numbered as
// presenter mode numbers them ("3/12"), for the instructor's second screen.
func writeNotes(w io.Writer, p *locale.Printer, l lessons.Lesson) error {
	slides := lessons.Slides(l)
	fmt.Fprintln(w, p.T("%s — %d slides", l.Title, len(slides)))
	for i, s := range slides {
		title := s.Title
		if title == "" {
			title = l.Title
		}
		fmt.Fprintf(w, "\n%s  %s\n", p.T("%d/%d", i+1, len(slides)), title)
		if len(s.Notes) == 0 {
			fmt.Fprintln(w, "    -")
		}
		for _, n := range s.Notes {
			fmt.Fprintf(w, "    %s\n", strings.Join(strings.Fields(n), " "))
		}
	}
	return nil
}

// pickStyle is lesson show's default style: plain text when the output is
// not a terminal or NO_COLOR is set, else the theme's colors.
func pickStyle(themeFlag string, tty, noColor bool) string {
	if !tty || noColor {
		return plainStyle
	}
	if t, _, _ := theme.Parse(themeFlag); t == theme.Light {
		return "light"
	}
	return "dark"
}
