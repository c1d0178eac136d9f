// Package markdown renders a lesson with glamour. It is the one place that
// calls glamour: the reader pane runs it inside a tea.Cmd and caches the
// result; `distlab lesson show` prints it.
package markdown

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"

	"distlab/lessons"
)

// StyleNames are the standard styles `lesson show --style` accepts.
var StyleNames = []string{styles.DarkStyle, styles.LightStyle, styles.AsciiStyle, styles.NoTTYStyle}

// Standard returns the glamour style called name.
func Standard(name string) (ansi.StyleConfig, error) {
	cfg, ok := styles.DefaultStyles[name]
	if !ok {
		return ansi.StyleConfig{}, fmt.Errorf("markdown: unknown style %q (%s)", name, strings.Join(StyleNames, ", "))
	}
	c := *cfg
	// Inline code without glamour's padding: beside the spaces around it,
	// it read as double spaces ("com o  nc  (netcat)").
	c.Code.Prefix, c.Code.Suffix = "", ""
	return c, nil
}

// Render renders a lesson, its title as the first heading, wrapped to width
// columns. A renderer is made per call: glamour's are not safe to share
// between goroutines, and the cost is small beside the render itself.
func Render(title, body string, width int, style ansi.StyleConfig) (string, error) {
	out, err := renderSafe(title, body, width, style)
	return compact(out), err
}

// renderSafe is glamour's render of a lesson, made safe, before compact.
func renderSafe(title, body string, width int, style ansi.StyleConfig) (string, error) {
	if width < 10 {
		width = 10
	}
	r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(width))
	if err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	// Tabs in code blocks would be measured as nothing and drawn as up to
	// eight columns: lines would spill out of their pane.
	md := protect(strings.ReplaceAll(body, "\t", "    "))
	if title != "" {
		md = "# " + title + "\n\n" + md
	}
	out, err := r.Render(md)
	if err != nil {
		return "", fmt.Errorf("markdown: %w", err)
	}
	return safe(unprotect.Replace(out)), nil
}

// safe is a render with nothing a terminal would act on but glamour's own
// sequences: colours (SGR) and links (OSC 8, whose address is printable
// text). The lesson was cleaned when it loaded (lessons.CleanText); this is
// the second line of defence, for what markdown itself makes of it (a
// character reference the loader did not know to be a control). The text
// between glamour's sequences is cleaned by the loader's rule.
func safe(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	text := 0 // s[text:i] is text not yet written
	flush := func(end int) {
		t, _ := lessons.CleanText(s[text:end]) // as it is when clean, the common case
		b.WriteString(t)
	}
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			i++
			continue
		}
		n := glamourSequence(s[i:])
		if n == 0 {
			i++ // not glamour's: CleanText takes it out with the text around it
			continue
		}
		flush(i)
		b.WriteString(s[i : i+n])
		i += n
		text = i
	}
	flush(len(s))
	return b.String()
}

// glamourSequence is the length of the SGR or OSC 8 sequence s starts
// with, or 0.
func glamourSequence(s string) int {
	switch {
	case strings.HasPrefix(s, "\x1b["):
		for i := 2; i < len(s); i++ {
			switch c := s[i]; {
			case c == 'm':
				return i + 1
			case c >= '0' && c <= '9' || c == ';' || c == ':':
			default:
				return 0
			}
		}
	case strings.HasPrefix(s, "\x1b]8;"):
		for i := 4; i < len(s); i++ {
			switch c := s[i]; {
			case c == 0x07:
				return i + 1
			case c == 0x1b:
				if i+1 < len(s) && s[i+1] == '\\' {
					return i + 2
				}
				return 0
			case c < 0x20 || c > 0x7e:
				return 0
			}
		}
	}
	return 0
}

// protect keeps a number and its unit on one line ("3 s", "150 ms",
// "48 req/s", "99,9 %"): the space between them becomes a non-breaking
// one, which glamour does not wrap at, and unprotect makes it a space
// again in the rendered text. It leaves code blocks (fenced with ``` or
// ~~~, or indented) alone. glamour itself wraps every block at spaces only
// (tui/third_party/glamour/PATCH.md), so a URL, an address or "99,99%" is
// not cut at its marks.
func protect(md string) string {
	lines := strings.Split(md, "\n")
	fence := ""
	for i, l := range lines {
		trimmed := strings.TrimSpace(l)
		if fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")) {
			fence = trimmed[:3]
			continue
		}
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t") || !strings.Contains(l, " ") {
			continue // an indented code block, or no space to keep
		}
		words := strings.Split(l, " ")
		var b strings.Builder
		for k, w := range words {
			if k > 0 {
				if endsInDigit(words[k-1]) && isUnit(w) {
					b.WriteRune(nbsp)
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(w)
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

const nbsp = '\u00a0'

// unprotect puts back the spaces protect made non-breaking (the lessons
// have no non-breaking space of their own: a terminal shows both alike,
// and a reader copies a space).
var unprotect = strings.NewReplacer(string(nbsp), " ")

func endsInDigit(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(w, "*_`"))
	return unicode.IsDigit(r)
}

// isUnit reports whether w is a unit of measure, with any closing marks
// after it: "s", "ms),", "req/s**".
func isUnit(w string) bool {
	return units[strings.TrimRight(w, ".,;:!?)]}*_`'\"")]
}

var units = map[string]bool{}

func init() {
	for _, u := range strings.Fields("s ms µs us ns min h ppm % B KB kB MB GB TB KiB MiB GiB " +
		"bit bits kbit/s Mbit/s Gbit/s Mb/s Gb/s MB/s GB/s km Hz kHz MHz GHz req/s msg/s ops/s") {
		units[u] = true
	}
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
