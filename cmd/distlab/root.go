package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
	root.AddCommand(newLessonsCmd(g), newLessonCmd(g), newDemoCmd(g), newChatCmd(g), newClocksCmd(g), newScaleCmd(g))
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
		// A folder that cannot be watched (it does not exist: the list of
		// problems says so) still opens the app, which says it is not watched.
		if cfg.WatchErr = lessons.Watch(ctx, g.lessonsDir, notify); cfg.WatchErr == nil {
			cfg.Reload = ch
		}
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

// speak puts cobra's own words in g's language: the help and usage text,
// the help and completion commands, the --help and --version flags, and
// its errors. Cobra has them in English only; what it lets an application
// replace is replaced here, once the tree is built, so that every command
// gets it. What cobra does not let us replace stays English: the hidden
// __complete command, and errors from inside a shell's completion request.
func speak(g *globals, root *cobra.Command) {
	p := g.p
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			speakHelpCmd(g, c)
		case "completion":
			speakCompletionCmd(g, c)
		}
	}
	root.SetUsageFunc(func(c *cobra.Command) error {
		_, err := io.WriteString(c.OutOrStderr(), usage(p, c))
		return err
	})
	root.SetVersionTemplate(p.T("distlab version %s", root.Version) + "\n")
	root.Flags().BoolP("version", "v", false, p.T("version for %s", root.Name()))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(g, err) })
	// Cobra checks required flags and flag groups after the pre-run hooks,
	// with no hook for their errors: checking them here first lets their
	// errors be translated (the later check then passes).
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		g.themeGiven = cmd.Flags().Changed("theme")
		if err := cmd.ValidateRequiredFlags(); err != nil {
			return cobraError(g, err)
		}
		return cobraError(g, cmd.ValidateFlagGroups())
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().BoolP("help", "h", false, p.T("help for %s", c.CommandPath()))
		if args := c.Args; args != nil {
			c.Args = func(cmd *cobra.Command, a []string) error { return cobraError(g, args(cmd, a)) }
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// speakHelpCmd puts cobra's help command in g's language.
func speakHelpCmd(g *globals, help *cobra.Command) {
	p := g.p
	help.Use = "help " + p.T("[command]")
	help.Short = p.T("Help about any command")
	help.Long = p.T("Help provides help for any command in the application.\n" +
		"Type distlab help followed by the command for its full details.")
	help.Run = func(c *cobra.Command, args []string) {
		cmd, _, err := c.Root().Find(args)
		if cmd == nil || err != nil {
			c.Println(p.T("Unknown help topic %q", strings.Join(args, " ")))
			_ = c.Root().Usage()
			return
		}
		if cmd.Context() == nil {
			cmd.SetContext(c.Context())
		}
		cmd.InitDefaultHelpFlag()
		cmd.InitDefaultVersionFlag()
		_ = cmd.Help()
	}
}

// speakCompletionCmd puts cobra's completion command and its shells in g's
// language.
func speakCompletionCmd(g *globals, completion *cobra.Command) {
	p := g.p
	completion.Short = p.T("Generate the autocompletion script for the specified shell")
	completion.Long = p.T("Generate the autocompletion script for distlab for the specified shell.\n" +
		"See each sub-command's help for details on how to use the generated script.")
	for _, c := range completion.Commands() {
		c.Short = p.T("Generate the autocompletion script for %s", c.Name())
		switch c.Name() {
		case "bash":
			c.Long = p.T("Generate the autocompletion script for the bash shell.\n\n" +
				"This script depends on the 'bash-completion' package.\n" +
				"If it is not installed already, you can install it via your OS's package manager.\n\n" +
				"To load completions in your current shell session:\n\n" +
				"\tsource <(distlab completion bash)\n\n" +
				"To load completions for every new session, execute once:\n\n" +
				"#### Linux:\n\n" +
				"\tdistlab completion bash > /etc/bash_completion.d/distlab\n\n" +
				"#### macOS:\n\n" +
				"\tdistlab completion bash > $(brew --prefix)/etc/bash_completion.d/distlab\n\n" +
				"You will need to start a new shell for this setup to take effect.")
		case "zsh":
			c.Long = p.T("Generate the autocompletion script for the zsh shell.\n\n"+
				"If shell completion is not already enabled in your environment you will need\n"+
				"to enable it.  You can execute the following once:\n\n"+
				"\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n"+
				"To load completions in your current shell session:\n\n"+
				"\tsource <(distlab completion zsh)\n\n"+
				"To load completions for every new session, execute once:\n\n"+
				"#### Linux:\n\n"+
				"\tdistlab completion zsh > \"%s\"\n\n"+
				"#### macOS:\n\n"+
				"\tdistlab completion zsh > $(brew --prefix)/share/zsh/site-functions/_distlab\n\n"+
				"You will need to start a new shell for this setup to take effect.",
				"${fpath[1]}/_distlab") // an argument: catalogs read ${…} as their own
		case "fish":
			c.Long = p.T("Generate the autocompletion script for the fish shell.\n\n" +
				"To load completions in your current shell session:\n\n" +
				"\tdistlab completion fish | source\n\n" +
				"To load completions for every new session, execute once:\n\n" +
				"\tdistlab completion fish > ~/.config/fish/completions/distlab.fish\n\n" +
				"You will need to start a new shell for this setup to take effect.")
		case "powershell":
			c.Long = p.T("Generate the autocompletion script for powershell.\n\n" +
				"To load completions in your current shell session:\n\n" +
				"\tdistlab completion powershell | Out-String | Invoke-Expression\n\n" +
				"To load completions for every new session, add the output of the above command\n" +
				"to your powershell profile.")
		}
		if f := c.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = p.T("disable completion descriptions")
		}
		// Cobra's own RunE writes where the output was when the command was
		// made, and it is made here, before a caller's SetOut.
		c.RunE = writeCompletion
	}
}

