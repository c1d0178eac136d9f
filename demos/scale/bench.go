package scale

import (
	"context"
	"math/rand/v2"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"distlab/demos/locale"
)

// BenchConfig sets up a load test of running workers.
type BenchConfig struct {
	// Addrs are the workers. Requests go to them round robin: the bench
	// is the load balancer, on the client side.
	Addrs []string
	// Conns are the connections to each worker (a worker serves its
	// connections in parallel, one request at a time on each); default 2
	// each. Closed loop, they are also how many requests are outstanding.
	Conns []int
	// Duration of the test; default 5s.
	Duration time.Duration
	// Rate is the offered load in requests a second, as Poisson arrivals;
	// a request that finds its worker's backlog full is dropped. 0 runs a
	// closed loop instead: each client sends its next request when the
	// answer to the last one comes, as fast as the workers go.
	Rate float64
	// Rounds, if set, is what the workers should be running: the first
	// answer on every connection is checked against WorkHex.
	Rounds int
	// Seed of the open loop's arrival times.
	Seed uint64
	// DialTimeout for each connection; default 3s.
	DialTimeout time.Duration
	// Timeout for one request's answer; default 1s. A worker that hangs
	// (stopped, swapping) keeps its connections open: only this tells.
	// Too short, and a worker merely slowed by a queue is taken for dead.
	Timeout time.Duration
}

// MaxRate bounds BenchConfig.Rate: a thousand times what one core serves
// at DefaultRounds. One goroutine makes the arrivals, and far past what
// the workers can take it only counts the requests it drops.
const MaxRate = 1_000_000

// healthPause is how long a worker that failed a request gets no more,
// but for one probe after it: the health check of a real balancer. Without
// it, round robin would keep sending a dead worker its share, and every
// client would spend its time on failures.
const healthPause = time.Second

// BenchResult is what a load test measured.
type BenchResult struct {
	Elapsed    time.Duration
	OK         uint64 // answers received within Duration
	Errors     uint64 // connection errors, "ERR" lines and wrong answers
	Dropped    uint64 // open loop: requests the backlog had no room for, or whose worker failed first
	Throughput float64
	Latency    Hist // of the OK answers, from when each request was due
	PerWorker  []WorkerResult
	// FirstErr is the first failure, which a printer shows in the
	// reader's language (a system's error stays as the system wrote it);
	// FirstError is its English text.
	FirstErr   error
	FirstError string
}

// WorkerResult is one worker's share.
type WorkerResult struct {
	Addr       string
	OK, Errors uint64
}

// P50, P90, P99 are latency percentiles.
func (r *BenchResult) P50() time.Duration { return r.Latency.Quantile(0.5) }
func (r *BenchResult) P90() time.Duration { return r.Latency.Quantile(0.9) }
func (r *BenchResult) P99() time.Duration { return r.Latency.Quantile(0.99) }

// job is one request on its way to a worker.
type job struct {
	n     uint64
	due   time.Time     // when it should have been sent: latency counts from here
	done  chan struct{} // closed loop: told when answered; nil in the open loop
	probe bool          // sent to a worker that failed, to see if it is back
}

// target is one worker and its connections.
type target struct {
	addr       string
	jobs       chan job
	ok, errors atomic.Uint64
	downUntil  atomic.Int64 // unix nanoseconds: skipped until then
	suspect    atomic.Bool  // failed, and not answered since
}

func (t *target) down(now time.Time) bool { return now.UnixNano() < t.downUntil.Load() }

// benchRun is the state of one Bench call.
type benchRun struct {
	cfg      BenchConfig
	end      time.Time // the Duration's end
	targets  []*target
	dropped  atomic.Uint64
	next     atomic.Uint64 // request numbers, and the round-robin position
	mu       sync.Mutex    // guards lat, firstErr, conns
	lat      Hist
	firstErr error
	conns    map[net.Conn]struct{}
	stopping bool
	done     <-chan struct{} // closed at the end of the run, or when it is cancelled
}

// ErrNoWorkers is returned by Bench without addresses.
var ErrNoWorkers = locale.Errorf("scale: no workers to benchmark")

