package clocks

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
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
	Kind      AnomalyKind
	A, B      int    // event IDs
	Explain   string // one sentence, English
	ExplainPT string // the same in Brazilian Portuguese
}

// Text is the explanation in lang ("en" or "pt-BR").
func (an Anomaly) Text(lang string) string { return pick(lang, an.Explain, an.ExplainPT) }

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
	es, er := r.Events[s], r.Events[rcv]
	sp, rp := ProcName(es.Proc), ProcName(er.Proc)
	behind := (es.Physical - es.True) - (er.Physical - er.True)
	took := er.True - es.True
	return Anomaly{
		Kind: PhysicalInversion, A: s, B: rcv,
		Explain: fmt.Sprintf("%s receives message %d sent at %s, so %s → %s; yet %s's clock reads %s at the receive, "+
			"no later than %s's %s at the send: %s's clock was %s behind %s's, at least the %s the message took.",
			er.Label, es.Msg, es.Label, es.Label, er.Label, rp, FormatTime(er.Physical),
			sp, FormatTime(es.Physical), rp, FormatTime(behind), sp, FormatTime(took)),
		ExplainPT: fmt.Sprintf("%s recebe a mensagem %d enviada em %s, então %s → %s; mas o relógio de %s marca %s no recebimento, "+
			"não depois dos %s de %s no envio: o relógio de %s estava %s atrás do de %s, pelo menos os %s que a mensagem levou.",
			er.Label, es.Msg, es.Label, es.Label, er.Label, rp, FormatTime(er.Physical),
			FormatTime(es.Physical), sp, rp, FormatTime(behind), sp, FormatTime(took)),
	}
}

func (r *Run) lamportAnomaly(a, b int) Anomaly {
	ea, eb := r.Events[a], r.Events[b]
	return Anomaly{
		Kind: LamportNotCausal, A: a, B: b,
		Explain: fmt.Sprintf("L(%s) = %d < L(%s) = %d, yet %s ∥ %s: no chain of messages links them, so neither could have "+
			"influenced the other; a smaller Lamport time does not mean \"happened before\".",
			ea.Label, ea.Lamport, eb.Label, eb.Lamport, ea.Label, eb.Label),
		ExplainPT: fmt.Sprintf("L(%s) = %d < L(%s) = %d, mas %s ∥ %s: nenhuma cadeia de mensagens os liga, então nenhum poderia "+
			"ter influenciado o outro; um tempo de Lamport menor não significa \"aconteceu antes\".",
			ea.Label, ea.Lamport, eb.Label, eb.Lamport, ea.Label, eb.Label),
	}
}

// Relation says in one sentence how events a and b are related, in lang
// ("en" or "pt-BR"): "a1 → b2 because …" (the earlier event first, with
// the chain of messages that links them) or "a1 ∥ b2: Lamport orders them
// (3 < 5), but neither could have influenced the other…". It is "" for an
// event that does not exist.
func (r *Run) Relation(a, b int, lang string) string {
	if !r.valid(a) || !r.valid(b) {
		return ""
	}
	ea, eb := r.Events[a], r.Events[b]
	switch {
	case a == b:
		return fmt.Sprintf(pick(lang, "%s is the same event", "%s é o mesmo evento"), ea.Label)
	case r.HappenedBefore(a, b):
		return r.because(a, b, lang)
	case r.HappenedBefore(b, a):
		return r.because(b, a, lang)
	}
	vecs := fmt.Sprintf(pick(lang, "; their vectors %s and %s are incomparable", "; seus vetores %s e %s são incomparáveis"),
		FormatVector(ea.Vector), FormatVector(eb.Vector))
	if ea.Lamport == eb.Lamport {
		return fmt.Sprintf(pick(lang,
			"%s ∥ %s: they have the same Lamport time (%d), and neither could have influenced the other",
			"%s ∥ %s: têm o mesmo tempo de Lamport (%d), e nenhum poderia ter influenciado o outro"),
			ea.Label, eb.Label, ea.Lamport) + vecs
	}
	op := "<"
	if ea.Lamport > eb.Lamport {
		op = ">"
	}
	return fmt.Sprintf(pick(lang,
		"%s ∥ %s: Lamport orders them (%d %s %d), but neither could have influenced the other",
		"%s ∥ %s: Lamport os ordena (%d %s %d), mas nenhum poderia ter influenciado o outro"),
		ea.Label, eb.Label, ea.Lamport, op, eb.Lamport) + vecs
}

// because explains x → y.
func (r *Run) because(x, y int, lang string) string {
	ex, ey := r.Events[x], r.Events[y]
	path := r.Chain(x, y)
	if ex.Proc == ey.Proc {
		return fmt.Sprintf(pick(lang, "%s → %s because %s comes earlier on process %s", "%s → %s porque %s vem antes no processo %s"),
			ex.Label, ey.Label, ex.Label, ProcName(ex.Proc))
	}
	if len(path) == 2 {
		return fmt.Sprintf(pick(lang, "%s → %s because %s receives message %d, sent at %s", "%s → %s porque %s recebe a mensagem %d, enviada em %s"),
			ex.Label, ey.Label, ey.Label, ey.Msg, ex.Label)
	}
	labels := make([]string, len(path))
	var msgs []string
	for i, e := range path {
		labels[i] = r.Events[e].Label
		if i > 0 && r.sendOf[e] == path[i-1] {
			msgs = append(msgs, strconv.Itoa(r.Events[e].Msg))
		}
	}
	noun := pick(lang, "message", "mensagem")
	if len(msgs) > 1 {
		noun = pick(lang, "messages", "mensagens")
	}
	return fmt.Sprintf(pick(lang, "%s → %s because of the chain %s (%s %s)", "%s → %s por causa da cadeia %s (%s %s)"),
		ex.Label, ey.Label, strings.Join(labels, " → "), noun, strings.Join(msgs, ", "))
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
