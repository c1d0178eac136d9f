package scale

import (
	"fmt"
	"math"

	"distlab/demos/locale"
)

// Model is the Universal Scalability Law with its three parameters:
//
//	X(N) = γN / (1 + α(N−1) + βN(N−1))
//
// Gamma (γ) is the throughput of one unit in requests a second; Alpha (α)
// the contention, the share of the work that is serialised; Beta (β) the
// crosstalk, the cost of keeping every pair of units coherent. With β = 0
// it is Amdahl's law; with α = β = 0 throughput grows linearly.
type Model struct {
	Name  string  // a preset's name, or "custom"
	Gamma float64 // γ: requests a second of one core or node
	Alpha float64 // α: contention, 0 ≤ α ≤ 1
	Beta  float64 // β: crosstalk (coherency), β ≥ 0
}

// Preset names. A model whose α or β was changed by hand is Custom.
const (
	Ideal      = "ideal"
	Contention = "contention"
	Published  = "published"
	Custom     = "custom"
)

// PublishedGamma, PublishedAlpha and PublishedBeta are the USL fit of a
// Cisco system's benchmark (32 measurements, concurrency 1 to 32) in
// B. Schwartz, Practical Scalability Analysis with the Universal
// Scalability Law (VividCortex, 2015): X(8) ≈ 6,475, peak X(35) ≈ 12,342
// req/s, and less beyond (extrapolated), X(128) ≈ 7,543.
const (
	PublishedGamma = 995.65
	PublishedAlpha = 0.02672
	PublishedBeta  = 7.69e-4
)

// Presets are the models the demo offers, in the order a key cycles them.
// All three share the published fit's γ, so switching preset changes only
// the overheads: ideal has none, contention keeps the fit's α and drops
// its β (Amdahl's law), published is the whole fit.
func Presets() []Model {
	return []Model{
		{Name: Ideal, Gamma: PublishedGamma},
		{Name: Contention, Gamma: PublishedGamma, Alpha: PublishedAlpha},
		{Name: Published, Gamma: PublishedGamma, Alpha: PublishedAlpha, Beta: PublishedBeta},
	}
}

// PresetNames are the presets' names in order.
func PresetNames() []string {
	var names []string
	for _, m := range Presets() {
		names = append(names, m.Name)
	}
	return names
}

// PresetTitle is what the model called name is called in p's language:
// "published" is the "published fit". Unknown names are custom models.
func PresetTitle(p *locale.Printer, name string) string {
	switch name {
	case Ideal:
		return p.T("ideal")
	case Contention:
		return p.T("contention only")
	case Published:
		return p.T("published fit")
	}
	return p.T("custom")
}

// Preset returns the preset called name.
func Preset(name string) (Model, bool) {
	for _, m := range Presets() {
		if m.Name == name {
			return m, true
		}
	}
	return Model{}, false
}

// ErrModel reports parameters outside the law's domain.
var ErrModel = locale.Errorf("scale: invalid model")

// Validate checks γ > 0, 0 ≤ α ≤ 1 and β ≥ 0.
func (m Model) Validate() error {
	switch {
	case !(m.Gamma > 0) || math.IsInf(m.Gamma, 0):
		return locale.Errorf("%w: γ = %g, want a positive throughput", ErrModel, m.Gamma)
	case !(m.Alpha >= 0 && m.Alpha <= 1):
		return locale.Errorf("%w: α = %g, want 0 ≤ α ≤ 1", ErrModel, m.Alpha)
	case !(m.Beta >= 0) || math.IsInf(m.Beta, 0):
		return locale.Errorf("%w: β = %g, want β ≥ 0", ErrModel, m.Beta)
	}
	return nil
}

// X is the throughput of n units in requests a second; 0 for n ≤ 0.
// n may be fractional, for drawing the curve.
func (m Model) X(n float64) float64 {
	if n <= 0 {
		return 0
	}
	return m.Gamma * n / (1 + m.Alpha*(n-1) + m.Beta*n*(n-1))
}

