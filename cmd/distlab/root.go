package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"distlab/demos/locale"
	"distlab/lessons"
	"distlab/tui"
	"distlab/tui/progress"
	"distlab/tui/theme"
)

// globals are the flags every command shares, and the printer of the
// language they chose.
type globals struct {
	lang, theme, lessonsDir, chatHost string
	// p prints every word of the CLI, --help included. It is chosen before
	// cobra parses the flags (see cliLang), since the help text is built
	// with the commands.
	p *locale.Printer
}

// newRootCmd builds the command tree for args (without the program name),
// in the language they ask for.
func newRootCmd(args []string) *cobra.Command {
	g := &globals{p: locale.For(cliLang(args, os.Getenv))}
	var start startFlags
	root := &cobra.Command{
		Use:   "distlab",
		Short: "Learn distributed systems in the terminal, with live demos",
		Long: "distlab is a course on the fundamentals of distributed systems in the terminal:\n" +
			"lessons in Brazilian Portuguese and English, read beside live demos.\n\n" +
			"Run it without a command to open the app.",
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runApp(cmd.Context(), g, start)
		},
	}
	f := root.PersistentFlags()
	f.StringVar(&g.lang, "lang", "", "language: en or pt-BR (default from LC_ALL/LANG)")
	f.StringVar(&g.theme, "theme", "auto", "theme: auto, dark, light or high-contrast")
	f.StringVar(&g.lessonsDir, "lessons", "", "load lessons from this folder (lang/NN-slug.md) and reload them when saved")
	f.StringVar(&g.chatHost, "chat-host", "127.0.0.1", "where the chat demo's nodes listen (0.0.0.0 lets a classroom join)")
	root.Flags().StringVar(&start.lesson, "lesson", "", "open this lesson id first")
	root.Flags().BoolVar(&start.presenter, "presenter", false, "start in presenter mode: slides, high contrast, for a projector")
	root.AddCommand(newLessonsCmd(g), newLessonCmd(g), newDemoCmd(g), newChatCmd(g), newClocksCmd(g), newScaleCmd(g))
	root.SetArgs(args)
	return root
}

// cliLang is the language asked for by --lang in args (as cobra would read
// it: "--lang X" or "--lang=X", the last one winning), or the environment's.
// An unknown --lang falls back to the environment here; parsing the flag
// then reports it.
func cliLang(args []string, getenv func(string) string) locale.Lang {
	l := locale.FromEnv(getenv)
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if p, known := locale.Parse(v); ok && known {
			l = p
		}
	}
	return l
}

// startFlags say what the app opens first.
type startFlags struct {
	lesson, demo string
	presenter    bool
}

// language resolves --lang, or the environment's locale.
func (g *globals) language() (string, error) {
	if g.lang == "" {
		return lessons.LangFromEnv(os.Getenv), nil
	}
	if l := lessons.NormalizeLang(g.lang); l != "" {
		return l, nil
	}
	return "", fmt.Errorf("unknown language %q (en, pt-BR)", g.lang)
}

// lesson finds lesson id in the chosen language.
func (g *globals) lesson(id string) (lessons.Lesson, error) {
	lang, err := g.language()
	if err != nil {
		return lessons.Lesson{}, err
	}
	l, ok := g.load().Find(lang, id)
	if !ok {
		return l, fmt.Errorf("no lesson %q in %s (see: distlab lessons)", id, lang)
	}
	return l, nil
}

// load loads the embedded course, or --lessons DIR.
func (g *globals) load() *lessons.Catalog {
	if g.lessonsDir != "" {
		return lessons.LoadDir(g.lessonsDir, demos.Known)
	}
	return lessons.Load(lessons.Embedded, lessons.Options{Prefix: lessons.EmbeddedPrefix, KnownDemo: demos.Known})
}

// demos is every demo the app can open.
var demos = tui.Demos()

func runApp(ctx context.Context, g *globals, start startFlags) error {
	lang, err := g.language()
	if err != nil {
		return err
	}
	th, auto, err := theme.Parse(g.theme)
	if err != nil {
		return err
	}
	if start.lesson != "" {
		if _, ok := g.load().Find(lang, start.lesson); !ok {
			return fmt.Errorf("no lesson %q in %s (see: distlab lessons)", start.lesson, lang)
		}
	}
	cfg := tui.Config{
		Load: g.load, Lang: lang, Theme: th, ThemeAuto: auto, Source: "lessons",
		Demos:  demos, DemoHost: g.chatHost,
		Lesson: start.lesson, Demo: start.demo, Presenter: start.presenter,
	}
	if g.lessonsDir != "" {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		ch := make(chan struct{}, 1)
		notify := func() {
			select {
			case ch <- struct{}{}:
			default:
			}
		}
		if err := lessons.Watch(ctx, g.lessonsDir, notify); err != nil {
			return fmt.Errorf("watching %s: %w", g.lessonsDir, err)
		}
		cfg.Reload, cfg.Source = ch, g.lessonsDir
	}
	if path, err := progress.DefaultPath(); err != nil {
		cfg.StateErr = err
	} else {
		cfg.Store = progress.NewStore(path)
		cfg.State, cfg.StateErr = cfg.Store.Load()
	}
	return tui.Run(cfg)
}

// version is the module version, or the VCS revision of a local build.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	switch {
	case rev == "":
		return "dev"
	case dirty:
		return "dev-" + rev + "-dirty"
	}
	return "dev-" + rev
}
