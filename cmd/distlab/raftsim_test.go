package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"distlab/demos/locale"
	"distlab/demos/raft"
)

// finalLine is the last line of out.
func finalLine(out string) string {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	return lines[len(lines)-1]
}

// simEventLine is one event of the log: number, time, mark, sentence.
var simEventLine = regexp.MustCompile(`^ *[\d.,]+ +\d+[.,]\d{3}s  (▸ |  )\S`)

// Every scenario's run is its event log, each event a line, and ends with
// the verdict on a line of its own; in pt-BR too, with its decimal comma.
func TestRaftRunScenarios(t *testing.T) {
	for _, sc := range raft.Scenarios() {
		out, _, err := execute(t, "raft", "run", "--scenario", sc.Name)
		if err != nil {
			t.Fatalf("%s: %v", sc.Name, err)
		}
		if got := finalLine(out); got != "safety: ok" {
			t.Errorf("%s: last line %q", sc.Name, got)
		}
		if !strings.Contains(out, "scenario "+sc.Name+": "+sc.Title(nil)) || !strings.Contains(out, "the scenario's script has ended and the cluster agrees") {
			t.Errorf("%s: no scenario line or no reason to stop:\n%s", sc.Name, out)
		}
		events, marked := 0, 0
		for _, line := range strings.Split(out, "\n") {
			if simEventLine.MatchString(line) {
				events++
				if strings.Contains(line, "s  ▸ ") {
					marked++
				}
			}
		}
		if events < 30 || marked == 0 {
			t.Errorf("%s: %d event lines, %d scripted:\n%s", sc.Name, events, marked, out)
		}
	}
	out, _, err := execute(t, "--lang", "pt-BR", "raft", "run", "--scenario", raft.LeaderCrash)
	if err != nil || finalLine(out) != "segurança: ok" || !strings.Contains(out, "0,") || !strings.Contains(out, "cenário leader-crash: ") {
		t.Errorf("pt-BR: %v\n%s", err, out)
	}
}

// A free run makes --steps events (300 by default).
func TestRaftRunSteps(t *testing.T) {
	for args, want := range map[string]string{"": "300 events in ", "--steps 42": "42 events in ", "--steps 1": "1 event in "} {
		out, _, err := execute(t, append([]string{"raft", "run", "--nodes", "3"}, strings.Fields(args)...)...)
		if err != nil || !strings.Contains(out, "\n"+want) || finalLine(out) != "safety: ok" {
			t.Errorf("%q: %v\n%s", args, err, out)
		}
	}
}

// Figure 8 with the bug that counts an old term's replicas breaks Leader
// Completeness: the run stops there, the last line says so, and the
// command fails (exit status 1) without another word.
func TestRaftRunFigure8Bug(t *testing.T) {
	out, errOut, err := execute(t, "raft", "run", "--scenario", "figure-8", "--bug", "count-old-term")
	var quiet errQuiet
	if !errors.As(err, &quiet) || errOut != "" {
		t.Fatalf("error %v, stderr %q", err, errOut)
	}
	last := finalLine(out)
	if !strings.HasPrefix(last, "safety: violated: Leader Completeness violated at event ") || !strings.Contains(out, "stopped at the first violation") {
		t.Errorf("last line %q:\n%s", last, out)
	}
	out, _, err = execute(t, "raft", "run", "--scenario", "figure-8")
	if err != nil || finalLine(out) != "safety: ok" {
		t.Errorf("without the bug: %v, %q", err, finalLine(out))
	}
}

// The same flags give the same run, byte for byte, even with every random
// fault on for 2000 events; another seed gives another.
func TestRaftRunDeterministic(t *testing.T) {
	args := []string{"raft", "run", "--seed", "7", "--faults", "random", "--steps", "2000"}
	a, _, err := execute(t, args...)
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := execute(t, args...)
	if a != b {
		t.Fatal("two runs of the same flags differ")
	}
	if !strings.Contains(a, "\n2,000 events in ") || !strings.Contains(a, "▸ ") {
		t.Errorf("not 2000 events with faults:\n%s", a[len(a)-300:])
	}
	c, _, _ := execute(t, "raft", "run", "--seed", "8", "--faults", "random", "--steps", "2000")
	if c == a {
		t.Error("seeds 7 and 8 gave the same run")
	}
}

