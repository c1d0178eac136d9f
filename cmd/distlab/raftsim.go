package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"distlab/demos/locale"
	"distlab/demos/raft"
)

// The simulated cluster's commands (run, scenarios, replay) join distlab
// raft beside node and client (raft.go).
func init() {
	raftSubcommands = append(raftSubcommands, newRaftRunCmd, newRaftScenariosCmd, newRaftReplayCmd)
}

// Events a run makes: a free run's default, a scenario's most while it
// settles, and the most anyone may ask for (every event is kept, for the
// trace and for stepping back: about 3 kB each).
const (
	raftDefaultSteps  = 300
	raftScenarioSteps = 1000
	raftMaxSteps      = 100000
)

func newRaftRunCmd(g *globals) *cobra.Command {
	p := g.p
	var cfg raft.Config
	var steps int
	var faults, bug, export string
	cmd := &cobra.Command{
		Use:   "run",
		Short: p.T("Simulate a Raft cluster and print its events and the safety verdict"),
		Long: p.T("Run a simulated Raft cluster (etcd's raft library, on a network the simulation owns) and\n"+
			"print every event: its number, the simulated time and what happened, ▸ marking a step of\n"+
			"a scenario's script or a random fault. Raft's safety properties are checked after every\n"+
			"event; the last line is the verdict, in the language of the rest (--lang en for a script),\n"+
			"and the exit status is 1 when a property broke. The run stops at the first violation.\n\n"+
			"The same flags always give the same run, event for event. --steps is how many events\n"+
			"(default %d); a --scenario without --steps runs until its script has ended and the\n"+
			"cluster agrees (at most %d events).\n\n"+
			"--faults SPEC: none, random, or KEY=VALUE pairs separated by commas, random first to\n"+
			"change its values. drop and dup are the probabilities that a message sent is lost or\n"+
			"copied; crash, restart, partition, heal and write that a node crashes, a crashed one\n"+
			"restarts, the network splits in two, heals, or a client writes, after each event;\n"+
			"reorder is the most extra delay of a message (whole milliseconds), so messages overtake\n"+
			"each other; maxdown the most nodes down at once (0: a minority). random is\n\n"+
			"\t%s\n\n"+
			"--export FILE writes the run as JSON lines, one event a line with the action that made\n"+
			"it (- writes them instead of the log); distlab raft replay FILE plays it again.",
			raftDefaultSteps, raftScenarioSteps, raft.FormatFaults(raft.RandomFaults)),
		Example: "  distlab raft run --scenario first-election\n" +
			"  distlab raft run --scenario figure-8 --bug count-old-term\n" +
			"  distlab raft run --seed 7 --faults random --steps 2000 --export run.jsonl\n" +
			"  distlab raft run --nodes 3 --faults drop=0.2,crash=0.02,restart=0.05,write=0.1",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			var err error
			if cfg.Faults, err = raft.ParseFaults(faults); err != nil {
				return chatErr(p, err)
			}
			if cfg.Bug, err = raft.ParseBug(bug); err != nil {
				return chatErr(p, err)
			}
			settle := cfg.Scenario != "" && !cmd.Flags().Changed("steps")
			if !cmd.Flags().Changed("steps") {
				steps = raftDefaultSteps
				if settle {
					steps = raftScenarioSteps
				}
			}
			if cmd.Flags().Changed("nodes") && (cfg.Nodes < raft.MinNodes || cfg.Nodes > raft.MaxNodes) {
				return g.errorf("--nodes %d: want %d to %d nodes", cfg.Nodes, raft.MinNodes, raft.MaxNodes)
			}
			if steps < 1 || steps > raftMaxSteps {
				return g.errorf("--steps %d: want 1 to %d events", steps, raftMaxSteps)
			}
			sim, err := raft.NewSim(cfg)
			if err != nil {
				return chatErr(p, err)
			}
			// ctrl+c ends the run rather than the process, from before the
			// temporary trace exists: no signal can leave it behind.
			ctx, cancel := untilSignal(cmd.Context())
			defer cancel()
			var file *os.File
			if export != "" && export != "-" { // before the run, so a bad path fails at once
				if file, err = createTemp(export); err != nil {
					return exportError(g, export, err)
				}
				// Until renamed into place, the trace is a temporary file:
				// a run interrupted or failed leaves export as it was.
				defer func() {
					file.Close()
					os.Remove(file.Name())
				}()
			}
			stop := sim.PlayContext(ctx, steps, settle)
			if stop == raft.StopInterrupted {
				if file != nil {
					return g.errorf("interrupted at event %d: %s was not written", locale.ID(sim.Events()), export)
				}
				return g.errorf("interrupted at event %d", locale.ID(sim.Events()))
			}
			out := cmd.OutOrStdout()
			if export == "-" {
				if _, err := sim.Trace().WriteTo(out); err != nil {
					return err
				}
				return raftVerdictStatus(g, sim)
			}
			var sb strings.Builder
			raftHeader(&sb, p, sim.Config())
			raftLog(&sb, p, sim.History())
			if file != nil {
				if _, err := sim.Trace().WriteTo(file); err != nil {
					return exportError(g, export, err)
				}
				if err := file.Sync(); err != nil {
					return exportError(g, export, err)
				}
				if err := file.Close(); err != nil {
					return exportError(g, export, err)
				}
				if err := os.Rename(file.Name(), export); err != nil {
					return exportError(g, export, err)
				}
				sb.WriteString(p.T("wrote %d events to %s (%s)", sim.Events(), export, "jsonl") + "\n")
			}
			sb.WriteString(raftSummary(p, sim, stop) + "\n")
			sb.WriteString(sim.Verdict(p) + "\n")
			if _, err := io.WriteString(out, sb.String()); err != nil {
				return err
			}
			return raftVerdictStatus(g, sim)
		},
	}
	f := cmd.Flags()
	f.IntVar(&cfg.Nodes, "nodes", 0, p.T("nodes in the cluster, %d to %d (default %d, or the scenario's)", raft.MinNodes, raft.MaxNodes, raft.DefaultNodes))
	f.Uint64Var(&cfg.Seed, "seed", 1, p.T("random seed: the same seed gives the same run"))
	f.StringVar(&cfg.Scenario, "scenario", "", p.T("run a named scenario (see: distlab raft scenarios)"))
	f.IntVar(&steps, "steps", 0, p.T("events to run (default %d; a scenario: until it settles)", raftDefaultSteps))
	f.StringVar(&faults, "faults", "none", p.T("random faults: none, random or KEY=VALUE,… (see above)"))
	f.StringVar(&bug, "bug", "", p.T("break Raft on purpose, for the checker to catch: count-old-term or forget-vote"))
	f.StringVar(&export, "export", "", p.T("also write the run to FILE as JSON lines (- for stdout instead of the log)"))
	_ = cmd.RegisterFlagCompletionFunc("scenario", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, s := range raft.Scenarios() {
			names = append(names, s.Name+"\t"+s.Title(p))
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("bug", cobra.FixedCompletions([]string{"count-old-term", "forget-vote"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("faults", cobra.FixedCompletions([]string{"none", "random"}, cobra.ShellCompDirectiveNoSpace))
	return cmd
}

// raftVerdictStatus fails the command, quietly (the verdict is printed),
// when the run broke a safety property.
func raftVerdictStatus(g *globals, sim *raft.Sim) error {
	if v := sim.Violation(); v != nil {
		return errQuiet{g.errorf("safety: violated: %s", v.Text(g.p))}
	}
	return nil
}

// raftHeader is what the run is: its cluster, seed, faults, bug, scenario.
func raftHeader(sb *strings.Builder, p *locale.Printer, cfg raft.Config) {
	// The seed is written as it is typed back to --seed, not as a number.
	what := []string{p.T("%d nodes", cfg.Nodes), p.T("seed %s", strconv.FormatUint(cfg.Seed, 10))}
	if cfg.Faults == (raft.Faults{}) {
		what = append(what, p.T("no faults"))
	} else {
		what = append(what, p.T("faults %s", raft.FormatFaults(cfg.Faults)))
	}
	if cfg.Bug != raft.BugNone {
		what = append(what, p.T("bug %s", cfg.Bug.String()))
	}
	sb.WriteString(p.T("Raft, simulated: %s", strings.Join(what, ", ")) + "\n")
	if sc, ok := raft.FindScenario(cfg.Scenario); ok {
		sb.WriteString(p.T("scenario %s: %s", sc.Name, sc.Title(p)) + "\n")
	}
	if cfg.Scenario != "" || cfg.Faults != (raft.Faults{}) {
		sb.WriteString(p.T("▸ marks a step of the scenario's script or a random fault") + "\n")
	}
	sb.WriteString("\n")
}

// raftLog is the events, one a line: number, simulated time, sentence.
func raftLog(sb *strings.Builder, p *locale.Printer, events []raft.Event) {
	for _, ev := range events {
		mark := "  "
		if ev.Scripted {
			mark = "▸ "
		}
		sb.WriteString(p.T("%5d %8.3fs  %s%s", locale.ID(ev.N), ev.At.Seconds(), mark, ev.Said(p)) + "\n")
	}
	sb.WriteString("\n")
}

// raftSummary is how long the run was and why it stopped.
func raftSummary(p *locale.Printer, sim *raft.Sim, stop raft.Stop) string {
	snap := sim.Snapshot()
	s := p.T("%d events in %.3fs of simulated time, the properties checked after each", snap.Events, snap.Now.Seconds())
	switch stop {
	case raft.StopViolation:
		s += "; " + p.T("stopped at the first violation")
	case raft.StopSettled:
		s += "; " + p.T("the scenario's script has ended and the cluster agrees")
	case raft.StopIdle:
		s += "; " + p.T("nothing is left to happen: every node is down and no message is in flight")
	}
	return s + "."
}

func newRaftScenariosCmd(g *globals) *cobra.Command {
	p := g.p
	return &cobra.Command{
		Use:   "scenarios",
		Short: p.T("List the Raft demo's scenarios, each built to show one thing"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			var sb strings.Builder
			for _, s := range raft.Scenarios() {
				fmt.Fprintf(&sb, "%s  %s\n", s.Name, s.Title(p))
				for _, line := range wrapWords(p.T("%d nodes", s.Nodes)+" · "+s.AboutHeadless(p), 74) {
					fmt.Fprintf(&sb, "    %s\n", line)
				}
				sb.WriteString("\n")
			}
			sb.WriteString(p.T("distlab raft run --scenario NAME") + "\n")
			_, err := io.WriteString(cmd.OutOrStdout(), sb.String())
			return err
		},
	}
}

// wrapWords cuts s into lines of at most width characters, at spaces.
func wrapWords(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
