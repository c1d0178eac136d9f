package kv

import (
	"time"

	"distlab/demos/locale"
)

// Op is what an Action does.
type Op int

// The operations. OpStep lets the next thing happen on its own (a message
// arrives, a timeout fires, a client issues its next operation, a
// scenario's step or a configured partition strikes); the rest are what a
// student does, at the current time.
const (
	OpStep         Op = iota
	OpPut             // Client writes Key (a new value) through Server, or its own choice when 0
	OpGet             // Client reads Key through Server, or its own choice when 0
	OpPartition       // split the network: Side against the rest
	OpHeal            // end the partition
	OpCrash           // crash Server (its stored data survives; its coordinations fail)
	OpRestart         // restart Server
	OpSetR            // R = Value, from the next operation on
	OpSetW            // W = Value
	OpSetMode         // Mode = Mode(Value)
	OpSetConflicts    // Conflicts = Conflicts(Value)
	OpSetReadRepair
	OpSetReadYourWrites // ReadYourWrites = Session(Value)
	OpSetMonotonicReads // MonotonicReads = Session(Value)
	OpSetLoss           // Loss = Value percent
	OpSetSkew           // Server's clock skew = Value ms
)

// An Action is one input to a run; each makes exactly one Event (OpStep
// none, when nothing is left to happen).
type Action struct {
	Op     Op
	Client int    // OpPut, OpGet: 1..Clients
	Key    string // OpPut, OpGet: "" for the first key
	Server int    // the coordinator (0: the client's choice), or the server crashed, restarted, skewed
	Side   []int  // OpPartition: the servers cut off from the rest
	Value  int    // the knobs' new value (booleans 0 or 1)
	// Scripted marks an action a scenario or the Config's partitions
	// took, not the student.
	Scripted bool
	// Single marks an OpStep the student took by hand, one event at a
	// time, rather than by playing the run.
	Single bool
}

// EventKind is what an Event was.
type EventKind int

// The kinds of events.
const (
	Deliver   EventKind = iota // a message arrives and its server handles it
	Lose                       // a message is lost: partition, crashed server, the network
	Invoke                     // a client invokes an operation at a coordinator
	Respond                    // a coordinator answers its client (also: gives up)
	TimeoutEv                  // a coordinator's timeout fires
	Handoff                    // spares start handing hinted writes back
	PartitionEv
	HealEv
	CrashEv
	RestartEv
	KnobEv // a knob changed
	NoOp   // an action that changed nothing (a crashed server crashed again)
)

// An Event is one thing that happened in a run.
type Event struct {
	N        int           // 1 for the first
	At       time.Duration // simulated time
	Kind     EventKind
	Server   int  // where it happened, 0 for the network
	Client   int  // the client concerned, 0 for none
	Op       int  // the operation concerned (its ID), 0 for none
	Scripted bool // a scenario's step or a configured partition
	// Said is the sentence under the diagram: what happened and why.
	Said func(p *locale.Printer) string
}
