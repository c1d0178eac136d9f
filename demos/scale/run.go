package scale

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strconv"
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

// ConnsPerCore is how many connections a bench opens for each core it
// loads, a local core or a remote worker: two keep a core busy while an
// answer travels back and the next request comes.
const ConnsPerCore = 2

// MaxUp is the most cores a scale-up bench gives its one worker. A bench
// opens ConnsPerCore connections a core, and at 256 cores their 512 file
// descriptors stay within the 1,024 a process is commonly allowed (ulimit
// -n), in the bench and in the worker alike, even where Go cannot raise
// that limit. No laptop in a classroom has that many cores: the published
// fit peaks at 36, and past the CPUs here the cores only take turns.
const MaxUp = 256

// MaxOut is the most workers a scale-out bench loads, local and remote
// together: the same budget of connections as MaxUp's, and each local
// worker is a process of its own (--out 100000 was that many processes).
const MaxOut = MaxUp

// RunBench calibrates, starts the local workers, runs the bench, stops
// the workers it started (always, and waits for them) and reports.
func RunBench(ctx context.Context, plan BenchPlan) (*BenchReport, error) {
	if plan.Mode != ScaleUp && plan.Mode != ScaleOut {
		return nil, locale.Errorf("scale: bench mode %d", int(plan.Mode))
	}
	if plan.N < 0 || plan.N == 0 && len(plan.Remote) == 0 {
		return nil, ErrNoWorkers
	}
	if plan.Mode == ScaleUp && plan.N > MaxUp {
		return nil, locale.Errorf("scale: %d cores, want 1..%d", plan.N, MaxUp)
	}
	if plan.Mode == ScaleOut && plan.N+len(plan.Remote) > MaxOut {
		return nil, locale.Errorf("scale: %d workers, want at most %d", plan.N+len(plan.Remote), MaxOut)
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
		conns = append(conns, ConnsPerCore*plan.N)
	default:
		logf(p.T("starting %d workers with GOMAXPROCS=1…", plan.N))
		for range plan.N {
			if err := start(1); err != nil {
				return nil, err
			}
			conns = append(conns, ConnsPerCore)
		}
	}
	rep.Local = len(procs)
	rep.Workers = append(rep.Workers, plan.Remote...)
	rep.Units = plan.N + len(plan.Remote)
	m := plan.Model
	m.Gamma = rep.Gamma
	rep.Predicted, rep.Ideal = m.X(float64(rep.Units)), rep.Gamma*float64(rep.Units)

	timeout := plan.Timeout
	if timeout <= 0 {
		timeout = defaultTimeout(rep.Gamma, rep.localCores(), rep.CPUs)
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

// defaultTimeout is how long a request may go unanswered when the bench
// was not told: ten times what an answer waits for in a closed loop, at
// least a second. Each core has ConnsPerCore requests outstanding, so an
// answer waits for ConnsPerCore requests' work, 1/γ each; and when the
// local workers have more cores than there are CPUs here, their cores take
// turns, and it waits cores/CPUs times as long. A shorter timeout would
// take a worker that is only slow for a hung one, and fail its requests.
func defaultTimeout(gamma float64, localCores, cpus int) time.Duration {
	turns := 1.0
	if cpus > 0 && localCores > cpus {
		turns = float64(localCores) / float64(cpus)
	}
	wait := ConnsPerCore * turns / gamma
	return max(time.Second, time.Duration(10*wait*float64(time.Second)))
}
