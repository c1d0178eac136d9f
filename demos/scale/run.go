package scale

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"time"

	"distlab/demos/locale"
)

// BenchPlan is a whole `distlab scale bench`: which workers to start,
// which to join, and the model to compare with.
type BenchPlan struct {
	// Mode is ScaleUp (one local worker with GOMAXPROCS=N) or ScaleOut
	// (N local workers with GOMAXPROCS=1).
	Mode Side
	N    int
	// Exe is the distlab binary that local workers run; needed when N > 0.
	Exe string
	// Remote workers join the pool as they are; the model counts each as
	// one core.
	Remote []string
	// Duration, Rate, Timeout and Rounds are as in BenchConfig and
	// WorkerConfig; a Timeout of 0 is 1s, or the time of 20 requests on
	// one core when Rounds makes a request heavy.
	Duration time.Duration
	Rate     float64
	Timeout  time.Duration
	Rounds   int
	// Model gives α and β for the prediction. Its γ is replaced by one
	// core's rate measured in this process (Calibrate) unless Gamma is set.
	Model Model
	Gamma float64
	// Log, if set, hears what is being done ("starting 4 workers"), in
	// Printer's language (English when nil).
	Log     io.Writer
	Printer *locale.Printer
}

// BenchReport is a bench's measurement beside the model's prediction.
type BenchReport struct {
	Plan      BenchPlan
	Workers   []string // every worker's address, local ones first
	Local     int      // how many of them this bench started
	Units     int      // N in X(N): the local cores plus one per remote worker
	Gamma     float64  // one core's rate used for the model
	Measured  bool     // Gamma was measured here (not given)
	Predicted float64  // X(Units) with Gamma, α and β
	Ideal     float64  // γ·Units
	CPUs      int      // runtime.NumCPU() here
	Result    *BenchResult
}