// Bench load-tests the workers at cfg.Addrs and waits for its goroutines
// and connections to end before returning. Cancelling ctx ends it early,
// with what was measured so far.
func Bench(ctx context.Context, cfg BenchConfig) (*BenchResult, error) {
	if len(cfg.Addrs) == 0 {
		return nil, ErrNoWorkers
	}
	if cfg.Duration <= 0 {
		cfg.Duration = 5 * time.Second
	}
	if cfg.DialTimeout <= 0 {
		cfg.DialTimeout = 3 * time.Second
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = time.Second
	}
	if !(cfg.Rate >= 0 && cfg.Rate <= MaxRate) { // NaN too; an infinite rate never let the open loop end
		return nil, locale.Errorf("scale: rate %g req/s", cfg.Rate)
	}
	b := &benchRun{cfg: cfg, conns: map[net.Conn]struct{}{}}
	start := time.Now()
	b.end = start.Add(cfg.Duration)
	ctx, cancel := context.WithDeadline(ctx, b.end)
	defer cancel()
	b.done = ctx.Done()

	var workers, producers sync.WaitGroup
	total := 0
	for i, addr := range cfg.Addrs {
		conns := 2
		if i < len(cfg.Conns) && cfg.Conns[i] > 0 {
			conns = cfg.Conns[i]
		}
		total += conns
		backlog := conns
		if cfg.Rate > 0 {
			backlog = max(conns, 1024)
		}
		t := &target{addr: addr, jobs: make(chan job, backlog)}
		b.targets = append(b.targets, t)
		for range conns {
			workers.Go(func() { b.connLoop(t) })
		}
	}
	if cfg.Rate > 0 {
		producers.Go(func() { b.openLoop(ctx) })
	} else {
		for range total {
			producers.Go(func() { b.client(ctx) })
		}
	}
	// Unblock reads and writes when the run is cancelled early.
	stop := context.AfterFunc(ctx, func() {
		if ctx.Err() == context.Canceled {
			b.closeConns()
		}
	})
	producers.Wait()
	for _, t := range b.targets {
		close(t.jobs)
	}
	workers.Wait()
	stop()

	r := &BenchResult{Elapsed: min(time.Since(start), cfg.Duration), Dropped: b.dropped.Load(), FirstErr: b.firstErr}
	if b.firstErr != nil {
		r.FirstError = b.firstErr.Error()
	}
	r.Latency = b.lat
	for _, t := range b.targets {
		w := WorkerResult{Addr: t.addr, OK: t.ok.Load(), Errors: t.errors.Load()}
		r.OK += w.OK
		r.Errors += w.Errors
		r.PerWorker = append(r.PerWorker, w)
	}
	if r.Elapsed > 0 {
		r.Throughput = float64(r.OK) / r.Elapsed.Seconds()
	}
	return r, nil
}

// pick is the next worker, round robin, passing over those that failed
// within healthPause (all of them down: the next in turn). A worker that
// failed and whose pause is over gets one request, a probe, and no other
// until it answers or the probe times out.
func (b *benchRun) pick() (t *target, n uint64, probe bool) {
	n = b.next.Add(1) - 1
	now := time.Now()
	for i := range uint64(len(b.targets)) {
		if t := b.targets[(n+i)%uint64(len(b.targets))]; !t.down(now) {
			if t.suspect.Load() {
				t.downUntil.Store(now.Add(b.cfg.Timeout + healthPause).UnixNano())
				return t, n, true
			}
			return t, n, false
		}
	}
	return b.targets[n%uint64(len(b.targets))], n, true
}

// client is one closed-loop client: a request, wait for it, the next.
func (b *benchRun) client(ctx context.Context) {
	done := make(chan struct{}, 1)
	for ctx.Err() == nil {
		t, n, probe := b.pick()
		select {
		case t.jobs <- job{n: n, due: time.Now(), done: done, probe: probe}:
		case <-ctx.Done():
			return
		}
		<-done // every job taken is answered, failed or skipped
	}
}

// openLoop sends requests at Poisson arrival times, whether or not the
// workers keep up.
func (b *benchRun) openLoop(ctx context.Context) {
	rng := rand.New(rand.NewPCG(b.cfg.Seed, 0x6265_6e63_68))
	start := time.Now()
	var at time.Duration // the next arrival, since start
	for {
		now := time.Since(start)
		for at <= now {
			t, n, probe := b.pick()
			select {
			case t.jobs <- job{n: n, due: start.Add(at), probe: probe}:
			default:
				b.dropped.Add(1)
			}
			at += time.Duration(rng.ExpFloat64() / b.cfg.Rate * 1e9)
		}
		timer := time.NewTimer(at - now)
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		}
	}
}

// Calibrate measures γ here: requests of rounds a second on one core,
// in this process, over about d.
func Calibrate(rounds int, d time.Duration) float64 {
	Work(0, rounds) // warm up
	start := time.Now()
	n := 0
	for time.Since(start) < d || n < 3 {
		Work(uint64(n), rounds)
		n++
	}
	return float64(n) / time.Since(start).Seconds()
}
