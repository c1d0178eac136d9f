package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"distlab/demos/kv"
	"distlab/demos/locale"
)

// kvDefaultOps is how many operations a free run's clients issue; the
// most anyone may ask for keeps the checker and the history in memory.
const (
	kvDefaultOps = 60
	kvMaxOps     = 100000
	kvCheckTime  = 20 * time.Second
)

// newKVCmd is `distlab kv`: the replicated store on the command line.
func newKVCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kv",
		Short: g.p.T("The replicated store demo on the command line: quorums, partitions, conflicts, and each history checked for linearizability"),
	}
	cmd.AddCommand(newKVRunCmd(g), newKVScenariosCmd(g))
	return cmd
}

// kvFlags are run's flags that are not a Config field as they are.
type kvFlags struct {
	partition, mode, conflicts, ryw, mr, skew, export string
	check, events                                     bool
}

func newKVRunCmd(g *globals) *cobra.Command {
	p := g.p
	var cfg kv.Config
	var fl kvFlags
	cmd := &cobra.Command{
		Use:   "run",
		Short: p.T("Simulate a replicated store and print its counters and the linearizability verdict"),
		Long: p.T("Run N replicas of a key-value store and clients that read and write concurrently, on a\n" +
			"simulated network with delays, loss and partitions, then print the counters (operations\n" +
			"refused, stale reads, lost updates, siblings, session violations) and, on its own last\n" +
			"line, the verdict of Porcupine's linearizability checker: \"linearizable: yes\" or\n" +
			"\"linearizable: no: …\" with the operations involved. The exit status is 0 either way.\n" +
			"The same flags always give the same run.\n\n" +
			"--partition SPEC cuts servers off from the rest while the run lasts:\n" +
			"\tnone      no partition (the default)\n" +
			"\tauto      the last replica, for the middle third of the operations\n" +
			"\t3 or 1,2  these servers, for the middle third of the operations\n" +
			"\t3@10-20   server 3, from the 10th operation invoked to the 20th\n\n" +
			"--scenario runs one of the demo's scenarios (see: distlab kv scenarios); it sets the\n" +
			"store's knobs itself, so only --seed, --events and the output flags go with it."),
		Example: "  distlab kv run --n 3 --r 2 --w 2 --read-repair\n" +
			"  distlab kv run --r 1 --w 1 --seed 7\n" +
			"  distlab kv run --partition auto --mode ap --conflicts vv\n" +
			"  distlab kv run --skew n1=500ms --export-html kv.html\n" +
			"  distlab kv run --scenario sloppy-quorum --events",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			if err := kvConfig(g, cmd, &cfg, fl); err != nil {
				return err
			}
			sim, err := kv.NewSim(cfg)
			if err != nil {
				return chatErr(p, err)
			}
			var file *os.File
			if fl.export != "" { // before the run, so a bad path fails at once
				if file, err = os.Create(fl.export); err != nil {
					return exportError(g, fl.export, err)
				}
				defer file.Close()
			}
			sim.Run(0)
			var sb strings.Builder
			kvHeader(&sb, p, sim.Config())
			if fl.events {
				for _, ev := range sim.History() {
					mark := "  "
					if ev.Scripted {
						mark = "▸ "
					}
					sb.WriteString(p.T("%5d %6d ms  %s%s", locale.ID(ev.N), ev.At.Milliseconds(), mark, ev.Said(p)) + "\n")
				}
				sb.WriteString("\n")
			}
			kvCounters(&sb, p, sim.Counters())
			if file != nil {
				if err := sim.ExportHTML(file, kvCheckTime); err != nil {
					return exportError(g, fl.export, err)
				}
				if err := file.Close(); err != nil {
					return exportError(g, fl.export, err)
				}
				sb.WriteString(p.T("wrote the history to %s (Porcupine's visualization: open it in a browser)", fl.export) + "\n")
			}
			if fl.check {
				v := sim.Verdict(kvCheckTime)
				sb.WriteString(p.T("checked %d operations in %s", v.Ops, p.Duration(v.Took)) + "\n")
				sb.WriteString(v.Line(p) + "\n")
			}
			_, err = io.WriteString(cmd.OutOrStdout(), sb.String())
			return err
		},
	}
	f := cmd.Flags()
	f.IntVar(&cfg.N, "n", 0, p.T("replicas of every key, %d to %d (default %d)", kv.MinN, kv.MaxN, kv.DefaultN))
	f.IntVar(&cfg.R, "r", 0, p.T("read quorum: replicas a read waits for (default a majority)"))
	f.IntVar(&cfg.W, "w", 0, p.T("write quorum: replicas a write waits for (default a majority)"))
	f.StringVar(&fl.partition, "partition", "none", p.T("cut servers off: none, auto, 3, 1,2 or 3@10-20 (see above)"))
	f.StringVar(&fl.mode, "mode", "cp", p.T("without a quorum: cp refuses, ap answers with the replicas reached"))
	f.StringVar(&fl.conflicts, "conflicts", "lww", p.T("concurrent writes: lww (last writer wins, by timestamp) or vv (version vectors, siblings kept)"))
	f.BoolVar(&cfg.Sloppy, "sloppy", false, p.T("sloppy quorums: spare servers stand in for replicas cut off, with hinted handoff"))
	f.BoolVar(&cfg.ReadRepair, "read-repair", false, p.T("a read writes what it found newest back to W replicas before answering"))
	f.StringVar(&fl.ryw, "ryw", "off", p.T("read your writes: off (violations counted), sticky or token"))
	f.StringVar(&fl.mr, "mr", "off", p.T("monotonic reads: off (violations counted), sticky or token"))
	f.StringVar(&fl.skew, "skew", "", p.T("servers' clock offsets, as n1=500ms,n2=-40ms (timestamps of last writer wins)"))
	f.Float64Var(&cfg.Loss, "loss", 0, p.T("probability that a message is lost, 0 to 1"))
	f.IntVar(&cfg.Clients, "clients", 0, p.T("clients issuing operations, 1 to %d (default %d)", kv.MaxClients, kv.DefaultClients))
	f.Uint64Var(&cfg.Seed, "seed", 1, p.T("random seed: the same seed gives the same run"))
	f.IntVar(&cfg.Ops, "ops", kvDefaultOps, p.T("operations the clients issue in all, 1 to %d", kvMaxOps))
	f.StringVar(&cfg.Scenario, "scenario", "", p.T("run a named scenario (see: distlab kv scenarios)"))
	f.BoolVar(&fl.check, "check", true, p.T("check the history for linearizability (--check=false to skip)"))
	f.BoolVar(&fl.events, "events", false, p.T("also print every event, one a line"))
	f.StringVar(&fl.export, "export-html", "", p.T("also write the history to FILE as Porcupine's HTML visualization"))
	_ = cmd.RegisterFlagCompletionFunc("scenario", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, s := range kv.Scenarios() {
			names = append(names, s.Name+"\t"+s.Title(p))
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	for name, values := range map[string][]string{"mode": {"cp", "ap"}, "conflicts": {"lww", "vv"}, "ryw": {"off", "sticky", "token"}, "mr": {"off", "sticky", "token"}, "partition": {"none", "auto"}} {
		_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
	}
	return cmd
}

// kvKnobs are the flags a scenario sets itself.
var kvKnobs = []string{"n", "r", "w", "partition", "mode", "conflicts", "sloppy", "read-repair", "ryw", "mr", "skew", "loss", "clients", "ops"}

// kvConfig fills cfg from the flags that need parsing.
func kvConfig(g *globals, cmd *cobra.Command, cfg *kv.Config, fl kvFlags) error {
	if cfg.Scenario != "" {
		for _, name := range kvKnobs {
			if cmd.Flags().Changed(name) {
				return g.errorf("--%s has no effect with --scenario: a scenario sets the store's knobs itself", name)
			}
		}
		cfg.Ops = 0
		return nil
	}
	if cfg.Ops < 1 || cfg.Ops > kvMaxOps {
		return g.errorf("--ops %d: want 1 to %d operations", cfg.Ops, kvMaxOps)
	}
	if err := kvCounts(g, cmd, *cfg); err != nil {
		return err
	}
	switch fl.mode {
	case "cp":
		cfg.Mode = kv.CP
	case "ap":
		cfg.Mode = kv.AP
	default:
		return g.errorf("--mode %s: want cp or ap", fl.mode)
	}
	switch fl.conflicts {
	case "lww":
		cfg.Conflicts = kv.LWW
	case "vv":
		cfg.Conflicts = kv.VV
	default:
		return g.errorf("--conflicts %s: want lww or vv", fl.conflicts)
	}
	var err error
	if cfg.ReadYourWrites, err = kvSession(g, "ryw", fl.ryw); err != nil {
		return err
	}
	if cfg.MonotonicReads, err = kvSession(g, "mr", fl.mr); err != nil {
		return err
	}
	if cfg.Skew, err = kvSkew(g, fl.skew); err != nil {
		return err
	}
	n := cfg.N
	if n == 0 {
		n = kv.DefaultN
	}
	cut, err := kvPartition(g, fl.partition, n, cfg.Ops)
	if err != nil {
		return err
	}
	if cut != nil {
		cfg.Partitions = []kv.Cut{*cut}
	}
	return nil
}

// kvCounts refuses the counts the engine would take for its default (a
// majority for --r 0) or refuse in words that do not name the flag. Left
// alone, they are 0: the engine's defaults, which their --help names.
func kvCounts(g *globals, cmd *cobra.Command, cfg kv.Config) error {
	f := cmd.Flags()
	if f.Changed("n") && (cfg.N < kv.MinN || cfg.N > kv.MaxN) {
		return g.errorf("--n %d: want %d to %d replicas", cfg.N, kv.MinN, kv.MaxN)
	}
	n := cfg.N
	if n == 0 {
		n = kv.DefaultN
	}
	for _, q := range []struct {
		flag string
		v    int
	}{{"r", cfg.R}, {"w", cfg.W}} {
		if f.Changed(q.flag) && (q.v < 1 || q.v > n) {
			return g.errorf("--%s %d: want 1 to %d, the replicas of a key (--n)", q.flag, q.v, n)
		}
	}
	if f.Changed("clients") && (cfg.Clients < 1 || cfg.Clients > kv.MaxClients) {
		return g.errorf("--clients %d: want 1 to %d clients", cfg.Clients, kv.MaxClients)
	}
	return nil
}

func kvSession(g *globals, flag, s string) (kv.Session, error) {
	switch s {
	case "off":
		return kv.Off, nil
	case "sticky":
		return kv.Sticky, nil
	case "token":
		return kv.Token, nil
	}
	return kv.Off, g.errorf("--%s %s: want off, sticky or token", flag, s)
}

// kvSkew parses "n1=500ms,n2=-40ms".
func kvSkew(g *globals, spec string) ([]time.Duration, error) {
	var skew []time.Duration
	for _, part := range strings.Split(spec, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		name, val, ok := strings.Cut(part, "=")
		id, err := strconv.Atoi(strings.TrimPrefix(name, "n"))
		d, derr := time.ParseDuration(val)
		if !ok || !strings.HasPrefix(name, "n") || err != nil || id < 1 || id > kv.MaxN+kv.Spares || derr != nil {
			return nil, g.errorf("--skew %s: want SERVER=OFFSET pairs such as n1=500ms,n2=-40ms", kvQuote(part))
		}
		for len(skew) < id {
			skew = append(skew, 0)
		}
		skew[id-1] = d
	}
	return skew, nil
}

// kvPartition parses --partition for a run of ops operations on n
// replicas: nil for none.
func kvPartition(g *globals, spec string, n, ops int) (*kv.Cut, error) {
	third := func(side []int) *kv.Cut { return &kv.Cut{Side: side, FromOp: ops/3 + 1, ToOp: 2*ops/3 + 1} }
	switch spec {
	case "", "none":
		return nil, nil
	case "auto":
		return third([]int{n}), nil
	}
	servers, span, ranged := strings.Cut(spec, "@")
	bad := g.errorf("--partition %s: want none, auto, servers such as 3 or 1,2, or 3@10-20 (from operation 10 to 20)", kvQuote(spec))
	var side []int
	for _, s := range strings.Split(servers, ",") {
		id, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(s), "n"))
		if err != nil {
			return nil, bad
		}
		side = append(side, id)
	}
	if !ranged {
		return third(side), nil
	}
	from, to, ok := strings.Cut(span, "-")
	a, err1 := strconv.Atoi(from)
	b, err2 := strconv.Atoi(to)
	if !ok || err1 != nil || err2 != nil {
		return nil, bad
	}
	return &kv.Cut{Side: side, FromOp: a, ToOp: b}, nil
}

// kvQuote is a user's text as an error shows it, cut short.
func kvQuote(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return strconv.Quote(s)
}

func newKVScenariosCmd(g *globals) *cobra.Command {
	p := g.p
	return &cobra.Command{
		Use:   "scenarios",
		Short: p.T("List the replicated store's scenarios, each built to show one thing"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			var sb strings.Builder
			for _, s := range kv.Scenarios() {
				fmt.Fprintf(&sb, "%s  %s\n", s.Name, s.Title(p))
				for _, line := range wrapWords(s.About(p), 74) {
					fmt.Fprintf(&sb, "    %s\n", line)
				}
				sb.WriteString("\n")
			}
			sb.WriteString(p.T("distlab kv run --scenario NAME") + "\n")
			_, err := io.WriteString(cmd.OutOrStdout(), sb.String())
			return err
		},
	}
}