// Two processes of the real binary print the same run: nothing in it
// depends on the process (map order, addresses, the clock).
func TestE2ERaftRunDeterministic(t *testing.T) {
	if distlabBin == "" {
		t.Skip("no binary: -short or no tmux")
	}
	run := func() []byte {
		out, err := exec.Command(distlabBin, "--lang", "en", "raft", "run", "--seed", "7", "--faults", "random", "--steps", "2000").Output()
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if a, b := run(), run(); !bytes.Equal(a, b) || !bytes.HasSuffix(a, []byte("\nsafety: ok\n")) {
		t.Fatalf("two processes differ, or no verdict:\n%s", a[max(0, len(a)-200):])
	}
	cmd := exec.Command(distlabBin, "--lang", "en", "raft", "run", "--scenario", "figure-8", "--bug", "count-old-term")
	out, err := cmd.Output()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.HasPrefix(finalLine(string(out)), "safety: violated: ") || len(exit.Stderr) != 0 {
		t.Errorf("figure-8 with the bug: %v, stderr %q, last line %q", err, exit.Stderr, finalLine(string(out)))
	}
}

// distlab raft scenarios lists every scenario: name, title, nodes and
// what it shows, in the user's language.
func TestRaftScenarios(t *testing.T) {
	for _, lang := range []string{"en", "pt-BR"} {
		out, _, err := execute(t, "--lang", lang, "raft", "scenarios")
		if err != nil {
			t.Fatal(err)
		}
		p := locale.For(locale.Match(lang))
		for _, sc := range raft.Scenarios() {
			first := strings.Fields(sc.About(p))[0]
			if !strings.Contains(out, sc.Name+"  "+sc.Title(p)+"\n") || !strings.Contains(out, sc.Title(p)) || !strings.Contains(out, p.T("%d nodes", sc.Nodes)) || !strings.Contains(out, first) {
				t.Errorf("%s: %s missing:\n%s", lang, sc.Name, out)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if n := len([]rune(line)); n > 80 {
				t.Errorf("%s: a line of %d columns: %q", lang, n, line)
			}
		}
	}
}

// A bad --faults SPEC, --bug, --steps, --nodes or --scenario is refused
// with a sentence in the user's language.
func TestRaftRunErrors(t *testing.T) {
	cases := []struct {
		args   string
		en, pt string
	}{
		{"--faults drop=2", "faults: drop=2: want a probability from 0 to 1, as 0.05", "falhas: drop=2: use uma probabilidade de 0 a 1, como 0.05"},
		{"--faults loss=0.1", `faults: no key "loss" (keys: drop, dup, crash, restart, partition, heal, write, reorder, maxdown)`, `falhas: não há a chave "loss"`},
		{"--faults drop", `faults: "drop" is not KEY=VALUE`, `falhas: "drop" não é CHAVE=VALOR`},
		{"--faults reorder=5", "faults: reorder=5: want whole milliseconds", "falhas: reorder=5: use milissegundos inteiros"},
		{"--faults drop=0.1,drop=0.2", "faults: drop given twice", "falhas: drop dada duas vezes"},
		{"--bug off-by-one", `no bug "off-by-one": want count-old-term or forget-vote`, `não há o bug "off-by-one"`},
		{"--steps 0", "--steps 0: want 1 to 100,000 events", "--steps 0: use de 1 a 100.000 eventos"},
		{"--nodes 9", "--nodes 9: want 3 to 7 nodes", "--nodes 9: use de 3 a 7 nós"},
		{"--scenario nope", `no scenario "nope"`, `não há cenário "nope"`},
		{"--scenario split-vote --nodes 5", "scenario split-vote runs on 4 nodes", "o cenário split-vote roda com 4 nós"},
	}
	for _, c := range cases {
		for lang, want := range map[string]string{"en": c.en, "pt-BR": c.pt} {
			_, _, err := execute(t, append([]string{"--lang", lang, "raft", "run"}, strings.Fields(c.args)...)...)
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%s %s: %v, want %q", lang, c.args, err, want)
			}
		}
	}
}

// --export writes a trace that replay plays back to the same events; an
// edited trace is caught at its first difference, in the user's language;
// --export - prints the JSON lines instead of the log.
func TestRaftExportReplay(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "run.jsonl")
	out, _, err := execute(t, "raft", "run", "--seed", "3", "--faults", "random", "--steps", "500", "--export", file)
	if err != nil || !strings.Contains(out, "wrote 500 events to "+file+" (jsonl)") || finalLine(out) != "safety: ok" {
		t.Fatalf("export: %v\n%s", err, out)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(string(data)), "\n"); len(lines) != 502 || !strings.HasPrefix(lines[1], `{"n":1,"at_ms":`) {
		t.Fatalf("%d lines, the first event %q", len(lines), lines[1])
	}
	out, _, err = execute(t, "raft", "replay", file)
	if err != nil || !strings.Contains(out, "the replay made the trace's 500 events, event for event, and its verdict") || finalLine(out) != "safety: ok" {
		t.Errorf("replay: %v\n%s", err, out)
	}
	log, _, err := execute(t, "--lang", "pt-BR", "raft", "replay", "--log", file)
	if err != nil || !strings.Contains(log, "a repetição fez os 500 eventos do rastro") || !strings.Contains(log, "  500 ") || finalLine(log) != "segurança: ok" {
		t.Errorf("replay --log in pt-BR: %v\n%s", err, log[max(0, len(log)-400):])
	}

	tampered := filepath.Join(dir, "tampered.jsonl")
	os.WriteFile(tampered, bytes.Replace(data, []byte(`{"n":17,"at_ms":`), []byte(`{"n":17,"at_ms":1`), 1), 0o644)
	for lang, want := range map[string]string{
		"en":    "event 17 differs from the trace's: at_ms is",
		"pt-BR": "o evento 17 difere do rastro: at_ms é",
	} {
		_, _, err = execute(t, "--lang", lang, "raft", "replay", tampered)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: tampered trace: %v", lang, err)
		}
	}
	os.WriteFile(tampered, data[:len(data)/2], 0o644)
	if _, _, err = execute(t, "raft", "replay", tampered); err == nil || !strings.Contains(err.Error(), "trace line ") {
		t.Errorf("cut trace: %v", err)
	}
	if _, _, err = execute(t, "raft", "replay", filepath.Join(dir, "none.jsonl")); err == nil || !strings.HasPrefix(err.Error(), "replay: ") {
		t.Errorf("no file: %v", err)
	}

	stdout, _, err := execute(t, "raft", "run", "--seed", "3", "--faults", "random", "--steps", "500", "--export", "-")
	if err != nil || stdout != string(data) {
		t.Errorf("--export - differs from the file: %v", err)
	}
	cmd := newRootCmd([]string{"raft", "replay", "-"})
	var got bytes.Buffer
	cmd.SetArgs([]string{"raft", "replay", "-"})
	cmd.SetIn(bytes.NewReader(data))
	cmd.SetOut(&got)
	if err := cmd.Execute(); err != nil || finalLine(got.String()) != "safety: ok" {
		t.Errorf("replay from stdin: %v\n%s", err, got.String())
	}

	bad := filepath.Join(dir, "bad.jsonl")
	if _, _, err := execute(t, "raft", "run", "--scenario", "figure-8", "--bug", "count-old-term", "--export", bad); err == nil {
		t.Fatal("figure-8 with the bug: no error")
	}
	out, _, err = execute(t, "raft", "replay", bad)
	if !errors.As(err, new(errQuiet)) || !strings.HasPrefix(finalLine(out), "safety: violated: Leader Completeness") {
		t.Errorf("replay of a violation: %v\n%s", err, out)
	}
}

