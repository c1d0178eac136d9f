package scale

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"distlab/demos/locale"
)

// ModelTable is what `distlab scale model` prints: X(N) for a range of N,
// the peak and the ceiling, availability and cost figures.
type ModelTable struct {
	Model    Model
	Ns       []int     // rows; the peak's N is added
	Avail    float64   // one machine's availability, a
	LBAvail  float64   // the load balancer's
	Replicas []int     // replica counts for the availability figures
	Cost     CostModel // the price assumption
}

// DefaultNs are the table's rows unless asked otherwise.
var DefaultNs = []int{1, 2, 4, 8, 16, 32, 64, 128}

// ParseNs reads a list of N: numbers and ranges, comma-separated, such as
// "1,2,4,8" or "1..64" or "1..16,32,64". Its errors print in the reader's
// language.
func ParseNs(s string) ([]int, error) {
	var ns []int
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		lo, hi, isRange := strings.Cut(item, "..")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		b := a
		if err == nil && isRange {
			b, err = strconv.Atoi(strings.TrimSpace(hi))
		}
		if err != nil || a < 1 || b < a {
			return nil, locale.Errorf("range of N %q: want numbers ≥ 1 and ranges like 1..64", item)
		}
		if len(ns)+b-a > 10000 {
			return nil, locale.Errorf("range of N %q: more than %d rows", s, 10000)
		}
		for n := a; n <= b; n++ {
			ns = append(ns, n)
		}
	}
	slices.Sort(ns)
	return slices.Compact(ns), nil
}

// Print writes the table in p's language, numbers written its way.
func (t ModelTable) Print(w io.Writer, p *locale.Printer) error {
	var b strings.Builder
	m := t.Model
	law := p.T("the Universal Scalability Law")
	if m.Amdahl() {
		law = p.T("Amdahl's law (β = 0)")
	}
	b.WriteString(p.T("%s — %s", m, law))
	b.WriteString("\nX(N) = γN / (1 + α(N−1) + βN(N−1))\n\n")

	ns := slices.Clone(t.Ns)
	if len(ns) == 0 {
		ns = slices.Clone(DefaultNs)
	}
	peak, hasPeak := m.PeakInt()
	if hasPeak && !slices.Contains(ns, peak) && peak <= 10000 {
		ns = append(ns, peak)
		slices.Sort(ns)
	}
	amdahl := m
	amdahl.Beta = 0
	tw := tabwriter.NewWriter(&b, 0, 0, 3, ' ', tabwriter.AlignRight)
	head := []string{"N", p.T("X(N) req/s"), p.T("speedup"), p.T("efficiency")}
	if !m.Amdahl() {
		head = append(head, p.T("if β = 0"))
	}
	head = append(head, p.T("scale-up cost/h"), p.T("scale-out cost/h"))
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, n := range ns {
		x := float64(n)
		mark := ""
		if hasPeak && n == peak {
			mark = " " + p.T("← peak")
		}
		fmt.Fprint(tw, p.T("%d\t%.0f\t%.2f\t%.1f%%\t", n, m.X(x), m.Speedup(x), 100*m.Efficiency(x)))
		if !m.Amdahl() {
			fmt.Fprint(tw, p.T("%.0f\t", amdahl.X(x)))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", t.price(p, t.Cost.ScaleUp(n)), t.price(p, t.Cost.ScaleOut(n)), mark)
	}
	tw.Flush()
	b.WriteString("\n")
	writeLimits(&b, p, m, ns)
	b.WriteString(p.T("cost:    %s\n", t.Cost.Assumption(p)))

	b.WriteString(p.T("\navailability (assumed: a machine is up %s of the time, the load balancer %s,\nfailures independent)\n",
		pct(p, t.Avail), pct(p, t.LBAvail)))
	tw = tabwriter.NewWriter(&b, 0, 0, 3, ' ', 0)
	fmt.Fprint(tw, p.T("  one machine\t%s\t%.1f nines\t%s down a year\n", pct(p, t.Avail), Nines(t.Avail), FormatDowntime(p, Downtime(t.Avail))))
	for _, n := range t.Replicas {
		a := ScaleOutAvailability(t.Avail, n, t.LBAvail)
		fmt.Fprint(tw, p.T("  %d behind a balancer\t%s\t%.1f nines\t%s down a year\n", n, pct(p, a), Nines(a), FormatDowntime(p, Downtime(a))))
	}
	tw.Flush()
	b.WriteString(p.T("  (n replicas: 1−(1−a)^n, times the balancer's %s in series: never above it)\n", pct(p, t.LBAvail)))
	_, err := io.WriteString(w, b.String())
	return err
}

// writeLimits writes the table's peak and ceiling lines, true of the rows
// ns it shows: with α = 1 one unit already does all that any N can (X(1)
// = γ = γ/α), and a ceiling that the best row rounds to is not said to be
// out of reach without saying how close it comes.
func writeLimits(b *strings.Builder, p *locale.Printer, m Model, ns []int) {
	serial := m.Alpha >= 1
	peak, _ := m.PeakInt()
	switch pk, ok := m.Peak(); {
	case ok:
		b.WriteString(p.T("peak:    N* = sqrt((1−α)/β) = %.1f; X(%d) = %.0f req/s is the most any N gets,\n"+
			"         and adding units beyond it lowers throughput (X(%d) = %.0f)\n",
			pk, peak, m.X(float64(peak)), 2*peak, m.X(float64(2*peak))))
	case serial:
		b.WriteString(p.T("peak:    none (α = 1, β = 0): every N gets X(N) = γ, no more and no less\n"))
	default:
		b.WriteString(p.T("peak:    none (β = 0): throughput only ever rises, ever more slowly\n"))
	}
	c, ok := m.Ceiling()
	if !ok {
		b.WriteString(p.T("ceiling: none (α = 0)\n"))
		return
	}
	best := 0
	for _, n := range ns {
		if best == 0 || m.X(float64(n)) > m.X(float64(best)) {
			best = n
		}
	}
	switch {
	case serial:
		b.WriteString(p.T("ceiling: γ/α = %.0f req/s, one unit's throughput: with α = 1 all the work is serial,\n"+
			"         so X(1) reaches it and no N gets more\n", c))
	case best > 0 && p.T("%.0f", m.X(float64(best))) == p.T("%.0f", c):
		b.WriteString(p.T("ceiling: γ/α = %.0f req/s (%.0f× one unit): X(%d) comes within a req/s of it,\n"+
			"         but no N reaches it\n", c, c/m.Gamma, best))
	default:
		b.WriteString(p.T("ceiling: γ/α = %.0f req/s (%.0f× one unit), which no N reaches\n", c, c/m.Gamma))
	}
}

func (t ModelTable) price(p *locale.Printer, x float64) string {
	return p.T("%s%.2f", t.Cost.Currency, x)
}

// pct prints an availability with as many decimals as its nines need,
// without trailing zeros and with p's decimal mark: "99%", "98.99%",
// "99.9999%" ("99,9999%" in pt-BR).
func pct(p *locale.Printer, a float64) string {
	d := 2
	if a < 1 {
		d = max(2, min(10, int(math.Ceil(Nines(a)))+1))
	}
	s := strconv.FormatFloat(100*a, 'f', d, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return strings.Replace(s, ".", p.Decimal(), 1) + "%"
}
