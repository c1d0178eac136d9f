package clocks

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"distlab/demos/locale"
)

// TestClockProperties checks, over random runs, the clocks against
// happened-before as the graph defines it.
func TestClockProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := mustRun(t, genConfig(t))
		hb := reachability(r.Events)
		n := len(r.Events)
		for a := range n {
			for b := range n {
				got := r.HappenedBefore(a, b)
				if got != hb[a][b] {
					t.Fatalf("HappenedBefore(%s, %s) = %v; the graph says %v", labelOf(r, a), labelOf(r, b), got, hb[a][b])
				}
				ea, eb := r.Events[a], r.Events[b]
				if got && ea.Lamport >= eb.Lamport {
					t.Fatalf("%s → %s but L = %d, %d", ea.Label, eb.Label, ea.Lamport, eb.Lamport)
				}
				if vl := VectorLess(ea.Vector, eb.Vector); vl != got {
					t.Fatalf("%s → %s is %v but V(%s) < V(%s) is %v: %v %v", ea.Label, eb.Label, got, ea.Label, eb.Label, vl, ea.Vector, eb.Vector)
				}
				if c := r.Concurrent(a, b); c != (a != b && !hb[a][b] && !hb[b][a]) {
					t.Fatalf("Concurrent(%s, %s) = %v", ea.Label, eb.Label, c)
				}
			}
		}
	})
}

// TestRunShape checks what every run promises about its events, messages
// and network.
func TestRunShape(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := mustRun(t, genConfig(t))
		if len(r.Events) != r.Cfg.Events {
			t.Fatalf("%d events, config says %d", len(r.Events), r.Cfg.Events)
		}
		own := make([]int, r.Cfg.Procs)
		last := make([]*Event, r.Cfg.Procs)
		for i := range r.Events {
			e := &r.Events[i]
			own[e.Proc]++
			if e.ID != i || len(e.Vector) != r.Cfg.Procs || e.Label != ProcName(e.Proc)+strconv.Itoa(own[e.Proc]) {
				t.Fatalf("event %d: %+v", i, e)
			}
			if e.Vector[e.Proc] != own[e.Proc] {
				t.Fatalf("%s: own entry %d, want %d (one more per event)", e.Label, e.Vector[e.Proc], own[e.Proc])
			}
			if i > 0 && e.True < r.Events[i-1].True {
				t.Fatalf("%s at %v before %s at %v", e.Label, e.True, r.Events[i-1].Label, r.Events[i-1].True)
			}
			if e.Physical != r.Procs[e.Proc].Clock(e.True) {
				t.Fatalf("%s: physical %v, clock says %v", e.Label, e.Physical, r.Procs[e.Proc].Clock(e.True))
			}
			if p := last[e.Proc]; p != nil && (e.True <= p.True || e.Physical <= p.Physical) {
				t.Fatalf("%s does not come after %s on its process: %v/%v then %v/%v", e.Label, p.Label, p.True, p.Physical, e.True, e.Physical)
			}
			last[e.Proc] = e
			if (e.Kind == Local) != (e.Msg < 0) || (e.Kind == Local) != (e.Peer < 0) || e.Peer == e.Proc {
				t.Fatalf("%s: kind %v msg %d peer %d", e.Label, e.Kind, e.Msg, e.Peer)
			}
		}
		for _, m := range r.Messages {
			s := r.Events[m.Send]
			if s.Kind != Send || s.Msg != m.ID || s.Lost != m.Lost || s.Peer != m.To || s.Proc != m.From {
				t.Fatalf("message %d: send %+v", m.ID, s)
			}
			if m.Lost && len(m.Receives) > 0 || len(m.Receives) > len(m.Arrive) {
				t.Fatalf("message %d: lost %v, %d receives, %d arrivals", m.ID, m.Lost, len(m.Receives), len(m.Arrive))
			}
			for k, rc := range m.Receives {
				e := r.Events[rc]
				if e.Kind != Receive || e.Msg != m.ID || e.Proc != m.To || e.Peer != m.From || e.Dup != (k > 0) || e.True < m.Arrive[k] {
					t.Fatalf("message %d: receive %d is %+v", m.ID, k, e)
				}
			}
			if p := r.Cfg.Partition; p != nil && !m.Lost {
				for _, at := range m.Arrive {
					if p.crosses(m.From, m.To) && s.True < p.To && at >= p.From {
						t.Fatalf("message %d crosses the partition during %v..%v (in flight %v..%v) and arrives", m.ID, p.From, p.To, s.True, at)
					}
				}
			}
		}
		if r.Cfg.Loss == 1 && r.Cfg.Scenario == "" {
			for _, e := range r.Events {
				if e.Kind == Receive {
					t.Fatalf("loss 1 but %s receives", e.Label)
				}
			}
		}
	})
}

