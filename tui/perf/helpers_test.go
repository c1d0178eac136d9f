package perf

import (
	"os"
	"testing"
	"time"
)

func TestParseStat(t *testing.T) {
	// A name with spaces and a ')' of its own; utime 17, stime 4.
	line := "4242 (dist lab) x) S 7 4242 4242 0 -1 4194560 900 0 0 0 17 4 0 0 20 0 9 0 123 0 0"
	s, err := parseStat(line)
	if err != nil {
		t.Fatal(err)
	}
	if s.ppid != 7 || s.ticks != 21 {
		t.Errorf("parseStat = %+v, want ppid 7, ticks 21", s)
	}
	if _, err := parseStat("4242 (short) S 1"); err == nil {
		t.Error("a short line parsed")
	}
}

func TestTicksBetween(t *testing.T) {
	before := map[int]int64{1: 100, 2: 10}
	after := map[int]int64{1: 130, 2: 15, 3: 4} // 3 was born in between
	if got, procs := ticksBetween(before, after); got != 39 || procs != 3 {
		t.Errorf("ticksBetween = %d, %d; want 39, 3", got, procs)
	}
}

func TestQuantile(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	for _, c := range []struct {
		q    float64
		want time.Duration
	}{{0.5, 50 * time.Millisecond}, {0.99, 99 * time.Millisecond}, {1, 100 * time.Millisecond}, {0, time.Millisecond}} {
		if got := quantile(ds, c.q); got != c.want {
			t.Errorf("quantile(%v) = %v, want %v", c.q, got, c.want)
		}
	}
	if quantile(nil, 0.5) != 0 {
		t.Error("quantile of nothing is not 0")
	}
}

func TestTreeTicksSelf(t *testing.T) {
	m, err := treeTicks(os.Getpid())
	if err != nil {
		t.Skip("no /proc here:", err)
	}
	if len(m) < 1 {
		t.Error("no ticks for this process")
	}
}
