package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"distlab/demos/clocks"
	"distlab/lessons"
)

func newClocksCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "clocks",
		Short: "The clock ordering demo on the command line: physical, Lamport and vector clocks",
	}
	cmd.AddCommand(newClocksRunCmd(), newClocksScenariosCmd())
	return cmd
}

// clocksLang is --lang, or the environment's locale.
func clocksLang(cmd *cobra.Command) string {
	if f := cmd.Flag("lang"); f != nil && f.Value.String() != "" {
		if l := lessons.NormalizeLang(f.Value.String()); l != "" {
			return l
		}
	}
	return lessons.LangFromEnv(os.Getenv)
}

func newClocksRunCmd() *cobra.Command {
	cfg := clocks.DefaultConfig()
	var delay, export, format string
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Simulate a run and print its events, clocks and anomalies",
		Long: "Simulate processes that do local events and exchange messages over an unreliable network,\n" +
			"then print every event with its physical, Lamport and vector time, and the anomalies:\n" +
			"receives stamped before their send, and pairs Lamport orders that are concurrent.\n" +
			"The same flags and seed always give the same run.\n\n" +
			"--scenario runs a hand-placed run instead (see: distlab clocks scenarios); it fixes its\n" +
			"own processes, clocks and network.",
		Example: "  distlab clocks run --procs 3 --events 30 --skew 20ms --loss 0.1\n" +
			"  distlab clocks run --scenario receive-before-send\n" +
			"  distlab clocks run --events 200 --export run.shiviz.log",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.Scenario != "" {
				for _, name := range []string{"procs", "events", "seed", "skew", "drift", "delay", "loss", "dup", "interval"} {
					if cmd.Flags().Changed(name) {
						return fmt.Errorf("--%s has no effect with --scenario: a scenario fixes its own processes, clocks and network", name)
					}
				}
			}
			var err error
			if cfg.DelayMin, cfg.DelayMax, err = clocks.ParseDelayRange(delay); err != nil {
				return err
			}
			format, err = exportFormat(export, format)
			if err != nil {
				return err
			}
			run, err := clocks.Simulate(cfg)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if export == "-" {
				return writeClocksExport(out, run, format)
			}
			var file *os.File
			if export != "" { // before the report, so a bad path fails at once
				if file, err = os.Create(export); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				defer file.Close()
			}
			if err := clocks.WriteReport(out, run, clocksLang(cmd)); err != nil {
				return err
			}
			if file == nil {
				return nil
			}
			bw := bufio.NewWriter(file)
			if err := writeClocksExport(bw, run, format); err != nil {
				return fmt.Errorf("export %s: %w", export, err)
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("export %s: %w", export, err)
			}
			if err := file.Close(); err != nil {
				return fmt.Errorf("export %s: %w", export, err)
			}
			fmt.Fprintf(out, "\nwrote %d events to %s (%s)\n", len(run.Events), export, format)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&cfg.Procs, "procs", cfg.Procs, fmt.Sprintf("processes (2..%d)", clocks.MaxProcs))
	f.IntVar(&cfg.Events, "events", cfg.Events, "events in the run (sends, receives and local events)")
	f.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed: the same seed gives the same run")
	f.StringVar(&cfg.Scenario, "scenario", "", "run a named scenario instead: "+strings.Join(clocks.ScenarioNames(), ", "))
	f.DurationVar(&cfg.Skew, "skew", cfg.Skew, "largest offset of a process's physical clock, either way")
	f.Float64Var(&cfg.DriftPPM, "drift", cfg.DriftPPM, "largest drift of a physical clock in ppm (exaggerated: 20000 = 2%)")
	f.StringVar(&delay, "delay", "5ms..40ms", "message delay range MIN..MAX, or one fixed delay")
	f.Float64Var(&cfg.Loss, "loss", cfg.Loss, "probability that a message is lost (0..1)")
	f.Float64Var(&cfg.Dup, "dup", cfg.Dup, "probability that a message is delivered twice (0..1)")
	f.DurationVar(&cfg.Interval, "interval", cfg.Interval, "mean time between a process's own local or send events")
	f.StringVar(&export, "export", "", "also write the run to FILE (- for stdout instead of the table)")
	f.StringVar(&format, "format", "", "export format: shiviz or jsonl (default: jsonl for a .jsonl FILE, else shiviz)")
	_ = cmd.RegisterFlagCompletionFunc("scenario", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, s := range clocks.Scenarios() {
			names = append(names, s.Name+"\t"+s.Title)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// exportFormat checks --format, or picks it from the export file's name.
func exportFormat(file, format string) (string, error) {
	if format == "" {
		format = "shiviz"
		if ext := strings.ToLower(filepath.Ext(file)); ext == ".jsonl" || ext == ".ndjson" {
			format = "jsonl"
		}
	}
	switch f := strings.ToLower(format); f {
	case "shiviz", "jsonl":
		return f, nil
	}
	return "", fmt.Errorf("--format %q: want shiviz or jsonl", format)
}

func writeClocksExport(w io.Writer, run *clocks.Run, format string) error {
	if format == "jsonl" {
		return run.WriteJSONL(w)
	}
	return run.WriteShiViz(w)
}

func newClocksScenariosCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "scenarios",
		Short: "List the clock demo's scenarios, each built to show one thing",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lang := clocksLang(cmd)
			width := 0
			for _, s := range clocks.Scenarios() {
				width = max(width, len(s.Name))
			}
			var sb strings.Builder
			for _, s := range clocks.Scenarios() {
				fmt.Fprintf(&sb, "%-*s  %s\n%*s  %s\n", width, s.Name, s.TitleIn(lang), width, "", s.SummaryIn(lang))
			}
			sb.WriteString("\ndistlab clocks run --scenario NAME\n")
			_, err := io.WriteString(cmd.OutOrStdout(), sb.String())
			return err
		},
	}
}
