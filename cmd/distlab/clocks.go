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
	"distlab/demos/locale"
)

func newClocksCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "clocks",
		Short: g.p.T("The clock ordering demo on the command line: physical, Lamport and vector clocks"),
	}
	cmd.AddCommand(newClocksRunCmd(g), newClocksScenariosCmd(g))
	return cmd
}

// clocksError is an error of the clocks commands in the CLI's language;
// it wraps the errors among its arguments (errors.Is sees through it).
type clocksError struct {
	p   *locale.Printer
	err error
}

func (e clocksError) Error() string { return e.p.Err(e.err) }
func (e clocksError) Unwrap() error { return e.err }

// errorf makes an error printed in the CLI's language (see locale.Errorf).
func (g *globals) errorf(format string, args ...any) error {
	return clocksError{g.p, locale.Errorf(format, args...)}
}

func newClocksRunCmd(g *globals) *cobra.Command {
	p := g.p
	cfg := clocks.DefaultConfig()
	var delay, export, format string
	cmd := &cobra.Command{
		Use:   "run",
		Short: p.T("Simulate a run and print its events, clocks and anomalies"),
		Long: p.T("Simulate processes that do local events and exchange messages over an unreliable network,\n" +
			"then print every event with its physical, Lamport and vector time, and the anomalies:\n" +
			"receives stamped before their send, and pairs Lamport orders that are concurrent.\n" +
			"The same flags and seed always give the same run.\n\n" +
			"--scenario runs a hand-placed run instead (see: distlab clocks scenarios); it fixes its\n" +
			"own processes, clocks and network."),
		Example: "  distlab clocks run --procs 3 --events 30 --skew 20ms --loss 0.1\n" +
			"  distlab clocks run --scenario receive-before-send\n" +
			"  distlab clocks run --events 200 --export run.shiviz.log",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.Scenario != "" {
				for _, name := range []string{"procs", "events", "seed", "skew", "drift", "delay", "loss", "dup", "interval"} {
					if cmd.Flags().Changed(name) {
						return g.errorf("--%s has no effect with --scenario: a scenario fixes its own processes, clocks and network", name)
					}
				}
			}
			if err := checkClocksFlags(g, cfg); err != nil {
				return err
			}
			var err error
			if cfg.DelayMin, cfg.DelayMax, err = clocks.ParseDelayRange(delay); err != nil {
				return clocksError{p, err}
			}
			format, err = exportFormat(g, export, format)
			if err != nil {
				return err
			}
			run, err := clocks.Simulate(cfg)
			if err != nil {
				return clocksError{p, err}
			}
			out := cmd.OutOrStdout()
			if export == "-" {
				return writeClocksExport(out, run, format)
			}
			var file *os.File
			if export != "" { // before the report, so a bad path fails at once
				// A temporary file renamed over FILE once whole: an
				// interrupted or failed export leaves FILE as it was.
				if file, err = createTemp(export); err != nil {
					return exportError(g, export, err)
				}
				defer func() {
					file.Close()
					os.Remove(file.Name()) // gone already once renamed
				}()
			}
			if err := clocks.WriteReport(out, run, p); err != nil {
				return err
			}
			if file == nil {
				return nil
			}
			bw := bufio.NewWriter(file)
			if err := writeClocksExport(bw, run, format); err != nil {
				return exportError(g, export, err)
			}
			if err := bw.Flush(); err != nil {
				return exportError(g, export, err)
			}
			if err := file.Close(); err != nil {
				return exportError(g, export, err)
			}
			if err := os.Rename(file.Name(), export); err != nil {
				return exportError(g, export, err)
			}
			fmt.Fprint(out, "\n"+p.T("wrote %d events to %s (%s)", len(run.Events), export, format)+"\n")
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&cfg.Procs, "procs", cfg.Procs, p.T("processes (2..%d)", clocks.MaxProcs))
	f.IntVar(&cfg.Events, "events", cfg.Events, p.T("events in the run (sends, receives and local events), 1 to %d", clocks.MaxEvents))
	f.Uint64Var(&cfg.Seed, "seed", cfg.Seed, p.T("random seed: the same seed gives the same run"))
	f.StringVar(&cfg.Scenario, "scenario", "", p.T("run a named scenario instead: %s", strings.Join(clocks.ScenarioNames(), ", ")))
	f.DurationVar(&cfg.Skew, "skew", cfg.Skew, p.T("largest offset of a process's physical clock, either way"))
	f.Float64Var(&cfg.DriftPPM, "drift", cfg.DriftPPM, p.T("largest drift of a physical clock in ppm (exaggerated: 20000 = 2%%)"))
	f.StringVar(&delay, "delay", "5ms..40ms", p.T("message delay range MIN..MAX, or one fixed delay"))
	f.Float64Var(&cfg.Loss, "loss", cfg.Loss, p.T("probability that a message is lost (0..1)"))
	f.Float64Var(&cfg.Dup, "dup", cfg.Dup, p.T("probability that a message is delivered twice (0..1)"))
	f.DurationVar(&cfg.Interval, "interval", cfg.Interval, p.T("mean time between a process's own local or send events"))
	f.StringVar(&export, "export", "", p.T("also write the run to FILE (- for stdout instead of the table)"))
	f.StringVar(&format, "format", "", p.T("export format: shiviz or jsonl (default: jsonl for a .jsonl FILE, else shiviz)"))
	_ = cmd.RegisterFlagCompletionFunc("scenario", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, s := range clocks.Scenarios() {
			names = append(names, s.Name+"\t"+s.TitleIn(p))
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// checkClocksFlags refuses the counts and the interval the engine would
// take for its default (0 events, a 0 interval) or refuse in words that do
// not name the flag.
func checkClocksFlags(g *globals, cfg clocks.Config) error {
	switch {
	case cfg.Procs < 2 || cfg.Procs > clocks.MaxProcs:
		return g.errorf("--procs %d: want 2 to %d processes", cfg.Procs, clocks.MaxProcs)
	case cfg.Events < 1 || cfg.Events > clocks.MaxEvents:
		return g.errorf("--events %d: want 1 to %d events", cfg.Events, clocks.MaxEvents)
	}
	return checkPositive(g, "interval", cfg.Interval, clocks.DefaultInterval)
}

// exportFormat checks --format, or picks it from the export file's name.
func exportFormat(g *globals, file, format string) (string, error) {
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
	return "", g.errorf("--format %q: want shiviz or jsonl", format)
}

func writeClocksExport(w io.Writer, run *clocks.Run, format string) error {
	if format == "jsonl" {
		return run.WriteJSONL(w)
	}
	return run.WriteShiViz(w)
}

func newClocksScenariosCmd(g *globals) *cobra.Command {
	p := g.p
	return &cobra.Command{
		Use:   "scenarios",
		Short: p.T("List the clock demo's scenarios, each built to show one thing"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			width := 0
			for _, s := range clocks.Scenarios() {
				width = max(width, len(s.Name))
			}
			var sb strings.Builder
			for _, s := range clocks.Scenarios() {
				fmt.Fprintf(&sb, "%-*s  %s\n%*s  %s\n", width, s.Name, s.TitleIn(p), width, "", s.SummaryIn(p))
			}
			sb.WriteString("\n" + p.T("distlab clocks run --scenario NAME") + "\n")
			_, err := io.WriteString(cmd.OutOrStdout(), sb.String())
			return err
		},
	}
}

// The clocks commands' words, English beside Brazilian Portuguese (see
// package locale).
func init() {
	locale.Add(
		locale.Str("The clock ordering demo on the command line: physical, Lamport and vector clocks", "A demonstração de ordenação de relógios na linha de comando: relógios físicos, de Lamport e vetoriais"),
		locale.Str("Simulate a run and print its events, clocks and anomalies", "Simula uma execução e mostra seus eventos, relógios e anomalias"),
		locale.Str("Simulate processes that do local events and exchange messages over an unreliable network,\n"+
			"then print every event with its physical, Lamport and vector time, and the anomalies:\n"+
			"receives stamped before their send, and pairs Lamport orders that are concurrent.\n"+
			"The same flags and seed always give the same run.\n\n"+
			"--scenario runs a hand-placed run instead (see: distlab clocks scenarios); it fixes its\n"+
			"own processes, clocks and network.",
			"Simula processos que fazem eventos locais e trocam mensagens por uma rede não confiável,\n"+
				"depois mostra cada evento com seu tempo físico, de Lamport e vetorial, e as anomalias:\n"+
				"recebimentos carimbados antes do envio, e pares que Lamport ordena mas são concorrentes.\n"+
				"As mesmas opções e a mesma semente sempre dão a mesma execução.\n\n"+
				"--scenario roda uma execução montada à mão (veja: distlab clocks scenarios); ela fixa\n"+
				"seus próprios processos, relógios e rede."),
		locale.Str("--%s has no effect with --scenario: a scenario fixes its own processes, clocks and network", "--%s não tem efeito com --scenario: um cenário fixa seus próprios processos, relógios e rede"),
		locale.Str("export: %v", "exportar: %v"),
		locale.Str("export %s: %v", "exportar %s: %v"),
		locale.Plural("wrote %d events to %s (%s)", "wrote %d event to %s (%s)", "%d eventos gravados em %s (%s)", "%d evento gravado em %s (%s)"),
		locale.Str("processes (2..%d)", "processos (2..%d)"),
		locale.Str("events in the run (sends, receives and local events), 1 to %d", "eventos na execução (envios, recebimentos e eventos locais), de 1 a %d"),
		locale.Str("--procs %d: want 2 to %d processes", "--procs %d: use de 2 a %d processos"),
		locale.Str("--events %d: want 1 to %d events", "--events %d: use de 1 a %d eventos"),
		locale.Str("random seed: the same seed gives the same run", "semente aleatória: a mesma semente dá a mesma execução"),
		locale.Str("run a named scenario instead: %s", "roda um cenário pelo nome: %s"),
		locale.Str("largest offset of a process's physical clock, either way", "maior desvio do relógio físico de um processo, para mais ou para menos"),
		locale.Str("largest drift of a physical clock in ppm (exaggerated: 20000 = 2%%)", "maior deriva de um relógio físico em ppm (exagerada: 20000 = 2%%)"),
		locale.Str("message delay range MIN..MAX, or one fixed delay", "faixa de atraso das mensagens MIN..MAX, ou um atraso fixo"),
		locale.Str("probability that a message is lost (0..1)", "probabilidade de uma mensagem se perder (0..1)"),
		locale.Str("probability that a message is delivered twice (0..1)", "probabilidade de uma mensagem ser entregue duas vezes (0..1)"),
		locale.Str("mean time between a process's own local or send events", "tempo médio entre os eventos locais ou de envio de um processo"),
		locale.Str("also write the run to FILE (- for stdout instead of the table)", "também grava a execução em ARQUIVO (- para a saída padrão em vez da tabela)"),
		locale.Str("export format: shiviz or jsonl (default: jsonl for a .jsonl FILE, else shiviz)", "formato de exportação: shiviz ou jsonl (padrão: jsonl para um ARQUIVO .jsonl, senão shiviz)"),
		locale.Str("--format %q: want shiviz or jsonl", "--format %q: use shiviz ou jsonl"),
		locale.Str("List the clock demo's scenarios, each built to show one thing", "Lista os cenários da demonstração de relógios, cada um montado para mostrar uma coisa"),
		locale.Str("distlab clocks run --scenario NAME", "distlab clocks run --scenario NOME"),
	)
}
