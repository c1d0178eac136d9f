package load

import (
	"slices"
	"time"
)

// Stats summarizes a set of durations.
type Stats struct {
	N                  int
	P50, P90, P99, Max time.Duration
}

// statsOf summarizes ds (sorting it).
func statsOf(ds []time.Duration) Stats {
	if len(ds) == 0 {
		return Stats{}
	}
	slices.Sort(ds)
	return Stats{N: len(ds), P50: quantile(ds, 0.50), P90: quantile(ds, 0.90), P99: quantile(ds, 0.99), Max: ds[len(ds)-1]}
}

// quantile is the nearest-rank q-quantile of sorted ds: the smallest value
// with at least q of the values at or below it.
func quantile(ds []time.Duration, q float64) time.Duration {
	i := int(q*float64(len(ds))+0.999999) - 1
	return ds[max(0, min(i, len(ds)-1))]
}