// RunBench calibrates, starts the local workers, runs the bench, stops
// the workers it started (always, and waits for them) and reports.
func RunBench(ctx context.Context, plan BenchPlan) (*BenchReport, error) {
	if plan.Mode != ScaleUp && plan.Mode != ScaleOut {
		return nil, locale.Errorf("scale: bench mode %d", int(plan.Mode))
	}
	if plan.N < 0 || plan.N == 0 && len(plan.Remote) == 0 {
		return nil, ErrNoWorkers
	}
	if plan.N > 0 && plan.Exe == "" {
		return nil, locale.Errorf("scale: no binary to start local workers with")
	}
	if plan.Rounds == 0 {
		plan.Rounds = DefaultRounds
	}
	if plan.Model == (Model{}) {
		plan.Model, _ = Preset(Published)
	}
	p := printer(plan.Printer)
	logf := func(line string) {
		if plan.Log != nil {
			fmt.Fprintln(plan.Log, line)
		}
	}
	rep := &BenchReport{Plan: plan, CPUs: runtime.NumCPU(), Gamma: plan.Gamma}
	if rep.Gamma <= 0 {
		logf(p.T("measuring one core: %d SHA-256 rounds a request…", plan.Rounds))
		rep.Gamma, rep.Measured = Calibrate(plan.Rounds, 300*time.Millisecond), true
	}

	var procs []*Process
	defer func() {
		for _, p := range procs {
			p.Stop()
		}
	}()
	start := func(gomaxprocs int) error {
		p, err := StartProcess(ctx, plan.Exe, gomaxprocs, plan.Rounds)
		if err != nil {
			return err
		}
		procs = append(procs, p)
		rep.Workers = append(rep.Workers, p.Addr())
		return nil
	}
	conns := []int{}
	switch {
	case plan.N == 0:
	case plan.Mode == ScaleUp:
		logf(p.T("starting 1 worker with GOMAXPROCS=%s…", strconv.Itoa(plan.N)))
		if err := start(plan.N); err != nil {
			return nil, err
		}
		conns = append(conns, 2*plan.N)
	default:
		logf(p.T("starting %d workers with GOMAXPROCS=1…", plan.N))
		for range plan.N {
			if err := start(1); err != nil {
				return nil, err
			}
			conns = append(conns, 2)
		}
	}
	rep.Local = len(procs)
	rep.Workers = append(rep.Workers, plan.Remote...)
	rep.Units = plan.N + len(plan.Remote)
	m := plan.Model
	m.Gamma = rep.Gamma
	rep.Predicted, rep.Ideal = m.X(float64(rep.Units)), rep.Gamma*float64(rep.Units)

	timeout := plan.Timeout
	if timeout <= 0 { // each core has 2 connections: an answer may wait for 2 requests' work
		timeout = max(time.Second, time.Duration(20/rep.Gamma*float64(time.Second)))
	}
	logf(p.T("load testing %d workers for %s…", len(rep.Workers), p.Duration(plan.Duration)))
	res, err := Bench(ctx, BenchConfig{
		Addrs: rep.Workers, Conns: conns, Duration: plan.Duration, Rate: plan.Rate, Rounds: plan.Rounds, Seed: 1,
		Timeout: timeout,
	})
	if err != nil {
		return nil, err
	}
	rep.Result = res
	for _, p := range procs {
		if err := p.Stop(); err != nil {
			return rep, locale.Errorf("worker %s: %w", p.Addr(), err)
		}
	}
	procs = nil
	return rep, nil
}

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
	b.WriteString(p.T("measured  %6.0f req/s   latency p50 %s  p90 %s  p99 %s  max %s\n",
		res.Throughput, d(res.P50()), d(res.P90()), d(res.P99()), d(res.Latency.Max())))
	b.WriteString(p.T("          %d answered", res.OK))
	if res.Errors > 0 {
		first := res.FirstError
		if res.FirstErr != nil {
			first = p.Err(res.FirstErr)
		}
		b.WriteString(p.T(", %d errors (first: %s)", res.Errors, first))
	}
	if res.Dropped > 0 {
		b.WriteString(p.T(", %d dropped (backlog full)", res.Dropped))
	}
	b.WriteString("\n")
	how := p.T("given")
	if r.Measured {
		how = p.T("one core, measured in this process")
	}
	b.WriteString(p.T("model     %6.0f req/s   X(%d) with γ = %.0f req/s (%s), α = %.6g, β = %.6g (%s)\n",
		r.Predicted, r.Units, r.Gamma, how, pl.Model.Alpha, pl.Model.Beta, PresetTitle(p, pl.Model.Name)))
	b.WriteString(p.T("ideal     %6.0f req/s   γ·%d\n", r.Ideal, r.Units))
	switch {
	case pl.Rate > 0 && pl.Rate < r.Predicted:
		b.WriteString(p.T("the offered %.0f req/s is below the model's capacity: throughput should match it\n", pl.Rate))
	case r.Predicted > 0:
		b.WriteString(p.T("measured / model = %.2f\n", res.Throughput/r.Predicted))
	}
	if len(res.PerWorker) > 1 {
		b.WriteString("\n" + p.T("per worker:") + "\n")
		for _, w := range res.PerWorker {
			b.WriteString(p.T("  %-21s %6.0f req/s", w.Addr, float64(w.OK)/res.Elapsed.Seconds()))
			if w.Errors > 0 {
				b.WriteString(p.T("  %d errors", w.Errors))
			}
			b.WriteString("\n")
		}
	}
	if need := r.localCores() + 1; r.Local > 0 && need > r.CPUs {
		b.WriteString("\n" + p.T("note: the local workers' %d cores and the bench itself share %d CPUs here,\n"+
			"so the measurement flattens below the model: add machines with --workers.\n", r.localCores(), r.CPUs))
	}
	return b.String()
}

// printer is p, or English for a nil p: the engine's texts are always
// written by a printer, so numbers read the same whoever asks.
func printer(p *locale.Printer) *locale.Printer {
	if p == nil {
		return locale.For(locale.English)
	}
	return p
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