// writeCompletion is cobra's completion script for the shell named by cmd,
// written to cmd's output.
func writeCompletion(cmd *cobra.Command, _ []string) error {
	out, root := cmd.OutOrStdout(), cmd.Root()
	noDesc, _ := cmd.Flags().GetBool("no-descriptions")
	desc := !noDesc && !root.CompletionOptions.DisableDescriptions
	switch cmd.Name() {
	case "bash":
		return root.GenBashCompletionV2(out, desc)
	case "zsh":
		if !desc {
			return root.GenZshCompletionNoDesc(out)
		}
		return root.GenZshCompletion(out)
	case "fish":
		return root.GenFishCompletion(out, desc)
	case "powershell":
		if !desc {
			return root.GenPowerShellCompletion(out)
		}
		return root.GenPowerShellCompletionWithDesc(out)
	}
	return nil
}

// usage is cobra's default usage text for c in p's language, laid out as
// cobra lays it out. distlab has no command aliases or groups.
func usage(p *locale.Printer, c *cobra.Command) string {
	var b strings.Builder
	b.WriteString(p.T("Usage:"))
	if c.Runnable() {
		b.WriteString("\n  " + useLine(p, c))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " " + p.T("[command]"))
	}
	if c.HasExample() {
		b.WriteString("\n\n" + p.T("Examples:") + "\n" + c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + p.T("Available Commands:"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n" + p.T("Flags:") + "\n" + strings.TrimRight(flagUsages(p, c.LocalFlags()), " \n"))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n" + p.T("Global Flags:") + "\n" + strings.TrimRight(flagUsages(p, c.InheritedFlags()), " \n"))
	}
	if c.HasHelpSubCommands() {
		b.WriteString("\n\n" + p.T("Additional help topics:"))
		for _, sub := range c.Commands() {
			if sub.IsAdditionalHelpTopicCommand() {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.CommandPathPadding(), sub.CommandPath(), sub.Short)
			}
		}
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + p.T("Use \"%s [command] --help\" for more information about a command.", c.CommandPath()))
	}
	return b.String() + "\n"
}

// useLine is cobra's UseLine with its "[flags]" in p's language.
func useLine(p *locale.Printer, c *cobra.Command) string {
	line := c.Use
	if c.HasParent() {
		line = c.Parent().CommandPath() + " " + line
	}
	if !c.DisableFlagsInUseLine && c.HasAvailableFlags() {
		line += " " + p.T("[flags]")
	}
	return line
}

// flagUsages is pflag's FlagUsages in p's language: the values' names and
// "(default …)" translated, laid out the same, aligned by runes rather than
// bytes (the Portuguese names have accents). Default values stay as they
// are typed on the command line: 0.99, not 0,99.
func flagUsages(p *locale.Printer, fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, text := pflag.UnquoteUsage(f)
		if name != "" {
			left += " " + valueName(p, name)
		}
		if f.NoOptDefVal != "" && f.Value.Type() != "bool" {
			left += "[=" + f.NoOptDefVal + "]"
		}
		if !defaultIsZero(f) {
			def := f.DefValue
			if f.Value.Type() == "string" {
				def = strconv.Quote(def)
			}
			text += " " + p.T("(default %s)", def)
		}
		if f.Deprecated != "" {
			text += " " + p.T("(deprecated: %s)", f.Deprecated)
		}
		rows = append(rows, row{left, text})
		width = max(width, utf8.RuneCountInString(left))
	})
	var b strings.Builder
	for _, r := range rows {
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(r.left)+3)
		b.WriteString(r.left + pad + r.usage + "\n")
	}
	return b.String()
}

