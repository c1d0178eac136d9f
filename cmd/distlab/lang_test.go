package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// englishWords give English away: function words and the words of a
// command line's help, none of them Portuguese ("a", "as", "do", "no",
// "global" and "slides" are, so they are not here; "for" is too, in "se
// for", but rare enough in a help text to be worth catching "help for").
var englishWords = []string{
	"the", "and", "of", "with", "for", "to", "is", "are", "an", "or", "not", "in", "on", "by", "at",
	"from", "into", "than", "this", "that", "these", "those", "each", "every", "all", "only", "when",
	"which", "what", "it", "its", "be", "has", "have", "will", "you", "your", "if", "then", "see",
	"usage", "flags", "flag", "help", "default", "command", "commands", "available",
	"additional", "information", "about", "lesson", "lessons", "run", "show", "print", "want",
	"file", "files", "folder", "list", "open", "start", "load", "loaded", "version", "string",
	"duration", "value", "number", "problems",
}

// portugueseWords give Portuguese away in what should be English.
var portugueseWords = []string{
	"lição", "lições", "uso", "opções", "opção", "comando", "comandos", "ajuda", "padrão", "não",
	"é", "são", "para", "mostra", "um", "uma", "com", "também", "pasta", "arquivo", "idioma",
	"disponíveis", "problemas", "nenhum", "título",
}

// foreignWords are the words that must not show in lang's text, and the
// name of the language they give away.
func foreignWords(lang string) (words []string, language string) {
	if lang == "en" {
		return portugueseWords, "Portuguese"
	}
	return englishWords, "English"
}

// allowedNames are proper names and notations, in any language's text.
var allowedNames = []string{
	"distlab", "USL", "Amdahl", "SHA-256", "ShiViz", "JSON", "Lamport", "GOMAXPROCS", "req/s",
	"p50", "p90", "p99", "NO_COLOR", "LC_ALL", "LC_MESSAGES", "LANG", "Poisson", "TCP", "CPU",
	"HOST:PORT", "Linux", "macOS", "OS",
}

// notWords are the parts of a help or report text that are not words of a
// language: code spans, URLs, flags, paths and file names, identifiers with
// dashes (lesson ids, scenario names, high-contrast).
var notWords = []*regexp.Regexp{
	regexp.MustCompile("`[^`]*`"),
	regexp.MustCompile(`https?://\S+`),
	regexp.MustCompile(`(^|\s|\[|\()--?[A-Za-z][\w-]*`),
	regexp.MustCompile(`\S*/\S*`),
	regexp.MustCompile(`\S+\.[A-Za-z]\w*`),
	regexp.MustCompile(`\b[\w]+(?:-[\w]+)+\b`),
}

// codeLine is a tab-indented line: a shell command in a help text.
var codeLine = regexp.MustCompile(`(?m)^\t.*$`)

// knownEnglish are words the CLI's Portuguese still has, by the command
// that prints them, each with the reason. None today.
var knownEnglish = map[string][]string{}

// wordsIn returns the words of list found in s as whole words, ignoring
// case, once commands (a command path or a command list's first column) and
// everything notWords matches are taken out. commands are the names of
// distlab's commands.
func wordsIn(s string, list, commands []string) []string {
	s = codeLine.ReplaceAllString(s, " ")
	names := strings.Join(commands, "|")
	s = regexp.MustCompile(`\bdistlab(?: (?:`+names+`)\b)*`).ReplaceAllString(s, " ")
	s = regexp.MustCompile(`(?m)^  (?:`+names+`) `).ReplaceAllString(s, " ")
	for _, name := range allowedNames {
		s = strings.ReplaceAll(s, name, " ")
	}
	for _, re := range notWords {
		s = re.ReplaceAllString(s, " ")
	}
	var found []string
	for _, w := range list {
		// \b is ASCII-only in Go's regexp: spell out letters on both sides.
		re := regexp.MustCompile(`(?i)(^|[^\pL\pN])` + regexp.QuoteMeta(w) + `($|[^\pL\pN])`)
		if m := re.FindString(s); m != "" {
			found = append(found, strings.TrimSpace(m))
		}
	}
	return found
}

