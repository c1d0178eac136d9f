package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"distlab/demos/locale"
)

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