// Speedup is X(n)/X(1).
func (m Model) Speedup(n float64) float64 { return m.X(n) / m.Gamma }

// Efficiency is the speedup per unit, X(n)/(n·X(1)): 1 when nothing is
// lost to contention or crosstalk.
func (m Model) Efficiency(n float64) float64 {
	if n <= 0 {
		return 0
	}
	return m.Speedup(n) / n
}

// Amdahl reports whether the model is Amdahl's law (no crosstalk).
func (m Model) Amdahl() bool { return m.Beta == 0 }

// Peak is N* = sqrt((1−α)/β), where throughput is highest; beyond it
// adding units lowers throughput. ok is false when β = 0: the curve then
// only flattens and has no peak.
func (m Model) Peak() (n float64, ok bool) {
	if m.Beta <= 0 {
		return math.Inf(1), false
	}
	return math.Sqrt((1 - m.Alpha) / m.Beta), true
}

// PeakInt is the whole number of units with the most throughput (the
// better of floor and ceil of N*); 0, false when there is no peak.
func (m Model) PeakInt() (int, bool) {
	p, ok := m.Peak()
	if !ok {
		return 0, false
	}
	lo := max(1, int(math.Floor(p)))
	if m.X(float64(lo+1)) > m.X(float64(lo)) {
		return lo + 1, true
	}
	return lo, true
}

// Ceiling is γ/α, the throughput that no number of units reaches: X(N)
// tends to it as N grows when β = 0, and stays further below it when
// β > 0. ok is false when α = 0 (no ceiling from contention).
func (m Model) Ceiling() (x float64, ok bool) {
	if m.Alpha <= 0 {
		return math.Inf(1), false
	}
	return m.Gamma / m.Alpha, true
}

// alphaSteps and betaSteps are the values a key steps α and β through.
var (
	alphaSteps = []float64{0, 0.001, 0.002, 0.005, 0.01, 0.02, PublishedAlpha, 0.05, 0.1, 0.2, 0.5, 1}
	betaSteps  = []float64{0, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, PublishedBeta, 1e-3, 2e-3, 5e-3, 1e-2}
)

// stepIn returns the value of steps next to v in direction dir (+1 up,
// −1 down), or v at either end. v need not be one of the steps.
func stepIn(steps []float64, v float64, dir int) float64 {
	if dir > 0 {
		for _, s := range steps {
			if s > v*(1+1e-9)+1e-12 {
				return s
			}
		}
		return v
	}
	if dir < 0 {
		for i := len(steps) - 1; i >= 0; i-- {
			if steps[i] < v*(1-1e-9)-1e-12 {
				return steps[i]
			}
		}
	}
	return v
}

// WithAlpha is m with α = a, named Custom unless it matches a preset.
func (m Model) WithAlpha(a float64) Model { m.Alpha = a; return m.renamed() }

// WithBeta is m with β = b, named Custom unless it matches a preset.
func (m Model) WithBeta(b float64) Model { m.Beta = b; return m.renamed() }

func (m Model) renamed() Model {
	m.Name = Custom
	for _, p := range Presets() {
		if p.Gamma == m.Gamma && p.Alpha == m.Alpha && p.Beta == m.Beta {
			m.Name = p.Name
		}
	}
	return m
}

// String is the model as a line: "published: γ = 995.65, α = 0.02672, β = 0.000769".
func (m Model) String() string {
	return fmt.Sprintf("%s: γ = %.6g, α = %.6g, β = %.6g", m.Name, m.Gamma, m.Alpha, m.Beta)
}

// Localize is the model as a line in p's language, named by its title:
// "published fit: γ = 995.65, α = 0.02672, β = 0.000769".
func (m Model) Localize(p *locale.Printer) string {
	return p.T("%s: γ = %.6g, α = %.6g, β = %.6g", PresetTitle(p, m.Name), m.Gamma, m.Alpha, m.Beta)
}