// commandTree lists every command under c but the hidden ones,
// as its arguments (["lesson", "show"]), and every command's name.
func commandTree(c *cobra.Command) (paths [][]string, names []string) {
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		names = append(names, c.Name())
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			if sub.Hidden {
				continue
			}
			walk(sub, append(slices.Clone(path), sub.Name()))
		}
	}
	walk(c, nil)
	return paths, names
}

// The detector of the test below finds English, and only English.
func TestEnglishDetector(t *testing.T) {
	commands := []string{"lesson", "show", "lessons", "run", "help"}
	english := "Render a lesson to standard output\n\nUsage:\n  distlab lesson show ID [flags]\n\nFlags:\n" +
		"  -h, --help   help for show\n"
	if got := wordsIn(english, englishWords, commands); len(got) < 4 {
		t.Errorf("English help: found only %q", got)
	}
	for _, s := range []string{"Uso: mostra the lição", "padrão: the terminal's", "(default 5s)", "Is it?"} {
		if got := wordsIn(s, englishWords, commands); len(got) == 0 {
			t.Errorf("%q: no English found", s)
		}
	}
	portuguese := "Mostra uma lição na saída padrão\n\nUso:\n  distlab lesson show ID [opções]\n\n" +
		"Opções:\n  -h, --help   ajuda de distlab lesson show\n      --width inteiro   a largura (padrão 80)\n" +
		"\tsource <(distlab completion bash) and the rest\n" +
		"  lessons     Lista as lições\n" +
		"1  what-is-a-distributed-system  O que é um sistema distribuído?  chat\n" +
		"Veja `go run it` em https://example.com/the/docs e lessons/pt-BR/02-scalability.md, --show-all, " +
		"SHA-256, req/s, p50 e p99, e run.shiviz.log."
	if got := wordsIn(portuguese, englishWords, commands); len(got) > 0 {
		t.Errorf("Portuguese help: found English %q", got)
	}
	if got := wordsIn(portuguese, portugueseWords, commands); len(got) < 4 {
		t.Errorf("Portuguese help: found only %q of Portuguese", got)
	}
	if got := wordsIn(english, portugueseWords, commands); len(got) > 0 {
		t.Errorf("English help: found Portuguese %q", got)
	}
}

// langRuns are the commands whose output must be all in the language asked
// for, beside every command's --help.
var langRuns = [][]string{
	{"lessons"},
	{"lessons", "check"},
	{"lesson", "show", "scalability"},
	{"lesson", "show", "7"}, // by its number
	{"lesson", "show"},      // the list of lessons to choose from
	{"lesson", "notes", "scalability"},
	{"scale", "model"},
	{"clocks", "run"},
	{"clocks", "scenarios"},
}

