package clocks

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"distlab/demos/locale"
)

func TestWriteReport(t *testing.T) {
	r := mustRun(t, Config{Scenario: "receive-before-send"})
	var buf bytes.Buffer
	if err := WriteReport(&buf, r, locale.For(locale.English)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"Scenario: Receive before send",
		"2 processes · 7 events · delay 6.000ms..6.000ms",
		"a +40.000ms +0ppm  b +5.000ms +0ppm",
		"event  process  kind     true time  physical  Lamport  vector  message",
		"a2     a        send     10.000ms   50.000ms  2        [2,0]   → b #0",
		"b2     b        receive  16.000ms   21.000ms  3        [2,2]   ← a #0  ! stamped before its send",
		"Physical clocks: 1 receive stamped no later than its send",
		"  - b2 receives message 0 sent at a2, so a2 → b2; yet b's clock reads 21.000ms at the receive, no later than a's 50.000ms at the send: b's clock was 35.000ms behind a's, at least the 6.000ms the message took.",
		"Lamport clocks: 1 pair with L(a) < L(b) but a ∥ b; 1 shown",
		"  - L(b1) = 1 < L(a2) = 2, yet b1 ∥ a2",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	buf.Reset()
	if err := WriteReport(&buf, r, locale.For(locale.Portuguese)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Cenário: Recebimento antes do envio", "evento", "recebimento", "carimbado antes do envio", "Relógios de Lamport", "o relógio de b estava 35,000ms atrás do de a"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("pt-BR report lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestWriteReportRandom(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Events, cfg.Loss, cfg.Dup, cfg.Skew = 400, 0.2, 0.2, 30*time.Millisecond
	cfg.Partition = &Partition{A: []int{0}, B: []int{1, 2}, From: time.Millisecond, To: 9 * time.Millisecond}
	r := mustRun(t, cfg)
	var buf bytes.Buffer
	if err := WriteReport(&buf, r, locale.For(locale.English)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"Random run, seed 1", "loss 20%", "partition {a} | {b,c} from 1.000ms to 9.000ms", "  lost", "  duplicate", "(the first 10 shown)", "; 10 shown"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if n := strings.Count(out, "\n  - "); n != 2*ReportAnomalies {
		t.Errorf("%d anomalies listed, want %d", n, 2*ReportAnomalies)
	}
}

func TestParseDelayRange(t *testing.T) {
	for _, c := range []struct {
		in     string
		lo, hi time.Duration
		err    string
	}{
		{"5ms..40ms", 5 * time.Millisecond, 40 * time.Millisecond, ""},
		{" 1ms .. 1ms ", time.Millisecond, time.Millisecond, ""},
		{"3ms", 3 * time.Millisecond, 3 * time.Millisecond, ""},
		{"0s..0s", 0, 0, ""},
		{"5ms..1ms", 0, 0, "MIN 5ms is above MAX 1ms"},
		{"-1ms..1ms", 0, 0, "cannot be negative"},
		{"5..10", 0, 0, "want MIN..MAX with units"},
		{"", 0, 0, "want MIN..MAX"},
		{"1ms..", 0, 0, "want MIN..MAX"},
	} {
		lo, hi, err := ParseDelayRange(c.in)
		if c.err == "" && (err != nil || lo != c.lo || hi != c.hi) || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("ParseDelayRange(%q) = %v, %v, %v", c.in, lo, hi, err)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := DefaultConfig()
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := (Config{}).Validate(); err != nil {
		t.Fatalf("the zero config (defaults): %v", err)
	}
	for _, c := range []struct {
		edit func(*Config)
		want string
	}{
		{func(c *Config) { c.Procs = 1 }, "1 processes"},
		{func(c *Config) { c.Procs = 9 }, "9 processes"},
		{func(c *Config) { c.Events = -1 }, "-1 events"},
		{func(c *Config) { c.Skew = -time.Millisecond }, "skew"},
		{func(c *Config) { c.DriftPPM = math.NaN() }, "drift"},
		{func(c *Config) { c.DriftPPM = MaxDriftPPM + 1 }, "drift"},
		{func(c *Config) { c.DelayMin, c.DelayMax = 5*time.Millisecond, time.Millisecond }, "above the maximum"},
		{func(c *Config) { c.DelayMin = -1 }, "negative"},
		{func(c *Config) { c.Loss = 1.5 }, "loss"},
		{func(c *Config) { c.Dup = math.NaN() }, "dup"},
		{func(c *Config) { c.Interval = -1 }, "interval"},
		{func(c *Config) { c.Partition = &Partition{A: []int{0}, B: nil, From: 0, To: 1} }, "both groups"},
		{func(c *Config) { c.Partition = &Partition{A: []int{0}, B: []int{0}, From: 0, To: 1} }, "in group A and B"},
		{func(c *Config) { c.Partition = &Partition{A: []int{0}, B: []int{4}, From: 0, To: 1} }, "process 4"},
		{func(c *Config) { c.Partition = &Partition{A: []int{0}, B: []int{1}, From: 2, To: 1} }, "window"},
	} {
		cfg := DefaultConfig()
		c.edit(&cfg)
		err := cfg.Validate()
		if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", cfg, err, c.want)
		}
		if _, err2 := Simulate(cfg); err2 == nil {
			t.Errorf("Simulate(%+v) ran", cfg)
		}
	}
}

func TestNames(t *testing.T) {
	if Local.String() != "local" || Receive.String() != "receive" || Kind(7).String() != "Kind(7)" {
		t.Fatal("Kind.String")
	}
	if KindName(Send, locale.For(locale.Portuguese)) != "envio" || KindName(Send, nil) != "send" {
		t.Fatal("KindName")
	}
	if PhysicalInversion.String() != "physical-inversion" || LamportNotCausal.String() != "lamport-not-causal" {
		t.Fatal("AnomalyKind.String")
	}
	if ProcName(0) != "a" || ProcName(7) != "h" {
		t.Fatal("ProcName")
	}
	if FormatTime(-1500*time.Microsecond) != "-1.500ms" || FormatTime(12345678) != "12.346ms" {
		t.Fatalf("FormatTime: %s %s", FormatTime(-1500*time.Microsecond), FormatTime(12345678))
	}
}

func TestRelationSentences(t *testing.T) {
	r := mustRun(t, Config{Scenario: "partition"})
	l := func(s string) int { return byLabel(t, r, s) }
	for _, c := range []struct {
		a, b string
		lang locale.Lang
		want string
	}{
		{"a1", "a3", "en", "a1 → a3 because a1 comes earlier on process a"},
		{"a1", "c1", "en", "a1 → c1 because c1 receives message 0, sent at a1"},
		{"d3", "a1", "en", "a1 → d3 because of the chain a1 → a2 → b1 → b2 → d3 (messages 2, 5)"},
		{"a1", "d3", "pt-BR", "a1 → d3 por causa da cadeia a1 → a2 → b1 → b2 → d3 (mensagens 2, 5)"},
		{"c1", "c1", "pt-BR", "c1 é o mesmo evento"},
		{"c2", "b1", "en", "c2 ∥ b1: they have the same Lamport time (3), and neither could have influenced the other; their vectors [1,0,2,0] and [2,1,0,0] are incomparable"},
		{"d1", "a2", "pt-BR", "d1 ∥ a2: Lamport os ordena (1 < 2), mas nenhum poderia ter influenciado o outro; seus vetores [0,0,0,1] e [2,0,0,0] são incomparáveis"},
	} {
		if got := r.Relation(l(c.a), l(c.b), locale.For(c.lang)); got != c.want {
			t.Errorf("Relation(%s, %s, %s)\n got %q\nwant %q", c.a, c.b, c.lang, got, c.want)
		}
	}
	if r.Relation(-1, 0, nil) != "" || r.Relation(0, len(r.Events), nil) != "" {
		t.Error("Relation of a missing event")
	}
}

func ExampleRun_Relation() {
	r, _ := Simulate(Config{Scenario: "receive-before-send"})
	send, recv := r.Focus[0], r.Focus[1]
	fmt.Println(r.Relation(send, recv, nil))
	fmt.Println(r.Events[send].Physical, r.Events[recv].Physical)
	fmt.Println(r.Anomalies()[0].Text(nil))
	// Output:
	// a2 → b2 because b2 receives message 0, sent at a2
	// 50ms 21ms
	// b2 receives message 0 sent at a2, so a2 → b2; yet b's clock reads 21.000ms at the receive, no later than a's 50.000ms at the send: b's clock was 35.000ms behind a's, at least the 6.000ms the message took.
}

// Every message of the engine is in both languages, with the same verbs.
func TestTexts(t *testing.T) {
	for _, p := range locale.Problems() {
		t.Error(p)
	}
	pt := locale.For(locale.Portuguese)
	r := mustRun(t, Config{Scenario: "partition"})
	var buf bytes.Buffer
	if err := WriteReport(&buf, r, pt); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Cenário: Partição", "partição {a,b} | {c,d} de 10,000ms a 30,000ms", "Relógios de Lamport: ", "perdida"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("pt-BR report lacks %q:\n%s", want, buf.String())
		}
	}
}
