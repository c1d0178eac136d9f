package scalepane

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"distlab/demos/locale"
	"distlab/demos/scale"
)

// The same screen in both languages: every word the pane's, every figure
// written the language's way.
func TestScreenInBothLanguages(t *testing.T) {
	screens := map[locale.Lang]string{}
	for _, l := range locale.Langs {
		m := newPaneIn(t, l, 120, 40)
		run(m, 30)
		press(m, "space") // paused, so the status says so
		screens[l] = ansi.Strip(m.View())
	}
	en, pt := screens[locale.English], screens[locale.Portuguese]
	for _, want := range []string{"scale up · 8 cores", "scale out · 8 nodes", "running", "$0.75/h", "availability 99.0000%",
		"latency p50", "offered load 4,000 req/s on each side", "balancer round robin", "paused", "X(N) by the model — published fit: γ = 995.65",
		"cost is an assumption: a k-core machine costs $0.05·k^1.3 an hour"} {
		if !strings.Contains(en, want) {
			t.Errorf("English screen lacks %q:\n%s", want, en)
		}
	}
	for _, want := range []string{"vertical (scale up) · 8 núcleos", "horizontal (scale out) · 8 nós", "● rodando", "custo $0,75/h",
		"disponibilidade 99,0000%", "latência p50", "carga oferecida 4.000 req/s em cada lado", "balanceador rodízio", "pausado",
		"X(N) pelo modelo — ajuste publicado: γ = 995,65", "$0,05·k^1,3 por hora"} {
		if !strings.Contains(pt, want) {
			t.Errorf("Portuguese screen lacks %q:\n%s", want, pt)
		}
	}
	for _, english := range []string{"0.75", "99.0000", "cores", "nodes", "running", "latency", "queue", "rejected", "cost ", "availability", "paused", "by the model", "published"} {
		if strings.Contains(pt, english) {
			t.Errorf("Portuguese screen says %q:\n%s", english, pt)
		}
	}
}

// A language change rebuilds the key help (the root calls Relabel).
func TestRelabel(t *testing.T) {
	m := newPane(t, 120, 40)
	if got := m.keys.Crash.Help().Desc; got != "crash" {
		t.Fatalf("English crash key: %q", got)
	}
	m.Com.SetLang(locale.Portuguese)
	m.Relabel()
	if got := m.keys.Crash.Help().Desc; got != "derrubar" {
		t.Errorf("Portuguese crash key: %q", got)
	}
	if !strings.Contains(m.Title(), "escalar vertical vs horizontal") {
		t.Errorf("title %q", m.Title())
	}
	for _, col := range m.keys.FullHelp() {
		for _, b := range col {
			if b.Help().Desc == "" || b.Help().Key == "" {
				t.Errorf("binding %v has no help", b.Keys())
			}
		}
	}
}

// e runs the real measurement as a command; its result and its failure
// are shown in the pane, in the reader's language.
func TestRealMeasurement(t *testing.T) {
	m := newPaneIn(t, locale.Portuguese, 160, 40)
	m.bench = func(_ context.Context, plan scale.BenchPlan) (*scale.BenchReport, error) {
		r := fakeReport(plan, 0)
		r.Predicted, r.Result.Throughput = 6475, 5012.4
		return r, nil
	}
	cmd := m.Update(press1("e"))
	if cmd == nil || !strings.Contains(ansi.Strip(m.View()), "medindo workers reais") {
		t.Fatalf("no measurement started:\n%s", ansi.Strip(m.View()))
	}
	if m.Update(press1("e")) != nil {
		t.Error("a second measurement started while one runs")
	}
	m.Update(cmd())
	if s := ansi.Strip(m.View()); !strings.Contains(s, "real, medido: vertical (scale up), N = ") || !strings.Contains(s, ": 5.012 req/s (modelo 6.475) · p50 3,9ms · p99 12ms") {
		t.Errorf("result:\n%s", s)
	}

	m.bench = func(context.Context, scale.BenchPlan) (*scale.BenchReport, error) {
		return nil, scale.ErrNoWorkers
	}
	m.Update(m.Update(press1("e"))())
	if s := ansi.Strip(m.View()); !strings.Contains(s, "a medição real falhou: scale: não há workers para medir") {
		t.Errorf("failure:\n%s", s)
	}
	m.Com.SetLang(locale.English)
	if s := ansi.Strip(m.View()); !strings.Contains(s, "real measurement failed: scale: no workers to benchmark") {
		t.Errorf("failure after a language change:\n%s", s)
	}
}

// Close cancels a measurement in progress and returns only when it has
// ended (RunBench stops and waits for its worker processes).
func TestCloseWaitsForTheMeasurement(t *testing.T) {
	m := newPane(t, 120, 40)
	var ended atomic.Bool
	m.bench = func(ctx context.Context, _ scale.BenchPlan) (*scale.BenchReport, error) {
		<-ctx.Done()
		time.Sleep(20 * time.Millisecond) // the workers take a moment to go
		ended.Store(true)
		return nil, ctx.Err()
	}
	cmd := m.Update(press1("e"))
	got := make(chan tea.Msg, 1)
	go func() { got <- cmd() }()
	for !m.run.isStarted() {
		time.Sleep(time.Millisecond)
	}
	m.Close()
	if !ended.Load() {
		t.Fatal("Close returned before the measurement ended")
	}
	if msg := <-got; msg == nil || !errors.Is(msg.(realMsg).err, context.Canceled) {
		t.Errorf("message %#v", msg)
	}

	// Closed before the command ran: it does nothing, and Close does not wait.
	m = newPane(t, 120, 40)
	cmd = m.Update(press1("e"))
	m.Close()
	if msg := cmd(); msg != nil {
		t.Errorf("a command of a closed pane ran: %#v", msg)
	}
}

func (r *realRun) isStarted() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.started
}

func press1(k string) tea.KeyPressMsg {
	return tea.KeyPressMsg{Code: rune(k[0]), Text: k}
}
