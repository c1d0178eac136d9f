package scale

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"distlab/demos/locale"
)

func modelTable(t *testing.T, p *locale.Printer) string {
	t.Helper()
	m, _ := Preset(Published)
	var b strings.Builder
	tab := ModelTable{Model: m, Ns: []int{8, 64}, Avail: 0.99, LBAvail: 0.9999, Replicas: []int{1, 2, 3}, Cost: DefaultCost()}
	if err := tab.Print(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The model table in both languages: the same figures, each written the
// language's way.
func TestModelTableLanguages(t *testing.T) {
	en := modelTable(t, locale.For(locale.English))
	for _, want := range []string{"published fit: γ = 995.65", "the Universal Scalability Law", "12,342", "6,475",
		"← peak", "N* = sqrt((1−α)/β) = 35.6", "γ/α = 37,262", "$0.43", "99.99%", "3d 15h down a year", "2 behind a balancer"} {
		if !strings.Contains(en, want) {
			t.Errorf("English table lacks %q:\n%s", want, en)
		}
	}
	pt := modelTable(t, locale.For(locale.Portuguese))
	for _, want := range []string{"ajuste publicado: γ = 995,65", "Lei Universal de Escalabilidade", "12.342", "6.475",
		"← pico", "N* = sqrt((1−α)/β) = 35,6", "γ/α = 37.262", "$0,43", "99,99%", "3d 15h fora por ano", "aceleração", "eficiência"} {
		if !strings.Contains(pt, want) {
			t.Errorf("Portuguese table lacks %q:\n%s", want, pt)
		}
	}
	for _, english := range []string{"peak", "ceiling", "availability", "speedup", "efficiency", "cost/h", "down a year", "nines", "0.43", "99.99"} {
		if strings.Contains(pt, english) {
			t.Errorf("Portuguese table says %q:\n%s", english, pt)
		}
	}
}

func TestReportLanguages(t *testing.T) {
	m, _ := Preset(Published)
	r := &BenchReport{
		Plan:  BenchPlan{Mode: ScaleOut, N: 2, Rounds: 8000, Model: m},
		Local: 2, Units: 2, Gamma: 1000, Measured: true, Predicted: 1947.5, Ideal: 2000, CPUs: 8,
		Result: &BenchResult{Elapsed: 1500 * time.Millisecond, OK: 2900, Errors: 1, Throughput: 1933.3,
			FirstErr: locale.Errorf("%s: answered %q, not a SHA-256 digest", "127.0.0.1:7000", "x")},
	}
	en := r.Text(locale.For(locale.English))
	for _, want := range []string{"scale out: 2 local workers", "1.5s", "8,000 SHA-256 rounds", "1,933 req/s", "2,900 answered", ", 1 error (first: 127.0.0.1:7000: answered", "published fit", "measured / model = 0.99"} {
		if !strings.Contains(en, want) {
			t.Errorf("English report lacks %q:\n%s", want, en)
		}
	}
	pt := r.Text(locale.For(locale.Portuguese))
	for _, want := range []string{"horizontal (scale out): 2 workers locais", "1,5s", "8.000 rodadas de SHA-256", "1.933 req/s", "2.900 respondidas", ", 1 erro (127.0.0.1:7000: respondeu", "ajuste publicado", "medido / modelo = 0,99"} {
		if !strings.Contains(pt, want) {
			t.Errorf("Portuguese report lacks %q:\n%s", want, pt)
		}
	}
	for _, english := range []string{"measured ", "answered", "error", "workers with", "round robin", "rounds", "model "} {
		if strings.Contains(pt, english) {
			t.Errorf("Portuguese report says %q:\n%s", english, pt)
		}
	}
}

// The peak and ceiling lines are true of the table above them: with α = 1
// one unit reaches the ceiling (X(1) = γ = γ/α, marked "← peak"), which the
// table said no N reached.
func TestModelTableLimits(t *testing.T) {
	table := func(p *locale.Printer, alpha, beta float64, ns ...int) string {
		var b strings.Builder
		m := Model{Name: Custom, Gamma: PublishedGamma, Alpha: alpha, Beta: beta}
		tab := ModelTable{Model: m, Ns: ns, Avail: 0.99, LBAvail: 0.9999, Cost: DefaultCost()}
		if err := tab.Print(&b, p); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	en, pt := locale.For(locale.English), locale.For(locale.Portuguese)
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{table(en, 1, PublishedBeta, 1, 2, 4), []string{"← peak", "with α = 1 all the work is serial,\n         so X(1) reaches it and no N gets more"},
			[]string{"which no N reaches"}},
		{table(pt, 1, PublishedBeta, 1, 2, 4), []string{"← pico", "com α = 1 todo o trabalho é serial,\n         então X(1) o alcança e nenhum N tem mais"},
			[]string{"que nenhum N alcança"}},
		{table(en, 1, 0, 1, 2, 4), []string{"peak:    none (α = 1, β = 0): every N gets X(N) = γ", "so X(1) reaches it"},
			[]string{"which no N reaches", "only ever rises"}},
		{table(pt, 1, 0, 1, 2, 4), []string{"pico:    nenhum (α = 1, β = 0): todo N tem X(N) = γ", "então X(1) o alcança"},
			[]string{"que nenhum N alcança", "só sobe"}},
		{table(en, 0.9999, 0, 1, 128), []string{"X(128) comes within a req/s of it,\n         but no N reaches it"}, nil},
		{table(pt, 0.9999, 0, 1, 128), []string{"X(128) fica a menos de uma req/s dele,\n         mas nenhum N o alcança"}, nil},
		{table(en, 0.5, 0, 1, 128), []string{"γ/α = 1,991 req/s (2× one unit), which no N reaches"}, nil},
	} {
		for _, want := range c.want {
			if !strings.Contains(c.text, want) {
				t.Errorf("table lacks %q:\n%s", want, c.text)
			}
		}
		for _, not := range c.not {
			if strings.Contains(c.text, not) {
				t.Errorf("table says %q:\n%s", not, c.text)
			}
		}
	}
}

// The report's figures end in one column, in both languages, however wide
// the widest: the answered count sat a column left of the req/s above it,
// and a 7-digit ideal pushed its row out of line.
func TestReportFiguresAligned(t *testing.T) {
	m, _ := Preset(Published)
	r := &BenchReport{
		Plan:  BenchPlan{Mode: ScaleUp, N: 1000, Rounds: 8000, Model: m},
		Local: 1, Units: 1000, Gamma: 1065.454, Measured: true, Predicted: 1339, Ideal: 1065454, CPUs: 2,
		Result: &BenchResult{Elapsed: 2 * time.Second, OK: 5462, Errors: 12, Throughput: 2731,
			FirstError: "EOF", PerWorker: []WorkerResult{{Addr: "127.0.0.1:7000", OK: 5000}, {Addr: "[::1]:7001", OK: 462}}},
	}
	figure := regexp.MustCompile(`^ *\S* +([0-9][0-9.,]*) `)
	for _, lang := range []locale.Lang{locale.English, locale.Portuguese} {
		text := r.Text(locale.For(lang))
		blocks := strings.Split(text, "\n\n")
		if len(blocks) < 3 {
			t.Fatalf("%s: report:\n%s", lang, text)
		}
		for _, block := range blocks[1:3] {
			ends := map[int]bool{}
			for _, line := range strings.Split(block, "\n") {
				if at := figure.FindStringSubmatchIndex(line); at != nil {
					ends[utf8.RuneCountInString(line[:at[3]])] = true
				}
			}
			if len(ends) != 1 {
				t.Errorf("%s: figures end in columns %v:\n%s", lang, ends, block)
			}
		}
	}
}

// The note that the CPUs shared by the local workers and the bench held the
// measurement below the model comes only when it did fall below it.
func TestReportSharedCPUsNote(t *testing.T) {
	m, _ := Preset(Published)
	report := func(throughput, rate float64) *BenchReport {
		return &BenchReport{
			Plan:  BenchPlan{Mode: ScaleUp, N: 2, Rounds: 8000, Model: m, Rate: rate},
			Local: 1, Units: 2, Gamma: 1000, Measured: true, Predicted: 1947.5, Ideal: 2000, CPUs: 2,
			Result: &BenchResult{Elapsed: time.Second, OK: uint64(throughput), Throughput: throughput},
		}
	}
	for _, c := range []struct {
		throughput, rate float64
		note             bool
	}{
		{2025, 0, false},  // measured / model = 1.04: above the model
		{1850, 0, false},  // 0.95: within the run-to-run spread
		{1000, 0, true},   // 0.51: well below
		{480, 500, false}, // the offered 500 req/s, served
		{300, 500, true},  // under the offered load
	} {
		r := report(c.throughput, c.rate)
		for lang, note := range map[locale.Lang]string{locale.English: "note:", locale.Portuguese: "nota:"} {
			if got := strings.Contains(r.Text(locale.For(lang)), note); got != c.note {
				t.Errorf("%s, %.0f req/s measured, %.0f offered: note %v, want %v:\n%s", lang, c.throughput, c.rate, got, c.note, r.Text(locale.For(lang)))
			}
		}
	}
	r := report(1000, 0)
	r.CPUs = 8 // enough CPUs: nothing to blame them for
	if strings.Contains(r.String(), "note:") {
		t.Errorf("note with 8 CPUs:\n%s", r)
	}
}

// Errors a person reads come in their language and still match their
// sentinels.
func TestErrorsLanguages(t *testing.T) {
	c := DefaultConfig()
	c.Cores = 100
	err := c.Validate()
	if !errors.Is(err, ErrConfig) {
		t.Fatalf("err %v does not wrap ErrConfig", err)
	}
	pt := locale.For(locale.Portuguese)
	if got, want := pt.Err(err), "scale: configuração inválida: 100 núcleos de no máximo 64"; got != want {
		t.Errorf("pt: %q, want %q", got, want)
	}
	if got, want := err.Error(), "scale: invalid config: 100 cores of at most 64"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	c = DefaultConfig()
	c.Bucket, c.Window = 1500*time.Millisecond, time.Second
	if got := pt.Err(c.Validate()); !strings.Contains(got, "janela de 1s menor que um intervalo de 1,5s") {
		t.Errorf("durations: %q", got)
	}
	_, err = ParseNs("3..1")
	if got := pt.Err(err); !strings.HasPrefix(got, "faixa de N") {
		t.Errorf("ParseNs: %q", got)
	}
	if got := pt.Err(Model{Gamma: 1, Alpha: 2}.Validate()); !strings.Contains(got, "modelo inválido: α = 2") {
		t.Errorf("model: %q", got)
	}
}
