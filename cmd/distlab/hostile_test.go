package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// terminalActs reports the first rune of s a terminal would act on: an
// escape, a C0 control other than newline and tab, DEL, a C1 control, a
// bidi or zero-width character.
func terminalActs(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20, r >= 0x7f && r < 0xa0, r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// A lesson folder written to attack the terminal: escapes in a title
// (raw and as YAML's \e), the summary, the text and a file name. No command
// prints any of them, and `lessons check` names each place.
func TestHostileLessonsReachNoTerminal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	en := filepath.Join(dir, "en")
	if err := os.Mkdir(en, 0o755); err != nil {
		t.Fatal(err)
	}
	title := "\"Evil\\e]52;c;ZXZpbA==\\a\\e]0;PWNED\\a\\e[2J\\x9b\\u202e\""
	body := "# Hello\n\nText \x1b]0;PWNED\a\x1b[2J\u009b\u202e\u200b\x7f here.\n\n" +
		"Refs &#27;]0;PWNED&#7; &#x1b;[2J &#x202e;rtl &lrm; &#155;31m and <div>&#27;]2;DIV&#7;</div>.\n"
	files := map[string]string{
		"01-evil.md":             "---\nid: evil\ntitle: " + title + "\nsummary: \"s\\e[31m\"\n---\n" + body,
		"02-\x1b]0;name\a-ok.md": "---\nid: named\ntitle: Named\n---\nfine\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(en, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"lessons", "--lessons", dir, "--lang", "en"},
		{"lessons", "--json", "--lessons", dir, "--lang", "en"},
		{"lesson", "show", "evil", "--lessons", dir, "--lang", "en"},
		{"lesson", "show", "evil", "--lessons", dir, "--lang", "en", "--style", "dark"},
		{"lesson", "notes", "evil", "--lessons", dir, "--lang", "en"},
		{"lessons", "check", dir, "--lang", "en"},
		{"lessons", "check", dir, "--lang", "pt-BR"},
	} {
		out, errOut, _ := execute(t, args...)
		for stream, s := range map[string]string{"stdout": out, "stderr": errOut} {
			if slices.Contains(args, "--style") {
				s = stripSGR(s) // the dark style colours text on purpose
			}
			if r, ok := terminalActs(s); ok {
				t.Errorf("%s: %s holds %U:\n%q", strings.Join(args, " "), stream, r, s)
			}
		}
	}
	out, _, _ := execute(t, "lessons", "check", dir, "--lang", "en")
	for _, want := range []string{
		filepath.Join(en, "01-evil.md") + ":3: the title holds control characters",
		filepath.Join(en, "01-evil.md") + ":4: the summary holds control characters",
		filepath.Join(en, "01-evil.md") + ":8: the text holds control characters",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check does not say %q:\n%s", want, out)
		}
	}
}

// stripSGR removes the colour sequences glamour's styles write, and only
// those: ESC [ digits and semicolons m.
func stripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
