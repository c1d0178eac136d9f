package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"distlab/demos/raft"
)

func newRaftReplayCmd(g *globals) *cobra.Command {
	p := g.p
	var log bool
	cmd := &cobra.Command{
		Use:   "replay " + p.T("FILE"),
		Short: p.T("Replay a trace that distlab raft run --export wrote, and check it makes the same events"),
		Long: p.T("Read a trace (JSON lines from distlab raft run --export; - reads standard input), play its\n" +
			"actions on a new simulated cluster of the same nodes, seed, faults, bug and scenario, and\n" +
			"check that every event comes out the same, field by field, and the verdict too. The\n" +
			"simulation is deterministic, so a difference means the trace was edited or made by\n" +
			"another version of distlab; the first difference is the error. Otherwise the last line\n" +
			"is the replay's safety verdict, and the exit status is 1 when it is a violation, as for\n" +
			"distlab raft run. --log prints the replayed events too, in the CLI's language."),
		Example: "  distlab raft run --seed 7 --faults random --steps 2000 --export run.jsonl\n" +
			"  distlab raft replay run.jsonl",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			in := cmd.InOrStdin()
			name := args[0]
			if name != "-" {
				file, err := openInput(name)
				if err != nil {
					return g.errorf("replay: %w", err)
				}
				defer file.Close()
				in = file
			}
			trace, err := raft.ReadTrace(in)
			if err != nil {
				return g.errorf("%s: %w", name, err)
			}
			sim, err := raft.Replay(trace)
			if err != nil {
				return g.errorf("%s: %w", name, err)
			}
			var sb strings.Builder
			if log {
				raftHeader(&sb, p, sim.Config())
				raftLog(&sb, p, sim.History())
			}
			sb.WriteString(p.T("%s: the replay made the trace's %d events, event for event, and its verdict", name, sim.Events()) + "\n")
			sb.WriteString(sim.Verdict(p) + "\n")
			if _, err := io.WriteString(cmd.OutOrStdout(), sb.String()); err != nil {
				return err
			}
			return raftVerdictStatus(g, sim)
		},
	}
	cmd.Flags().BoolVar(&log, "log", false, p.T("also print the replayed events"))
	return cmd
}
