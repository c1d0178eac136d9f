package clocks

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"distlab/demos/locale"
)

// AnomalyKind is what a clock gets wrong.
type AnomalyKind int

const (
	// PhysicalInversion: a → b, but physical(a) >= physical(b).
	PhysicalInversion AnomalyKind = iota
	// LamportNotCausal: L(a) < L(b), but a ∥ b.
	LamportNotCausal
)

func (k AnomalyKind) String() string {
	switch k {
	case PhysicalInversion:
		return "physical-inversion"
	case LamportNotCausal:
		return "lamport-not-causal"
	}
	return fmt.Sprintf("AnomalyKind(%d)", int(k))
}

// Anomaly is a pair of events that a clock orders in a way that misleads.
type Anomaly struct {
	Kind AnomalyKind
	A, B int // event IDs

	a, b Event // the events, for the explanation
}

// Text explains the anomaly in one sentence in p's language (English for
// a nil p).
func (an Anomaly) Text(p *locale.Printer) string {
	a, b := an.a, an.b
	switch an.Kind {
	case PhysicalInversion:
		behind := (a.Physical - a.True) - (b.Physical - b.True)
		return p.T("%s receives message %s sent at %s, so %s → %s; yet %s's clock reads %.3fms at the receive, "+
			"no later than %s's %.3fms at the send: %s's clock was %.3fms behind %s's, at least the %.3fms the message took.",
			b.Label, msgID(a.Msg), a.Label, a.Label, b.Label, ProcName(b.Proc), ms(b.Physical),
			ProcName(a.Proc), ms(a.Physical), ProcName(b.Proc), ms(behind), ProcName(a.Proc), ms(b.True-a.True))
	case LamportNotCausal:
		return p.T("L(%s) = %s < L(%s) = %s, yet %s ∥ %s: no chain of messages links them, so neither could have "+
			"influenced the other; a smaller Lamport time does not mean \"happened before\".",
			a.Label, stamp(a.Lamport), b.Label, stamp(b.Lamport), a.Label, b.Label)
	}
	return an.Kind.String()
}

// ms is d in milliseconds, for a "%.3fms" the printer writes the
// language's way ("12.345ms", "12,345ms").
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// msgID and stamp write a message's number and a Lamport time: names of
// things, not quantities, so they go into a text as they are (%s).
func msgID(m int) string { return strconv.Itoa(m) }
func stamp(l int) string { return strconv.Itoa(l) }

// MaxAnomalies bounds each kind in Anomalies.
const MaxAnomalies = 50

// Anomalies is FindAnomalies(MaxAnomalies).
func (r *Run) Anomalies() []Anomaly { return r.FindAnomalies(MaxAnomalies) }

// FindAnomalies lists at most limit anomalies of each kind (limit <= 0: no
// bound), physical inversions first, each kind by B's ID.
//
// Physical inversions are listed at the message that causes them: a send s
// and a receive r of its message with physical(r) <= physical(s). Every
// other pair a → b with physical(a) >= physical(b) has one of these on its
// causal chain, because each process's own clock strictly increases from
// event to event.
//
// Pairs with L(a) < L(b) and a ∥ b are most concurrent pairs, far too many
// to list, so for each event b this gives one partner a: the concurrent
// event with the largest Lamport time below L(b) (ties to the lower
// process). CountAnomalies counts all of them.
func (r *Run) FindAnomalies(limit int) []Anomaly {
	var out []Anomaly
	n := 0
	for i, e := range r.Events {
		if limit > 0 && n == limit {
			break
		}
		if s := r.sendOf[i]; s >= 0 && e.Physical <= r.Events[s].Physical {
			out = append(out, r.inversion(s, i))
			n++
		}
	}
	n = 0
	for i := range r.Events {
		if limit > 0 && n == limit {
			break
		}
		if a, _ := r.lamportPartner(i); a >= 0 {
			out = append(out, r.lamportAnomaly(a, i))
			n++
		}
	}
	return out
}

// AnomalyCount counts a run's anomalies in full.
type AnomalyCount struct {
	Inversions   int // receives stamped no later than their send
	LamportPairs int // pairs a ∥ b with L(a) < L(b)
}

// CountAnomalies counts the anomalies of the whole run without listing them.
func (r *Run) CountAnomalies() AnomalyCount {
	var c AnomalyCount
	for i, e := range r.Events {
		if s := r.sendOf[i]; s >= 0 && e.Physical <= r.Events[s].Physical {
			c.Inversions++
		}
		_, pairs := r.lamportPartner(i)
		c.LamportPairs += pairs
	}
	return c
}