// TestOrders: Lamport's and the vectors' orders are linear extensions of
// happened-before; the physical order is sorted by timestamp.
func TestOrders(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := mustRun(t, genConfig(t))
		n := len(r.Events)
		for name, order := range map[string][]int{"lamport": r.OrderLamport(), "vector": r.OrderVector(), "physical": r.OrderPhysical()} {
			if got := slices.Sorted(slices.Values(order)); !slices.Equal(got, seq(n)) {
				t.Fatalf("%s order is not a permutation: %v", name, order)
			}
			if name == "physical" {
				for i := 1; i < n; i++ {
					x, y := r.Events[order[i-1]], r.Events[order[i]]
					if x.Physical > y.Physical || x.Physical == y.Physical && x.Proc > y.Proc {
						t.Fatalf("physical order: %s (%v) before %s (%v)", x.Label, x.Physical, y.Label, y.Physical)
					}
				}
				continue
			}
			at := make([]int, n)
			for i, e := range order {
				at[e] = i
			}
			for a := range n {
				for b := range n {
					if r.HappenedBefore(a, b) && at[a] > at[b] {
						t.Fatalf("%s order puts %s after %s, but %s → %s", name, labelOf(r, a), labelOf(r, b), labelOf(r, a), labelOf(r, b))
					}
				}
			}
		}
		lo := r.OrderLamport()
		for i := 1; i < n; i++ {
			x, y := r.Events[lo[i-1]], r.Events[lo[i]]
			if x.Lamport > y.Lamport || x.Lamport == y.Lamport && x.Proc >= y.Proc {
				t.Fatalf("Lamport order: %s (%d) before %s (%d): not by (L, process)", x.Label, x.Lamport, y.Label, y.Lamport)
			}
		}
	})
}

// TestPastFutureRelation checks the causal past and future, the chains
// that explain a → b, and the relation sentences.
func TestPastFutureRelation(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := mustRun(t, genConfig(t))
		hb := reachability(r.Events)
		n := len(r.Events)
		e := rapid.IntRange(0, n-1).Draw(t, "event")
		var past, future, conc []int
		for x := range n {
			switch {
			case hb[x][e]:
				past = append(past, x)
			case hb[e][x]:
				future = append(future, x)
			case x != e:
				conc = append(conc, x)
			}
		}
		if !slices.Equal(r.Past(e), past) || !slices.Equal(r.Future(e), future) || !slices.Equal(r.ConcurrentWith(e), conc) {
			t.Fatalf("%s: past %v future %v concurrent %v; want %v %v %v", labelOf(r, e), r.Past(e), r.Future(e), r.ConcurrentWith(e), past, future, conc)
		}
		for _, lang := range []*locale.Printer{nil, locale.For(locale.English), locale.For(locale.Portuguese)} {
			for x := range n {
				s := r.Relation(e, x, lang)
				ex, ee := labelOf(r, x), labelOf(r, e)
				switch {
				case x == e:
					if !strings.HasPrefix(s, ee+" ") {
						t.Fatalf("Relation(%s, itself) = %q", ee, s)
					}
				case hb[x][e]:
					if !strings.HasPrefix(s, ex+" → "+ee+" ") {
						t.Fatalf("Relation(%s, %s) = %q", ee, ex, s)
					}
				case hb[e][x]:
					if !strings.HasPrefix(s, ee+" → "+ex+" ") {
						t.Fatalf("Relation(%s, %s) = %q", ee, ex, s)
					}
				default:
					if !strings.HasPrefix(s, ee+" ∥ "+ex+": ") {
						t.Fatalf("Relation(%s, %s) = %q", ee, ex, s)
					}
				}
			}
		}
		for _, x := range future {
			checkChain(t, r, e, x)
		}
		for _, x := range past {
			checkChain(t, r, x, e)
		}
		if r.Chain(e, e) != nil || (len(conc) > 0 && r.Chain(e, conc[0]) != nil) {
			t.Fatalf("a chain where there is no x → y")
		}
	})
}

