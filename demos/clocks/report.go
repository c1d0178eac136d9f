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
// run, the event table and the anomalies, in lang ("en" or "pt-BR"), with
// that language's decimal mark.
func WriteReport(w io.Writer, r *Run, lang string) error {
	var sb strings.Builder
	if err := WriteSummary(&sb, r, lang); err != nil {
		return err
	}
	sb.WriteString("\n")
	if err := WriteTable(&sb, r, lang); err != nil {
		return err
	}
	sb.WriteString("\n")
	if err := WriteAnomalies(&sb, r, lang); err != nil {
		return err
	}
	_, err := io.WriteString(w, locale.Decimals(lang, sb.String()))
	return err
}

// WriteSummary writes the run's settings and each process's clock.
func WriteSummary(w io.Writer, r *Run, lang string) error {
	var sb strings.Builder
	c := r.Cfg
	if sc := findScenario(c.Scenario); sc != nil {
		fmt.Fprintf(&sb, "%s: %s\n%s\n", pick(lang, "Scenario", "Cenário"), sc.TitleIn(lang), sc.SummaryIn(lang))
	} else {
		fmt.Fprintf(&sb, pick(lang, "Random run, seed %d\n", "Execução aleatória, semente %d\n"), c.Seed)
	}
	fmt.Fprintf(&sb, pick(lang, "%d processes · %d events · delay %s..%s · loss %s · dup %s",
		"%d processos · %d eventos · atraso %s..%s · perda %s · duplicação %s"),
		c.Procs, len(r.Events), FormatTime(c.DelayMin), FormatTime(c.DelayMax), percent(c.Loss), percent(c.Dup))
	if p := c.Partition; p != nil {
		fmt.Fprintf(&sb, pick(lang, " · partition %s | %s from %s to %s", " · partição %s | %s de %s a %s"),
			procSet(p.A), procSet(p.B), FormatTime(p.From), FormatTime(p.To))
	}
	sb.WriteString(pick(lang, "\nclocks (offset, drift):", "\nrelógios (desvio, deriva):"))
	for _, p := range r.Procs {
		fmt.Fprintf(&sb, "  %s %s %+.0fppm", p.Name, signed(FormatTime(p.Offset)), p.DriftPPM)
	}
	sb.WriteByte('\n')
	_, err := io.WriteString(w, sb.String())
	return err
}

func percent(p float64) string { return strconv.FormatFloat(100*p, 'g', 4, 64) + "%" }

func signed(s string) string {
	if strings.HasPrefix(s, "-") {
		return s
	}
	return "+" + s
}

func procSet(ps []int) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = ProcName(p)
	}
	return "{" + strings.Join(names, ",") + "}"
}

// KindName is k's name in lang ("en" or "pt-BR").
func KindName(k Kind, lang string) string {
	if !isPT(lang) {
		return k.String()
	}
	switch k {
	case Send:
		return "envio"
	case Receive:
		return "recebimento"
	}
	return "local"
}

// WriteTable writes one line per event: event, process, kind, true time,
// physical time, Lamport time, vector clock and what it did with which
// message, flagging lost and duplicate messages and receives stamped no
// later than their send.
func WriteTable(w io.Writer, r *Run, lang string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, pick(lang,
		"event\tprocess\tkind\ttrue time\tphysical\tLamport\tvector\tmessage",
		"evento\tprocesso\ttipo\ttempo real\tfísico\tLamport\tvetor\tmensagem"))
	for i, e := range r.Events {
		var note string
		switch e.Kind {
		case Send:
			note = fmt.Sprintf("→ %s #%d", ProcName(e.Peer), e.Msg)
			if e.Lost {
				note += pick(lang, "  lost", "  perdida")
			}
		case Receive:
			note = fmt.Sprintf("← %s #%d", ProcName(e.Peer), e.Msg)
			if e.Dup {
				note += pick(lang, "  duplicate", "  duplicada")
			}
			if s := r.sendOf[i]; s >= 0 && e.Physical <= r.Events[s].Physical {
				note += pick(lang, "  ! stamped before its send", "  ! carimbado antes do envio")
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", e.Label, ProcName(e.Proc), KindName(e.Kind, lang),
			FormatTime(e.True), FormatTime(e.Physical), e.Lamport, FormatVector(e.Vector), note)
	}
	return tw.Flush()
}

// ReportAnomalies is how many anomalies of each kind WriteAnomalies lists.
const ReportAnomalies = 10

// WriteAnomalies writes the full count of each kind of anomaly and the
// first ReportAnomalies of each with their explanations (see FindAnomalies).
func WriteAnomalies(w io.Writer, r *Run, lang string) error {
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
	fmt.Fprintf(&sb, pick(lang,
		"Physical clocks: %d receive(s) stamped no later than their send\n",
		"Relógios físicos: %d recebimento(s) carimbado(s) antes do envio (ou junto)\n"), count.Inversions)
	if n := shown(PhysicalInversion); n < count.Inversions {
		fmt.Fprintf(&sb, pick(lang, "(the first %d shown)\n", "(os primeiros %d abaixo)\n"), n)
	}
	for _, an := range list {
		if an.Kind == PhysicalInversion {
			fmt.Fprintf(&sb, "  - %s\n", an.Text(lang))
		}
	}
	fmt.Fprintf(&sb, pick(lang,
		"\nLamport clocks: %d pair(s) with L(a) < L(b) but a ∥ b",
		"\nRelógios de Lamport: %d par(es) com L(a) < L(b) mas a ∥ b"), count.LamportPairs)
	if n := shown(LamportNotCausal); n > 0 {
		fmt.Fprintf(&sb, pick(lang, "; %d shown, at most one per event b\n", "; %d abaixo, no máximo um por evento b\n"), n)
	} else {
		sb.WriteByte('\n')
	}
	for _, an := range list {
		if an.Kind == LamportNotCausal {
			fmt.Fprintf(&sb, "  - %s\n", an.Text(lang))
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
