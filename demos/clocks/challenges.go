package clocks

import (
	"strconv"
	"strings"

	"distlab/demos/challenge"
	"distlab/demos/locale"
)

// The challenges' ids.
const (
	ChallengeBackwards = "clocks/backwards"          // a receive stamped before its send
	ChallengeLamport   = "clocks/lamport-concurrent" // two concurrent events Lamport orders
	ChallengeChain     = "clocks/chain"              // x → y through a third process
)

// Challenges are the demo's challenges, in the order the pane offers them.
func Challenges() []challenge.Challenge {
	return []challenge.Challenge{
		{
			ID: ChallengeBackwards,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: can a receive be stamped before its send? Make one happen in a random run and see.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("The scenarios set their clocks by hand: press c until the status line says random."),
					p.T("k raises the skew, the most a clock may be off; a message takes %d–%d ms.", 5, 30),
					p.T("With skew %d ms or more, play the run to its end on the physical axis: a red message runs backwards. r tries another seed.", 20),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Clocks differ in offset and drift: off by more than a message's delay, stamps put effect before cause.")
			},
		},
		{
			ID: ChallengeLamport,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: does L(x) < L(y) imply x → y? Find two events Lamport orders that no chain links, and see.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("↓ selects an event and enter pins it; select another: the line under the diagram relates the two."),
					p.T("Events that no chain of messages links are concurrent (∥): their vectors are incomparable."),
					p.T("In %s, pin a2 and select b1, then compare their L column.", findScenario("receive-before-send").title(p)),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Lamport: a → b implies L(a) < L(b), but not the converse. Vector clocks: V(a) < V(b) iff a → b.")
			},
		},
		{
			ID: ChallengeChain,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: can an event on a reach c through b? Find x → y on two processes, chained through a third.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("Pin one event and select another: when one happened before the other, the sentence shows the chain."),
					p.T("You need a message from x's process to a third one, and a later one from that third process to y's."),
					p.T("In %s (c), pin a1 and select c2.", findScenario("concurrent").title(p)),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Happened-before is transitive (Lamport, 1978): influence travels along any chain of messages.")
			},
		},
	}
}

// Lab is a student's time with the demo: it watches the runs a student
// plays (the Sims it makes) and the pairs of events they compare, and
// latches the challenges those meet. It outlives any one run: a new seed,
// skew or scenario is a new Sim from the same Lab. A Lab is safe for
// concurrent use; it satisfies challenge.Checker.
type Lab struct {
	log challenge.Log
}

var _ challenge.Checker = (*Lab)(nil)

// NewLab returns a lab that has seen nothing met.
func NewLab() *Lab { return &Lab{} }

// Challenges is the demo's challenges.
func (l *Lab) Challenges() []challenge.Challenge { return Challenges() }

// Done is the challenges met so far, in the order met; cheap.
func (l *Lab) Done() []challenge.Result { return l.log.Done() }

// NewSim is NewSim(cfg), watched by the lab: each event it makes is
// checked as it happens, and Sim.Compare judges the pairs the student
// compares.
func (l *Lab) NewSim(cfg Config) (*Sim, error) {
	s, err := NewSim(cfg)
	if err == nil {
		s.lab = l
	}
	return s, err
}

// happened checks the event e has just made: a receive in a random run
// stamped, by its process's physical clock, before its send was stamped by
// the sender's. A scenario does it by hand, so it does not count.
func (l *Lab) happened(e *engine) {
	ev := e.events[len(e.events)-1]
	if e.script != nil || ev.Kind != Receive || l.log.Met(ChallengeBackwards) {
		return
	}
	snd := e.events[e.msgs[ev.Msg].Send]
	if ev.Physical >= snd.Physical {
		return
	}
	seed := strconv.FormatUint(e.cfg.Seed, 10)
	l.log.Mark(ChallengeBackwards, func(p *locale.Printer) string {
		return p.T("Seed %s: receive %s was stamped %.3fms before its send %s.",
			seed, ev.Label, ms(snd.Physical-ev.Physical), snd.Label)
	})
}

// Compare judges the pair of events a student compares — events a and b
// of the run so far, by ID, in either order — against the run's own
// happened-before relation, for the lab's challenges. A Sim without a lab,
// or a pair that is not two events done, does nothing.
func (s *Sim) Compare(a, b int) {
	if s.lab == nil {
		return
	}
	r := s.Run()
	if !r.valid(a) || !r.valid(b) || a == b {
		return
	}
	s.lab.compare(r, a, b)
}

func (l *Lab) compare(r *Run, a, b int) {
	ea, eb := r.Events[a], r.Events[b]
	if r.Concurrent(a, b) && ea.Lamport != eb.Lamport {
		if ea.Lamport > eb.Lamport {
			ea, eb = eb, ea
		}
		va, vb := FormatVector(ea.Vector), FormatVector(eb.Vector)
		l.log.Mark(ChallengeLamport, func(p *locale.Printer) string {
			return p.T("L(%s) = %s < L(%s) = %s, yet %s ∥ %s: vectors %s and %s.",
				ea.Label, stamp(ea.Lamport), eb.Label, stamp(eb.Lamport), ea.Label, eb.Label, va, vb)
		})
		return
	}
	if r.HappenedBefore(b, a) {
		a, b = b, a
	}
	if chain := r.thirdChain(a, b); chain != nil {
		labels, msgs := r.chainText(chain)
		x, y := r.Events[a], r.Events[b]
		var via string
		for _, e := range chain {
			if q := r.Events[e].Proc; q != x.Proc && q != y.Proc {
				via = ProcName(q)
				break
			}
		}
		l.log.Mark(ChallengeChain, func(p *locale.Printer) string {
			return p.T("%s → %s by way of %s: %s (messages %s).", x.Label, y.Label, via, labels, msgs)
		})
	}
}

// thirdChain is a chain from x to y (x → y, on two processes) that passes
// through an event of a third process, or nil if there is none: the
// run's own chain when it does, else one made of two, x to such an event
// and that event to y.
func (r *Run) thirdChain(x, y int) []int {
	px, py := r.Events[x].Proc, r.Events[y].Proc
	if px == py || !r.HappenedBefore(x, y) {
		return nil
	}
	third := func(e int) bool { q := r.Events[e].Proc; return q != px && q != py }
	chain := r.Chain(x, y)
	for _, e := range chain {
		if third(e) {
			return chain
		}
	}
	// Every event on a chain from x to y lies between them in true time.
	for e := x + 1; e < y; e++ {
		if third(e) && r.HappenedBefore(x, e) && r.HappenedBefore(e, y) {
			return append(r.Chain(x, e), r.Chain(e, y)[1:]...)
		}
	}
	return nil
}

// chainText writes a chain's events ("a1 → b1 → b3 → c2") and the
// messages it carries ("0, 1").
func (r *Run) chainText(chain []int) (labels, msgs string) {
	ls := make([]string, len(chain))
	var ms []string
	for i, e := range chain {
		ls[i] = r.Events[e].Label
		if i > 0 && r.sendOf[e] == chain[i-1] {
			ms = append(ms, msgID(r.Events[e].Msg))
		}
	}
	return strings.Join(ls, " → "), strings.Join(ms, ", ")
}
