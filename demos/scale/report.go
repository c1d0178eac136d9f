package scale

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"distlab/demos/locale"
)

// String is the report in English.
func (r *BenchReport) String() string { return r.Text(locale.For(locale.English)) }

// Text is the report as `distlab scale bench` prints it, in p's language.
func (r *BenchReport) Text(p *locale.Printer) string {
	p = printer(p)
	var b strings.Builder
	pl, res := r.Plan, r.Result
	switch {
	case pl.N == 0:
		b.WriteString(p.T("%d remote workers, round robin from this process", len(pl.Remote)))
	case pl.Mode == ScaleUp:
		b.WriteString(p.T("%s: 1 local worker with GOMAXPROCS=%s", ScaleUp, strconv.Itoa(pl.N)))
	default:
		b.WriteString(p.T("%s: %d local workers with GOMAXPROCS=1, round robin from this process", ScaleOut, pl.N))
	}
	if pl.N > 0 && len(pl.Remote) > 0 {
		b.WriteString(p.T(", and %d remote", len(pl.Remote)))
	}
	b.WriteString("\n")
	load := p.T("closed loop")
	if pl.Rate > 0 {
		load = p.T("%.0f req/s offered (Poisson)", pl.Rate)
	}
	b.WriteString(p.T("load: %s for %s, %d SHA-256 rounds a request\n\n", load, p.Duration(res.Elapsed), pl.Rounds))

	d := func(x time.Duration) string { return p.Duration(roundDur(x)) }
	f := func(x float64) string { return p.T("%.0f", x) } // a figure as the lines below write it
	answered := p.T("%d answered", res.OK)
	if res.Errors > 0 {
		first := res.FirstError
		if res.FirstErr != nil {
			first = p.Err(res.FirstErr)
		}
		answered += p.T(", %d errors (first: %s)", res.Errors, first)
	}
	if res.Dropped > 0 {
		answered += p.T(", %d dropped (backlog full)", res.Dropped)
	}
	how := p.T("given")
	if r.Measured {
		how = p.T("one core, measured in this process")
	}
	writeFigures(&b, []figureLine{
		{p.T("measured"), f(res.Throughput), p.T("%.0f req/s   latency p50 %s  p90 %s  p99 %s  max %s",
			res.Throughput, d(res.P50()), d(res.P90()), d(res.P99()), d(res.Latency.Max()))},
		{"", p.T("%d", res.OK), answered},
		{p.T("model"), f(r.Predicted), p.T("%.0f req/s   X(%d) with γ = %.0f req/s (%s), α = %.6g, β = %.6g (%s)",
			r.Predicted, r.Units, r.Gamma, how, pl.Model.Alpha, pl.Model.Beta, PresetTitle(p, pl.Model.Name))},
		{p.T("ideal"), f(r.Ideal), p.T("%.0f req/s   γ·%d", r.Ideal, r.Units)},
	})
	switch {
	case pl.Rate > 0 && pl.Rate < r.Predicted:
		b.WriteString(p.T("the offered %.0f req/s is below the model's capacity: throughput should match it\n", pl.Rate))
	case r.Predicted > 0:
		b.WriteString(p.T("measured / model = %.2f\n", res.Throughput/r.Predicted))
	}
	if len(res.PerWorker) > 1 {
		b.WriteString("\n" + p.T("per worker:") + "\n")
		var lines []figureLine
		for _, w := range res.PerWorker {
			x := float64(w.OK) / res.Elapsed.Seconds()
			line := figureLine{"  " + w.Addr, f(x), p.T("%.0f req/s", x)}
			if w.Errors > 0 {
				line.text += p.T("  %d errors", w.Errors)
			}
			lines = append(lines, line)
		}
		writeFigures(&b, lines)
	}
	if r.cpusHeldBack() {
		b.WriteString("\n" + p.T("note: the local workers' %d cores and the bench itself share %d CPUs here,\n"+
			"so the measurement flattens below the model: add machines with --workers.\n", r.localCores(), r.CPUs))
	}
	return b.String()
}

// A figureLine is a line of figures: a label, then text that starts with
// lead, a number as the text writes it.
type figureLine struct{ label, lead, text string }

// writeFigures writes lines with their labels left-aligned and their
// leading numbers right-aligned, each in a column as wide as its widest
// entry: the columns fit whatever the language and the numbers' sizes
// ("1.065.454 req/s" under "1.339 req/s").
func writeFigures(b *strings.Builder, lines []figureLine) {
	labels, leads := 0, 0
	for _, l := range lines {
		labels = max(labels, utf8.RuneCountInString(l.label))
		leads = max(leads, utf8.RuneCountInString(l.lead))
	}
	for _, l := range lines {
		b.WriteString(l.label)
		b.WriteString(strings.Repeat(" ", labels-utf8.RuneCountInString(l.label)+2+leads-utf8.RuneCountInString(l.lead)))
		b.WriteString(l.text)
		b.WriteString("\n")
	}
}

// printer is p, or English for a nil p: the engine's texts are always
// written by a printer, so numbers read the same whoever asks.
func printer(p *locale.Printer) *locale.Printer {
	if p == nil {
		return locale.For(locale.English)
	}
	return p
}

// belowModel is how far under what the model expects a measurement must
// fall before the report says the CPUs it shares held it back: a bench of
// a few seconds, beside a γ measured in 300 ms, comes out a few percent
// either side of the model from one run to the next.
const belowModel = 0.9

// cpusHeldBack reports whether the local workers' cores and the bench
// itself need more CPUs than there are here, and the measurement fell
// below what the model expects because of it: X(N), or the offered load
// when that is lower.
func (r *BenchReport) cpusHeldBack() bool {
	if r.Local == 0 || r.localCores()+1 <= r.CPUs {
		return false
	}
	expected := r.Predicted
	if rate := r.Plan.Rate; rate > 0 && rate < expected {
		expected = rate
	}
	return r.Result.Throughput < belowModel*expected
}

func (r *BenchReport) localCores() int {
	if r.Plan.Mode == ScaleUp && r.Local > 0 {
		return r.Plan.N
	}
	return r.Local
}

// roundDur keeps three significant figures or so.
func roundDur(d time.Duration) time.Duration {
	switch {
	case d >= 100*time.Millisecond:
		return d.Round(time.Millisecond)
	case d >= 10*time.Millisecond:
		return d.Round(100 * time.Microsecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}
