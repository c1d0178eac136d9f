package main

import "github.com/spf13/cobra"

// raftSubcommands are the constructors of `distlab raft`'s subcommands
// that live in other files: a file adds its own in an init, as
//
//	func init() { raftSubcommands = append(raftSubcommands, newRaftRunCmd, newRaftScenariosCmd) }
//
// and newRaftCmd adds them beside node and client (every init has run
// before main builds the command tree; cobra lists subcommands sorted, so
// the order of the inits does not show).
var raftSubcommands []func(g *globals) *cobra.Command

// newRaftCmd is `distlab raft`: the consensus demo on the command line.
// node and client (raftnode.go) run Raft over real TCP; the simulated
// cluster's commands come through raftSubcommands.
func newRaftCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "raft",
		Short: g.p.T("The Raft consensus demo on the command line: a simulated cluster checked for safety, its traces, a node over real TCP and its client"),
	}
	cmd.AddCommand(newRaftNodeCmd(g), newRaftClientCmd(g))
	for _, sub := range raftSubcommands {
		cmd.AddCommand(sub(g))
	}
	return cmd
}
