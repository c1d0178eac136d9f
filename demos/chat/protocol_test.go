package chat

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// BenchmarkParseRelay is what a peer pays for each copy it reads.
func BenchmarkParseRelay(b *testing.B) {
	line := relayLine(Message{Client: "d00000000000f", Seq: 17, Origin: "n2", Epoch: "abcdef", OSeq: 12345, At: time.Now(), Kind: KindSay, Nick: "guest17", Text: "b3-1234-1733600000000000000"})
	b.ReportAllocs()
	for b.Loop() {
		parseRelay(line)
	}
}

// parseRelay cuts a line as strings.SplitN(line, " ", 10) does.
func TestParseRelayCutsAsSplitN(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		line := rapid.StringMatching(`(/relay|/recent|/x)( [a-z0-9]{0,3}){0,12}`).Draw(t, "line")
		m, ok := parseRelay(line)
		f := strings.SplitN(line, " ", 10)
		want := len(f) >= 9 && (f[0] == ctlRelay || f[0] == ctlRecent)
		if want {
			_, e1 := strconv.ParseUint(f[2], 10, 64)
			_, e2 := strconv.ParseUint(f[5], 10, 64)
			_, e3 := strconv.ParseInt(f[6], 10, 64)
			want = e1 == nil && e2 == nil && e3 == nil && (f[7] == string(KindSay) || f[7] == string(KindMe))
		}
		if ok != want {
			t.Fatalf("%q: parsed %v, SplitN says %v", line, ok, want)
		}
		if ok && (m.Client != f[1] || m.Origin != f[3] || m.Epoch != f[4] || m.Nick != f[8] || m.Text != strings.Join(f[9:], "")) {
			t.Fatalf("%q: got %+v", line, m)
		}
	})
	m, ok := parseRelay(relayLine(Message{Client: "d1", Seq: 2, Origin: "n2", Epoch: "e", OSeq: 3, At: time.UnixMilli(4), Kind: KindMe, Nick: "ana", Text: "waves at  everyone "}))
	if !ok || m.Text != "waves at  everyone " || m.Seq != 2 || m.OSeq != 3 || m.At.UnixMilli() != 4 || m.Kind != KindMe {
		t.Fatalf("round trip: %+v %v", m, ok)
	}
}

// The cached time of day is the one Format gives, second after second,
// and back again.
func TestAppendClock(t *testing.T) {
	base := time.Date(2026, 12, 8, 23, 59, 58, 0, time.UTC)
	for _, d := range []time.Duration{0, 300 * time.Millisecond, time.Second, 2 * time.Second, -time.Second, 0, time.Hour} {
		at := base.Add(d)
		if got, want := string(appendClock([]byte("x"), at)), "x"+at.Local().Format(timeLayout); got != want {
			t.Errorf("%v: %q, want %q", at, got, want)
		}
	}
}