func checkChain(t *rapid.T, r *Run, x, y int) {
	c := r.Chain(x, y)
	if len(c) < 2 || c[0] != x || c[len(c)-1] != y {
		t.Fatalf("Chain(%s, %s) = %v", labelOf(r, x), labelOf(r, y), c)
	}
	for i := 1; i < len(c); i++ {
		u, v := r.Events[c[i-1]], r.Events[c[i]]
		sameProc := u.Proc == v.Proc && u.ID < v.ID
		message := u.Kind == Send && v.Kind == Receive && u.Msg == v.Msg
		if !sameProc && !message {
			t.Fatalf("Chain(%s, %s): no edge from %s to %s", labelOf(r, x), labelOf(r, y), u.Label, v.Label)
		}
	}
}

// TestAnomalies checks that every anomaly listed is one, and that the
// listing and the counts miss none.
func TestAnomalies(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := mustRun(t, genConfig(t))
		hb := reachability(r.Events)
		n := len(r.Events)
		all := r.FindAnomalies(0)
		var inv [][2]int
		partner := map[int]int{}
		for _, an := range all {
			a, b := r.Events[an.A], r.Events[an.B]
			en, pt := an.Text(nil), an.Text(locale.For(locale.Portuguese))
			if en == "" || pt == "" || en == pt || !strings.Contains(en, a.Label) || !strings.Contains(en, b.Label) || !strings.Contains(pt, b.Label) {
				t.Fatalf("explanation: %+v", an)
			}
			switch an.Kind {
			case PhysicalInversion:
				if a.Kind != Send || b.Kind != Receive || a.Msg != b.Msg || b.Physical > a.Physical {
					t.Fatalf("not an inversion: %s %s", a.Label, b.Label)
				}
				inv = append(inv, [2]int{an.A, an.B})
			case LamportNotCausal:
				if !r.Concurrent(an.A, an.B) || a.Lamport >= b.Lamport {
					t.Fatalf("not a Lamport anomaly: %s %s", a.Label, b.Label)
				}
				if _, dup := partner[an.B]; dup {
					t.Fatalf("two partners for %s", b.Label)
				}
				partner[an.B] = an.A
			}
		}
		count := r.CountAnomalies()
		if count.Inversions != len(inv) {
			t.Fatalf("%d inversions counted, %d listed", count.Inversions, len(inv))
		}
		pairs := 0
		for x := range n {
			for y := range n {
				ex, ey := r.Events[x], r.Events[y]
				if hb[x][y] && ex.Physical >= ey.Physical {
					// Some inverted message lies on a chain from x to y.
					if !slices.ContainsFunc(inv, func(p [2]int) bool {
						return (p[0] == x || hb[x][p[0]]) && (p[1] == y || hb[p[1]][y])
					}) {
						t.Fatalf("%s → %s is inverted (%v >= %v) but no inverted message explains it", ex.Label, ey.Label, ex.Physical, ey.Physical)
					}
				}
				if x != y && !hb[x][y] && !hb[y][x] && ex.Lamport < ey.Lamport {
					pairs++
					p, ok := partner[y]
					if !ok || r.Events[p].Lamport < ex.Lamport {
						t.Fatalf("%s: partner %v, but %s ∥ %s has L %d < %d and more", ey.Label, p, ex.Label, ey.Label, ex.Lamport, ey.Lamport)
					}
				}
			}
		}
		if pairs != count.LamportPairs {
			t.Fatalf("%d Lamport pairs counted, %d by brute force", count.LamportPairs, pairs)
		}
		if bounded := r.Anomalies(); len(bounded) > 2*MaxAnomalies {
			t.Fatalf("%d anomalies listed", len(bounded))
		}
	})
}

// TestDeterminism: the same config gives the same run, in one go or step
// by step.
func TestDeterminism(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cfg := genConfig(t)
		r1, r2 := mustRun(t, cfg), mustRun(t, cfg)
		if !reflect.DeepEqual(r1.Events, r2.Events) || !reflect.DeepEqual(r1.Messages, r2.Messages) || !reflect.DeepEqual(r1.Procs, r2.Procs) {
			t.Fatal("two runs of one config differ")
		}
		s, err := NewSim(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for s.Step() {
		}
		r3 := s.Run()
		if !reflect.DeepEqual(r1.Events, r3.Events) || !reflect.DeepEqual(r1.Messages, r3.Messages) || !reflect.DeepEqual(r1.Focus, r3.Focus) {
			t.Fatal("stepping gives another run")
		}
	})
}