// distlab --lang pt-BR prints no English, and --lang en no Portuguese: in
// every command's --help, the commands that print reports, the first lines
// of the chat servers (see firstLines), a lesson folder's problems and the
// errors cobra, pflag and the commands make.
func TestLanguageOfEveryOutput(t *testing.T) {
	t.Parallel()
	paths, commands := commandTree(newRootCmd(nil))
	bad := t.TempDir()
	for _, lang := range []string{"en", "pt-BR"} {
		os.MkdirAll(filepath.Join(bad, lang), 0o755)
		os.WriteFile(filepath.Join(bad, lang, "01-ok.md"), []byte("---\nid: ok\ntitle: Fine\n---\nbody\n"), 0o644)
	}
	os.WriteFile(filepath.Join(bad, "en", "02-bad.md"), []byte("---\nid: Bad_ID\nsubject: x\ndemos: [nosuch]\n---\n"), 0o644)

	runs := slices.Clone(langRuns)
	for _, p := range paths {
		runs = append(runs, append(slices.Clone(p), "--help"))
	}
	runs = append(runs, []string{"lessons", "check", bad})
	errRuns := [][]string{
		{"--bogus"},
		{"lesson", "show"},
		{"lesson", "show", "a", "b"},
		{"lesson", "show", "no-such-lesson"},
		{"lesson", "show", "scalability", "--width", "wide"},
		{"lesson", "show", "scalability", "--style", "neon"},
		{"lessons", "extra"},
		{"scale", "bench"},
		{"scale", "bench", "--up", "1", "--out", "1"},
		{"scale", "model", "--avail"},
		{"demo", "no-such-demo"},
		{"--theme", "neon"},
		{"chat", "bench"},
		{"chat", "bench", "--addr", "127.0.0.1:1", "--clients", "1"},
		{"chat", "server", "127.0.0.1", "port"},
		{"chat", "client", "127.0.0.1"},
		// The system's errors about a file, said in words (locale.FileError).
		{"clocks", "run", "--export", filepath.Join(bad, "no", "run.log")},
		{"clocks", "run", "--export", bad},
		{"kv", "run", "--export-html", filepath.Join(bad, "no", "kv.html")},
		{"raft", "run", "--export", filepath.Join(bad, "no", "run.jsonl")},
		{"raft", "replay", filepath.Join(bad, "no", "run.jsonl")},
		{"raft", "replay", bad},
	}
	for _, lang := range []string{"pt-BR", "en"} {
		words, language := foreignWords(lang)
		for _, run := range runs {
			args := append([]string{"--lang", lang}, run...)
			out, errOut, _ := execute(t, args...)
			if strings.TrimSpace(out+errOut) == "" {
				t.Errorf("distlab %s printed nothing", strings.Join(args, " "))
			}
			allowed := knownEnglish[strings.Join(run, " ")]
			if run[0] == "lesson" && len(run) == 3 && !strings.HasPrefix(run[2], "-") {
				// A lesson is its author's words: English it quotes (a
				// work's title, a term glossed) is the lesson's own.
				l, ok := (&globals{}).load().Lookup(lang, run[2])
				if !ok {
					t.Fatalf("no lesson %s in %s", run[2], lang)
				}
				allowed = append(allowed, wordsIn(l.Title+"\n"+l.Raw, words, commands)...)
			}
			found := slices.DeleteFunc(wordsIn(out+"\n"+errOut, words, commands), func(w string) bool {
				return slices.ContainsFunc(allowed, func(a string) bool {
					return strings.EqualFold(strings.Trim(a, ",.;:()\"*"), strings.Trim(w, ",.;:()\"*"))
				})
			})
			if len(found) > 0 {
				t.Errorf("distlab %s: %s %q in:\n%s%s", strings.Join(args, " "), language, found, out, errOut)
			}
		}
		for _, run := range [][]string{
			{"chat", "cluster", "--base-port", "0"},
			{"chat", "server", "127.0.0.1", "0"},
		} {
			args := append([]string{"--lang", lang}, run...)
			out := firstLines(t, args...)
			if found := wordsIn(out, words, commands); len(found) > 0 {
				t.Errorf("distlab %s: %s %q in:\n%s", strings.Join(args, " "), language, found, out)
			}
		}
		for _, args := range errRuns {
			args := append([]string{"--lang", lang}, args...)
			_, _, err := execute(t, args...)
			if err == nil {
				t.Errorf("distlab %s: no error", strings.Join(args, " "))
				continue
			}
			if found := wordsIn(err.Error(), words, commands); len(found) > 0 {
				t.Errorf("distlab %s: %s %q in the error %q", strings.Join(args, " "), language, found, err)
			}
		}
	}
}

// firstLines runs a command that serves until stopped (a chat server or
// cluster), stops it once it has said where to join, and returns what it
// printed.
func firstLines(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out := &untilLine{stop: cancel, last: regexp.MustCompile(`(?m)^(?:  nc .*|.*\bctrl\+c .*)\n`)}
	cmd := newRootCmd(args)
	cmd.SetOut(out)
	cmd.SetErr(out)
	if err := cmd.ExecuteContext(ctx); err != nil {
		t.Errorf("distlab %s: %v", strings.Join(args, " "), err)
	}
	if ctx.Err() == context.DeadlineExceeded {
		t.Errorf("distlab %s: never said where to join:\n%s", strings.Join(args, " "), out.String())
	}
	return out.String()
}

// untilLine is an output that calls stop once a line matches last.
type untilLine struct {
	mu   sync.Mutex
	b    strings.Builder
	last *regexp.Regexp
	stop func()
}

func (u *untilLine) Write(p []byte) (int, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.b.Write(p)
	if u.last.MatchString(u.b.String()) {
		u.stop()
	}
	return len(p), nil
}

func (u *untilLine) String() string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.b.String()
}