// lamportPartner finds the event concurrent with b with the largest Lamport
// time below L(b), and how many concurrent events have a Lamport time below
// L(b). Within another process's concurrent range Lamport times increase,
// so two binary searches per process do it.
func (r *Run) lamportPartner(b int) (partner, pairs int) {
	partner = -1
	lb := r.Events[b].Lamport
	for q, evs := range r.byProc {
		lo, hi := r.concurrentRange(b, q)
		k := lo + sort.Search(hi-lo, func(i int) bool { return r.Events[evs[lo+i]].Lamport >= lb }) - 1
		if k < lo {
			continue
		}
		pairs += k - lo + 1
		if a := evs[k]; partner < 0 || r.Events[a].Lamport > r.Events[partner].Lamport {
			partner = a
		}
	}
	return partner, pairs
}

func (r *Run) inversion(s, rcv int) Anomaly {
	return Anomaly{Kind: PhysicalInversion, A: s, B: rcv, a: r.Events[s], b: r.Events[rcv]}
}

func (r *Run) lamportAnomaly(a, b int) Anomaly {
	return Anomaly{Kind: LamportNotCausal, A: a, B: b, a: r.Events[a], b: r.Events[b]}
}

// Relation says in one sentence how events a and b are related, in p's
// language (English for a nil p): "a1 → b2 because …" (the earlier event
// first, with the chain of messages that links them) or "a1 ∥ b2: Lamport
// orders them (3 < 5), but neither could have influenced the other…". It
// is "" for an event that does not exist.
func (r *Run) Relation(a, b int, p *locale.Printer) string {
	if !r.valid(a) || !r.valid(b) {
		return ""
	}
	ea, eb := r.Events[a], r.Events[b]
	switch {
	case a == b:
		return p.T("%s is the same event", ea.Label)
	case r.HappenedBefore(a, b):
		return r.because(a, b, p)
	case r.HappenedBefore(b, a):
		return r.because(b, a, p)
	}
	va, vb := FormatVector(ea.Vector), FormatVector(eb.Vector)
	if ea.Lamport == eb.Lamport {
		return p.T("%s ∥ %s: they have the same Lamport time (%s), and neither could have influenced the other; their vectors %s and %s are incomparable",
			ea.Label, eb.Label, stamp(ea.Lamport), va, vb)
	}
	op := "<"
	if ea.Lamport > eb.Lamport {
		op = ">"
	}
	return p.T("%s ∥ %s: Lamport orders them (%s %s %s), but neither could have influenced the other; their vectors %s and %s are incomparable",
		ea.Label, eb.Label, stamp(ea.Lamport), op, stamp(eb.Lamport), va, vb)
}

// because explains x → y.
func (r *Run) because(x, y int, p *locale.Printer) string {
	ex, ey := r.Events[x], r.Events[y]
	path := r.Chain(x, y)
	if ex.Proc == ey.Proc {
		return p.T("%s → %s because %s comes earlier on process %s", ex.Label, ey.Label, ex.Label, ProcName(ex.Proc))
	}
	if len(path) == 2 {
		return p.T("%s → %s because %s receives message %s, sent at %s", ex.Label, ey.Label, ey.Label, msgID(ey.Msg), ex.Label)
	}
	labels := make([]string, len(path))
	var msgs []string
	for i, e := range path {
		labels[i] = r.Events[e].Label
		if i > 0 && r.sendOf[e] == path[i-1] {
			msgs = append(msgs, msgID(r.Events[e].Msg))
		}
	}
	chain, list := strings.Join(labels, " → "), strings.Join(msgs, ", ")
	// A chain between processes carries one message at least; one is
	// singular in both languages, so the noun needs no plural rule.
	if len(msgs) == 1 {
		return p.T("%s → %s because of the chain %s (message %s)", ex.Label, ey.Label, chain, list)
	}
	return p.T("%s → %s because of the chain %s (messages %s)", ex.Label, ey.Label, chain, list)
}

// Chain is a path of events from x to y when x → y, both included: each
// step is either the next event on the same process or a message from its
// send to a receive. It is nil unless x → y.
func (r *Run) Chain(x, y int) []int {
	if !r.HappenedBefore(x, y) {
		return nil
	}
	path := []int{y}
	for cur := y; cur != x; {
		p := r.Events[cur].Proc
		if p == r.Events[x].Proc {
			path = append(path, x) // x comes earlier on this process
			break
		}
		// The latest receive up to cur whose message x could have
		// influenced; there is one, or x could not have reached cur.
		k := r.pos[cur]
		for ; k >= 0; k-- {
			e := r.byProc[p][k]
			if s := r.sendOf[e]; s >= 0 && (s == x || r.HappenedBefore(x, s)) {
				if e != cur {
					path = append(path, e)
				}
				path = append(path, s)
				cur = s
				break
			}
		}
		if k < 0 {
			return nil // unreachable while the graph is consistent
		}
	}
	slices.Reverse(path)
	return path
}

// FormatTime writes a time in milliseconds to the microsecond: "12.345ms".
func FormatTime(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 3, 64) + "ms"
}

// FormatVector writes a vector clock as "[1,0,2]".
func FormatVector(v []int) string {
	var sb strings.Builder
	sb.WriteByte('[')
	for i, x := range v {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(strconv.Itoa(x))
	}
	sb.WriteByte(']')
	return sb.String()
}
