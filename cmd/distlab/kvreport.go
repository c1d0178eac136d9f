package main

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"distlab/demos/kv"
	"distlab/demos/locale"
)

// What distlab kv run prints around its events: the header that says
// what the run is, and the counters.

// kvHeader is what the run is: every setting that shapes it, so that the
// header is enough to run it again. The store's knobs come first (the
// ones left off are off), then the clients and their operations, the
// network's loss and the clocks' skews, the seed, and the partitions.
func kvHeader(sb *strings.Builder, p *locale.Printer, cfg kv.Config) {
	what := cfg.Knobs(p)
	sb.WriteString(p.T("Replicated store, simulated: %s", strings.Join(what, ", ")) + "\n")
	run := []string{p.T("%d clients", cfg.Clients)}
	if cfg.Scenario == "" { // a scenario's script makes its own operations
		run = append(run, p.T("%d operations", cfg.Ops))
	}
	if cfg.Loss > 0 {
		run = append(run, p.T("%g%% of messages lost", math.Round(cfg.Loss*1000)/10))
	}
	var skews []string
	for i, d := range cfg.Skew {
		if d == 0 {
			continue
		}
		sign := ""
		if d > 0 {
			sign = "+"
		}
		skews = append(skews, kv.Name(i+1)+" "+sign+p.Duration(d))
	}
	if len(skews) > 0 {
		run = append(run, p.T("clocks: %s", strings.Join(skews, ", ")))
	}
	run = append(run, p.T("seed %s", strconv.FormatUint(cfg.Seed, 10)))
	sb.WriteString(strings.Join(run, ", ") + "\n")
	if sc, ok := kv.FindScenario(cfg.Scenario); ok {
		sb.WriteString(p.T("scenario %s: %s", sc.Name, sc.Title(p)) + "\n")
	}
	for _, c := range cfg.Partitions {
		var names []string
		for _, id := range c.Side {
			names = append(names, kv.Name(id))
		}
		sb.WriteString(p.T("partition: %s cut off from operation %d to %d", strings.Join(names, ", "), c.FromOp, c.ToOp) + "\n")
	}
	sb.WriteString("\n")
}

// kvCounters are the counters, one a line, the numbers in a column.
func kvCounters(sb *strings.Builder, p *locale.Printer, c kv.Counters) {
	rows := []struct {
		label string
		n     int
	}{
		{p.T("operations"), c.Ops},
		{p.T("answered"), c.OK},
		{p.T("refused"), c.Refused},
		{p.T("writes given up on"), c.Unknown},
		{p.T("stale reads"), c.StaleReads},
		{p.T("lost updates"), c.LostUpdates},
		{p.T("reads with siblings"), c.Siblings},
		{p.T("read-your-writes violations"), c.RYW},
		{p.T("monotonic-reads violations"), c.MR},
	}
	width := 0
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r.label))
	}
	for _, r := range rows {
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(r.label))
		sb.WriteString(r.label + pad + p.T("  %6d", r.n) + "\n")
	}
}
