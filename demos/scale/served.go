package scale

import (
	"context"
	"fmt"
	"io"
	"math"
	"time"

	"distlab/demos/locale"
)

// ReportEvery is how often `distlab scale worker` says what it served: a
// person watching a worker under load sees it work, a few seconds apart.
const ReportEvery = 5 * time.Second

// ReportServed writes to out, every period until ctx ends, one line in p's
// language with the requests a second served since the line before, as
// the counter served reads them, and the total. A period in which nothing
// was served writes nothing, so an idle worker stays quiet.
func ReportServed(ctx context.Context, out io.Writer, p *locale.Printer, period time.Duration, served func() uint64) {
	p = printer(p)
	t := time.NewTicker(period)
	defer t.Stop()
	last, since := served(), time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			n, elapsed := served(), now.Sub(since)
			if n > last && elapsed > 0 {
				fmt.Fprintln(out, served1(p, float64(n-last)/elapsed.Seconds(), elapsed, n))
			}
			last, since = n, now
		}
	}
}

// served1 is one line of ReportServed: rate in requests a second with one
// decimal below 10, where whole numbers would read a lightly loaded
// worker's 2 requests in 5 s as "0 req/s", and total requests in all.
func served1(p *locale.Printer, rate float64, elapsed time.Duration, total uint64) string {
	d := p.Duration(elapsed.Round(time.Second))
	if tenths := math.Round(rate * 10); rate < 10 && math.Mod(tenths, 10) != 0 {
		return p.T("served %.1f req/s over the last %s, %d requests in all", rate, d, total)
	}
	return p.T("served %.0f req/s over the last %s, %d requests in all", rate, d, total)
}

// Report is ReportServed for this worker's requests.
func (w *Worker) Report(ctx context.Context, out io.Writer, p *locale.Printer, period time.Duration) {
	ReportServed(ctx, out, p, period, w.Served)
}
