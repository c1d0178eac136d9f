package scale

import (
	"context"
	"errors"
	"math"
	"net"
	"strings"
	"testing"
	"time"
)

func TestBenchClosedLoop(t *testing.T) {
	checkLeaks(t)
	a, b := startWorker(t, 200), startWorker(t, 200)
	r, err := Bench(context.Background(), BenchConfig{
		Addrs: []string{a.Addr(), b.Addr()}, Duration: 500 * time.Millisecond, Rounds: 200,
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.OK < 50 || r.Errors != 0 || r.FirstError != "" {
		t.Fatalf("%d ok, %d errors (%s)", r.OK, r.Errors, r.FirstError)
	}
	if !within(r.Throughput, float64(r.OK)/0.5, 0.01) || r.Elapsed != 500*time.Millisecond {
		t.Errorf("throughput %.0f req/s for %d in %v", r.Throughput, r.OK, r.Elapsed)
	}
	// Round robin: each worker gets half, give or take the requests in flight.
	if d := int64(r.PerWorker[0].OK) - int64(r.PerWorker[1].OK); d < -4 || d > 4 {
		t.Errorf("round robin split %d / %d", r.PerWorker[0].OK, r.PerWorker[1].OK)
	}
	if p50, p99 := r.P50(), r.P99(); p50 <= 0 || p99 < p50 || r.Latency.Max() < p99 || r.Latency.Count() != r.OK {
		t.Errorf("latency p50 %v p99 %v max %v, %d samples", p50, p99, r.Latency.Max(), r.Latency.Count())
	}
	a.Close()
	b.Close()
	if a.Served()+b.Served() < r.OK {
		t.Errorf("workers served %d, bench counted %d", a.Served()+b.Served(), r.OK)
	}
}

func TestBenchOpenLoop(t *testing.T) {
	checkLeaks(t)
	w := startWorker(t, 10)
	r, err := Bench(context.Background(), BenchConfig{
		Addrs: []string{w.Addr()}, Duration: time.Second, Rate: 400, Rounds: 10, Seed: 3,
	})
	if err != nil {
		t.Fatal(err)
	}
	if !within(r.Throughput, 400, 0.2) || r.Errors != 0 || r.Dropped != 0 {
		t.Errorf("%.0f req/s of 400 offered, %d errors, %d dropped", r.Throughput, r.Errors, r.Dropped)
	}
}

// A worker running other rounds gives other digests: the bench says so.
func TestBenchWrongRounds(t *testing.T) {
	checkLeaks(t)
	w := startWorker(t, 10)
	r, err := Bench(context.Background(), BenchConfig{Addrs: []string{w.Addr()}, Duration: 200 * time.Millisecond, Rounds: 11})
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors == 0 || !strings.Contains(r.FirstError, "11 rounds") {
		t.Errorf("%d errors, first %q", r.Errors, r.FirstError)
	}
}

// A worker that is not there costs errors, not the bench: the others
// are measured, and it ends on time.
func TestBenchDeadWorker(t *testing.T) {
	checkLeaks(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := ln.Addr().String()
	ln.Close()
	w := startWorker(t, 10)
	start := time.Now()
	r, err := Bench(context.Background(), BenchConfig{Addrs: []string{w.Addr(), dead}, Duration: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v", took)
	}
	if r.PerWorker[0].OK == 0 || r.PerWorker[1].Errors == 0 || r.PerWorker[1].OK != 0 || r.FirstError == "" {
		t.Errorf("per worker %+v, first error %q", r.PerWorker, r.FirstError)
	}
	// The health check: after its first failures the dead worker gets no
	// more requests for healthPause, so it costs a few errors, not half
	// of every client's time.
	if e := r.PerWorker[1].Errors; e > 4 {
		t.Errorf("the dead worker was tried %d times in 500ms", e)
	}
}

// A worker that hangs (its kernel accepts, nothing answers) is caught by
// the request timeout and then skipped: the live worker carries the run.
func TestBenchHungWorker(t *testing.T) {
	checkLeaks(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var held []net.Conn
	accepted := make(chan struct{})
	go func() {
		defer close(accepted)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	defer func() {
		ln.Close()
		<-accepted
		for _, c := range held {
			c.Close()
		}
	}()
	w := startWorker(t, 10)
	start := time.Now()
	r, err := Bench(context.Background(), BenchConfig{Addrs: []string{ln.Addr().String(), w.Addr()},
		Duration: time.Second, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("took %v", took)
	}
	hung, live := r.PerWorker[0], r.PerWorker[1]
	if hung.OK != 0 || hung.Errors == 0 || hung.Errors > 8 || live.OK < 100 {
		t.Errorf("hung %+v, live %+v", hung, live)
	}
}

func TestBenchCancel(t *testing.T) {
	checkLeaks(t)
	w := startWorker(t, 1000)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	r, err := Bench(ctx, BenchConfig{Addrs: []string{w.Addr()}, Duration: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 3*time.Second || r.Elapsed > time.Second {
		t.Errorf("cancelled after 200ms, returned after %v (elapsed %v)", took, r.Elapsed)
	}
	// An infinite rate never let the open loop end, not even cancelled.
	for _, rate := range []float64{-1, math.NaN(), math.Inf(1), MaxRate + 1} {
		if _, err := Bench(ctx, BenchConfig{Addrs: []string{w.Addr()}, Rate: rate}); err == nil {
			t.Errorf("rate %g accepted", rate)
		}
	}
	if _, err := Bench(ctx, BenchConfig{}); !errors.Is(err, ErrNoWorkers) {
		t.Errorf("no addresses: %v", err)
	}
}

// RunBench end to end at small scale, with in-process workers joined as
// remote ones.
func TestRunBenchRemote(t *testing.T) {
	checkLeaks(t)
	a, b := startWorker(t, 300), startWorker(t, 300)
	var log strings.Builder
	rep, err := RunBench(context.Background(), BenchPlan{
		Mode: ScaleOut, Remote: []string{a.Addr(), b.Addr()}, Duration: 400 * time.Millisecond, Rounds: 300, Log: &log,
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Units != 2 || rep.Local != 0 || !rep.Measured || rep.Gamma <= 0 {
		t.Errorf("report %+v", rep)
	}
	m, _ := Preset(Published)
	m.Gamma = rep.Gamma
	if !within(rep.Predicted, m.X(2), 1e-9) || !within(rep.Ideal, 2*rep.Gamma, 1e-9) {
		t.Errorf("predicted %.0f, ideal %.0f for γ %.0f", rep.Predicted, rep.Ideal, rep.Gamma)
	}
	out := rep.String()
	for _, want := range []string{"2 remote workers", " req/s", "measured", "model", "X(2)", "p50", "p99", "per worker"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(log.String(), "measuring one core") {
		t.Errorf("log: %q", log.String())
	}
	if rep.Result.OK == 0 || rep.Result.Errors != 0 {
		t.Errorf("%d ok, %d errors: %s", rep.Result.OK, rep.Result.Errors, rep.Result.FirstError)
	}
	if _, err := RunBench(context.Background(), BenchPlan{Mode: ScaleOut}); !errors.Is(err, ErrNoWorkers) {
		t.Errorf("nothing to bench: %v", err)
	}
	if _, err := RunBench(context.Background(), BenchPlan{Mode: ScaleUp, N: 2}); err == nil {
		t.Error("local workers without a binary")
	}
}

func TestCalibrate(t *testing.T) {
	g := Calibrate(100, 20*time.Millisecond)
	if g <= 0 {
		t.Fatalf("γ = %v", g)
	}
	if g2 := Calibrate(1000, 20*time.Millisecond); !(g2 < g) {
		t.Errorf("ten times the rounds: %.0f req/s vs %.0f", g2, g)
	}
}

// The timeout a bench picks is ten times what an answer waits for: longer
// for heavy requests, and for local cores that take turns on fewer CPUs,
// so that a slow worker is not taken for a hung one.
func TestDefaultTimeout(t *testing.T) {
	for _, c := range []struct {
		gamma       float64
		cores, cpus int
		want        time.Duration
	}{
		{1000, 2, 8, time.Second},               // 20 ms of work: the floor
		{10, 1, 8, 2 * time.Second},             // 2 requests of 100 ms, times 10
		{1000, 256, 2, 2560 * time.Millisecond}, // 128 cores a CPU: 256 requests' work
		{1000, 0, 2, time.Second},               // remote workers only
	} {
		if got := defaultTimeout(c.gamma, c.cores, c.cpus); got != c.want {
			t.Errorf("defaultTimeout(%g, %d, %d) = %v, want %v", c.gamma, c.cores, c.cpus, got, c.want)
		}
	}
}

// --up has a limit: past MaxUp cores the bench does not start.
func TestRunBenchMaxUp(t *testing.T) {
	_, err := RunBench(context.Background(), BenchPlan{Mode: ScaleUp, N: MaxUp + 1, Exe: "/nonexistent"})
	if err == nil || !strings.Contains(err.Error(), "257 cores, want 1..256") {
		t.Errorf("%d cores: %v", MaxUp+1, err)
	}
}

// --out has a limit too, local and remote workers together: each local
// worker is a process.
func TestRunBenchMaxOut(t *testing.T) {
	_, err := RunBench(context.Background(), BenchPlan{Mode: ScaleOut, N: MaxOut, Remote: []string{"127.0.0.1:1"}, Exe: "/nonexistent"})
	if err == nil || !strings.Contains(err.Error(), "257 workers, want at most 256") {
		t.Errorf("%d workers: %v", MaxOut+1, err)
	}
}
