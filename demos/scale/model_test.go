package scale

import (
	"errors"
	"math"
	"testing"
	"time"
)

func TestPublishedFit(t *testing.T) {
	m, ok := Preset(Published)
	if !ok {
		t.Fatal("no published preset")
	}
	for _, c := range []struct {
		n    float64
		want float64
	}{{8, 6475}, {35, 12342}, {64, 11017}, {128, 7543}} {
		if got := m.X(c.n); math.Abs(got-c.want)/c.want > 0.005 {
			t.Errorf("X(%v) = %.1f, want %v ± 0.5%%", c.n, got, c.want)
		}
	}
	peak, ok := m.Peak()
	if !ok || math.Abs(peak-math.Sqrt((1-PublishedAlpha)/PublishedBeta)) > 1e-9 || math.Abs(peak-35.58) > 0.01 {
		t.Errorf("N* = %v, %v; want sqrt((1−α)/β) ≈ 35.58", peak, ok)
	}
	// X(35) and X(36) differ by less than 1 req/s; 36 is the better.
	if n, _ := m.PeakInt(); n != 36 || m.X(35) > m.X(36) || m.X(36) < m.X(37) {
		t.Errorf("PeakInt = %d, want 36", n)
	}
	// X is highest at the peak: its neighbours are lower.
	if !(m.X(peak) > m.X(peak-1) && m.X(peak) > m.X(peak+1)) {
		t.Errorf("X(N*) is not a maximum")
	}
	ceil, ok := m.Ceiling()
	if !ok || math.Abs(ceil-PublishedGamma/PublishedAlpha) > 1e-9 {
		t.Errorf("ceiling = %v, want γ/α", ceil)
	}
	for n := 1.0; n <= 1024; n *= 2 {
		if m.X(n) >= ceil {
			t.Errorf("X(%v) = %v reaches the ceiling %v", n, m.X(n), ceil)
		}
	}
}

func TestPresets(t *testing.T) {
	ideal, _ := Preset(Ideal)
	for _, n := range []float64{1, 2, 10, 1000} {
		if got := ideal.X(n); math.Abs(got-ideal.Gamma*n) > 1e-9 {
			t.Errorf("ideal X(%v) = %v, want γN", n, got)
		}
	}
	if _, ok := ideal.Peak(); ok {
		t.Error("the ideal model has a peak")
	}
	if _, ok := ideal.Ceiling(); ok {
		t.Error("the ideal model has a ceiling")
	}
	amdahl, _ := Preset(Contention)
	if !amdahl.Amdahl() {
		t.Error("contention-only is not Amdahl's law")
	}
	// Amdahl's law: speedup 1/(α + (1−α)/N), rising towards 1/α.
	for _, n := range []float64{1, 4, 64, 1e6} {
		want := 1 / (amdahl.Alpha + (1-amdahl.Alpha)/n)
		if got := amdahl.Speedup(n); math.Abs(got-want)/want > 1e-12 {
			t.Errorf("Amdahl speedup(%v) = %v, want %v", n, got, want)
		}
	}
	if ceil, _ := amdahl.Ceiling(); math.Abs(amdahl.X(1e9)-ceil)/ceil > 1e-6 {
		t.Errorf("Amdahl X(∞) = %v, want the ceiling %v", amdahl.X(1e9), ceil)
	}
	for _, m := range Presets() {
		if err := m.Validate(); err != nil {
			t.Errorf("%s: %v", m.Name, err)
		}
	}
	if got := PresetNames(); len(got) != 3 || got[0] != Ideal || got[2] != Published {
		t.Errorf("PresetNames = %v", got)
	}
}

func TestModelValidate(t *testing.T) {
	for _, m := range []Model{
		{Gamma: 0}, {Gamma: -1}, {Gamma: math.NaN()}, {Gamma: 1, Alpha: -0.1},
		{Gamma: 1, Alpha: 1.5}, {Gamma: 1, Beta: -1}, {Gamma: 1, Beta: math.Inf(1)},
	} {
		if err := m.Validate(); !errors.Is(err, ErrModel) {
			t.Errorf("%+v: err = %v, want ErrModel", m, err)
		}
	}
	if got := (Model{Gamma: 1}).X(0); got != 0 {
		t.Errorf("X(0) = %v", got)
	}
}

func TestSteps(t *testing.T) {
	m, _ := Preset(Published)
	up := m.WithAlpha(stepIn(alphaSteps, m.Alpha, +1))
	if up.Alpha != 0.05 || up.Name != Custom {
		t.Errorf("α up from the fit: %v", up)
	}
	back := up.WithAlpha(stepIn(alphaSteps, up.Alpha, -1))
	if back.Alpha != PublishedAlpha || back.Name != Published {
		t.Errorf("α back down: %v", back)
	}
	if got := stepIn(betaSteps, 0.0003, -1); got != 2e-4 {
		t.Errorf("β down from a value between steps: %v", got)
	}
	if got := stepIn(betaSteps, 1e-2, +1); got != 1e-2 {
		t.Errorf("β up from the top: %v", got)
	}
	if got := stepIn(alphaSteps, 0, -1); got != 0 {
		t.Errorf("α down from 0: %v", got)
	}
}

