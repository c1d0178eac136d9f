package kv

import (
	"distlab/demos/challenge"
	"distlab/demos/locale"
)

// The challenges' ids.
const (
	ChallengeStaleQuorum = "kv/stale-quorum" // a stale read although R + W > N
	ChallengeUnavailable = "kv/unavailable"  // a refusal for lack of a quorum under CP after the student's partition or crash
	ChallengeLostUpdate  = "kv/lost-update"  // LWW loses an acknowledged write
)

// Challenges are the demo's challenges, in the order the pane offers them.
func Challenges() []challenge.Challenge {
	return []challenge.Challenge{
		{
			ID: ChallengeStaleQuorum,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: with R + W > N every read meets the last write. Can a read still be stale? Produce one with R + W > N.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("R + W > N speaks of completed writes. What about a write still in progress, or one given up on?"),
					p.T("On the quorum scenario turn read repair off (e), then open the knobs (o) and let the network lose 30%% of messages; play."),
					p.T("Watch for a write given up on that one replica kept: a read through that replica returns it, a later read elsewhere the old value."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("A read can see a write still in progress (or given up on), and a later read a quorum without it: without writing back what it read to W replicas (ABD's read repair), R + W > N is not linearizable.")
			},
		},
		{
			ID: ChallengeUnavailable,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: under CP, what does a replica cut off from the others answer? Make the store refuse an operation.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("Mode CP is the default (m toggles it)."),
					p.T("p starts a partition: press a server's number to cut it off, then enter."),
					p.T("Select the cut-off server and read (g) or write (w) through it: it reaches too few replicas."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("A CP store without a quorum refuses: it gives up availability to keep every answer consistent, as CAP says it must under a partition.")
			},
		},
		{
			ID: ChallengeLostUpdate,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: under last writer wins, can a write be acknowledged and still vanish? Lose an update.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("Open the knobs (o) and set one server's clock skew ahead, say +500\u00a0ms."),
					p.T("Write through the fast server, wait for the answer, then write through another."),
					p.T("The second write is acknowledged, but its stamp is older: every replica keeps the first."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Last writer wins orders writes by physical stamps; a fast clock makes an earlier write look later, and the later write is lost though acknowledged.")
			},
		},
	}
}

// Lab is a student's time with the demo: it watches the runs they play
// (the Sims it makes) and latches the challenges those meet. It outlives
// any one run. A Lab is safe for concurrent use; it satisfies
// challenge.Checker.
type Lab struct {
	log challenge.Log
}

// NewLab is a Lab with nothing met.
func NewLab() *Lab { return &Lab{} }

// Challenges are the demo's.
func (l *Lab) Challenges() []challenge.Challenge { return Challenges() }

// Done is what was met so far.
func (l *Lab) Done() []challenge.Result { return l.log.Done() }

// Met reports whether a challenge was met.
func (l *Lab) Met(id string) bool { return l.log.Met(id) }

// NewSim starts a run the Lab watches.
func (l *Lab) NewSim(cfg Config) (*Sim, error) {
	s, err := NewSim(cfg)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.lab = l
	s.eng.lab.lab = l
	s.mu.Unlock()
	return s, nil
}

// labWatch is what the Lab needs to know of one run, kept on its engine so
// a replay rebuilds it.
type labWatch struct {
	lab         *Lab
	studentCut  bool // the student partitioned or crashed a server
	studentSkew bool // the student set a clock skew
}

// opDone looks at an operation that ended. Only what the student did
// counts: a scenario's script doing it does not. A refusal meets
// kv/unavailable only when it is CP's for want of a quorum: a crashed
// coordinator refuses in either mode, which says nothing about CAP.
func (w *labWatch) opDone(e *engine, op *opRecord) {
	if w.lab == nil {
		return
	}
	scripted := e.script != nil
	switch {
	case op.Stale && op.R+op.W > op.N && !scripted:
		r, wq, n := op.R, op.W, op.N
		w.lab.log.Mark(ChallengeStaleQuorum, func(p *locale.Printer) string {
			return p.T("%s read %s stale with R = %d, W = %d, N = %d.", ClientName(op.Client), op.Key, r, wq, n)
		})
	case op.Status == Refused && op.NoQuorum && e.cfg.Mode == CP && w.studentCut && !scripted:
		why := op.Why
		w.lab.log.Mark(ChallengeUnavailable, func(p *locale.Printer) string {
			return p.T("%s was refused: %s.", ClientName(op.Client), why(p))
		})
	case op.Lost && (w.studentSkew || op.Student):
		w.lab.log.Mark(ChallengeLostUpdate, func(p *locale.Printer) string {
			return p.T("%s's write %s = %d was acknowledged and lost.", ClientName(op.Client), op.Key, op.Value)
		})
	}
}