// What the simulated cluster's commands print is all in the language
// asked for (the --help of each is checked by TestLanguageOfEveryOutput).
func TestRaftRunLanguage(t *testing.T) {
	_, commands := commandTree(newRootCmd(nil))
	runs := [][]string{
		{"raft", "scenarios"},
		{"raft", "run", "--seed", "5", "--faults", "random", "--steps", "1500"},
		{"raft", "run", "--scenario", "figure-8", "--bug", "count-old-term"},
		{"raft", "run", "--scenario", "log-repair"},
		{"raft", "run", "--nodes", "3", "--bug", "forget-vote", "--faults", "crash=0.05,restart=0.2,write=0.1", "--steps", "1500"},
	}
	for _, lang := range []string{"pt-BR", "en"} {
		words, language := foreignWords(lang)
		for _, run := range runs {
			args := append([]string{"--lang", lang}, run...)
			out, errOut, _ := execute(t, args...)
			// "seja qual for" is Portuguese: the engine's sentence of the
			// bug that counts replicas.
			found := slices.DeleteFunc(wordsIn(out+errOut, words, commands), func(w string) bool { return lang == "pt-BR" && w == "for" && strings.Contains(out, "seja qual for") })
			if len(found) > 0 {
				t.Errorf("distlab %s: %s %q", strings.Join(args, " "), language, found)
			}
		}
	}
}

