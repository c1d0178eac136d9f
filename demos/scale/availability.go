package scale

import (
	"math"
	"time"

	"distlab/demos/locale"
)

// Availability is the fraction of time something is up, from its mean
// time between failures and mean time to repair: MTBF / (MTBF + MTTR).
func Availability(mtbf, mttr time.Duration) float64 {
	if mtbf <= 0 {
		return 0
	}
	return float64(mtbf) / float64(mtbf+mttr)
}

// Replicated is the availability of n replicas of availability a, when
// one being up is enough and they fail independently: 1 − (1−a)^n.
// Independence is the assumption that matters: replicas in one rack or
// running one bad release fail together.
func Replicated(a float64, n int) float64 {
	if n <= 0 {
		return 0
	}
	return 1 - math.Pow(1-a, float64(n))
}

// Series is the availability of parts that must all be up, such as a load
// balancer in front of the replicas: the product of theirs.
func Series(parts ...float64) float64 {
	a := 1.0
	for _, p := range parts {
		a *= p
	}
	return a
}

// ScaleOutAvailability is n replicas of availability a behind a load
// balancer of availability lb: lb · (1 − (1−a)^n).
func ScaleOutAvailability(a float64, n int, lb float64) float64 {
	return Series(lb, Replicated(a, n))
}

// Nines is the number of nines of a: 2 for 0.99, 4 for 0.9999.
func Nines(a float64) float64 {
	if a >= 1 {
		return math.Inf(1)
	}
	return -math.Log10(1 - a)
}

// Year is the year availability is counted over: 365 days.
const Year = 365 * 24 * time.Hour

// Downtime is how long something of availability a is down in a year.
func Downtime(a float64) time.Duration {
	return time.Duration((1 - a) * float64(Year))
}

// CostModel is the price per hour of the machines, an assumption and not
// a price list: a machine with k cores costs PerCore · k^Exponent an
// hour. With Exponent > 1 bigger machines cost more per core — roughly
// true of high-end servers with many sockets and much memory, and not of
// every cloud price list, where price is often close to linear in cores
// within a family. Say so wherever the figures are shown.
type CostModel struct {
	PerCore  float64 // c: price of a one-core machine, per hour
	Exponent float64 // p: cost(k) = c·k^p; 1 is linear
	Balancer float64 // the load balancer in front of scale-out nodes, per hour
	Currency string  // symbol printed before prices, e.g. "$"
}

// DefaultCost is the demo's assumption: $0.05 per core-hour, exponent
// 1.3, and $0.025 an hour for a load balancer.
func DefaultCost() CostModel {
	return CostModel{PerCore: 0.05, Exponent: 1.3, Balancer: 0.025, Currency: "$"}
}

// Machine is the hourly cost of one machine with k cores.
func (c CostModel) Machine(k int) float64 {
	if k <= 0 {
		return 0
	}
	return c.PerCore * math.Pow(float64(k), c.Exponent)
}

// ScaleUp is the hourly cost of one machine with k cores.
func (c CostModel) ScaleUp(k int) float64 { return c.Machine(k) }

// ScaleOut is the hourly cost of n one-core nodes and their balancer.
// Crashed nodes still cost: they are rented, only broken.
func (c CostModel) ScaleOut(n int) float64 {
	if n <= 0 {
		return 0
	}
	return float64(n)*c.Machine(1) + c.Balancer
}

// Assumption says the cost model in one line, in p's language: the CLI
// prints it under its table and the pane at its foot.
func (c CostModel) Assumption(p *locale.Printer) string {
	return p.T("assumption: a k-core machine costs %s%.3g·k^%.2g an hour; scale out is one-core machines and a %s%.3g/h load balancer",
		c.Currency, c.PerCore, c.Exponent, c.Currency, c.Balancer)
}

// FormatDowntime prints a year's downtime roughly, largest units first, in
// p's language: "3d 15h", "52m 34s", "31.5s" ("31,5s" in pt-BR).
func FormatDowntime(p *locale.Printer, d time.Duration) string {
	const day = 24 * time.Hour
	switch {
	case d >= day:
		return p.T("%dd %dh", int64(d/day), int64((d%day)/time.Hour))
	case d >= time.Hour:
		return p.T("%dh %dm", int64(d/time.Hour), int64((d%time.Hour)/time.Minute))
	case d >= time.Minute:
		return p.T("%dm %ds", int64(d/time.Minute), int64((d%time.Minute)/time.Second))
	}
	return p.Duration(d)
}