// valueName is the name pflag gives a flag's value, by its type, in p's
// language; a name the usage text gives in `backquotes` is the text's own.
func valueName(p *locale.Printer, name string) string {
	switch name {
	case "string":
		return p.T("string")
	case "int", "uint":
		return p.T("int")
	case "float":
		return p.T("float")
	case "duration":
		return p.T("duration")
	}
	return name
}

// defaultIsZero reports whether f's default is its type's zero value, which
// pflag leaves out of the usage.
func defaultIsZero(f *pflag.Flag) bool {
	if f.Value.Type() == "string" {
		return f.DefValue == ""
	}
	switch f.DefValue {
	case "", "0", "0s", "false", "<nil>", "[]":
		return true
	}
	return false
}

// flagError is a flag parsing error of pflag's in g's language.
func flagError(g *globals, err error) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short != "" {
			return g.errorf("unknown shorthand flag: %q in -%s", rune(notExist.GetSpecifiedName()[0]), short)
		}
		return g.errorf("unknown flag: --%s", notExist.GetSpecifiedName())
	case errors.As(err, &noValue):
		if short := noValue.GetSpecifiedShortnames(); short != "" {
			return g.errorf("flag needs an argument: %q in -%s", rune(noValue.GetSpecifiedName()[0]), short)
		}
		return g.errorf("flag needs an argument: --%s", noValue.GetSpecifiedName())
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		return g.errorf("invalid argument %q for --%s: %s", invalid.GetValue(), f.Name, invalidReason(g.p, f, errors.Unwrap(err)))
	case errors.As(err, &syntax):
		return g.errorf("bad flag syntax: %s", syntax.GetSpecifiedFlag())
	}
	return err
}

// invalidReason says what a flag of f's type wants, rather than the parser's
// English (`strconv.ParseInt: parsing "x": invalid syntax`).
func invalidReason(p *locale.Printer, f *pflag.Flag, cause error) string {
	if errors.Is(cause, strconv.ErrRange) {
		return p.T("the number is out of range")
	}
	switch t := f.Value.Type(); {
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return p.T("want a whole number")
	case strings.HasPrefix(t, "float"):
		return p.T("want a number")
	case t == "duration":
		return p.T("want a duration such as 150ms or 5s")
	case t == "bool":
		return p.T("want true or false")
	}
	return p.Err(cause)
}

// Cobra's errors, in its words (cobra 1.10), to be said again in the
// reader's language; cmd_test.go and lang_test.go notice if cobra rewords
// them.
var (
	unknownCommandErr = regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`)
	exactArgsErr      = regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`)
	minArgsErr        = regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`)
	maxArgsErr        = regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`)
	oneRequiredErr    = regexp.MustCompile(`^at least one of the flags in the group \[(.*)\] is required$`)
	exclusiveErr      = regexp.MustCompile(`^if any flags in the group \[(.*)\] are set none of the others can be; \[(.*)\] were all set$`)
	togetherErr       = regexp.MustCompile(`^if any flags in the group \[(.*)\] are set they must all be set; missing \[(.*)\]$`)
	requiredErr       = regexp.MustCompile(`^required flag\(s\) "(.*)" not set$`)
)

// cobraError is one of cobra's errors (a wrong number of arguments, an
// unknown command, a flag group's or a required flag's) in g's language;
// any other error, or nil, is returned as it is.
func cobraError(g *globals, err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	n := func(s string) int { i, _ := strconv.Atoi(s); return i }
	if m := unknownCommandErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("unknown command %q for %q", m[1], m[2])
	}
	if m := exactArgsErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("accepts %d arguments, received %d", n(m[1]), n(m[2]))
	}
	if m := minArgsErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("requires at least %d arguments, received only %d", n(m[1]), n(m[2]))
	}
	if m := maxArgsErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("accepts at most %d arguments, received %d", n(m[1]), n(m[2]))
	}
	if m := oneRequiredErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("at least one of the flags in the group [%s] is required", m[1])
	}
	if m := exclusiveErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("if any flags in the group [%s] are set none of the others can be; [%s] were all set", m[1], m[2])
	}
	if m := togetherErr.FindStringSubmatch(msg); m != nil {
		return g.errorf("if any flags in the group [%s] are set they must all be set; missing [%s]", m[1], m[2])
	}
	if m := requiredErr.FindStringSubmatch(msg); m != nil {
		return g.errorf(`required flag(s) "%s" not set`, m[1])
	}
	return err
}