func TestAvailability(t *testing.T) {
	near := func(got, want float64) bool { return math.Abs(got-want) < 1e-12 }
	if got := Availability(99*time.Hour, time.Hour); !near(got, 0.99) {
		t.Errorf("Availability = %v", got)
	}
	for _, c := range []struct {
		a    float64
		n    int
		want float64
	}{{0.99, 1, 0.99}, {0.99, 2, 0.9999}, {0.99, 3, 0.999999}, {0.9, 2, 0.99}, {0.5, 0, 0}} {
		if got := Replicated(c.a, c.n); !near(got, c.want) {
			t.Errorf("Replicated(%v, %d) = %v, want %v", c.a, c.n, got, c.want)
		}
	}
	if got := Series(0.99, 0.999); !near(got, 0.98901) {
		t.Errorf("Series = %v", got)
	}
	// One node behind a balancer is worse than the machine alone; two are better.
	if one := ScaleOutAvailability(0.99, 1, 0.9999); !(one < 0.99) || !near(one, 0.99*0.9999) {
		t.Errorf("1 node: %v", one)
	}
	if two := ScaleOutAvailability(0.99, 2, 0.9999); !near(two, 0.9999*0.9999) {
		t.Errorf("2 nodes: %v", two)
	}
	// However many replicas, the balancer in series caps it.
	if many := ScaleOutAvailability(0.99, 50, 0.9999); many > 0.9999 {
		t.Errorf("50 nodes: %v above the balancer's 0.9999", many)
	}
	if got := Nines(0.999); math.Abs(got-3) > 1e-9 {
		t.Errorf("Nines(0.999) = %v", got)
	}
	if got := Downtime(0.99); got.Round(time.Hour) != 88*time.Hour {
		t.Errorf("Downtime(0.99) = %v, want ≈ 87.6h", got)
	}
	if got := FormatDowntime(nil, Downtime(0.99)); got != "3d 15h" {
		t.Errorf("FormatDowntime = %q", got)
	}
}

func TestCost(t *testing.T) {
	c := DefaultCost()
	if got := c.Machine(1); math.Abs(got-c.PerCore) > 1e-12 {
		t.Errorf("1 core: %v", got)
	}
	// Super-linear: a 64-core machine costs more than 64 one-core nodes and their balancer.
	if up, out := c.ScaleUp(64), c.ScaleOut(64); !(up > out) {
		t.Errorf("64 cores $%.2f/h vs 64 nodes $%.2f/h", up, out)
	}
	if got, want := c.ScaleUp(8), 0.05*math.Pow(8, 1.3); math.Abs(got-want) > 1e-12 {
		t.Errorf("8 cores: %v, want %v", got, want)
	}
	if c.Assumption(nil) == "" {
		t.Error("no assumption text")
	}
}

func TestHist(t *testing.T) {
	var h Hist
	if h.Quantile(0.5) != 0 || h.Mean() != 0 {
		t.Fatal("empty hist not zero")
	}
	for i := 1; i <= 10000; i++ {
		h.Add(time.Duration(i) * time.Microsecond)
	}
	for _, c := range []struct {
		q    float64
		want time.Duration
	}{{0.5, 5 * time.Millisecond}, {0.99, 9900 * time.Microsecond}, {1, 10 * time.Millisecond}} {
		if got := h.Quantile(c.q); math.Abs(float64(got-c.want))/float64(c.want) > 0.011 {
			t.Errorf("q%v = %v, want %v ± 1%%", c.q, got, c.want)
		}
	}
	if got := h.Mean(); got != 5000500*time.Nanosecond {
		t.Errorf("mean = %v", got)
	}
	var m Hist
	m.Merge(&h)
	m.Merge(&h)
	if m.Count() != 20000 || m.Quantile(0.5) != h.Quantile(0.5) || m.Max() != h.Max() {
		t.Errorf("merge: %d, %v", m.Count(), m.Quantile(0.5))
	}
}

func TestEventQueueOrder(t *testing.T) {
	var q eventQueue
	times := []time.Duration{5, 3, 9, 3, 1, 7, 3, 0, 9}
	for i, at := range times {
		q.push(event{at: at, unit: int32(i)})
	}
	var last event
	for k := 0; q.len() > 0; k++ {
		e := q.pop()
		if k > 0 && e.before(&last) {
			t.Fatalf("popped %+v after %+v", e, last)
		}
		last = e
	}
}
