package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"distlab/demos/chat"
	"distlab/demos/locale"
	"distlab/demos/scale"
)

func newScaleCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "scale",
		Short: g.p.T("The scale-up vs scale-out demo on the command line: the USL model, real workers, a load test"),
	}
	cmd.AddCommand(newScaleModelCmd(g), newScaleWorkerCmd(g), newScaleBenchCmd(g))
	return cmd
}

// scaleError is an error of the scale commands in the CLI's language; it
// wraps the errors among its arguments (errors.Is sees through it).
type scaleError struct {
	p   *locale.Printer
	err error
}

func (e scaleError) Error() string { return e.p.Err(e.err) }
func (e scaleError) Unwrap() error { return e.err }

// scaleErr is err printed in p's language (nil stays nil).
func scaleErr(p *locale.Printer, err error) error {
	if err == nil {
		return nil
	}
	return scaleError{p, err}
}

// scaleErrorf makes an error printed in p's language (see locale.Errorf).
func scaleErrorf(p *locale.Printer, format string, args ...any) error {
	return scaleError{p, locale.Errorf(format, args...)}
}

func newScaleModelCmd(g *globals) *cobra.Command {
	p := g.p
	var (
		preset, ns, replicas string
		gamma, alpha, beta   float64
		t                    = scale.ModelTable{Avail: 0.99, LBAvail: 0.9999, Cost: scale.DefaultCost()}
	)
	presets := strings.Join(scale.PresetNames(), ", ")
	cmd := &cobra.Command{
		Use:   "model",
		Short: p.T("Print the Universal Scalability Law's throughput for a range of N, its peak and ceiling, and availability"),
		Long: p.T("Print X(N) = γN / (1 + α(N−1) + βN(N−1)) for a range of N (cores or nodes), with the\n"+
			"speedup, the efficiency, the peak N* = sqrt((1−α)/β) and the ceiling γ/α; then what one\n"+
			"machine's availability becomes with n replicas behind a load balancer.\n\n"+
			"Start from a preset (%s) and change any of γ, α, β.\n"+
			"Costs and availabilities are assumptions, set by flags, not facts.", presets),
		Example: "  distlab scale model\n" +
			"  distlab scale model --preset contention --n 1..64\n" +
			"  distlab scale model --alpha 0.05 --beta 0.0001 --n 1,10,100,1000\n" +
			"  distlab scale model --avail 0.995 --replicas 1,2,3",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			m, ok := scale.Preset(preset)
			if !ok {
				return scaleErrorf(p, "--preset %q: want one of %s", preset, presets)
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
				return scaleErr(p, err)
			}
			t.Model = m
			var err error
			if t.Ns, err = scale.ParseNs(ns); err != nil {
				return scaleErrorf(p, "--n: %w", err)
			}
			if t.Replicas, err = scale.ParseNs(replicas); err != nil {
				return scaleErrorf(p, "--replicas: %w", err)
			}
			for _, a := range []struct {
				name string
				v    float64
			}{{"avail", t.Avail}, {"lb-avail", t.LBAvail}} {
				if !(a.v > 0 && a.v <= 1) {
					return scaleErrorf(p, "--%s %g: want an availability in (0, 1]", a.name, a.v)
				}
			}
			for _, c := range []struct {
				name string
				v    float64
			}{{"cost-core", t.Cost.PerCore}, {"cost-exp", t.Cost.Exponent}, {"cost-lb", t.Cost.Balancer}} {
				if !(c.v >= 0) || math.IsInf(c.v, 1) { // a negative price printed "$-0.05"
					return scaleErrorf(p, "--%s %s: want 0 or more", c.name, f.Lookup(c.name).Value.String())
				}
			}
			return t.Print(cmd.OutOrStdout(), p)
		},
	}
	f := cmd.Flags()
	f.StringVar(&preset, "preset", scale.Published, p.T("model to start from: %s", presets))
	f.Float64Var(&gamma, "gamma", 0, p.T("γ: throughput of one unit, req/s (default: the preset's)"))
	f.Float64Var(&alpha, "alpha", 0, p.T("α: contention, 0..1 (default: the preset's)"))
	f.Float64Var(&beta, "beta", 0, p.T("β: crosstalk, ≥ 0; 0 is Amdahl's law (default: the preset's)"))
	f.StringVar(&ns, "n", "1,2,4,8,16,32,64,128", p.T("the N to print: numbers and ranges, e.g. 1..64 or 1,10,100 (the peak is added)"))
	f.Float64Var(&t.Avail, "avail", t.Avail, p.T("assumed availability of one machine"))
	f.Float64Var(&t.LBAvail, "lb-avail", t.LBAvail, p.T("assumed availability of the load balancer"))
	f.StringVar(&replicas, "replicas", "1,2,3,5", p.T("replica counts for the availability figures"))
	f.Float64Var(&t.Cost.PerCore, "cost-core", t.Cost.PerCore, p.T("assumed price of a one-core machine, per hour"))
	f.Float64Var(&t.Cost.Exponent, "cost-exp", t.Cost.Exponent, p.T("a k-core machine costs cost-core·k^cost-exp (>1: big machines cost more per core)"))
	f.Float64Var(&t.Cost.Balancer, "cost-lb", t.Cost.Balancer, p.T("assumed price of the load balancer, per hour"))
	_ = cmd.RegisterFlagCompletionFunc("preset", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return scale.PresetNames(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func newScaleWorkerCmd(g *globals) *cobra.Command {
	p := g.p
	cfg := scale.WorkerConfig{Addr: "127.0.0.1:7000", Rounds: scale.DefaultRounds, MaxConns: scale.DefaultMaxConns}
	cmd := &cobra.Command{
		Use:   "worker",
		Short: p.T("Run a worker that burns CPU per request over TCP, for scale bench"),
		Long: p.T("Run a worker: for each line holding a number it computes a repeated SHA-256 (--rounds of it)\n"+
			"and answers with the hex digest, one line. Try it with: nc 127.0.0.1 7000, then type 42.\n\n"+
			"It listens on 127.0.0.1 unless --listen names another host; --listen 0.0.0.0:7000 lets other\n"+
			"machines use it: a classroom's laptops become a cluster for `distlab scale bench --workers`.\n"+
			"GOMAXPROCS=N in its environment limits it to N cores. Under load it prints every %s the\n"+
			"requests a second it served; idle, it says nothing.", p.Duration(scale.ReportEvery)),
		Example: "  distlab scale worker\n" +
			"  GOMAXPROCS=1 distlab scale worker --listen 0.0.0.0:7000",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			host, port, err := net.SplitHostPort(cfg.Addr)
			if err != nil {
				return scaleErrorf(p, "--listen %q: want HOST:PORT: %w", cfg.Addr, err)
			}
			if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
				return scaleErrorf(p, "--listen %q: want a port from 1 to 65535 (0: any free port)", cfg.Addr)
			}
			// StartWorker takes 0 rounds for the default: the flag, whose
			// default is shown, must not.
			if cfg.Rounds < 1 || cfg.Rounds > scale.MaxRounds {
				return scaleErrorf(p, "--rounds %d: want 1..%d", cfg.Rounds, scale.MaxRounds)
			}
			if cfg.MaxConns < 1 || cfg.MaxConns > scale.MaxMaxConns {
				return scaleErrorf(p, "--max-conns %d: want 1..%d connections", cfg.MaxConns, scale.MaxMaxConns)
			}
			if host == "" { // ":7000" means this machine only, not every interface
				cfg.Addr = net.JoinHostPort("127.0.0.1", port)
			}
			// Signals are caught before the listen line goes out: a bench may
			// interrupt the worker as soon as it has read it.
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			w, err := scale.StartWorker(cfg) // a port in use is said by locale.NetError: "porta 7000 em uso"
			if err != nil {
				return scaleErr(p, err)
			}
			out := cmd.OutOrStdout()
			// The first line is read by a bench that started this worker.
			fmt.Fprintln(out, scale.ListenLine(p, w.Addr(), runtime.GOMAXPROCS(0), w.Rounds()))
			if joins := chat.JoinAddrs(w.Addr()); len(joins) > 1 {
				fmt.Fprintln(out, p.T("join a bench from another machine with: --workers %s", joins[0]))
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
			// Under load, a line every few seconds with the requests a second served.
			reported := make(chan struct{})
			go func() {
				defer close(reported)
				w.Report(ctx, out, p, scale.ReportEvery)
			}()
			<-ctx.Done()
			<-reported
			err = w.Close()
			fmt.Fprintln(cmd.ErrOrStderr(), p.T("worker stopped after %d requests", w.Served()))
			return scaleErr(p, err)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Addr, "listen", cfg.Addr, p.T("HOST:PORT to listen on (port 0: any free port; 0.0.0.0: every interface)"))
	f.IntVar(&cfg.Rounds, "rounds", cfg.Rounds, p.T("SHA-256 rounds a request (1..%d); a bench's --rounds must match", scale.MaxRounds))
	f.IntVar(&cfg.MaxConns, "max-conns", cfg.MaxConns, p.T("connections served at once (1..%d); one more is answered %q and closed", scale.MaxMaxConns, scale.BusyPrefix+" …"))
	return cmd
}
