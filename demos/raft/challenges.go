package raft

import (
	"distlab/demos/challenge"
	"distlab/demos/locale"

	"go.etcd.io/raft/v3"
)

// The challenges' ids.
const (
	ChallengeReelect      = "raft/reelect"         // crash the leader, see a new one elected
	ChallengeSplitVote    = "raft/split-vote"      // a term with candidates and no leader
	ChallengeMinority     = "raft/minority-leader" // a cut-off leader that cannot commit
	ChallengeCommitMoment = "raft/commit-moment"   // step onto the event that commits a write
)

// Challenges are the demo's challenges, in the order the pane offers them.
func Challenges() []challenge.Challenge {
	return []challenge.Challenge{
		{
			ID: ChallengeReelect,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: crash the leader. Will the cluster elect another, and in which term? Do it and see.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("The leader is the node marked ★. Select it with its number."),
					p.T("k crashes the selected node. Then play (space) and watch the followers' timers."),
					p.T("With 5 nodes, 4 left are still a majority of 5: the first follower to time out wins the next term."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Followers that hear no heartbeat within a random timeout stand; a majority still up elects a leader of a newer term.")
			},
		},
		{
			ID: ChallengeSplitVote,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: can an election end with no leader at all? Make two candidates split the votes of one term.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("t fires the selected node's election timer now: it stands at once."),
					p.T("Pause, then fire two followers' timers one right after the other: their vote requests cross."),
					p.T("In 3 nodes, crash the leader first: the two left vote for themselves, and neither reaches 2 of 3."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Each node votes once per term, first come first served: two candidates can split the votes. Random timeouts make a repeat unlikely.")
			},
		},
		{
			ID: ChallengeMinority,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: a leader cut off with a minority takes your write. Can it commit it? Try it and see.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("p starts a partition: press the numbers of the nodes to cut off, then enter."),
					p.T("Cut off the leader with at most one other node, select the leader and press w to write."),
					p.T("Play until the other side elects a leader of a newer term: the old leader's entry stays uncommitted."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("Committing needs a majority: a minority leader appends but never commits, while the majority moves on in a newer term.")
			},
		},
		{
			ID: ChallengeCommitMoment,
			Goal: func(p *locale.Printer) string {
				return p.T("Predict: when is a write committed: when the leader appends it, when a follower stores it, or later? Step onto that event.")
			},
			Hints: func(p *locale.Printer) []string {
				return []string{
					p.T("Pause (space), write with w at the leader, then step one event at a time with →."),
					p.T("Watch the leader's commit index (c=) and the sentence under the diagram."),
					p.T("Stop on the event where the leader hears from the follower that makes a majority."),
				}
			},
			Explain: func(p *locale.Printer) string {
				return p.T("An entry is committed when its leader learns a majority stores it, and it is of the leader's term; followers learn it later.")
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

// NewSim starts a run the Lab watches.
func (l *Lab) NewSim(cfg Config) (*Sim, error) {
	s, err := NewSim(cfg)
	if err != nil {
		return nil, err
	}
	s.lab = l
	return s, nil
}

// watch is what a Lab needs to know of one run, kept on its engine so a
// replay rebuilds it.
type watch struct {
	crashed      uint64 // a leader the student crashed, and its term
	crashedTerm  uint64
	studentActed bool
	writes       map[uint64]bool     // ids of the student's writes
	candidates   map[uint64][]uint64 // per term, who stood (while the student drove)
}

// before is what the Lab reads of a run before an action.
type before struct {
	leaderOf uint64 // the term a.Node led, 0 if it did not
	commit   uint64 // the leader's commit index, and who it was
	leader   uint64
}

func (l *Lab) before(e *engine, a Action) before {
	var b before
	if a.Node != 0 && e.isLeader(a.Node) {
		b.leaderOf, _, _ = e.node(a.Node).hard()
	}
	if b.leader = e.leader(); b.leader != 0 {
		_, _, b.commit = e.node(b.leader).hard()
	}
	return b
}

// happened looks at the event an action made.
func (l *Lab) happened(e *engine, b before, a Action) {
	w := &e.watch
	if w.writes == nil {
		w.writes, w.candidates = map[uint64]bool{}, map[uint64][]uint64{}
	}
	ev := e.events[len(e.events)-1]
	if !a.Scripted && a.Op != OpStep {
		w.studentActed = true
	}
	if a.Op == OpCrash && !a.Scripted && b.leaderOf != 0 {
		w.crashed, w.crashedTerm = a.Node, b.leaderOf
	}
	if a.Op == OpWrite && !a.Scripted && len(e.reqs) > 0 {
		if r := e.reqs[len(e.reqs)-1]; r.Node == a.Node && !r.Failed {
			w.writes[r.ID] = true
		}
	}
	if ev.Kind == Timeout && e.script == nil && w.studentActed && e.node(ev.Node).role() == raft.StateCandidate {
		w.candidates[ev.Term] = append(w.candidates[ev.Term], ev.Node)
	}
	l.reelected(e)
	l.splitVote(e)
	l.minority(e)
	if a.Single && a.Op == OpStep && ev.Kind == Deliver {
		l.commitMoment(e, b, ev)
	}
}
