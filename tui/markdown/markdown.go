// Package markdown renders a lesson with glamour. It is the one place that
// calls glamour: the reader pane runs it inside a tea.Cmd and caches the
// result; `distlab lesson show` prints it.
package markdown

import (
	"fmt"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// StyleNames are the standard styles `lesson show --style` accepts.
var StyleNames = []string{styles.DarkStyle, styles.LightStyle, styles.AsciiStyle, styles.NoTTYStyle}

// Standard returns the glamour style called name.
func Standard(name string) (ansi.StyleConfig, error) {
	cfg, ok := styles.DefaultStyles[name]
	if !ok {
		return ansi.StyleConfig{}, fmt.Errorf("markdown: unknown style %q (%s)", name, strings.Join(StyleNames, ", "))
	}
	return *cfg, nil
}

// Render renders a lesson, its title as the first heading, wrapped to width
// columns. A renderer is made per call: glamour's are not safe to share
// between goroutines, and the cost is small beside the render itself.
func Render(title, body string, width int, style ansi.StyleConfig) (string, error) {
	if width < 10 {
		width = 10
	}
	r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(width))
	if err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	// Tabs in code blocks would be measured as nothing and drawn as up to
	// eight columns: lines would spill out of their pane.
	md := strings.ReplaceAll(body, "\t", "    ")
	if title != "" {
		md = "# " + title + "\n\n" + md
	}
	out, err := r.Render(md)
	if err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	return out, nil
}

// TrimLines drops the spaces glamour pads each line with, for plain output
// that goes to a file or a pipe.
func TrimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
