package scale

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"distlab/demos/locale"
)

// syncBuffer is a writer two goroutines can share.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// take returns what was written since the last take.
func (s *syncBuffer) take() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.b.String()
	s.b.Reset()
	return out
}

// A worker under load says every few seconds what it served, in requests
// a second written the reader's way; an idle one says nothing.
func TestReportServedEveryPeriod(t *testing.T) {
	for _, tc := range []struct {
		lang locale.Lang
		want string
	}{
		{locale.English, "served 2,400 req/s over the last 5s, 12,000 requests in all\n"},
		{locale.Portuguese, "atendeu 2.400 req/s nos últimos 5s, 12.000 requisições no total\n"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var served atomic.Uint64
				var out syncBuffer
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan struct{})
				go func() {
					defer close(done)
					ReportServed(ctx, &out, locale.For(tc.lang), ReportEvery, served.Load)
				}()

				time.Sleep(ReportEvery + time.Millisecond) // idle: nothing to say
				synctest.Wait()
				if got := out.take(); got != "" {
					t.Fatalf("idle worker printed %q", got)
				}

				served.Add(12_000) // under load for the next period
				time.Sleep(ReportEvery)
				synctest.Wait()
				if got := out.take(); got != tc.want {
					t.Fatalf("under load: %q, want %q", got, tc.want)
				}

				time.Sleep(3 * ReportEvery) // idle again
				synctest.Wait()
				if got := out.take(); got != "" {
					t.Fatalf("idle again, printed %q", got)
				}

				cancel()
				<-done
				if got := out.take(); got != "" {
					t.Errorf("printed after its context ended: %q", got)
				}
			})
		})
	}
}

// One request in all is counted in the singular.
func TestReportServedSingular(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var served atomic.Uint64
		var out syncBuffer
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go ReportServed(ctx, &out, locale.For(locale.Portuguese), time.Second, served.Load)
		synctest.Wait() // the reporter has read the counter
		served.Add(1)
		time.Sleep(time.Second)
		synctest.Wait()
		if got, want := out.take(), "atendeu 1 req/s nos últimos 1s, 1 requisição no total\n"; got != want {
			t.Errorf("%q, want %q", got, want)
		}
	})
}

// A lightly loaded worker's rate keeps a decimal below 10 req/s, written
// the reader's way, rather than rounding 2 requests in 5 s to "0 req/s";
// whole rates and rates from 10 up are whole numbers.
func TestReportServedSmallRates(t *testing.T) {
	for _, tc := range []struct {
		lang locale.Lang
		n    uint64
		want string
	}{
		{locale.English, 2, "served 0.4 req/s over the last 5s, 2 requests in all\n"},
		{locale.Portuguese, 2, "atendeu 0,4 req/s nos últimos 5s, 2 requisições no total\n"},
		{locale.English, 1, "served 0.2 req/s over the last 5s, 1 request in all\n"},
		{locale.Portuguese, 47, "atendeu 9,4 req/s nos últimos 5s, 47 requisições no total\n"},
		{locale.English, 5, "served 1 req/s over the last 5s, 5 requests in all\n"},
		{locale.English, 52, "served 10 req/s over the last 5s, 52 requests in all\n"},
	} {
		synctest.Test(t, func(t *testing.T) {
			var served atomic.Uint64
			var out syncBuffer
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go ReportServed(ctx, &out, locale.For(tc.lang), ReportEvery, served.Load)
			synctest.Wait() // the reporter has read the counter
			served.Add(tc.n)
			time.Sleep(ReportEvery)
			synctest.Wait()
			if got := out.take(); got != tc.want {
				t.Errorf("%s, %d requests in 5s: %q, want %q", tc.lang, tc.n, got, tc.want)
			}
		})
	}
}
