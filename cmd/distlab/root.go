package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/spf13/cobra"

	"distlab/demos/locale"
	"distlab/demos/present"
	"distlab/lessons"
	"distlab/tui"
	"distlab/tui/progress"
	"distlab/tui/theme"
)

// globals are the flags every command shares, and the printer of the
// language they chose.
type globals struct {
	lang, theme, lessonsDir, chatHost string
	chatPort                          int
	themeGiven                        bool // --theme was on the command line
	// p prints every word of the CLI, --help included. It is chosen before
	// cobra parses the flags (see cliLang), since the help text is built
	// with the commands.
	p *locale.Printer
}

// newRootCmd builds the command tree for args (without the program name),
// in the language they ask for.
func newRootCmd(args []string) *cobra.Command {
	g := &globals{p: locale.For(cliLang(args, os.Getenv))}
	p := g.p
	var start startFlags
	root := &cobra.Command{
		Use:   "distlab",
		Short: p.T("Learn distributed systems in the terminal, with live demos"),
		Long: p.T("distlab is a course on the fundamentals of distributed systems in the terminal:\n" +
			"lessons in Brazilian Portuguese and English, read beside live demos.\n\n" +
			"Run it without a command to open the app."),
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runApp(cmd.Context(), g, start)
		},
	}
	f := root.PersistentFlags()
	f.StringVar(&g.lang, "lang", "", p.T("language: en or pt-BR (default: from LC_ALL, LC_MESSAGES or LANG)"))
	f.StringVar(&g.theme, "theme", "auto", p.T("theme: auto, dark, light or high-contrast"))
	f.StringVar(&g.lessonsDir, "lessons", "", p.T("load lessons from this `folder` (lang/NN-slug.md) and reload them when saved"))
	f.StringVar(&g.chatHost, "chat-host", "127.0.0.1", p.T("where the chat demo's nodes listen (0.0.0.0 lets a classroom join)"))
	f.IntVar(&g.chatPort, "chat-port", 0, p.T("the chat demo's first node listens on this `port`, the others on the next ones (default: any free ports)"))
	root.Flags().StringVar(&start.lesson, "lesson", "", p.T("open this lesson first: its `id`, or the number distlab lessons prints"))
	root.Flags().BoolVar(&start.presenter, "presenter", false, p.T("start in presenter mode: slides, high contrast, for a projector"))
	root.AddCommand(newLessonsCmd(g), newLessonCmd(g), newDemoCmd(g), newConsoleCmd(g), newQuizCmd(g), newProgressCmd(g), newChallengesCmd(g), newChatCmd(g), serveWithBench(g), newClocksCmd(g), newScaleCmd(g), newRaftCmd(g), newKVCmd(g))
	speak(g, root)
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
	// configure, when set, adds to the app's configuration before it
	// runs: distlab serve gives the instructor's app its class.
	configure func(*tui.Config)
}

// language resolves --lang, or the environment's locale.
func (g *globals) language() (string, error) {
	if g.lang == "" {
		return lessons.LangFromEnv(os.Getenv), nil
	}
	if l := lessons.NormalizeLang(g.lang); l != "" {
		return l, nil
	}
	return "", g.errorf("unknown language %q (en, pt-BR)", g.lang)
}

// lesson finds the lesson ref names in the chosen language: its id, or the
// number `distlab lessons` prints beside it.
func (g *globals) lesson(ref string) (lessons.Lesson, error) {
	lang, err := g.language()
	if err != nil {
		return lessons.Lesson{}, err
	}
	l, ok := g.load().Lookup(lang, ref)
	if !ok {
		return l, g.errorf("no lesson %q in %s (see: distlab lessons)", ref, lang)
	}
	return l, nil
}

// load loads the embedded course, or --lessons DIR.
func (g *globals) load() *lessons.Catalog {
	opts := lessons.Options{KnownDemo: demos.Known, KnownStart: demos.KnownStart}
	if g.lessonsDir != "" {
		return lessons.LoadDir(g.lessonsDir, opts)
	}
	opts.Prefix = lessons.EmbeddedPrefix
	return lessons.Load(lessons.Embedded, opts)
}

// demos is every demo the app can open.
var demos = tui.Demos()

func runApp(ctx context.Context, g *globals, start startFlags) error {
	resume := tui.PauseStartGC() // through the course's load and the first frames
	defer resume()
	lang, err := g.language()
	if err != nil {
		return err
	}
	// A pane's three nodes take the port and the next two; a second chat
	// pane starts 10 further (tui/chatpane).
	if g.chatPort < 0 || g.chatPort > 65535-30 {
		return g.errorf("--chat-port %s: want a port from 1 to %s, or 0 for any free ports", strconv.Itoa(g.chatPort), strconv.Itoa(65535-30))
	}
	th, auto, err := theme.Parse(g.theme)
	if err != nil {
		return err // a locale error: main prints it in the CLI's language
	}
	course := g.load() // once: the app starts on it, reloads read the files again
	// --lesson is an id, or the number distlab lessons prints.
	if start.lesson != "" {
		l, ok := course.Lookup(lang, start.lesson)
		if !ok {
			return g.errorf("no lesson %q in %s (see: distlab lessons)", start.lesson, lang)
		}
		start.lesson = l.ID
	}
	var started atomic.Bool
	load := func() *lessons.Catalog {
		if started.CompareAndSwap(false, true) {
			return course
		}
		return g.load()
	}
	cfg := tui.Config{
		Load: load, Lang: lang, Theme: th, ThemeAuto: auto, Source: "lessons",
		// What was not asked for on the command line, the app may take
		// from what the student chose last time.
		LangFromEnv: g.lang == "", ThemeFromDefault: !g.themeGiven,
		Demos: demos, DemoHost: g.chatHost, DemoPort: g.chatPort,
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
		cfg.Source = g.lessonsDir
		if abs, err := filepath.Abs(g.lessonsDir); err == nil {
			cfg.Course = filepath.Base(abs) // the header names the folder, not the built-in course
		}
		// A folder that cannot be watched (it does not exist: the list of
		// problems says so) still opens the app, which says it is not watched.
		if cfg.WatchErr = lessons.Watch(ctx, g.lessonsDir, notify); cfg.WatchErr == nil {
			cfg.Reload = ch
		}
	}
	if path, err := present.DefaultPath(); err == nil {
		cfg.ConsolePath = path // else no console: the app still presents
	}
	if path, err := progress.DefaultPath(); err != nil {
		cfg.StateErr = err
	} else {
		cfg.Store = progress.NewStore(path)
		cfg.State, cfg.StateErr = cfg.Store.Load()
	}
	if start.configure != nil {
		start.configure(&cfg)
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
