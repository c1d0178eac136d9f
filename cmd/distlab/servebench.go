package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"distlab/demos/locale"
	"distlab/tui"
	"distlab/tui/serve/load"
	"distlab/tui/serve/load/floor"
)

// benchFlags are distlab serve bench's flags.
type benchFlags struct {
	sessions          []int
	cfg               load.Config
	size, addr, floor string
	useFloor          bool
}

// newServeBenchCmd is distlab serve bench, a subcommand of serve.
func newServeBenchCmd(g *globals) *cobra.Command {
	p := g.p
	b := benchFlags{sessions: []int{load.DefaultSessions}, cfg: load.Config{
		Rate: load.DefaultRate, Keys: load.DefaultKeys, Typing: load.DefaultTyping, Idle: load.DefaultIdle,
	}, size: "100x30"}
	cmd := &cobra.Command{
		Use:   "bench",
		Short: p.T("Measure how many students this machine serves: SSH sessions typing at once, key to frame, CPU, memory"),
		Long: p.T("Open many SSH sessions at once, each with a PTY, type in all of them and measure key to frame\n" +
			"(p50, p90, p99, max), the server's CPU while they type and while they sit idle, and its memory\n" +
			"per session. Without --addr it starts its own server (distlab serve, or with --floor a\n" +
			"hello-world wish server) in another process, in a temporary folder, for each session count."),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			ctx, stop := untilSignal(cmd.Context())
			defer stop()
			if b.floor != "" {
				return runFloor(ctx, b.floor)
			}
			var err error
			if b.cfg.Width, b.cfg.Height, err = parseSize(b.size); err != nil {
				return g.errorf("--size %s: want columns x rows, at least 40x15", b.size)
			}
			if !finite(b.cfg.Rate) || b.cfg.Rate <= 0 {
				return g.errorf("--rate %g: want more than 0 keys a second", b.cfg.Rate)
			}
			if err := checkPositive(g, "typing", b.cfg.Typing, load.DefaultTyping); err != nil {
				return err
			}
			if err := checkPositive(g, "idle", b.cfg.Idle, load.DefaultIdle); err != nil {
				return err
			}
			for _, n := range b.sessions {
				if n < 1 {
					return g.errorf("--sessions %s: want at least 1", strconv.Itoa(n))
				}
			}
			return runBench(ctx, g, b, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.IntSliceVar(&b.sessions, "sessions", b.sessions, p.T("sessions at once; several `counts` (1,20,60) make one run each"))
	f.Float64Var(&b.cfg.Rate, "rate", b.cfg.Rate, p.T("keys a second in each session"))
	f.StringVar(&b.cfg.Keys, "keys", b.cfg.Keys, p.T("the `keys` typed in turn, each must change the screen (np: next and previous lesson)"))
	f.DurationVar(&b.cfg.Typing, "typing", b.cfg.Typing, p.T("how long the sessions type"))
	f.DurationVar(&b.cfg.Idle, "idle", b.cfg.Idle, p.T("how long the idle CPU is measured, every session connected and nobody typing"))
	f.StringVar(&b.size, "size", b.size, p.T("each session's terminal, columns x rows"))
	f.StringVar(&b.addr, "addr", "", p.T("a server already running, `host:port` (default: start one)"))
	f.StringVar(&b.cfg.Code, "code", "", p.T("that server's class `code`"))
	f.IntVar(&b.cfg.PID, "pid", 0, p.T("that server's process id, for its CPU and memory (Linux)"))
	f.BoolVar(&b.useFloor, "floor", false, p.T("start the floor, a hello-world wish server, instead of distlab serve"))
	f.StringVar(&b.floor, "run-floor", "", "")
	_ = f.MarkHidden("run-floor") // the floor's own process
	return cmd
}

// parseSize reads "100x30".
func parseSize(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w < 40 || h < 15 {
		return 0, 0, fmt.Errorf("size %q", s)
	}
	return w, h, nil
}

// runFloor serves the floor on addr until ctx ends.
func runFloor(ctx context.Context, addr string) error {
	s, err := floor.New(addr, tui.FrameRate)
	if err != nil {
		return err
	}
	return s.Serve(ctx)
}

// benchCode is the class code of a server the bench starts.
const benchCode = "bench-code"

// runBench makes one run for each session count and prints what each
// measured, then a table of them all.
func runBench(ctx context.Context, g *globals, b benchFlags, out io.Writer) error {
	p := g.p
	what := p.T("distlab serve")
	if b.useFloor {
		what = p.T("the floor")
	}
	var rows []benchRow
	for i, n := range b.sessions {
		cfg := b.cfg
		cfg.Sessions, cfg.Addr = n, b.addr
		where := b.addr
		stopServer := func() error { return nil }
		if b.addr == "" {
			var err error
			if stopServer, cfg, err = startServer(g, b.useFloor, cfg); err != nil {
				return err
			}
			where = p.T("%s, its own process (pid %s)", what, strconv.Itoa(cfg.PID))
		} else if i > 0 {
			time.Sleep(2 * time.Second) // the last run's students have left
		}
		fmt.Fprintln(out, p.T("%d sessions on %s, %dx%d, keys %q at %.1f a second each for %s", n, where, cfg.Width, cfg.Height, cfg.Keys, cfg.Rate, p.Duration(cfg.Typing)))
		res, err := load.Run(ctx, cfg)
		if serr := stopServer(); serr != nil && err == nil {
			err = serr
		}
		printResult(out, p, res, cfg)
		if err != nil {
			return err
		}
		rows = append(rows, benchRow{res: res, cfg: cfg})
	}
	if len(rows) > 1 {
		printTable(out, p, rows)
	}
	for _, r := range rows {
		if r.res.Up < r.res.Sessions {
			return g.errorf("only %d of %d sessions came up", r.res.Up, r.res.Sessions)
		}
	}
	return nil
}

// startServer starts distlab serve, or the floor, in a process of its own
// on a free loopback port, with its files in a new temporary folder, and
// returns cfg pointed at it and what stops it and removes the folder.
func startServer(g *globals, useFloor bool, cfg load.Config) (stop func() error, _ load.Config, err error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, cfg, err
	}
	dir, err := os.MkdirTemp("", "distlab-bench-")
	if err != nil {
		return nil, cfg, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	if cfg.Addr, err = load.FreeAddr(); err != nil {
		return nil, cfg, err
	}
	args := []string{"serve", "--listen", cfg.Addr, "--code", benchCode, "--max", strconv.Itoa(cfg.Sessions + 10), "--lang", "en"}
	if useFloor {
		args = []string{"serve", "bench", "--run-floor", cfg.Addr}
	} else if g.lessonsDir != "" {
		args = append(args, "--lessons", g.lessonsDir)
	}
	c := exec.Command(exe, args...)
	// The host key and the students' files go in the temporary folder.
	c.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "HOME="+dir)
	srv, err := load.Spawn(c, cfg.Addr, filepath.Join(dir, "server.log"), 30*time.Second)
	if err != nil {
		return nil, cfg, err
	}
	cfg.Code, cfg.PID = benchCode, srv.PID()
	return func() error {
		defer os.RemoveAll(dir)
		return srv.Stop(15 * time.Second)
	}, cfg, nil
}

// benchRow is one run, for the table.
type benchRow struct {
	res load.Result
	cfg load.Config
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// mb is n bytes in megabytes.
func mb(n int64) float64 { return float64(n) / (1 << 20) }

// printResult prints what one run measured.
func printResult(out io.Writer, p *locale.Printer, r load.Result, cfg load.Config) {
	benchLine(out, p, "sessions up: %d of %d; first screen p50 %.0f ms, max %.0f ms; the course on screen p50 %.0f ms, p99 %.0f ms, max %.0f ms",
		r.Up, r.Sessions, ms(r.FirstScreen.P50), ms(r.FirstScreen.Max), ms(r.Course.P50), ms(r.Course.P99), ms(r.Course.Max))
	for _, f := range r.Failures {
		benchLine(out, p, "not up: %s", f)
	}
	if r.Up == 0 {
		return
	}
	benchLine(out, p, "key to frame: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d keys, %d with no frame; first byte p50 %.1f ms, p99 %.1f ms)",
		ms(r.Keys.P50), ms(r.Keys.P90), ms(r.Keys.P99), ms(r.Keys.Max), r.Keys.N, r.Missed, ms(r.FirstByte.P50), ms(r.FirstByte.P99))
	if r.Bracketed < r.Up {
		benchLine(out, p, "%d of %d sessions had frames without brackets (mode 2026): timed by %s of quiet", r.Up-r.Bracketed, r.Up, p.Duration(load.DefaultGap))
	}
	if cfg.PID == 0 {
		benchLine(out, p, "no --pid: the server's CPU and memory are not measured")
		return
	}
	benchLine(out, p, "the server while typing: %.1f%% of a core, %.2f ms a key; the load generator: %.1f%% of a core",
		100*r.TypingCPU, ms(r.CPUPerKey()), 100*r.SelfCPU)
	benchLine(out, p, "the server idle for %s with %d sessions: %.1f%% of a core (%.1f%% with none); %d frames, %d bytes sent",
		p.Duration(r.IdleFor.Round(100*time.Millisecond)), r.Up, 100*r.IdleCPU, 100*r.BaseCPU, r.IdleFrames, r.IdleBytes)
	benchLine(out, p, "the server's memory: %.1f MB before, %.1f MB with %d sessions: %.2f MB a session",
		mb(r.RSSBefore), mb(r.RSSAfter), r.Up, mb(r.RSSPerSession()))
	met := func(ok bool) string {
		if ok {
			return p.T("met")
		}
		return p.T("missed")
	}
	benchLine(out, p, "targets: key to frame p99 at most 50 ms %s; idle at most 5%% of a core %s",
		met(r.Keys.N > 0 && r.Missed == 0 && r.Keys.P99 <= 50*time.Millisecond), met(r.IdleCPU <= 0.05))
}

// benchLine prints one indented line of a run's figures.
func benchLine(out io.Writer, p *locale.Printer, format string, args ...any) {
	fmt.Fprintln(out, "  "+p.T(format, args...))
}

// printTable prints the runs as a Markdown table, for the README.
func printTable(out io.Writer, p *locale.Printer, rows []benchRow) {
	fmt.Fprintln(out)
	fmt.Fprintln(out, p.T("| sessions | up | key to frame p50 / p99 | server typing | idle CPU | RSS a session |"))
	fmt.Fprintln(out, "|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		fmt.Fprintln(out, p.T("| %d | %d | %.1f / %.1f ms | %.0f%% of a core | %.1f%% | %.2f MB |", r.res.Sessions, r.res.Up,
			ms(r.res.Keys.P50), ms(r.res.Keys.P99), 100*r.res.TypingCPU, 100*r.res.IdleCPU, mb(r.res.RSSPerSession())))
	}
}

// serveWithBench is distlab serve with its bench subcommand (root.go adds
// it to the tree).
func serveWithBench(g *globals) *cobra.Command {
	cmd := newServeCmd(g)
	cmd.AddCommand(newServeBenchCmd(g))
	return cmd
}
