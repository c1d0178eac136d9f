package scale

import (
	"math"
	"time"
)

// Hist is a latency histogram with logarithmic buckets 2% wide from 1µs
// to about 1,000 s, so a percentile read from it is within 1% of the true
// value; it takes the same memory however many samples it holds. The zero
// value is empty and ready to use.
type Hist struct {
	counts []uint64 // len histBuckets once used
	n      uint64
	sum    time.Duration
	max    time.Duration
}

const (
	histMin     = time.Microsecond
	histRatio   = 1.02
	histBuckets = 1050
)

var histLogRatio = math.Log(histRatio)

func histIndex(d time.Duration) int {
	if d <= histMin {
		return 0
	}
	i := int(math.Log(float64(d)/float64(histMin)) / histLogRatio)
	return min(i, histBuckets-1)
}

// histValue is the middle of bucket i (geometrically).
func histValue(i int) time.Duration {
	return time.Duration(float64(histMin) * math.Pow(histRatio, float64(i)+0.5))
}

// Add records one latency.
func (h *Hist) Add(d time.Duration) {
	if h.counts == nil {
		h.counts = make([]uint64, histBuckets)
	}
	h.counts[histIndex(d)]++
	h.n++
	h.sum += d
	h.max = max(h.max, d)
}

// Merge adds o's samples to h.
func (h *Hist) Merge(o *Hist) {
	if o.n == 0 {
		return
	}
	if h.counts == nil {
		h.counts = make([]uint64, histBuckets)
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.n += o.n
	h.sum += o.sum
	h.max = max(h.max, o.max)
}

// Reset empties h, keeping its memory.
func (h *Hist) Reset() {
	clear(h.counts)
	h.n, h.sum, h.max = 0, 0, 0
}

// Count is the number of samples.
func (h *Hist) Count() uint64 { return h.n }

// Mean is the exact mean of the samples; 0 if none.
func (h *Hist) Mean() time.Duration {
	if h.n == 0 {
		return 0
	}
	return h.sum / time.Duration(h.n)
}

// Max is the largest sample, exactly.
func (h *Hist) Max() time.Duration { return h.max }

// Quantile is the q-quantile (0.5 for the median, 0.99 for p99), within
// 1%; 0 if there are no samples.
func (h *Hist) Quantile(q float64) time.Duration {
	if h.n == 0 {
		return 0
	}
	rank := uint64(math.Ceil(q * float64(h.n)))
	rank = max(1, min(rank, h.n))
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			return min(histValue(i), h.max)
		}
	}
	return h.max
}
