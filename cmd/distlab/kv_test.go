package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"distlab/demos/kv"
	"distlab/demos/locale"
	"distlab/tui/progress"
)

// Every scenario ends with its verdict on the last line, the one the
// lesson promises; exit status 0 either way.
func TestKVRunScenarios(t *testing.T) {
	want := map[string]string{
		"quorum": "linearizable: yes", "cp-partition": "linearizable: yes",
		"one-one": "linearizable: no: read x", "ap-partition": "linearizable: no: ", "lww-skew": "linearizable: no: ",
		"version-vectors": "linearizable: no: ", "sloppy-quorum": "linearizable: no: read x",
	}
	for _, sc := range kv.Scenarios() {
		out, _, err := execute(t, "kv", "run", "--scenario", sc.Name)
		if err != nil {
			t.Fatalf("%s: %v", sc.Name, err)
		}
		if got := finalLine(out); !strings.HasPrefix(got, want[sc.Name]) {
			t.Errorf("%s: last line %q, want %q…", sc.Name, got, want[sc.Name])
		}
		if !strings.Contains(out, "scenario "+sc.Name+": "+sc.Title(nil)) || !strings.Contains(out, "stale reads") {
			t.Errorf("%s: no scenario line or no counters:\n%s", sc.Name, out)
		}
	}
}

// A free run: the knobs as flags, the counters in a column, the verdict
// last; the same flags give the same output, and pt-BR speaks Portuguese.
func TestKVRunFlags(t *testing.T) {
	out, _, err := execute(t, "kv", "run", "--r", "1", "--w", "1", "--seed", "3")
	if err != nil || !strings.HasPrefix(finalLine(out), "linearizable: no: read x") || !strings.Contains(out, "N = 3, R = 1, W = 1, CP, last writer wins\n3 clients, 60 operations, seed 3\n") {
		t.Fatalf("%v\n%s", err, out)
	}
	again, _, _ := execute(t, "kv", "run", "--r", "1", "--w", "1", "--seed", "3")
	if strings.Split(again, "checked")[0] != strings.Split(out, "checked")[0] || finalLine(again) != finalLine(out) {
		t.Errorf("the same flags, another run:\n%s\n%s", out, again)
	}
	out, _, err = execute(t, "--lang", "pt-BR", "kv", "run", "--partition", "3@5-30", "--mode", "ap", "--conflicts", "vv", "--ops", "80")
	if err != nil || !strings.HasPrefix(finalLine(out), "linearizável: ") || !strings.Contains(out, "partição: n3 isolado da operação 5 à 30") || !strings.Contains(out, "leituras desatualizadas") {
		t.Fatalf("pt-BR: %v\n%s", err, out)
	}
	out, _, err = execute(t, "kv", "run", "--partition", "auto", "--ops", "30", "--read-repair", "--check=false")
	if err != nil || strings.Contains(out, "linearizable") || !strings.Contains(out, "partition: n3 cut off from operation 11 to 21") {
		t.Fatalf("auto, no check: %v\n%s", err, out)
	}
}

// The header echoes every setting that shapes the run, in the language,
// so that it is enough to run it again: the knobs, the clients and their
// operations, the loss, the clocks' skews, the seed, the partition.
func TestKVRunHeaderEchoesEverySetting(t *testing.T) {
	args := []string{"kv", "run", "--n", "5", "--r", "2", "--w", "4", "--mode", "ap", "--conflicts", "vv", "--sloppy", "--read-repair",
		"--ryw", "sticky", "--mr", "token", "--skew", "n1=500ms,n3=-40ms", "--loss", "0.125", "--clients", "4", "--ops", "1000",
		"--seed", "7", "--partition", "2@10-20", "--check=false"}
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			"Replicated store, simulated: N = 5, R = 2, W = 4, AP, version vectors, sloppy quorums, read repair, read your writes: sticky, monotonic reads: token\n",
			"\n4 clients, 1,000 operations, 12.5% of messages lost, clocks: n1 +500ms, n3 -40ms, seed 7\n",
			"\npartition: n2 cut off from operation 10 to 20\n",
		}},
		{"pt-BR", []string{
			"Armazenamento replicado, simulado: N = 5, R = 2, W = 4, AP, vetores de versão, quóruns relaxados, reparo na leitura, leia suas escritas: sessão fixa, leituras monotônicas: token\n",
			"\n4 clientes, 1.000 operações, 12,5% das mensagens perdidas, relógios: n1 +500ms, n3 -40ms, semente 7\n",
			"\npartição: n2 isolado da operação 10 à 20\n",
		}},
	} {
		out, _, err := execute(t, append([]string{"--lang", c.lang}, args...)...)
		if err != nil {
			t.Fatalf("%s: %v", c.lang, err)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: no %q in\n%s", c.lang, w, out)
			}
		}
	}
	out, _, err := execute(t, "kv", "run", "--clients", "1", "--ops", "1", "--check=false")
	if err != nil || !strings.Contains(out, "\n1 client, 1 operation, seed 1\n") {
		t.Errorf("one client, one operation (%v):\n%s", err, out)
	}
}