// A run interrupted (ctrl+c: its context ends) writes no trace: --export's
// file stays as it was, a file it did not hold before is not made, and no
// temporary file is left beside it; the error says so, in the language
// asked for.
func TestRaftExportInterrupted(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.jsonl")
	if err := os.WriteFile(old, []byte("an earlier trace\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "fresh.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for file, lang := range map[string]string{old: "en", fresh: "pt-BR"} {
		cmd := newRootCmd([]string{"--lang", lang, "raft", "run", "--faults", "random", "--steps", "100000", "--export", file})
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.ExecuteContext(ctx)
		want := map[string]string{"en": "interrupted at event 0: " + file + " was not written",
			"pt-BR": "interrompido no evento 0: " + file + " não foi gravado"}[lang]
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", lang, err, want)
		}
	}
	if b, err := os.ReadFile(old); err != nil || string(b) != "an earlier trace\n" {
		t.Errorf("the earlier trace after an interrupted run: %q, %v", b, err)
	}
	if _, err := os.Stat(fresh); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an interrupted run made %s: %v", fresh, err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left in the folder: %v", ents)
	}
	// A run that ends writes its trace in place, with nothing beside it.
	if _, _, err := execute(t, "raft", "run", "--steps", "50", "--export", old); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(old); !strings.HasPrefix(string(b), `{"trace":`) {
		t.Errorf("the trace: %.40q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left in the folder: %v", ents)
	}
	for path, want := range map[string]string{
		dir:                                 "export: " + dir + ": is a folder",
		filepath.Join(dir, "no", "x.jsonl"): "export: " + filepath.Join(dir, "no", "x.jsonl") + ": no such file or folder",
	} {
		if _, _, err := execute(t, "raft", "run", "--steps", "5", "--export", path); err == nil || err.Error() != want {
			t.Errorf("--export %s: %v, want %q", path, err, want)
		}
	}
}

// ctrl+c during a long run with --export, as a user presses it: the
// process (SIGINT) stops soon, says the trace was not written, and leaves
// no file, empty or not.
func TestE2ERaftExportCtrlC(t *testing.T) {
	if distlabBin == "" {
		t.Skip("the end-to-end tests build distlab only with tmux installed and without -short")
	}
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "run.jsonl")
	cmd := exec.Command(distlabBin, "--lang", "en", "raft", "run", "--faults", "random", "--steps", "100000", "--export", file)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Until the temporary trace shows, the run has not begun.
	for deadline := time.Now().Add(10 * time.Second); ; {
		if ents, _ := os.ReadDir(dir); len(ents) > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err == nil {
			t.Skip("the run ended before the interrupt reached it")
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 10s after ctrl+c")
	}
	if want := "interrupted at event "; !strings.Contains(errOut.String(), want) || !strings.Contains(errOut.String(), file+" was not written") {
		t.Errorf("stderr: %q", errOut.String())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}
}
