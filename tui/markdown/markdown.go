// Package markdown renders a lesson with glamour. It is the one place that
// calls glamour: the reader pane runs it inside a tea.Cmd and caches the
// result; `distlab lesson show` prints it.
package markdown

import (
	"fmt"
	"strings"
	"unicode"

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

// glamour wraps list items and quotes at any of " ,.;-+|", so "99,99%",
// "127.0.0.1" or "[2,2,3]" could be cut in two at the end of a line.
// protect swaps such a mark between two letters or digits for a stand-in
// of the same width that glamour does not break at; unprotect puts the
// marks back in the rendered text. It leaves alone what markdown reads
// itself: code (fenced with ``` or ~~~, or indented), and words holding a
// URL, a link target or an HTML entity or tag. Tables and rules have
// spaces or no letters around their marks.
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
		if strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "\t") || !strings.ContainsAny(l, guarded) {
			continue // an indented code block, or nothing to guard
		}
		words := strings.SplitAfter(l, " ")
		for k, w := range words {
			if !strings.ContainsAny(w, guarded) || strings.Contains(w, "://") || strings.Contains(w, "www.") ||
				strings.ContainsAny(w, "&<>") || strings.Contains(w, "](") {
				continue
			}
			rs := []rune(w)
			for j := 1; j < len(rs)-1; j++ {
				if g := strings.IndexRune(guarded, rs[j]); g >= 0 && isWord(rs[j-1]) && isWord(rs[j+1]) {
					rs[j] = standIns[g]
				}
			}
			words[k] = string(rs)
		}
		lines[i] = strings.Join(words, "")
	}
	return strings.Join(lines, "\n")
}

const guarded = ",.;-+"

// standIns are private-use runes, one cell wide like the marks they
// stand for, and never in a lesson.
var standIns = []rune{'\uE000', '\uE001', '\uE002', '\uE003', '\uE004'}

var unprotect = strings.NewReplacer("\uE000", ",", "\uE001", ".", "\uE002", ";", "\uE003", "-", "\uE004", "+")

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// TrimLines drops the spaces glamour pads each line with, for plain output
// that goes to a file or a pipe.
func TrimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