// Bad flags are refused, naming the flag, before anything runs.
func TestKVRunBadFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--partition", "3@x"}, "--partition \"3@x\": want none, auto"},
		{[]string{"--partition", "9"}, "a partition's side names servers 1 to 3"},
		{[]string{"--mode", "ca"}, "--mode ca: want cp or ap"},
		{[]string{"--skew", "n1:5ms"}, "--skew \"n1:5ms\": want SERVER=OFFSET"},
		{[]string{"--ryw", "always"}, "--ryw always: want off, sticky or token"},
		{[]string{"--n", "9"}, "--n 9: want 3 to 5 replicas"},
		{[]string{"--n", "4", "--r", "5"}, "--r 5: want 1 to 4, the replicas of a key (--n)"},
		{[]string{"--scenario", "quorum", "--r", "1"}, "--r has no effect with --scenario"},
		{[]string{"--ops", "0"}, "--ops 0: want 1 to 100"},
	} {
		_, _, err := execute(t, append([]string{"kv", "run"}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q", c.args, err, c.want)
		}
	}
}

// --export-html writes Porcupine's page and says where.
func TestKVExportHTML(t *testing.T) {
	file := filepath.Join(t.TempDir(), "kv.html")
	out, _, err := execute(t, "kv", "run", "--scenario", "one-one", "--export-html", file)
	if err != nil || !strings.Contains(out, "wrote the history to "+file) {
		t.Fatalf("%v\n%s", err, out)
	}
	b, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(b), "<html") {
		t.Fatalf("export: %v, %d bytes", err, len(b))
	}
}

// The scenarios are listed with their summaries, in the language.
func TestKVScenarios(t *testing.T) {
	out, _, err := execute(t, "kv", "scenarios")
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range kv.Scenarios() {
		if !strings.Contains(out, sc.Name+"  "+sc.Title(nil)) {
			t.Errorf("no %s in\n%s", sc.Name, out)
		}
	}
	out, _, _ = execute(t, "--lang", "pt-BR", "kv", "scenarios")
	if !strings.Contains(out, "quorum  Quóruns que se cruzam") {
		t.Errorf("pt-BR:\n%s", out)
	}
}

// "A última escrita vence" is the name of a rule, lesson 9's term for
// last writer wins: a Portuguese sentence names it as the rule ("pela
// regra “a última escrita vence”"), never as if it were a noun ("com a
// última escrita vence", "os carimbos de a última escrita vence"). Every
// message of the binary is checked, and the two places the tester read.
func TestLastWriterWinsIsNamedAsARule(t *testing.T) {
	bad := regexp.MustCompile(`(?i)\b(com|de|em|por|sob|usa) a última escrita vence`)
	for _, m := range locale.Messages() {
		for _, pt := range []string{m.PT, m.PTOne} {
			if bad.MatchString(pt) {
				t.Errorf("%q: %q", m.Key, pt)
			}
		}
	}
	withState(t, progress.State{})
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "pt-BR", "kv", "run", "--help"}, "(os carimbos da regra “a última escrita vence”)"},
		{[]string{"--lang", "pt-BR", "challenges"}, "Preveja: pela regra “a última escrita vence” (LWW), uma escrita pode ser confirmada"},
	} {
		out, _, err := execute(t, c.args...)
		if err != nil || !strings.Contains(out, c.want) || bad.MatchString(out) {
			t.Errorf("%v (%v): want %q in\n%s", c.args, err, c.want, out)
		}
	}
}

// The replicated store's Portuguese texts (engine, pane, distlab kv) say
// things the way a Brazilian reader would and in lesson 9's terms: none of
// the calques and awkward phrasings they once had comes back, in any
// message of the binary, and kv run's help says read repair as the lesson
// does ("grava o valor mais novo que encontrou de volta").
func TestKVPortugueseWording(t *testing.T) {
	for _, c := range []struct{ bad, why string }{
		{"leu %s desatualizado", "the value read is stale, not the key: \"leu um valor desatualizado de x\""},
		{"escreve o mais novo", "the lesson's write-back: \"grava o valor mais novo que encontrou de volta\""},
		{"escrever o que leu de volta", "the lesson's write-back: \"gravar de volta\""},
		{"escreve o valor em", "read repair writes back: \"grava o valor em\", as the lesson's \"gravação de volta\""},
		{"réplicas de menos", "\"não alcança réplicas suficientes\""},
		{"precisa ser sob partição", "\"é preciso durante uma partição\", as the lesson says"},
		{"ainda não soube dela", "a replica does not \"know of\" a write: \"ainda não a recebeu\""},
		{"confirmada e perdida", "\"recebeu a confirmação e mesmo assim a escrita se perdeu\""},
		{"indeciso", "a person is undecided, a verdict \"inconclusivo\""},
		{"acomoda todas", "\"é compatível com todas elas\""},
		{"no máximo o máximo", "\"o mínimo precisa ficar entre 0 e o máximo\""},
		{"tempo de pensar", "think time is \"intervalo entre operações\""},
		{"depois de escrita", "an article: \"depois da escrita\""},
		{"versões concorrentes, versões irmãs", "\"versões concorrentes, guardadas como versões irmãs\""},
		{"A última escrita vence, relógios", "the rule named as a rule: \"A regra LWW com relógios desviados\""},
	} {
		for _, m := range locale.Messages() {
			for _, text := range []string{m.PT, m.PTOne} {
				if strings.Contains(text, c.bad) {
					t.Errorf("%q: %s", text, c.why)
				}
			}
		}
	}
	withState(t, progress.State{})
	out, _, err := execute(t, "--lang", "pt-BR", "kv", "run", "--help")
	if want := "uma leitura grava o valor mais novo que encontrou de volta em W réplicas"; err != nil || !strings.Contains(out, want) {
		t.Errorf("kv run --help (%v): want %q in\n%s", err, want, out)
	}
}
