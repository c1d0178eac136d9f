package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"distlab/demos/chat"
	"distlab/demos/scale"
)

func newScaleCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "scale",
		Short: "The scale-up vs scale-out demo on the command line: the USL model, real workers, a load test",
	}
	cmd.AddCommand(newScaleModelCmd(), newScaleWorkerCmd(), newScaleBenchCmd())
	return cmd
}

func newScaleModelCmd() *cobra.Command {
	var (
		preset, ns, replicas string
		gamma, alpha, beta   float64
		t                    = scale.ModelTable{Avail: 0.99, LBAvail: 0.9999, Cost: scale.DefaultCost()}
	)
	cmd := &cobra.Command{
		Use:   "model",
		Short: "Print the Universal Scalability Law's throughput for a range of N, its peak and ceiling, and availability",
		Long: "Print X(N) = γN / (1 + α(N−1) + βN(N−1)) for a range of N (cores or nodes), with the\n" +
			"speedup, the efficiency, the peak N* = sqrt((1−α)/β) and the ceiling γ/α; then what one\n" +
			"machine's availability becomes with n replicas behind a load balancer.\n\n" +
			"Start from a preset (" + strings.Join(scale.PresetNames(), ", ") + ") and change any of γ, α, β.\n" +
			"Costs and availabilities are assumptions, set by flags, not facts.",
		Example: "  distlab scale model\n" +
			"  distlab scale model --preset contention --n 1..64\n" +
			"  distlab scale model --alpha 0.05 --beta 0.0001 --n 1,10,100,1000\n" +
			"  distlab scale model --avail 0.995 --replicas 1,2,3",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, ok := scale.Preset(preset)
			if !ok {
				return fmt.Errorf("--preset %q: want one of %s", preset, strings.Join(scale.PresetNames(), ", "))
			}
			f := cmd.Flags()
			if f.Changed("gamma") || f.Changed("alpha") || f.Changed("beta") {
				if f.Changed("gamma") {
					m.Gamma = gamma
				}
				if f.Changed("alpha") {
					m.Alpha = alpha
				}
				if f.Changed("beta") {
					m.Beta = beta
				}
				m.Name = scale.Custom
			}
			if err := m.Validate(); err != nil {
				return err
			}
			t.Model = m
			var err error
			if t.Ns, err = scale.ParseNs(ns); err != nil {
				return fmt.Errorf("--n: %w", err)
			}
			if t.Replicas, err = scale.ParseNs(replicas); err != nil {
				return fmt.Errorf("--replicas: %w", err)
			}
			for name, a := range map[string]float64{"avail": t.Avail, "lb-avail": t.LBAvail} {
				if !(a > 0 && a <= 1) {
					return fmt.Errorf("--%s %v: want an availability in (0, 1]", name, a)
				}
			}
			_, err = t.WriteTo(cmd.OutOrStdout())
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&preset, "preset", scale.Published, "model to start from: "+strings.Join(scale.PresetNames(), ", "))
	f.Float64Var(&gamma, "gamma", 0, "γ: throughput of one unit, req/s (default: the preset's)")
	f.Float64Var(&alpha, "alpha", 0, "α: contention, 0..1 (default: the preset's)")
	f.Float64Var(&beta, "beta", 0, "β: crosstalk, ≥ 0; 0 is Amdahl's law (default: the preset's)")
	f.StringVar(&ns, "n", "1,2,4,8,16,32,64,128", "the N to print: numbers and ranges, e.g. 1..64 or 1,10,100 (the peak is added)")
	f.Float64Var(&t.Avail, "avail", t.Avail, "assumed availability of one machine")
	f.Float64Var(&t.LBAvail, "lb-avail", t.LBAvail, "assumed availability of the load balancer")
	f.StringVar(&replicas, "replicas", "1,2,3,5", "replica counts for the availability figures")
	f.Float64Var(&t.Cost.PerCore, "cost-core", t.Cost.PerCore, "assumed price of a one-core machine, per hour")
	f.Float64Var(&t.Cost.Exponent, "cost-exp", t.Cost.Exponent, "a k-core machine costs cost-core·k^cost-exp (>1: big machines cost more per core)")
	f.Float64Var(&t.Cost.Balancer, "cost-lb", t.Cost.Balancer, "assumed price of the load balancer, per hour")
	_ = cmd.RegisterFlagCompletionFunc("preset", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return scale.PresetNames(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func newScaleWorkerCmd() *cobra.Command {
	cfg := scale.WorkerConfig{Addr: "127.0.0.1:7000", Rounds: scale.DefaultRounds}
	cmd := &cobra.Command{
		Use:   "worker",
		Short: "Run a worker that burns CPU per request over TCP, for scale bench",
		Long: "Run a worker: for each line holding a number it computes a repeated SHA-256 (--rounds of it)\n" +
			"and answers with the hex digest, one line. Try it with: nc 127.0.0.1 7000, then type 42.\n\n" +
			"It listens on 127.0.0.1 unless --listen names another host; --listen 0.0.0.0:7000 lets other\n" +
			"machines use it: a classroom's laptops become a cluster for `distlab scale bench --workers`.\n" +
			"GOMAXPROCS=N in its environment limits it to N cores.",
		Example: "  distlab scale worker\n" +
			"  GOMAXPROCS=1 distlab scale worker --listen 0.0.0.0:7000",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			host, port, err := net.SplitHostPort(cfg.Addr)
			if err != nil {
				return fmt.Errorf("--listen %q: want HOST:PORT: %w", cfg.Addr, err)
			}
			if host == "" { // ":7000" means this machine only, not every interface
				cfg.Addr = net.JoinHostPort("127.0.0.1", port)
			}
			// Signals are caught before the listen line goes out: a bench may
			// interrupt the worker as soon as it has read it.
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			w, err := scale.StartWorker(cfg)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			// The first line is read by a bench that started this worker.
			fmt.Fprintln(out, scale.ListenLine(w.Addr(), runtime.GOMAXPROCS(0), w.Rounds()))
			if joins := chat.JoinAddrs(w.Addr()); len(joins) > 1 {
				fmt.Fprintf(out, "join a bench from another machine with: --workers %s\n", joins[0])
			}
			if os.Getenv(scale.WatchStdinEnv) == "1" {
				// Started by a bench: end with it, even if it dies without stopping us.
				var cancel context.CancelFunc
				ctx, cancel = context.WithCancel(ctx)
				defer cancel()
				go func() {
					_, _ = io.Copy(io.Discard, os.Stdin)
					cancel()
				}()
			}
			<-ctx.Done()
			err = w.Close()
			fmt.Fprintf(cmd.ErrOrStderr(), "worker stopped after %d requests\n", w.Served())
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Addr, "listen", cfg.Addr, "HOST:PORT to listen on (port 0: any free port; 0.0.0.0: every interface)")
	f.IntVar(&cfg.Rounds, "rounds", cfg.Rounds, fmt.Sprintf("SHA-256 rounds a request (1..%d); a bench's --rounds must match", scale.MaxRounds))
	return cmd
}

func newScaleBenchCmd() *cobra.Command {
	var (
		up, out, rounds int
		workers, preset string
		duration        time.Duration
		timeout         time.Duration
		rate            float64
	)
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure scale up (one worker, N cores) or scale out (N one-core workers), beside the model",
		Long: "Start local workers and load-test them, then print throughput in req/s and latency\n" +
			"percentiles beside the Universal Scalability Law's prediction.\n\n" +
			"  --up N    one worker process with GOMAXPROCS=N: a bigger machine\n" +
			"  --out N   N worker processes with GOMAXPROCS=1, round robin from the bench: more machines\n\n" +
			"--workers adds running workers (distlab scale worker --listen 0.0.0.0:7000 on other\n" +
			"machines) to the pool; --out 0 uses only them. Without --rate the bench runs a closed loop,\n" +
			"as fast as the workers answer; with it, Poisson arrivals at R req/s.\n\n" +
			"The model's γ is one core's rate measured in this process; α and β come from --preset.\n" +
			"Each remote worker counts as one core in the model.",
		Example: "  distlab scale bench --up 2 --duration 3s\n" +
			"  distlab scale bench --out 2 --duration 3s\n" +
			"  distlab scale bench --out 0 --workers 192.168.0.11:7000,192.168.0.12:7000 --rate 1500",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := cmd.Flags()
			plan := scale.BenchPlan{Duration: duration, Rate: rate, Timeout: timeout, Rounds: rounds, Log: cmd.ErrOrStderr()}
			switch { // exactly one of --up and --out: the flag groups below check it
			case f.Changed("up"):
				if up < 1 {
					return fmt.Errorf("--up %d: want at least 1 core", up)
				}
				plan.Mode, plan.N = scale.ScaleUp, up
			default:
				if out < 0 {
					return fmt.Errorf("--out %d: want 0 or more workers", out)
				}
				plan.Mode, plan.N = scale.ScaleOut, out
			}
			for a := range strings.SplitSeq(workers, ",") {
				if a = strings.TrimSpace(a); a == "" {
					continue
				}
				if _, _, err := net.SplitHostPort(a); err != nil {
					return fmt.Errorf("--workers %q: want HOST:PORT: %w", a, err)
				}
				plan.Remote = append(plan.Remote, a)
			}
			if plan.N == 0 && len(plan.Remote) == 0 {
				return errors.New("--out 0 needs --workers: there is nothing to measure")
			}
			if duration <= 0 || rate < 0 || timeout < 0 || rounds < 1 || rounds > scale.MaxRounds {
				return errors.New("--duration must be positive, --rate and --timeout 0 or more, --rounds 1.." + fmt.Sprint(scale.MaxRounds))
			}
			m, ok := scale.Preset(preset)
			if !ok {
				return fmt.Errorf("--preset %q: want one of %s", preset, strings.Join(scale.PresetNames(), ", "))
			}
			plan.Model = m
			if plan.N > 0 {
				exe, err := os.Executable()
				if err != nil {
					return fmt.Errorf("finding this program to start workers: %w", err)
				}
				plan.Exe = exe
			}
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			rep, err := scale.RunBench(ctx, plan)
			if rep != nil {
				fmt.Fprint(cmd.OutOrStdout(), "\n"+rep.String())
			}
			if err != nil {
				return err
			}
			if rep.Result.OK == 0 || rep.Result.Errors > 0 {
				return errQuiet{errors.New("requests failed")} // the report says which and why
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&up, "up", 0, "scale up: one local worker with GOMAXPROCS=N")
	f.IntVar(&out, "out", 0, "scale out: N local workers with GOMAXPROCS=1 (0: only --workers)")
	f.StringVar(&workers, "workers", "", "running workers to add to the pool, HOST:PORT comma-separated")
	cmd.MarkFlagsOneRequired("up", "out")
	cmd.MarkFlagsMutuallyExclusive("up", "out")
	f.DurationVar(&duration, "duration", 5*time.Second, "how long to measure")
	f.DurationVar(&timeout, "timeout", 0, "a request unanswered this long fails, and its worker is skipped for 1s: a hung worker is caught only this way (default 1s, longer when --rounds makes requests heavy)")
	f.Float64Var(&rate, "rate", 0, "offered load in req/s, Poisson arrivals (0: closed loop, as fast as the workers go)")
	f.IntVar(&rounds, "rounds", scale.DefaultRounds, "SHA-256 rounds a request: the work, for local workers and to check remote ones")
	f.StringVar(&preset, "preset", scale.Published, "model for the prediction (α, β): "+strings.Join(scale.PresetNames(), ", "))
	_ = cmd.RegisterFlagCompletionFunc("preset", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return scale.PresetNames(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}
