package raft

import (
	"time"

	"distlab/demos/locale"
)

// Times of a simulated run. They are the Raft paper's orders of magnitude
// (§5.6: broadcast time ≪ election timeout), slowed by the pane for the
// eye: a message takes 10–30 ms, a leader sends heartbeats every 50 ms, a
// follower that hears nothing for a random 150–300 ms stands for election.
const (
	DelayMin         = 10 * time.Millisecond
	DelayMax         = 30 * time.Millisecond
	HeartbeatEvery   = 50 * time.Millisecond
	ElectionMin      = 150 * time.Millisecond
	ElectionMax      = 300 * time.Millisecond
	MinNodes         = 3
	MaxNodes         = 7
	DefaultNodes     = 5
	maxInflight      = 4
	electionTicks    = 10 // etcd's own timer; never reached (see tickLeaders)
	heartbeatTicks   = 1
	maxEntriesPerMsg = 1 // MaxSizePerMsg in bytes: one entry per MsgApp
)

// A Bug is a deliberate departure from Raft that the safety checker must
// catch: the checker's own test, and a way to show in the demo why the
// rule matters.
type Bug int

// The bugs.
const (
	// BugNone is Raft as etcd implements it.
	BugNone Bug = iota
	// BugCountOldTerm lets a leader apply (and answer a client for) an
	// entry as soon as its Progress shows a majority holding it, whatever
	// the entry's term: the rule of §5.4.2 that Figure 8 of the paper
	// shows is unsafe.
	BugCountOldTerm
	// BugForgetVote makes a restarted node forget whom it voted for, as if
	// the vote were not persisted before the reply was sent: it can vote
	// twice in one term, and a term can have two leaders.
	BugForgetVote
)

// Faults are the random faults of a run: each message sent is dropped or
// duplicated with its probability, and after each event a node crashes,
// a crashed one restarts, the network splits in two or heals, each with
// its probability. Zero is a reliable network.
type Faults struct {
	Drop, Duplicate float64
	Crash, Restart  float64
	Partition, Heal float64
	Write           float64       // a client write at a random live node
	MaxDown         int           // at most this many nodes down at once; 0 for a minority
	ReorderExtra    time.Duration // extra random delay, so messages overtake each other
}

// RandomFaults is `--faults random`: every fault, often enough to see in a
// few hundred events.
var RandomFaults = Faults{Drop: 0.05, Duplicate: 0.03, Crash: 0.01, Restart: 0.03, Partition: 0.01, Heal: 0.03, Write: 0.05, ReorderExtra: 20 * time.Millisecond}

// Config is what a run depends on; with the same Config and the same
// actions a run is the same, event for event.
type Config struct {
	Nodes    int    // 3..7; 0 for DefaultNodes
	Seed     uint64 // the run's randomness: delays, timeouts, faults
	Faults   Faults
	Bug      Bug
	Scenario string // a scenario's name, or "" for a free run
}

func (c Config) withDefaults() Config {
	if c.Nodes == 0 {
		c.Nodes = DefaultNodes
		if sc, ok := FindScenario(c.Scenario); ok {
			c.Nodes = sc.Nodes
		}
	}
	return c
}

// Validate reports a Config the engine cannot run, in the user's words.
func (c Config) Validate() error {
	c = c.withDefaults()
	if c.Nodes < MinNodes || c.Nodes > MaxNodes {
		return locale.Errorf("a cluster has %d to %d nodes, not %d", MinNodes, MaxNodes, c.Nodes)
	}
	if c.Scenario != "" {
		sc, ok := FindScenario(c.Scenario)
		if !ok {
			return locale.Errorf("no scenario %q (distlab raft scenarios lists them)", c.Scenario)
		}
		if sc.Nodes != c.Nodes {
			return locale.Errorf("scenario %s runs on %d nodes", sc.Name, sc.Nodes)
		}
	}
	for _, p := range []float64{c.Faults.Drop, c.Faults.Duplicate, c.Faults.Crash, c.Faults.Restart, c.Faults.Partition, c.Faults.Heal, c.Faults.Write} {
		if p < 0 || p > 1 {
			return locale.Errorf("a fault's probability is between 0 and 1, not %g", p)
		}
	}
	return nil
}
