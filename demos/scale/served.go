package scale

import (
	"context"
	"fmt"
	"io"
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
				rate := float64(n-last) / elapsed.Seconds()
				fmt.Fprintln(out, p.T("served %.0f req/s over the last %s, %d requests in all",
					rate, p.Duration(elapsed.Round(time.Second)), n))
			}
			last, since = n, now
		}
	}
}

// Report is ReportServed for this worker's requests.
func (w *Worker) Report(ctx context.Context, out io.Writer, p *locale.Printer, period time.Duration) {
	ReportServed(ctx, out, p, period, w.Served)
}
