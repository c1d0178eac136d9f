package main

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"distlab/demos/scale"
)

func newScaleBenchCmd(g *globals) *cobra.Command {
	p := g.p
	var (
		up, out, rounds int
		workers, preset string
		duration        time.Duration
		timeout         time.Duration
		rate            float64
	)
	cmd := &cobra.Command{
		Use:   "bench",
		Short: p.T("Measure scale up (one worker, N cores) or scale out (N one-core workers), beside the model"),
		Long: p.T("Start local workers and load-test them, then print throughput in req/s and latency\n" +
			"percentiles beside the Universal Scalability Law's prediction.\n\n" +
			"  --up N    one worker process with GOMAXPROCS=N: a bigger machine\n" +
			"  --out N   N worker processes with GOMAXPROCS=1, round robin from the bench: more machines\n\n" +
			"--workers adds running workers (distlab scale worker --listen 0.0.0.0:7000 on other\n" +
			"machines) to the pool; --out 0 uses only them. Without --rate the bench runs a closed loop,\n" +
			"as fast as the workers answer; with it, Poisson arrivals at R req/s.\n\n" +
			"The model's γ is one core's rate measured in this process; α and β come from --preset.\n" +
			"Each remote worker counts as one core in the model."),
		Example: "  distlab scale bench --up 2 --duration 3s\n" +
			"  distlab scale bench --out 2 --duration 3s\n" +
			"  distlab scale bench --out 0 --workers 192.168.0.11:7000,192.168.0.12:7000 --rate 1500",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := cmd.Flags()
			plan := scale.BenchPlan{Duration: duration, Rate: rate, Timeout: timeout, Rounds: rounds, Log: cmd.ErrOrStderr(), Printer: p}
			switch { // exactly one of --up and --out: the flag groups below check it
			case f.Changed("up"):
				if up < 1 || up > scale.MaxUp {
					return scaleErrorf(p, "--up %s: want 1..%d cores", strconv.Itoa(up), scale.MaxUp) // as typed: a flag, not a quantity
				}
				plan.Mode, plan.N = scale.ScaleUp, up
			default:
				if out < 0 || out > scale.MaxOut {
					return scaleErrorf(p, "--out %s: want 0..%d workers", strconv.Itoa(out), scale.MaxOut)
				}
				plan.Mode, plan.N = scale.ScaleOut, out
			}
			for a := range strings.SplitSeq(workers, ",") {
				if a = strings.TrimSpace(a); a == "" {
					continue
				}
				_, port, err := net.SplitHostPort(a)
				if err != nil {
					return scaleErrorf(p, "--workers %q: want HOST:PORT: %w", a, err)
				}
				if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
					return scaleErrorf(p, "--workers %q: want a port from 1 to 65535", a)
				}
				plan.Remote = append(plan.Remote, a)
			}
			if plan.Mode == scale.ScaleOut && plan.N+len(plan.Remote) > scale.MaxOut {
				return scaleErrorf(p, "--out %s and %d --workers: want at most %d workers in all", strconv.Itoa(plan.N), len(plan.Remote), scale.MaxOut)
			}
			if plan.N == 0 && len(plan.Remote) == 0 {
				return scaleErrorf(p, "--out 0 needs --workers: there is nothing to measure")
			}
			if duration <= 0 {
				return scaleErrorf(p, "--duration %s: want a duration above 0s, such as 5s", p.Duration(duration))
			}
			if !(rate >= 0 && rate <= scale.MaxRate) {
				return scaleErrorf(p, "--rate %s: want 0 (closed loop) to %d req/s", f.Lookup("rate").Value.String(), scale.MaxRate)
			}
			if timeout < 0 {
				return scaleErrorf(p, "--timeout %s: want 0s (the bench picks it) or more", p.Duration(timeout))
			}
			if rounds < 1 || rounds > scale.MaxRounds {
				return scaleErrorf(p, "--rounds %d: want 1..%d", rounds, scale.MaxRounds)
			}
			m, ok := scale.Preset(preset)
			if !ok {
				return scaleErrorf(p, "--preset %q: want one of %s", preset, strings.Join(scale.PresetNames(), ", "))
			}
			plan.Model = m
			if plan.N > 0 {
				exe, err := os.Executable()
				if err != nil {
					return scaleErrorf(p, "finding this program to start workers: %w", err)
				}
				plan.Exe = exe
			}
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			rep, err := scale.RunBench(ctx, plan)
			if rep != nil {
				fmt.Fprint(cmd.OutOrStdout(), "\n"+rep.Text(p))
			}
			if err != nil {
				return scaleErr(p, err)
			}
			if rep.Result.OK == 0 || rep.Result.Errors > 0 {
				return errQuiet{scaleErrorf(p, "requests failed")} // the report says which and why
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&up, "up", 0, p.T("scale up: one local worker with GOMAXPROCS=N (1..%d)", scale.MaxUp))
	f.IntVar(&out, "out", 0, p.T("scale out: N local workers with GOMAXPROCS=1 (0..256; 0: only --workers)"))
	f.StringVar(&workers, "workers", "", p.T("running workers to add to the pool, HOST:PORT comma-separated"))
	cmd.MarkFlagsOneRequired("up", "out")
	cmd.MarkFlagsMutuallyExclusive("up", "out")
	f.DurationVar(&duration, "duration", 5*time.Second, p.T("how long to measure"))
	f.DurationVar(&timeout, "timeout", 0, p.T("a request unanswered this long fails, and its worker is skipped for 1s: a hung worker is caught only this way (default: ten times what an answer should wait, at least 1s; longer for heavy --rounds or more local cores than CPUs)"))
	f.Float64Var(&rate, "rate", 0, p.T("offered load in req/s, Poisson arrivals, up to %d (0: closed loop, as fast as the workers go)", scale.MaxRate))
	f.IntVar(&rounds, "rounds", scale.DefaultRounds, p.T("SHA-256 rounds a request (1..%d): the work, for local workers and to check remote ones", scale.MaxRounds))
	f.StringVar(&preset, "preset", scale.Published, p.T("model for the prediction (α, β): %s", strings.Join(scale.PresetNames(), ", ")))
	_ = cmd.RegisterFlagCompletionFunc("preset", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return scale.PresetNames(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}
