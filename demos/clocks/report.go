package clocks

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"distlab/demos/locale"
)

// WriteReport writes what `distlab clocks run` prints: a summary of the
// run, the event table and the anomalies, in p's language (English for a
// nil p), numbers written that language's way.
func WriteReport(w io.Writer, r *Run, p *locale.Printer) error {
	var sb strings.Builder
	if err := WriteSummary(&sb, r, p); err != nil {
		return err
	}
	sb.WriteString("\n")
	if err := WriteTable(&sb, r, p); err != nil {
		return err
	}
	sb.WriteString("\n")
	if err := WriteAnomalies(&sb, r, p); err != nil {
		return err
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// WriteSummary writes the run's settings and each process's clock.
func WriteSummary(w io.Writer, r *Run, p *locale.Printer) error {
	var sb strings.Builder
	c := r.Cfg
	if sc := findScenario(c.Scenario); sc != nil {
		sb.WriteString(p.T("Scenario: %s", sc.TitleIn(p)) + "\n" + sc.SummaryIn(p) + "\n")
	} else {
		sb.WriteString(p.T("Random run, seed %s", strconv.FormatUint(c.Seed, 10)) + "\n")
	}
	sb.WriteString(p.T("%s · %s · delay %.3fms..%.3fms · loss %.4g%% · dup %.4g%%",
		p.T("%d processes", c.Procs), p.T("%d events", len(r.Events)), ms(c.DelayMin), ms(c.DelayMax), 100*c.Loss, 100*c.Dup))
	if pt := c.Partition; pt != nil {
		sb.WriteString(p.T(" · partition %s | %s from %.3fms to %.3fms", procSet(pt.A), procSet(pt.B), ms(pt.From), ms(pt.To)))
	}
	sb.WriteString("\n" + p.T("clocks (offset, drift):"))
	for _, pr := range r.Procs {
		sb.WriteString(p.T("  %s %+.3fms %+.0fppm", pr.Name, ms(pr.Offset), pr.DriftPPM))
	}
	sb.WriteByte('\n')
	_, err := io.WriteString(w, sb.String())
	return err
}

func procSet(ps []int) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = ProcName(p)
	}
	return "{" + strings.Join(names, ",") + "}"
}

// KindName is k's name in p's language (English for a nil p).
func KindName(k Kind, p *locale.Printer) string {
	switch k {
	case Send:
		return p.T("send")
	case Receive:
		return p.T("receive")
	case Local:
		return p.T("local")
	}
	return k.String()
}

// WriteTable writes one line per event: event, process, kind, true time,
// physical time, Lamport time, vector clock and what it did with which
// message, flagging lost and duplicate messages and receives stamped no
// later than their send.
func WriteTable(w io.Writer, r *Run, p *locale.Printer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, p.T("event\tprocess\tkind\ttrue time\tphysical\tLamport\tvector\tmessage"))
	for i, e := range r.Events {
		var note string
		switch e.Kind {
		case Send:
			note = "→ " + ProcName(e.Peer) + " #" + msgID(e.Msg)
			if e.Lost {
				note += "  " + p.T("lost")
			}
		case Receive:
			note = "← " + ProcName(e.Peer) + " #" + msgID(e.Msg)
			if e.Dup {
				note += "  " + p.T("duplicate")
			}
			if s := r.sendOf[i]; s >= 0 && e.Physical <= r.Events[s].Physical {
				note += "  " + p.T("! stamped before its send")
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Label, ProcName(e.Proc), KindName(e.Kind, p),
			p.T("%.3fms", ms(e.True)), p.T("%.3fms", ms(e.Physical)), stamp(e.Lamport), FormatVector(e.Vector), note)
	}
	return tw.Flush()
}

// ReportAnomalies is how many anomalies of each kind WriteAnomalies lists.
const ReportAnomalies = 10

// WriteAnomalies writes the full count of each kind of anomaly and the
// first ReportAnomalies of each with their explanations (see FindAnomalies).
func WriteAnomalies(w io.Writer, r *Run, p *locale.Printer) error {
	count := r.CountAnomalies()
	list := r.FindAnomalies(ReportAnomalies)
	var sb strings.Builder
	shown := func(k AnomalyKind) (n int) {
		for _, an := range list {
			if an.Kind == k {
				n++
			}
		}
		return n
	}
	sb.WriteString(p.T("Physical clocks: %d receives stamped no later than their send", count.Inversions) + "\n")
	if n := shown(PhysicalInversion); n < count.Inversions {
		sb.WriteString(p.T("(the first %d shown)", n) + "\n")
	}
	for _, an := range list {
		if an.Kind == PhysicalInversion {
			sb.WriteString("  - " + an.Text(p) + "\n")
		}
	}
	sb.WriteString("\n" + p.T("Lamport clocks: %d pairs with L(a) < L(b) but a ∥ b", count.LamportPairs))
	if n := shown(LamportNotCausal); n > 0 {
		sb.WriteString(p.T("; %d shown, at most one per event b", n))
	}
	sb.WriteByte('\n')
	for _, an := range list {
		if an.Kind == LamportNotCausal {
			sb.WriteString("  - " + an.Text(p) + "\n")
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
