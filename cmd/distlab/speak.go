package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"
)

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
